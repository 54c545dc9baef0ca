/**
 * npm run bench: measured figures for the ingest half of the pipeline, printed as a table and
 * written to bench/results.json, all from one run on one machine. Not a test: it reports, it does
 * not judge.
 *
 *   core throughput        parse + fingerprints + claims + story vector, no storage (one core)
 *   story decision         one article against a full candidate snapshot (bench/story-decision.ts)
 *   ingest at 1k and 20k   the full ingest use case (in-process ledger) on a corpus of that size:
 *                          wall time and storage operations per article, and the 20k/1k ratio
 *   story growth           the ingest cost as one story grows to hundreds of reports (in-process
 *                          ledger; bench/story-growth.ts): wall time, storage calls, KB read
 *   end to end             articles through the local mini-AWS (s3rver + DynamoDB Local) and the
 *                          handler in a process of its own: throughput, latency, DynamoDB and S3
 *                          requests and capacity units per article (SDK middleware), its memory
 *   bundle                 the ingest function's bundle as CDK builds it: size, cold-start init
 *   hostile inputs         one object of each hostile class at the size limit through the handler,
 *                          each in a process of its own: CPU, wall time, peak memory (bench/hostile.ts)
 *   queued                 articles uploaded at once through the local stack's queues with 1, 4 and 8
 *                          ingest worker processes and the publisher: articles/s, upload-to-digest
 *                          latency, digests per 1,000 articles, exactly-once, requests per article,
 *                          then a burst with the most workers (bench/queued.ts)
 *
 * Environment: BENCH_SAMPLE (articles per timed window, 200), BENCH_WINDOWS (timed windows per
 * corpus size, 5; the median counts), BENCH_SIZES (1000,20000),
 * BENCH_E2E (articles end to end, 250; 0 skips), BENCH_COLD_RUNS (9), BENCH_HANDLER_HEAP_MB (400),
 * BENCH_STORY_SIZES (story sizes at which a window of BENCH_STORY_WINDOW reports is timed,
 * 25,100,400,800; empty skips), BENCH_ONLY=ingest, story-growth, hostile or queued (that part
 * alone; its entry in results.json is replaced, the rest kept), the BENCH_HOSTILE_* settings of
 * bench/hostile.ts, BENCH_QUEUED (articles per queued run, 200), BENCH_WORKERS (1,4,8),
 * BENCH_BURST (articles in the burst, 2000; 0 skips) and BENCH_HEAP_MB (the queued runs' heap cap
 * per handler process, 256).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';
import { extractClaims } from '../functions/core/claims/extract-claims';
import { claimFeatures } from '../functions/core/claims/claim-features';
import { contentHash } from '../functions/core/fingerprint/content-hash';
import { lshBands, minhash } from '../functions/core/fingerprint/minhash';
import { parseArticle } from '../functions/core/parse/parse-article';
import { articleTermVector } from '../functions/core/stories/term-vector';
import { MemoryObjectStore } from '../functions/adapters/memory-object-store';
import { MemoryTableStore } from '../functions/adapters/memory-table-store';
import { ingestObject } from '../functions/ingest/ingest-object';
import { Ledger } from '../functions/ledger/ledger';
import { DEFAULT_MAX_OBJECT_BYTES } from '../functions/shared/resources';
import { buildIngestBundle, measureColdStart } from './bundle';
import { measureEndToEnd, type EndToEnd } from './e2e';
import { hostileTable, measureHostile, type HostileReport } from './hostile';
import { measureQueued, type QueuedRun } from './queued';
import { measureStoryDecision, type StoryDecisionCost } from './story-decision';
import { measureStoryGrowth, type StoryGrowth } from './story-growth';
import { percentile } from './percentile';
import { loadBaseTexts, syntheticArticle } from './synthetic-corpus';

const ROOT = join(__dirname, '..');
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 200);
/**
 * Timed windows of SAMPLE articles at each corpus size; the cost at a size is the median window.
 * With one window of 200, three runs of unchanged code read the 20k/1k ratio as 1.87 to 2.18, and
 * within one run the windows at 20k take 17 to 31 ms per article.
 */
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 5);
for (const [name, value] of Object.entries({ BENCH_SAMPLE: SAMPLE, BENCH_WINDOWS: WINDOWS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not ${value}`);
}
const SIZES = (process.env.BENCH_SIZES ?? '1000,20000').split(',').map(Number);
const STORY_SIZES = (process.env.BENCH_STORY_SIZES ?? '25,100,400,800').split(',').filter(Boolean).map(Number);
const STORY_WINDOW = Number(process.env.BENCH_STORY_WINDOW ?? 20);
const E2E_ARTICLES = Number(process.env.BENCH_E2E ?? 250);
const E2E_WARM_UP = 10;
/**
 * Heap limit of the handler process: a 512 MB function has 512 MB, so the handler runs told so and
 * has to live within it (the run fails if it dies). 0 = no limit.
 */
const HANDLER_HEAP_MB = Number(process.env.BENCH_HANDLER_HEAP_MB ?? 400);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 9);
const QUEUED_ARTICLES = Number(process.env.BENCH_QUEUED ?? 200);
const QUEUED_WORKERS = (process.env.BENCH_WORKERS ?? '1,4,8').split(',').map(Number);
const BURST_ARTICLES = Number(process.env.BENCH_BURST ?? 2000);

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (only !== undefined && only !== 'ingest') return benchOnly(only);
  const base = loadBaseTexts(ROOT);
  const encoder = new TextEncoder();
  const results: Record<string, unknown> = { machine: `${process.platform} ${process.arch}, node ${process.version}`, baseTexts: base.length, sample: SAMPLE };

  // Core throughput: two passes over the same 1,000 articles. The first includes JIT warm-up and
  // filling the stemmer cache (a fresh container); the second is the steady state of a warm one.
  const coreCount = 1000;
  const coreInputs = Array.from({ length: coreCount }, (_, i) => syntheticArticle(base, i)).map((a) => ({ key: a.key, bytes: encoder.encode(a.body) }));
  let claims = 0;
  let words = 0;
  const passes: Array<{ articlesPerSecond: number; articlesPerCpuSecond: number }> = [];
  let coreSeconds = 0;
  for (let pass = 0; pass < 2; pass += 1) {
    claims = 0;
    words = 0;
    const coreStart = process.hrtime.bigint();
    const coreCpu = process.cpuUsage();
    for (const input of coreInputs) {
      const article = parseArticle(input.bytes, { key: input.key });
      contentHash(article.title, article.paragraphs);
      lshBands(minhash(article.paragraphs.join('\n')));
      articleTermVector(article.title, article.paragraphs);
      for (const claim of extractClaims(article.paragraphs)) {
        claimFeatures(claim.text);
        claims += 1;
      }
      words += article.paragraphs.join(' ').split(/\s+/).length;
    }
    coreSeconds = Number(process.hrtime.bigint() - coreStart) / 1e9;
    const cpu = process.cpuUsage(coreCpu);
    // Wall time is what the issue asks for; CPU time of the process beside it, since the machine may
    // be shared (CPU time includes V8's background GC threads, so it is not a cleaner figure, only
    // one that other processes do not inflate).
    passes.push({ articlesPerSecond: round(coreCount / coreSeconds), articlesPerCpuSecond: round(coreCount / ((cpu.user + cpu.system) / 1e6)) });
  }
  results.core = {
    articles: coreCount,
    ...passes[1],
    firstPass: passes[0],
    meanWords: round(words / coreCount),
    claimsPerArticle: round(claims / coreCount),
  };
  process.stderr.write(`core: ${coreCount} articles in ${coreSeconds.toFixed(2)} s\n`);
  results.storyDecision = roundAll(measureStoryDecision(base));

  // Ingest cost against a growing corpus.
  const table = new MemoryTableStore();
  const objects = new MemoryObjectStore();
  const deps = { ledger: new Ledger(table), objects, maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES };
  let next = 0;
  let clock = Date.parse('2025-01-01T00:00:00Z');
  const ingest = async () => {
    const article = syntheticArticle(base, next);
    next += 1;
    await objects.put(article.key, article.body, 'text/plain');
    await ingestObject(deps, { key: article.key, eventTime: new Date((clock += 1000)).toISOString() });
  };
  // Garbage-collection pauses during the timed samples: the in-memory ledger lives in this heap, so
  // collections get dearer as it grows, which a function against DynamoDB would not see.
  const pauses: Array<{ start: number; duration: number }> = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, duration: entry.duration });
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const atSize: Record<string, IngestAtSize> = {};
  for (const size of SIZES) {
    while (next < size) {
      await ingest();
      if (next % 1000 === 0) process.stderr.write(`corpus: ${next}/${size}\n`);
    }
    const opsBefore = table.totalCalls();
    const returnedBefore = { ...table.returnedItems };
    const windows: Array<{ ms: number; gcMs: number }> = [];
    for (let w = 0; w < WINDOWS; w += 1) {
      pauses.length = 0;
      const start = process.hrtime.bigint();
      const from = performance.now();
      for (let i = 0; i < SAMPLE; i += 1) await ingest();
      const to = performance.now();
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      // Entries arrive asynchronously: let the observer catch up, then count the pauses in the window.
      await new Promise((resolve) => setTimeout(resolve, 50));
      windows.push({ ms, gcMs: pauses.filter((pause) => pause.start >= from && pause.start < to).reduce((sum, pause) => sum + pause.duration, 0) });
    }
    const inOrder = windows.map((window) => window.ms / SAMPLE);
    const perArticle = [...inOrder].sort((a, b) => a - b);
    const timed = SAMPLE * WINDOWS;
    atSize[size] = {
      msPerArticle: round(percentile(perArticle, 0.5)),
      meanMsPerArticle: round(windows.reduce((sum, window) => sum + window.ms, 0) / timed),
      windowRangeMs: [round(perArticle[0]), round(perArticle[perArticle.length - 1])],
      windowsMs: inOrder.map(round),
      gcMsPerArticle: round(windows.reduce((sum, window) => sum + window.gcMs, 0) / timed),
      storageOpsPerArticle: round((table.totalCalls() - opsBefore) / timed),
      itemsReadPerArticle: round((table.returnedItems.count - returnedBefore.count) / timed),
      kbReadPerArticle: round((table.returnedItems.bytes - returnedBefore.bytes) / 1024 / timed),
    };
    process.stderr.write(`ingest at ${size}: ${inOrder.map((ms) => ms.toFixed(1)).join(' ')} ms/article in ${WINDOWS} windows, in order\n`);
  }
  gcObserver.disconnect();
  results.ingest = atSize;
  if (SIZES.length >= 2) {
    const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]];
    results.costRatio = round(atSize[large].msPerArticle / atSize[small].msPerArticle);
    results.meanCostRatio = round(atSize[large].meanMsPerArticle / atSize[small].meanMsPerArticle);
    results.readRatio = round(atSize[large].kbReadPerArticle / atSize[small].kbReadPerArticle);
  }
  results.harnessPeakRssMb = round(process.resourceUsage().maxRSS / 1024);
  if (only === 'ingest') return ingestOnly(results);
  if (STORY_SIZES.length > 0) results.storyGrowth = roundAll(await measureStoryGrowth(ROOT, STORY_SIZES, STORY_WINDOW));

  const work = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));
  let e2e: EndToEnd | undefined;
  try {
    // Bundle and cold start.
    const bundle = buildIngestBundle(ROOT, work);
    // AWS_EXECUTION_ENV as Lambda sets it: the handler loads the X-Ray tracer there, and only there.
    const cold = measureColdStart(bundle.file, { CORROBORATE_TABLE: 'bench', CORROBORATE_BUCKET: 'bench', AWS_REGION: 'us-east-1', AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' }, COLD_RUNS);
    results.bundle = { bytes: bundle.bytes, mb: round(bundle.bytes / 1e6), sourceMapBytes: bundle.mapBytes, coldStart: roundAll(cold) };
    process.stderr.write(`bundle: ${bundle.bytes} bytes; cold start init ${cold.initMs.median.toFixed(0)} ms\n`);

    // End to end through the local mini-AWS.
    if (E2E_ARTICLES > E2E_WARM_UP) {
      e2e = await measureEndToEnd(ROOT, work, base, E2E_ARTICLES, E2E_WARM_UP, HANDLER_HEAP_MB || undefined);
      results.endToEnd = roundAll(e2e);
    }

    results.hostile = roundAll(measureHostile(ROOT, work));
    results.queued = roundAll(await measureQueuedRuns(work, base));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const out = join(__dirname, 'results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n| measure | value |\n|---|---|`);
  const core = results.core as { articlesPerSecond: number; articlesPerCpuSecond: number; meanWords: number; firstPass: { articlesPerSecond: number; articlesPerCpuSecond: number } };
  console.log(`| core throughput (1 core; parse, fingerprints, claims, story vector; ${core.meanWords} words/article), warm | ${core.articlesPerSecond} articles/s wall (${core.articlesPerCpuSecond} per CPU-second) |`);
  console.log(`| core throughput, first pass (JIT warm-up, empty stemmer cache) | ${core.firstPass.articlesPerSecond} articles/s wall (${core.firstPass.articlesPerCpuSecond} per CPU-second) |`);
  console.log(storyDecisionLine(results.storyDecision as StoryDecisionCost));
  for (const [size, figures] of Object.entries(atSize)) {
    console.log(
      `| ingest at corpus ${size} (in-process ledger; median of ${WINDOWS} windows of ${SAMPLE}) | ${figures.msPerArticle} ms/article (windows ${figures.windowRangeMs.join(' to ')}; mean ${figures.meanMsPerArticle}, of which GC pauses ${figures.gcMsPerArticle} ms), ${figures.storageOpsPerArticle} storage calls/article returning ${figures.itemsReadPerArticle} items, ${figures.kbReadPerArticle} KB |`,
    );
  }
  if (results.storyGrowth) console.log(storyGrowthLines(results.storyGrowth as StoryGrowth));
  if (results.costRatio !== undefined) {
    console.log(`| per-article cost ratio ${SIZES[SIZES.length - 1]}/${SIZES[0]} (median windows; of the means) | ${results.costRatio} (${results.meanCostRatio}) |`);
    console.log(`| per-article read ratio ${SIZES[SIZES.length - 1]}/${SIZES[0]} (KB the reads returned) | ${results.readRatio} |`);
  }
  const bundle = results.bundle as { mb: number; coldStart: { runs: number; initMs: { median: number; max: number }; processMs: { median: number } } };
  console.log(`| ingest bundle (esbuild as CDK builds it, minified, SDK inside) | ${bundle.mb} MB |`);
  console.log(`| cold-start init: require bundle + build handler, fresh node (median of ${bundle.coldStart.runs}; max) | ${bundle.coldStart.initMs.median} ms (max ${bundle.coldStart.initMs.max}); whole process ${bundle.coldStart.processMs.median} ms |`);
  if (e2e) {
    const r = roundAll(e2e);
    console.log(`| end to end, mini-AWS, one invocation at a time (${r.articles} articles after ${r.warmUp} warm-up) | ${r.articlesPerSecond} articles/s; latency p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms |`);
    console.log(`| handler time per invocation (ingest + digest publish) | p50 ${r.handlerMs.p50} ms, p95 ${r.handlerMs.p95} ms |`);
    console.log(`| DynamoDB requests per article | ${r.dynamoDb.requestsPerArticle} (${Object.entries(r.dynamoDb.byOperation).map(([k, v]) => `${k} ${v}`).join(', ')}) |`);
    console.log(
      `| DynamoDB capacity per article (${r.dynamoDb.capacityReported ? 'ConsumedCapacity reported by DynamoDB Local' : 'NOT reported by DynamoDB Local'}) | ${r.dynamoDb.writeUnitsPerArticle} write units, ${r.dynamoDb.readUnitsPerArticle} read units${r.dynamoDb.failedConditionalWritesPerArticle ? `, plus ${r.dynamoDb.failedConditionalWritesPerArticle} failed conditional writes (>= 1 WCU each, not reported)` : ''} |`,
    );
    console.log(`| S3 requests per article (handler; plus the upload itself) | ${r.s3.requestsPerArticle} (${Object.entries(r.s3.byOperation).map(([k, v]) => `${k} ${v}`).join(', ')}) |`);
    console.log(`| handler process memory (${r.handlerProcess.heapLimitMb ? `--max-old-space-size=${r.handlerProcess.heapLimitMb}` : 'no heap limit'}): peak RSS; heap at end | ${r.handlerProcess.maxRssMb} MB; ${r.handlerProcess.heapUsedMbAtEnd} MB |`);
    console.log(`| slowest invocation | ${r.slowest.handlerMs} ms (${r.slowest.key}) |`);
  }
  console.log(`| bench harness peak RSS (in-memory ledger of ${SIZES[SIZES.length - 1] + SAMPLE * WINDOWS} articles; not the function) | ${results.harnessPeakRssMb} MB |`);
  console.log(`\n${hostileTable(results.hostile as HostileReport)}`);
  console.log(`\n${queuedTable(results.queued as QueuedReport)}`);
  console.log(`\nwritten to ${out}`);
}

interface QueuedReport {
  runs: QueuedRun[];
  burst?: QueuedRun;
}

/** The queued runs: fresh local stack each, the same articles for every worker count; then the burst. */
async function measureQueuedRuns(work: string, base: readonly string[]): Promise<QueuedReport> {
  const runs: QueuedRun[] = [];
  for (const workers of QUEUED_WORKERS) runs.push(await measureQueued(ROOT, work, base, QUEUED_ARTICLES, workers));
  const burst = BURST_ARTICLES > 0 ? await measureQueued(ROOT, work, base, BURST_ARTICLES, Math.max(...QUEUED_WORKERS)) : undefined;
  return { runs, ...(burst ? { burst } : {}) };
}

function queuedTable(report: QueuedReport): string {
  const row = (label: string, r: QueuedRun) =>
    `| ${label} | ${r.articles} | ${r.workers} | ${r.articlesPerSecond} | ${r.drainSeconds} | ${r.uploadToDigestMs.p50} / ${r.uploadToDigestMs.p95} | ${r.lastIngestToDigestMs} | ${r.digestsPer1000Articles} | ${r.ingestedExactlyOnce ? 'yes' : 'NO'} | ${r.deadLetters} | ${r.dynamoDb.requestsPerArticle} / ${r.dynamoDb.writeUnitsPerArticle} / ${r.dynamoDb.readUnitsPerArticle} | ${r.s3.requestsPerArticle} | ${r.handlerPeakRssMb} / ${r.publisherPeakRssMb} | ${r.handlerCpuMsPerArticle} | ${r.dynamoDbLocalCpuMsPerArticle} |`;
  return [
    `| queued run (local stack, uploaded at once) | articles | workers | articles/s | drain s | upload-to-digest p50 / p95 ms | last ingest to digest ms | digests per 1,000 | ingested exactly once | dead letters | DynamoDB requests / WCU / RCU per article | S3 requests per article | peak RSS MB, ingest worker / publisher (heap capped at ${report.runs[0]?.heapLimitMb ?? report.burst?.heapLimitMb} MB) | handler CPU ms per article | DynamoDB Local CPU ms per article |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...report.runs.map((r) => row('throughput', r)),
    ...(report.burst ? [row('burst', report.burst)] : []),
    '',
    ...report.runs.map((r) => `write units per article by request and item kind, ${r.workers} worker(s): ${Object.entries(r.dynamoDb.writeUnitsByKind).sort((a, b) => b[1] - a[1]).map(([kind, units]) => `${kind} ${units}`).join(', ')}`),
    ...report.runs.map((r) => `DynamoDB round-trip ms per article by request and item kind (requests), ${r.workers} worker(s): ${Object.entries(r.dynamoDb.roundTripMsByKind).sort((a, b) => b[1] - a[1]).map(([kind, ms]) => `${kind} ${ms} (${r.dynamoDb.requestsByKind[kind]})`).join(', ')}`),
  ].join('\n');
}

function storyDecisionLine(cost: StoryDecisionCost): string {
  const { median, min, max } = cost.microseconds;
  const ms = (microseconds: number) => (microseconds / 1000).toFixed(2);
  return `| story decision, one article against ${cost.candidates} candidate stories of ${cost.membersEach} kept members (median of passes over ${cost.decisions} articles) | ${ms(median)} ms per decision (passes ${ms(min)} to ${ms(max)}) |`;
}

function storyGrowthLines(growth: StoryGrowth): string {
  return growth.sizes
    .map((at) => `| ingest into one story of ${at.storySize} reports (in-process ledger; next ${growth.windowArticles}; the reports ended in ${growth.stories} ${growth.stories === 1 ? 'story' : 'stories'}) | ${at.msPerArticle} ms/article, ${at.storageOpsPerArticle} storage calls, ${at.kbReadPerArticle} KB read; story record ${at.storyRecordKb} KB; one publish ${at.publishMs} ms, latest.json ${at.latestJsonKb} KB |`)
    .join('\n');
}

/** BENCH_ONLY=ingest: core throughput and the ingest cost at each corpus size; results.json keeps the other parts. */
function ingestOnly(measured: Record<string, unknown>): void {
  const out = join(__dirname, 'results.json');
  const results = { ...(existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {}), ...measured };
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(storyDecisionLine(measured.storyDecision as StoryDecisionCost));
  const ingest = measured.ingest as Record<string, IngestAtSize>;
  for (const [size, figures] of Object.entries(ingest)) console.log(`ingest at corpus ${size}: ${figures.msPerArticle} ms/article (windows ${figures.windowRangeMs.join(' to ')}; GC ${figures.gcMsPerArticle} ms), ${figures.storageOpsPerArticle} storage calls, ${figures.kbReadPerArticle} KB read per article`);
  if (measured.costRatio !== undefined) console.log(`cost ratio ${SIZES[SIZES.length - 1]}/${SIZES[0]}: ${measured.costRatio} (of the means ${measured.meanCostRatio}); read ratio ${measured.readRatio}\n\nwritten to ${out}`);
}

/** One part of the bench on its own (BENCH_ONLY): its entry in results.json is replaced, the others kept. */
async function benchOnly(part: string): Promise<void> {
  if (part !== 'hostile' && part !== 'queued' && part !== 'story-growth') throw new Error(`BENCH_ONLY=${part}: the parts that run on their own are "ingest", "story-growth", "hostile" and "queued"`);
  const out = join(__dirname, 'results.json');
  const results = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
  if (part === 'story-growth') {
    results.storyGrowth = roundAll(await measureStoryGrowth(ROOT, STORY_SIZES, STORY_WINDOW));
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\n${storyGrowthLines(results.storyGrowth as StoryGrowth)}\n\nwritten to ${out}`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));
  try {
    if (part === 'hostile') results.hostile = roundAll(measureHostile(ROOT, work));
    else results.queued = roundAll(await measureQueuedRuns(work, loadBaseTexts(ROOT)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  const table = part === 'hostile' ? hostileTable(results.hostile as HostileReport) : queuedTable(results.queued as QueuedReport);
  console.log(`\n${table}\n\nwritten to ${out}`);
}

interface IngestAtSize {
  /** The median window's wall time per article. */
  msPerArticle: number;
  meanMsPerArticle: number;
  windowRangeMs: [number, number];
  /** Each window's wall time per article, in the order they ran. */
  windowsMs: number[];
  gcMsPerArticle: number;
  storageOpsPerArticle: number;
  /** Items the reads returned, and their serialized size: read capacity, whatever the machine's timing. */
  itemsReadPerArticle: number;
  kbReadPerArticle: number;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Every number in a plain object, rounded to two decimals. */
function roundAll<T>(value: T): T {
  if (typeof value === 'number') return round(value) as T;
  if (Array.isArray(value)) return value.map(roundAll) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundAll(v)])) as T;
  return value;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
