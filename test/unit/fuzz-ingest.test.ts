import fc from 'fast-check';
import type { Digest } from '../../functions/core/digest/build-digest';
import { MAX_CLAIM_CHARACTERS, MAX_CLAIMS_PER_ARTICLE } from '../../functions/core/claims/extract-claims';
import { matchArticleClaims } from '../../functions/core/claims/match-article-claims';
import { contentHash } from '../../functions/core/fingerprint/content-hash';
import { lshBands, minhash } from '../../functions/core/fingerprint/minhash';
import type { ParsedArticle } from '../../functions/core/parse/article';
import { INPUT_BOUNDS } from '../../functions/core/parse/bounds';
import { parseArticle } from '../../functions/core/parse/parse-article';
import { InputRejected } from '../../functions/core/parse/rejection';
import { articleNames, articleTermVector } from '../../functions/core/stories/term-vector';
import { splitSentences } from '../../functions/core/text/sentences';
import { MAX_WORD_LENGTH } from '../../functions/core/text/tokens';
import { handleS3Event } from '../../functions/ingest/handler';
import type { ObjectIngestOutcome } from '../../functions/ingest/ingest-object';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { fuzzSettings, upload, type Upload } from '../support/fuzz-uploads';
import { HOSTILE_SAMPLES } from '../support/hostile-corpus';
import { memoryPipeline, s3Event } from '../support/memory-pipeline';
import { seedFiles } from '../support/seeds';

/**
 * The fuzz campaign: generated uploads (test/support/fuzz-uploads.ts) through the whole ingest path.
 * Every input ends ingested or set aside with a reason, nothing throws, and what reaches the later
 * stages is within INPUT_BOUNDS. `npm test` runs a fixed seed; a longer run on demand:
 *   FUZZ_RUNS=5000 FUZZ_SEED=$RANDOM npm run test:unit -- test/unit/fuzz-ingest.test.ts
 * A failure prints the seed and the path that reproduces it; the input that failed belongs in
 * test/support/hostile-corpus.ts as a generator once fixed.
 */

const core = fuzzSettings(80);
const handler = fuzzSettings(20);
/** Generous, so that only a hang fails by time: speed is measured by `npm run bench`, not here. */
const timeoutFor = (runs: number, perRunMs: number) => Math.max(120_000, runs * perRunMs);

const STORY_CLAIMS = 30;

/** Parse, fingerprints, claims (extracted, then matched against themselves) and story vector of one upload. */
function throughCore(input: Upload): void {
  let article: ParsedArticle;
  try {
    article = parseArticle(input.bytes, { key: input.key, contentType: input.contentType });
  } catch (error) {
    if (!(error instanceof InputRejected)) throw error;
    expect(error.reason.length).toBeGreaterThan(0);
    return;
  }
  expect(article.title.length).toBeLessThanOrEqual(INPUT_BOUNDS.titleCharacters);
  expect(article.paragraphs.join('').length).toBeLessThanOrEqual(INPUT_BOUNDS.articleCharacters);
  expect(article.paragraphs.flatMap((paragraph) => splitSentences(paragraph)).length).toBeLessThanOrEqual(INPUT_BOUNDS.articleSentences);
  contentHash(article.title, article.paragraphs);
  lshBands(minhash(article.paragraphs.join('\n')));
  const vector = articleTermVector(article.title, article.paragraphs);
  expect(Object.keys(vector).filter((term) => term.length > MAX_WORD_LENGTH)).toEqual([]);
  articleNames(article.title, article.paragraphs);
  const record = { id: 'a-fuzz-1', source: article.source ?? 'fuzz', ingestedAt: '2025-01-20T00:00:00Z', storyId: 's-fuzz', ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}) };
  const first = matchArticleClaims(record, article.paragraphs, []);
  expect(first.mentions.length).toBeLessThanOrEqual(MAX_CLAIMS_PER_ARTICLE);
  expect(first.mentions.filter((mention) => mention.text.length > MAX_CLAIM_CHARACTERS)).toEqual([]);
  // Matched again against a story of its own first claims (a few: matching cost grows with the story's claims).
  const story = first.newClaims.slice(0, STORY_CLAIMS);
  const inStory = new Set(story.map((claim) => claim.id));
  matchArticleClaims({ ...record, id: 'a-fuzz-2' }, article.paragraphs, story, first.mentions.filter((mention) => inStory.has(mention.claimId)));
}

const GOOD: Upload = { key: 'inbox/good/article.txt', contentType: 'text/plain', bytes: seedFiles()[1].bytes };

/**
 * The uploads through the handler on the in-process adapters, one event each, then a good article:
 * each ends ingested (or as a duplicate) or set aside with its reason recorded beside it, and the
 * good article behind them reaches the digest.
 */
async function throughHandler(uploads: readonly Upload[]): Promise<void> {
  const pipeline = memoryPipeline();
  const inputs: Upload[] = [...uploads.map((input, i) => ({ ...input, key: input.key.replace('inbox/fuzz/', `inbox/fuzz/${i}-`) })), GOOD];
  const outcomes: ObjectIngestOutcome[] = [];
  for (const input of inputs) {
    await pipeline.objects.put(input.key, input.bytes, input.contentType ?? 'application/octet-stream');
    const { outcomes: [outcome] } = await handleS3Event(s3Event([{ key: input.key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    outcomes.push(outcome);
  }
  for (const outcome of outcomes) {
    expect(['ingested', 'duplicate', 'rejected']).toContain(outcome.status);
    if (outcome.status !== 'rejected') continue;
    const record = JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(`${outcome.rejectedKey}.error.json`)!.body));
    expect(record).toMatchObject({ key: outcome.key, code: outcome.code });
    expect(record.reason.length).toBeGreaterThan(0);
    expect(pipeline.objects.objects.has(outcome.rejectedKey)).toBe(true);
  }
  expect(outcomes[outcomes.length - 1].status).toBe('ingested');
  const digest = JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(DIGEST_KEYS.latest)!.body)) as Digest;
  expect(digest.stories.flatMap((story) => story.articles.map((article) => article.key))).toContain(GOOD.key);
}

describe('fuzz: any upload ends ingested or set aside with a reason', () => {
  it(
    `the core path (parse, fingerprints, claims, story vector) never throws and stays within the bounds (${core.numRuns} runs, seed ${core.seed})`,
    () => {
      fc.assert(fc.property(upload, throughCore), core);
    },
    timeoutFor(core.numRuns, 1_000),
  );

  it(
    `the handler ingests or sets aside each upload, and a good article behind them reaches the digest (${handler.numRuns} runs, seed ${handler.seed})`,
    async () => {
      await fc.assert(fc.asyncProperty(fc.array(upload, { minLength: 1, maxLength: 3 }), throughHandler), handler);
    },
    timeoutFor(handler.numRuns, 5_000),
  );
});

describe('regression corpus: the nastiest samples found, at 64 KiB', () => {
  it.each(HOSTILE_SAMPLES.map((sample) => [sample.name, sample] as const))('%s ends ingested or set aside, and the good article behind it is ingested', async (_, sample) => {
    const bytes = sample.build(64 * 1024);
    throughCore({ key: sample.key, bytes, ...(sample.contentType ? { contentType: sample.contentType } : {}) });
    await throughHandler([{ key: sample.key.replace('inbox/', 'inbox/fuzz/'), bytes, ...(sample.contentType ? { contentType: sample.contentType } : {}) }]);
  });
});
