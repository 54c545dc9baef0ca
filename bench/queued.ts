import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { toLambdaEvent } from '../cli/local/event-delivery';
import { EventSourceMapping } from '../cli/local/event-source-mapping';
import { localQueues } from '../cli/local/local-queues';
import { startLocalStack } from '../cli/local/local-stack';
import { QUEUES } from '../functions/shared/resources';
import type { WorkerReply, WorkerRequest } from './e2e-worker';
import { combinedMeter, newMeter } from './sdk-meter';
import { percentile } from './percentile';
import { processCpuMs } from './process-cpu';
import { syntheticArticle } from './synthetic-corpus';

export interface QueuedRun {
  workers: number;
  articles: number;
  /** First upload starts -> the digest that holds the last article is published. */
  drainSeconds: number;
  articlesPerSecond: number;
  /** Upload start -> the first published digest that holds the article, ms. */
  uploadToDigestMs: { p50: number; p95: number; max: number };
  /** Articles no published digest held (their story left the 50 most recent before a publish). */
  neverInDigest: number;
  /**
   * The last ingest invocation's end (wall clock) -> the end of the first publish that holds every
   * article of that invocation; negative when a publish already held them as the invocation returned.
   */
  lastIngestToDigestMs: number;
  digestsPublished: number;
  digestsPer1000Articles: number;
  /** Outcomes per status: `ingested` once per article means exactly once. */
  statuses: Record<string, number>;
  ingestedExactlyOnce: boolean;
  deadLetters: number;
  failedMessages: number;
  dynamoDb: { requestsPerArticle: number; readUnitsPerArticle: number; writeUnitsPerArticle: number; failedConditionalWritesPerArticle: number; byOperation: Record<string, number>; writeUnitsByKind: Record<string, number>; roundTripMsByKind: Record<string, number>; requestsByKind: Record<string, number> };
  s3: { requestsPerArticle: number; byOperation: Record<string, number> };
  /** The largest peak RSS of an ingest worker process, and the publisher's (they are functions of different memory sizes). */
  handlerPeakRssMb: number;
  /** The heap cap every handler process ran under (HEAP_LIMIT_MB). */
  heapLimitMb: number;
  publisherPeakRssMb: number;
  /** CPU time of the handler processes (ingest workers and the publisher) per article; the rest of the machine runs s3rver, DynamoDB Local and the harness. */
  handlerCpuMsPerArticle: number;
  /** CPU time of the DynamoDB Local process (Java) per article, from upload to drain (NaN where /proc is not there). */
  dynamoDbLocalCpuMsPerArticle: number;
}

const UPLOAD_CONCURRENCY = 16;
/**
 * Each handler process runs with its heap capped (`--max-old-space-size`; BENCH_HEAP_MB, 256 MB by
 * default, a quarter of the publisher function's memory): without a cap V8 sizes the heap from
 * this machine's 24 GB and collects lazily, so peak RSS would measure the garbage it left, not what
 * a handler needs. A handler that needs more fails the run.
 */
const HEAP_LIMIT_MB = Number(process.env.BENCH_HEAP_MB ?? 256);

/** One handler process, asked one thing at a time; publish requests it sends go to `onPublishRequest`. */
class HandlerProcess {
  private readonly child: ChildProcess;
  private waiting: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | undefined;

  constructor(script: string, env: NodeJS.ProcessEnv, onPublishRequest: (reply: Extract<WorkerReply, { type: 'publish-request' }>) => void) {
    // BENCH_PROFILE_DIR=DIR: each handler process writes a V8 CPU profile there (open it in Chrome's DevTools).
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const execArgv = [`--max-old-space-size=${HEAP_LIMIT_MB}`, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
    this.child = fork(script, [], { env, execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.child.on('message', (reply: WorkerReply) => {
      if (reply.type === 'publish-request') return onPublishRequest(reply);
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.resolve(reply);
    });
    this.child.on('exit', (code, signal) => this.waiting?.reject(new Error(`handler process exited (code ${code}, signal ${signal})`)));
  }

  ask(request: WorkerRequest): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.child.send(request);
    });
  }

  kill(): void {
    this.child.kill();
  }
}

