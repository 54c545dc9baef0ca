/**
 * npm run bench: measured figures for the ingest half of the pipeline, printed as a table and
 * written to bench/results.json. Not a test: it reports, it does not judge.
 *
 *   core throughput        parse + fingerprints + claims + story vector, no storage (one core)
 *   ingest at 1k and 20k   the full ingest use case (in-process ledger) on a corpus of that size:
 *                          wall time and storage operations per article, and the 20k/1k ratio
 */
import { writeFileSync } from 'node:fs';
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
import { loadBaseTexts, syntheticArticle } from './synthetic-corpus';

const ROOT = join(__dirname, '..');
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 200);
const SIZES = (process.env.BENCH_SIZES ?? '1000,20000').split(',').map(Number);

async function main(): Promise<void> {
  const base = loadBaseTexts(ROOT);
  const encoder = new TextEncoder();
  const results: Record<string, unknown> = { machine: `${process.platform} ${process.arch}, node ${process.version}`, baseTexts: base.length, sample: SAMPLE };

  // Core throughput.
  const coreCount = 1000;
  const coreInputs = Array.from({ length: coreCount }, (_, i) => syntheticArticle(base, i)).map((a) => ({ key: a.key, bytes: encoder.encode(a.body) }));
  let claims = 0;
  let words = 0;
  const coreStart = process.hrtime.bigint();
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
  const coreSeconds = Number(process.hrtime.bigint() - coreStart) / 1e9;
  results.core = { articles: coreCount, articlesPerSecond: round(coreCount / coreSeconds), meanWords: round(words / coreCount), claimsPerArticle: round(claims / coreCount) };
  process.stderr.write(`core: ${coreCount} articles in ${coreSeconds.toFixed(2)} s\n`);

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
  const atSize: Record<string, { msPerArticle: number; storageOpsPerArticle: number }> = {};
  for (const size of SIZES) {
    while (next < size) {
      await ingest();
      if (next % 1000 === 0) process.stderr.write(`corpus: ${next}/${size}\n`);
    }
    const opsBefore = totalOps(table.calls);
    const start = process.hrtime.bigint();
    for (let i = 0; i < SAMPLE; i += 1) await ingest();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    atSize[size] = { msPerArticle: round(ms / SAMPLE), storageOpsPerArticle: round((totalOps(table.calls) - opsBefore) / SAMPLE) };
  }
  results.ingest = atSize;
  if (SIZES.length >= 2) {
    const [small, large] = [SIZES[0], SIZES[SIZES.length - 1]];
    results.costRatio = round(atSize[large].msPerArticle / atSize[small].msPerArticle);
  }
  results.peakRssMb = round(process.resourceUsage().maxRSS / 1024);

  const out = join(__dirname, 'results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n| measure | value |\n|---|---|`);
  console.log(`| core throughput (1 core) | ${(results.core as { articlesPerSecond: number }).articlesPerSecond} articles/s |`);
  for (const [size, figures] of Object.entries(atSize)) {
    console.log(`| ingest at corpus ${size} | ${figures.msPerArticle} ms/article, ${figures.storageOpsPerArticle} storage calls/article |`);
  }
  if (results.costRatio !== undefined) console.log(`| per-article cost ratio ${SIZES[SIZES.length - 1]}/${SIZES[0]} | ${results.costRatio} |`);
  console.log(`| peak RSS | ${results.peakRssMb} MB |`);
  console.log(`\nwritten to ${out}`);
}

function totalOps(calls: Record<string, number>): number {
  return Object.values(calls).reduce((a, b) => a + b, 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
