import { MemoryObjectStore } from '../../functions/adapters/memory-object-store';
import { MemoryTableStore } from '../../functions/adapters/memory-table-store';
import { RecordingNotifier } from '../../functions/adapters/recording-notifier';
import type { Digest } from '../../functions/core/digest/build-digest';
import { handleS3Event } from '../../functions/ingest/handler';
import { Ledger } from '../../functions/ledger/ledger';
import type { TableStore } from '../../functions/ports/table-store';
import type { PipelineDependencies } from '../../functions/shared/aws-dependencies';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { InjectedFault, retryInjectedFaults, seededRandom } from '../support/fault-injection';
import { s3Event } from '../support/memory-pipeline';
import { seedFiles } from '../support/seeds';
import { eventArticles, JOINS_ON_TOPIC } from '../support/two-events';
import type { StoryPolicy } from '../../functions/core/stories/story-policy';
import { contentHash } from '../../functions/core/fingerprint/content-hash';
import { parseArticle } from '../../functions/core/parse/parse-article';

/** Per storage call, before and after: about one fault per invocation of ~150 calls. */
const FAULT_RATE = 0.004;

/**
 * Every storage call may fail before it reaches the store, or after it was applied (the response
 * was lost), as throttling and network errors do on DynamoDB.
 */
function faulty(store: TableStore, chance: () => number, rate: number): TableStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (chance() < rate) throw new InjectedFault('before', String(property));
        const result = await value.apply(target, args);
        if (chance() < rate) throw new InjectedFault('after', String(property));
        return result;
      };
    },
  });
}

interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** Runs before an upload is delivered, on the same (faulty) ledger. */
type BeforeDelivery = (ledger: Ledger, upload: Upload) => Promise<void>;

async function run(faultSeed: number | undefined, uploads: readonly Upload[] = seedFiles(), beforeDelivery?: BeforeDelivery, storyPolicy?: StoryPolicy): Promise<Digest> {
  const objects = new MemoryObjectStore();
  const chance = seededRandom(faultSeed ?? 1);
  const table = faultSeed === undefined ? new MemoryTableStore() : faulty(new MemoryTableStore(), chance, FAULT_RATE);
  const deps: PipelineDependencies = { ledger: new Ledger(table), objects, notifier: new RecordingNotifier(), maxObjectBytes: 1 << 22, now: () => new Date('2025-01-20T00:00:00Z'), siteUrl: 'https://digest.example.test/', ...(storyPolicy ? { storyPolicy } : {}) };
  let minute = 0;
  for (const upload of uploads) {
    const key = `inbox/${upload.name}`;
    await objects.put(key, upload.bytes, 'text/plain');
    if (beforeDelivery) await retryInjectedFaults(() => beforeDelivery(deps.ledger, upload), 200);
    const event = s3Event([{ key, eventTime: new Date(Date.UTC(2025, 0, 17, 12, (minute += 1))).toISOString() }]);
    // The platform retries a failed invocation; here until it succeeds.
    await retryInjectedFaults(() => handleS3Event(event, deps), 200);
  }
  return JSON.parse(new TextDecoder().decode(objects.objects.get(DIGEST_KEYS.latest)!.body)) as Digest;
}

function content(digest: Digest) {
  return digest.stories.map((story) => ({
    id: story.id,
    articles: story.articles.map((a) => ({ id: a.id, derivedFrom: a.derivedFrom, duplicateOf: a.duplicateOf })),
    claims: story.claims.map((c) => ({ id: c.id, independentOutlets: c.independentOutlets, mentions: c.mentions.map((m) => `${m.articleId}:${m.text}`) })),
  }));
}

describe('storage faults at random points', () => {
  let expected: ReturnType<typeof content>;

  beforeAll(async () => {
    expected = content(await run(undefined));
  });

  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('converge to the fault-free result after retries (fault seed %i)', async (seed) => {
    expect(content(await run(seed))).toEqual(expected);
  });
});

describe('storage faults while a story splits in two, and a late report moves to its part', () => {
  const [late, ...reports] = [...eventArticles('mannheim', 8)].reverse();
  const uploads = [...eventArticles('bern', 7), ...reports.reverse(), late].map((a) => ({ name: `${a.name}.txt`, bytes: new TextEncoder().encode(`${a.title}\n\n${a.text}`) }));
  /** The last report chose the first event's story before the split (as if ingested meanwhile). */
  const beforeDelivery: BeforeDelivery = async (ledger, upload) => {
    if (upload.name !== `${late.name}.txt`) return;
    const parsed = parseArticle(upload.bytes, { key: `inbox/${upload.name}` });
    const [first] = await ledger.findArticles([contentHash(parsed.title, parsed.paragraphs)]);
    if (first) return;
    const bern = await ledger.findObject('inbox/bern-1.txt');
    const [opened] = await ledger.findArticles([bern!.articleId!]);
    await ledger.chooseStoryOnce(contentHash(parsed.title, parsed.paragraphs), opened.storyId);
  };
  let expected: ReturnType<typeof content>;

  beforeAll(async () => {
    expected = content(await run(undefined, uploads, beforeDelivery, JOINS_ON_TOPIC));
  });

  it('splits and moves the late report without faults', () => {
    const idOf = (upload: Upload) => {
      const parsed = parseArticle(upload.bytes, { key: `inbox/${upload.name}` });
      return contentHash(parsed.title, parsed.paragraphs);
    };
    const storyOf = (upload: Upload) => expected.find((story) => story.articles.some((a) => a.id === idOf(upload)))!.id;
    expect(expected).toHaveLength(2);
    expect(new Set(uploads.slice(7).map(storyOf))).toEqual(new Set([storyOf(uploads[14])]));
    expect(storyOf(uploads[14])).not.toBe(storyOf(uploads[0]));
  });

  it.each(Array.from({ length: 10 }, (_, i) => i + 1))('converge to the fault-free result after retries (fault seed %i)', async (seed) => {
    expect(content(await run(seed, uploads, beforeDelivery, JOINS_ON_TOPIC))).toEqual(expected);
  });
});