/**
 * `articles` distinct articles uploaded at once (16 PUTs in flight) into the local stack: s3rver's
 * events -> the in-process ingest queue -> `workers` handler processes, each an ingest invocation at
 * a time (as Lambda instances under the mapping's maximum concurrency) -> publish requests -> the
 * in-process FIFO publish queue (delayed one bucket) -> one publisher process. Queue settings are
 * the stack's (functions/shared/resources.ts).
 */
export async function measureQueued(root: string, outdir: string, baseTexts: readonly string[], articles: number, workers: number, firstIndex = 0): Promise<QueuedRun> {
  const script = join(outdir, 'e2e-worker.js');
  buildSync({ entryPoints: [join(root, 'bench', 'e2e-worker.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: script, logLevel: 'error' });
  const stack = await startLocalStack();
  const env = { ...process.env, ...stack.environment, POWERTOOLS_METRICS_DISABLED: 'true', POWERTOOLS_LOG_LEVEL: 'INFO', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const queues = localQueues();
  const onPublishRequest = (reply: Extract<WorkerReply, { type: 'publish-request' }>) => void queues.publish.send(reply.message);
  const ingestProcesses = Array.from({ length: workers }, () => new HandlerProcess(script, env, onPublishRequest));
  const publisher = new HandlerProcess(script, env, onPublishRequest);
  const idle = [...ingestProcesses];

  const uploadStart = new Map<string, number>();
  const ingestedAt = new Map<string, number>();
  /** Wall-clock times, comparable across processes. */
  const ingestedWall = new Map<string, number>();
  const statuses: Record<string, number> = {};
  const ingestedCount = new Map<string, number>();
  const publishes: Array<{ start: number; end: number; endWall: number; version?: number; keys: Set<string> }> = [];
  let failedMessages = 0;

  const ingest = new EventSourceMapping({
    queue: queues.ingest,
    workers,
    batchSize: QUEUES.ingest.batchSize,
    batchingWindowMs: QUEUES.ingest.maxBatchingWindowSeconds * 1000,
    retryDelayMs: 500,
    handler: async (event) => {
      const handler = idle.pop()!;
      try {
        const reply = await handler.ask({ type: 'sqs', event });
        if (reply.type === 'failed') throw new Error(reply.error);
        if (reply.type !== 'ingested') throw new Error(`unexpected reply ${reply.type}`);
        const now = performance.now();
        for (const { key, status } of reply.outcomes) {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status === 'ingested') ingestedCount.set(key, (ingestedCount.get(key) ?? 0) + 1);
          if (!ingestedAt.has(key)) {
            ingestedAt.set(key, now);
            ingestedWall.set(key, reply.at);
          }
        }
        failedMessages += reply.batchItemFailures.length;
        return { batchItemFailures: reply.batchItemFailures };
      } finally {
        idle.push(handler);
      }
    },
  });
  const publish = new EventSourceMapping({
    queue: queues.publish,
    workers: 1,
    batchSize: QUEUES.publish.batchSize,
    batchingWindowMs: 0,
    retryDelayMs: 500,
    handler: async (event) => {
      const start = performance.now();
      const reply = await publisher.ask({ type: 'publish', event });
      if (reply.type === 'failed') throw new Error(reply.error);
      if (reply.type !== 'published') throw new Error(`unexpected reply ${reply.type}`);
      publishes.push({ start, end: performance.now(), endWall: Date.now(), keys: new Set(reply.keys), ...(reply.version !== undefined ? { version: reply.version } : {}) });
    },
  });
  stack.onObjectCreated((raw) => {
    const event = toLambdaEvent(raw);
    if (event) void queues.ingest.send({ body: JSON.stringify(event) });
  });

  const s3 = new S3Client({ endpoint: stack.s3Endpoint, region: stack.environment.AWS_REGION, forcePathStyle: true, credentials: { accessKeyId: stack.environment.AWS_ACCESS_KEY_ID!, secretAccessKey: stack.environment.AWS_SECRET_ACCESS_KEY! } });
  try {
    const items = Array.from({ length: articles }, (_, i) => syntheticArticle(baseTexts, firstIndex + i));
    const started = performance.now();
    const emulatorCpuAtStart = processCpuMs(stack.dynamoDbPid);
    let next = 0;
    await Promise.all(
      Array.from({ length: UPLOAD_CONCURRENCY }, async () => {
        while (next < items.length) {
          const item = items[next]!;
          next += 1;
          uploadStart.set(item.key, performance.now());
          await s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: item.key, Body: item.body, ContentType: 'text/plain' }));
        }
      }),
    );
    process.stderr.write(`queued, ${workers} worker(s): ${articles} uploaded in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    while (ingestedAt.size < articles) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (queues.ingest.depth === 0 && ingestedAt.size < articles && performance.now() - started > 10_000 + articles * 2000) break;
    }
    await ingest.idle();
    await publish.idle();
    const finished = publishes.filter((p) => p.version !== undefined).at(-1)?.end ?? performance.now();

    const latencies: number[] = [];
    for (const key of ingestedAt.keys()) {
      const digest = publishes.find((p) => p.keys.has(key));
      if (digest) latencies.push(digest.end - uploadStart.get(key)!);
    }
    const lastIngest = Math.max(...ingestedWall.values());
    const lastBatch = [...ingestedWall.entries()].filter(([, at]) => at === lastIngest).map(([key]) => key);
    const lastDigest = publishes.find((p) => lastBatch.every((key) => p.keys.has(key)));

    const reports = await Promise.all([...ingestProcesses, publisher].map((p) => p.ask({ type: 'report' })));
    let dynamo = newMeter();
    let s3Meter = newMeter();
    let peak = 0;
    let publisherPeak = 0;
    let cpuMs = 0;
    for (const [i, report] of reports.entries()) {
      if (report.type !== 'report') continue;
      dynamo = combinedMeter(dynamo, report.dynamoDb);
      s3Meter = combinedMeter(s3Meter, report.s3);
      if (i < ingestProcesses.length) peak = Math.max(peak, report.maxRssMb);
      else publisherPeak = report.maxRssMb;
      cpuMs += report.cpuMs;
    }
    const drainSeconds = (finished - started) / 1000;
    const emulatorCpuMs = (processCpuMs(stack.dynamoDbPid) ?? Number.NaN) - (emulatorCpuAtStart ?? Number.NaN);
    const digests = publishes.filter((p) => p.version !== undefined).length;
    return {
      workers,
      articles,
      drainSeconds,
      articlesPerSecond: articles / drainSeconds,
      uploadToDigestMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), max: Math.max(...latencies) },
      neverInDigest: articles - latencies.length,
      lastIngestToDigestMs: lastDigest ? lastDigest.endWall - lastIngest : Number.NaN,
      digestsPublished: digests,
      digestsPer1000Articles: (digests / articles) * 1000,
      statuses,
      ingestedExactlyOnce: ingestedCount.size === articles && [...ingestedCount.values()].every((count) => count === 1),
      deadLetters: queues.ingestDeadLetter.depth + queues.publishDeadLetter.depth,
      failedMessages,
      dynamoDb: {
        requestsPerArticle: total(dynamo.requests) / articles,
        readUnitsPerArticle: dynamo.readUnits / articles,
        writeUnitsPerArticle: dynamo.writeUnits / articles,
        failedConditionalWritesPerArticle: dynamo.failedConditionalWrites / articles,
        byOperation: perArticle(dynamo.requests, articles),
        writeUnitsByKind: perArticle(dynamo.writeUnitsByKind, articles),
        roundTripMsByKind: perArticle(dynamo.millisByKind, articles),
        requestsByKind: perArticle(dynamo.requestsByKind, articles),
      },
      s3: { requestsPerArticle: total(s3Meter.requests) / articles, byOperation: perArticle(s3Meter.requests, articles) },
      handlerPeakRssMb: peak,
      heapLimitMb: HEAP_LIMIT_MB,
      publisherPeakRssMb: publisherPeak,
      handlerCpuMsPerArticle: cpuMs / articles,
      dynamoDbLocalCpuMsPerArticle: emulatorCpuMs / articles,
    };
  } finally {
    await Promise.all([ingest.stop(), publish.stop()]);
    for (const p of [...ingestProcesses, publisher]) p.kill();
    s3.destroy();
    await stack.stop();
  }
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

function perArticle(counts: Record<string, number>, articles: number): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([operation, count]) => [operation.replace(/Command$/, ''), Math.round((count / articles) * 100) / 100]));
}
