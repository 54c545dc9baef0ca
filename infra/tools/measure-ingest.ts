/**
 * Measures what the ingest function's timeout and memory are chosen from (see infra/stage-config.ts):
 * the real handler over in-process stores, counting the storage round trips that each S3 event makes,
 * on a growing corpus (so the digest holds its full 50 stories) and on the largest accepted inputs.
 *
 *   npx tsx infra/tools/measure-ingest.ts
 *
 * Duration on AWS ~= CPU time here (scaled to the function's vCPU share) + round trips x latency.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryObjectStore } from '../../functions/adapters/memory-object-store';
import { MemoryTableStore } from '../../functions/adapters/memory-table-store';
import { RecordingNotifier } from '../../functions/adapters/recording-notifier';
import { handleS3Event } from '../../functions/ingest/handler';
import { Ledger } from '../../functions/ledger/ledger';
import type { TableStore } from '../../functions/ports/table-store';
import { BUCKET_PREFIXES, DEFAULT_MAX_OBJECT_BYTES } from '../../functions/shared/resources';

function counting<T extends object>(target: T, counter: { calls: number }): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        counter.calls += 1;
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

const ARTICLES = Number(process.env.ARTICLES ?? 240);
const WARM_UP = Math.floor(ARTICLES / 4);
/** DEFAULT_MAX_OBJECT_BYTES (5 MiB) itself takes minutes: see the report in stage-config.ts. */
const LARGE_INPUTS = (process.env.SIZES ?? '65536,262144,1048576').split(',').map(Number);

async function main() {
  const counter = { calls: 0 };
  const table = counting<TableStore>(new MemoryTableStore(), counter);
  const objects = counting(new MemoryObjectStore(), counter);
  let tick = Date.parse('2025-01-20T00:00:00Z');
  const deps = { ledger: new Ledger(table), objects, notifier: new RecordingNotifier(), maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES, now: () => new Date(tick) };

  const seedDir = join(__dirname, '..', '..', 'seeds');
  const seeds = readdirSync(seedDir).filter((name) => name.endsWith('.txt')).map((name) => readFileSync(join(seedDir, name), 'utf8'));
  const sentences = seeds.flatMap((text) => text.split(/(?<=[.!?])\s+/)).filter((s) => s.length > 40);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const syllables = ['ka', 'lo', 'mir', 'ta', 'ven', 'dru', 'sol', 'pax', 'ne', 'quor', 'zim', 'bel'];
  const name = () => Array.from({ length: 3 }, () => syllables[Math.floor(random() * syllables.length)]).join('').replace(/^./, (c) => c.toUpperCase());
  // 60 stories of ~4 articles each: every story has its own names, so articles group as on real news.
  const topics = Array.from({ length: 60 }, () => Array.from({ length: 6 }, name));
  const synthetic = (i: number) => {
    const names = topics[i % topics.length]!;
    const line = () => `${names[Math.floor(random() * names.length)]} ${sentences[Math.floor(random() * sentences.length)]!.replace(/\b[A-Z][a-z]+\b/g, () => names[Math.floor(random() * names.length)]!)}`;
    return `${names[0]} and ${names[1]} ${sentences[i % sentences.length]!.slice(0, 50)}\n\n${Array.from({ length: 30 }, line).join(' ')}`;
  };

  async function one(key: string, body: string) {
    await objects.put(key, body, 'text/plain');
    counter.calls = 0;
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    await handleS3Event({ Records: [{ eventName: 'ObjectCreated:Put', eventTime: new Date((tick += 1000)).toISOString(), s3: { bucket: { name: 'b' }, object: { key } } }] }, deps);
    const used = process.cpuUsage(cpu);
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000, calls: counter.calls };
  }

  const results = [];
  for (let i = 0; i < ARTICLES; i += 1) results.push(await one(`${BUCKET_PREFIXES.inbox}synthetic/${i}.txt`, i < seeds.length ? seeds[i]! : synthetic(i)));
  const steady = results.slice(WARM_UP).sort((a, b) => a.cpuMs - b.cpuMs);
  const pct = (p: number) => steady[Math.min(steady.length - 1, Math.floor((p / 100) * steady.length))]!;
  const calls = results.slice(WARM_UP).map((r) => r.calls).sort((a, b) => a - b);
  console.log(`stories in the digest: ${JSON.parse(new TextDecoder().decode((await objects.get('digest/latest.json'))!.body)).stories.length}`);
  console.log(`typical article (corpus ${WARM_UP}-${ARTICLES}): cpu p50 ${pct(50).cpuMs.toFixed(1)} ms, p99 ${pct(99).cpuMs.toFixed(1)} ms; storage calls p50 ${calls[Math.floor(calls.length / 2)]}, max ${calls.at(-1)}`);

  // Inputs far larger than a news article, up to what the handler accepts: how cost grows with size.
  const words = sentences.join(' ');
  const sized = (bytes: number) => Buffer.from(`Huge upload\n\n${words.repeat(Math.ceil(bytes / words.length))}`).subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
  for (const bytes of LARGE_INPUTS) {
    const body = sized(bytes);
    global.gc?.();
    const r = await one(`${BUCKET_PREFIXES.inbox}large-${bytes}.txt`, body);
    console.log(`${(bytes / 1024).toFixed(0)} KiB text: wall ${r.ms.toFixed(0)} ms, cpu ${r.cpuMs.toFixed(0)} ms, storage calls ${r.calls}, peak rss ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
