import { matchArticleClaims } from '../core/claims/match-article-claims';
import { findRewriteOrigin } from '../core/claims/rewrite';
import { contentHash } from '../core/fingerprint/content-hash';
import { findNearDuplicate } from '../core/fingerprint/near-duplicate';
import { lshBands, minhash } from '../core/fingerprint/minhash';
import type { ParsedArticle } from '../core/parse/article';
import type { ArticleRecord, StoryRecord } from '../core/records';
import { assignStory } from '../core/stories/assign-story';
import { addToCentroid, articleTermVector, LOOKUP_TERMS, topTerms, type TermVector } from '../core/stories/term-vector';
import type { Ledger, StoredArticle } from '../ledger/ledger';

export interface ArticleInput {
  key: string;
  article: ParsedArticle;
  /** When the pipeline received it: the S3 event time, so a redelivered event decides the same way. */
  ingestedAt: string;
}

export interface IngestedArticle {
  status: 'ingested' | 'duplicate';
  articleId: string;
  storyId: string;
  duplicateOf?: string;
  derivedFrom?: string;
  newClaims: number;
  matchedClaims: number;
}

/** Near-duplicate candidates verified per article, strongest LSH agreement first. */
const MAX_DUPLICATE_CANDIDATES = 30;
/** Candidate stories scored per article, most shared terms first. */
const MAX_STORY_CANDIDATES = 20;
const MAX_STORY_UPDATE_ATTEMPTS = 8;

/**
 * Takes one parsed article into the ledger: exact and near duplicates, story, claims and mentions.
 * Every write is keyed deterministically and the article record is written last, so a retry after a
 * failure part-way converges to the state of a single successful run.
 */
export async function ingestArticle(ledger: Ledger, input: ArticleInput): Promise<IngestedArticle> {
  const { article, ingestedAt } = input;
  const id = contentHash(article.title, article.paragraphs);
  const existing = await ledger.findArticle(id);
  if (existing) return { status: 'duplicate', articleId: id, storyId: existing.storyId, newClaims: 0, matchedClaims: 0 };

  const signature = minhash(article.paragraphs.join('\n'));
  const bands = lshBands(signature);
  const duplicate = await findDuplicateOf(ledger, id, bands, signature);
  const vector = articleTermVector(article.title, article.paragraphs);
  const storyId = duplicate?.storyId ?? (await chooseStory(ledger, id, vector, article.publishedAt, ingestedAt));
  await addToStory(ledger, storyId, id, vector, article, ingestedAt);

  const snapshot = await ledger.storySnapshot(storyId);
  const record: ArticleRecord = {
    id,
    key: input.key,
    source: article.source ?? sourceFallback(input.key),
    title: article.title,
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    ingestedAt,
    language: article.language,
    storyId,
    ...(duplicate ? { duplicateOf: duplicate.originId } : {}),
    claimCount: 0,
  };

  const { newClaims, mentions, matchedTo } = matchArticleClaims(record, article.paragraphs, snapshot?.claims ?? []);
  record.claimCount = mentions.length;
  if (!duplicate && snapshot) {
    const origin = findRewriteOrigin(matchedTo, snapshot.mentions, id);
    if (origin) record.derivedFrom = origin;
  }

  await ledger.saveClaimsAndMentions(storyId, newClaims, mentions, record);
  await ledger.addToBands(id, bands);
  const stored: StoredArticle = { ...record, signature };
  await ledger.commitArticle(stored);
  return {
    status: 'ingested',
    articleId: id,
    storyId,
    ...(record.duplicateOf ? { duplicateOf: record.duplicateOf } : {}),
    ...(record.derivedFrom ? { derivedFrom: record.derivedFrom } : {}),
    newClaims: newClaims.length,
    matchedClaims: mentions.length - newClaims.length,
  };
}

async function findDuplicateOf(ledger: Ledger, id: string, bands: string[], signature: StoredArticle['signature']) {
  const hits = await ledger.articleIdsInBands(bands);
  hits.delete(id);
  const candidateIds = [...hits.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_DUPLICATE_CANDIDATES).map(([candidate]) => candidate);
  const candidates = await ledger.findArticles(candidateIds);
  const match = findNearDuplicate(signature, candidates);
  if (!match) return undefined;
  return { originId: match.duplicateOf ?? match.id, storyId: match.storyId };
}

async function chooseStory(ledger: Ledger, articleId: string, vector: TermVector, publishedAt: string | undefined, ingestedAt: string): Promise<string> {
  const lookup = Object.keys(topTerms(vector, LOOKUP_TERMS));
  const hits = await ledger.storyIdsForTerms(lookup);
  const candidateIds = [...hits.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1)).slice(0, MAX_STORY_CANDIDATES).map(([storyId]) => storyId);
  const candidates = await ledger.findStories(candidateIds);
  const decision = assignStory(vector, candidates, publishedAt);
  if (decision.kind === 'join') return decision.storyId;
  return newStoryId(articleId, ingestedAt);
}

/** Time-ordered, so the term index can return the newest stories first; deterministic for retries. */
export function newStoryId(articleId: string, ingestedAt: string): string {
  return `s-${Date.parse(ingestedAt).toString(36).padStart(9, '0')}-${articleId.slice(0, 10)}`;
}

async function addToStory(ledger: Ledger, storyId: string, articleId: string, vector: TermVector, article: ParsedArticle, at: string): Promise<void> {
  const published = article.publishedAt;
  for (let attempt = 0; attempt < MAX_STORY_UPDATE_ATTEMPTS; attempt += 1) {
    const [current] = await ledger.findStories([storyId]);
    if (current?.memberIds.includes(articleId)) return;
    const centroid = addToCentroid(current?.centroid ?? {}, current?.memberIds.length ?? 0, vector);
    const saved = await ledger.saveStory(
      {
        id: storyId,
        headline: current?.headline ?? article.title,
        createdAt: current?.createdAt ?? at,
        updatedAt: current && current.updatedAt > at ? current.updatedAt : at,
        centroid,
        memberIds: [...(current?.memberIds ?? []), articleId],
        ...widenRange(current, published),
      },
      current?.revision,
    );
    if (saved) {
      const known = new Set(Object.keys(current?.centroid ?? {}));
      await ledger.indexStoryTerms(storyId, Object.keys(centroid).filter((term) => !known.has(term)));
      return;
    }
  }
  throw new Error(`story ${storyId} kept changing under concurrent updates`);
}

function widenRange(story: StoryRecord | undefined, publishedAt: string | undefined): Pick<StoryRecord, 'publishedFrom' | 'publishedTo'> {
  const from = [story?.publishedFrom, publishedAt].filter((t): t is string => !!t).sort()[0];
  const to = [story?.publishedTo, publishedAt].filter((t): t is string => !!t).sort().pop();
  return { ...(from ? { publishedFrom: from } : {}), ...(to ? { publishedTo: to } : {}) };
}

/** Without a named outlet, the file name is the most specific thing that tells articles apart. */
function sourceFallback(key: string): string {
  const file = key.split('/').pop() ?? key;
  return file.replace(/\.[a-z0-9]+$/i, '') || key;
}
