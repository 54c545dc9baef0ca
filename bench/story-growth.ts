import { join } from 'node:path';
import { MemoryObjectStore } from '../functions/adapters/memory-object-store';
import { MemoryTableStore } from '../functions/adapters/memory-table-store';
import { RecordingNotifier } from '../functions/adapters/recording-notifier';
import { publishDigest } from '../functions/digest/publish-digest';
import { ingestObject } from '../functions/ingest/ingest-object';
import { keys } from '../functions/ledger/keys';
import { Ledger } from '../functions/ledger/ledger';
import { DEFAULT_MAX_OBJECT_BYTES, DIGEST_KEYS } from '../functions/shared/resources';
import { seedSentences } from '../test/support/seeds';
import { itemBytes } from './sdk-meter';

export interface StoryGrowthAtSize {
  /** Articles the story held when the window started. */
  storySize: number;
  msPerArticle: number;
  storageOpsPerArticle: number;
  kbReadPerArticle: number;
  /** The story record (its META item, by DynamoDB's size rules) after the window: every join rewrites it in a transaction, two write units per KB. */
  storyRecordKb: number;
  /** One digest published after the window: its time, and the size of latest.json (each story within the digest's bounds). */
  publishMs: number;
  latestJsonKb: number;
}

export interface StoryGrowth {
  windowArticles: number;
  sizes: StoryGrowthAtSize[];
  /** Stories the articles ended in (one event: ideally 1). */
  stories: number;
}

/** Sentences per synthetic report. */
const SENTENCES_PER_REPORT = 14;

/**
 * The ingest cost as one story grows: every article a report of the same event (a different
 * selection of the seed articles' sentences, in another order, under its own headline), ingested
 * through `ingestObject` into an in-process ledger. When the story holds each of `sizes` articles,
 * the next `windowArticles` are timed and their storage calls and the bytes their reads return
 * counted; then one digest is published. A breaking event can draw hundreds of reports into one
 * story; this shows what each costs as it does.
 */
export async function measureStoryGrowth(root: string, sizes: readonly number[], windowArticles = 20): Promise<StoryGrowth> {
  const pool = seedSentences(join(root, 'seeds'));
  const table = new MemoryTableStore();
  const objects = new MemoryObjectStore();
  const deps = { ledger: new Ledger(table), objects, maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES };
  let random = 7;
  const next = () => (random = (Math.imul(random, 1103515245) + 12345) >>> 0) / 2 ** 32;
  let ingested = 0;
  const articleIds: string[] = [];
  let storyId = '';
  let clock = Date.parse('2025-01-17T00:00:00Z');
  const ingest = async () => {
    const picked = new Set<number>();
    while (picked.size < SENTENCES_PER_REPORT) picked.add(Math.floor(next() * pool.length));
    const body = `Report ${ingested} on the Russia-Iran treaty\n\n${[...picked].map((k) => pool[k]).join('\n\n')}\n`;
    const key = `inbox/story-growth-${ingested}.txt`;
    ingested += 1;
    await objects.put(key, new TextEncoder().encode(body), 'text/plain');
    const outcome = await ingestObject(deps, { key, eventTime: new Date((clock += 1000)).toISOString() });
    if ('articleId' in outcome && outcome.articleId) articleIds.push(outcome.articleId);
    if ('storyId' in outcome) storyId = outcome.storyId;
  };
  const out: StoryGrowthAtSize[] = [];
  for (const size of [...sizes].sort((a, b) => a - b)) {
    while (ingested < size) await ingest();
    const ops = table.totalCalls();
    const bytes = table.returnedItems.bytes;
    const start = process.hrtime.bigint();
    for (let i = 0; i < windowArticles; i += 1) await ingest();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const [calls, read] = [table.totalCalls() - ops, table.returnedItems.bytes - bytes];
    const record = await table.get(keys.storyMeta(storyId));
    const publishStart = process.hrtime.bigint();
    await publishDigest({ ledger: deps.ledger, objects, notifier: new RecordingNotifier(), now: () => new Date(clock) });
    const publishMs = Number(process.hrtime.bigint() - publishStart) / 1e6;
    const latest = objects.objects.get(DIGEST_KEYS.latest);
    out.push({
      storySize: size,
      msPerArticle: ms / windowArticles,
      storageOpsPerArticle: calls / windowArticles,
      kbReadPerArticle: read / 1024 / windowArticles,
      storyRecordKb: itemBytes(record) / 1024,
      publishMs,
      latestJsonKb: (latest?.body.byteLength ?? 0) / 1024,
    });
    process.stderr.write(`story growth: ${size} articles in the story, ${out[out.length - 1].msPerArticle.toFixed(0)} ms/article\n`);
  }
  const stories = new Set((await deps.ledger.findArticles(articleIds)).map((article) => article.storyId)).size;
  return { windowArticles, sizes: out, stories };
}
