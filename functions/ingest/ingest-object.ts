import { claimsTruncation } from '../core/claims/extract-claims';
import { parseArticle } from '../core/parse/parse-article';
import { InputRejected } from '../core/parse/rejection';
import type { Ledger } from '../ledger/ledger';
import type { ObjectStore } from '../ports/object-store';
import { BUCKET_PREFIXES } from '../shared/resources';
import type { StoryPolicy } from '../core/stories/story-policy';
import { ingestArticle, type IngestedArticle } from './ingest-article';
import { normalizeEtag } from './s3-event';

export interface IngestDependencies {
  ledger: Ledger;
  objects: ObjectStore;
  maxObjectBytes: number;
  /** How stories are decided; the fitted default unless an evaluation swaps it. */
  storyPolicy?: StoryPolicy;
}

export interface ObjectRef {
  key: string;
  etag?: string;
  /** S3 event time; the ingestion time recorded for the article. */
  eventTime: string;
}

export type ObjectIngestOutcome =
  | ({ key: string; truncated?: string } & IngestedArticle)
  | { key: string; status: 'already-processed'; articleId?: string }
  | { key: string; status: 'missing' }
  | { key: string; status: 'rejected'; code: string; reason: string; rejectedKey: string };

/**
 * One uploaded object -> the ledger. Unreadable input is set aside under rejected/ with an
 * `.error.json` record beside it and is never retried; infrastructure errors propagate so that the
 * platform retries the event.
 */
export async function ingestObject(deps: IngestDependencies, ref: ObjectRef): Promise<ObjectIngestOutcome> {
  const { ledger, objects } = deps;
  const previous = await ledger.findObject(ref.key);
  if (previous && (previous.etag === ref.etag || ref.etag === undefined)) {
    return { key: ref.key, status: 'already-processed', ...(previous.articleId ? { articleId: previous.articleId } : {}) };
  }
  const head = await objects.head(ref.key);
  if (!head) return { key: ref.key, status: 'missing' };
  const etag = ref.etag ?? (head.etag ? normalizeEtag(head.etag) : undefined);

  try {
    if (head.size > deps.maxObjectBytes) {
      throw new InputRejected('too-large', `the object is ${head.size} bytes; the limit is ${deps.maxObjectBytes} bytes`);
    }
    const stored = await objects.get(ref.key);
    if (!stored) return { key: ref.key, status: 'missing' };
    const article = parseArticle(stored.body, { key: ref.key, contentType: stored.contentType, metadata: stored.metadata });
    const result = await ingestArticle(ledger, { key: ref.key, article, ingestedAt: ref.eventTime }, deps.storyPolicy);
    await ledger.recordObject({ key: ref.key, etag, outcome: result.status, articleId: result.articleId, at: ref.eventTime });
    const truncated = article.truncated ?? claimsTruncation(result.newClaims + result.matchedClaims);
    return { key: ref.key, ...result, ...(truncated ? { truncated } : {}) };
  } catch (error) {
    if (!(error instanceof InputRejected)) throw error;
    const rejectedKey = await setAside(objects, ref.key, error, ref.eventTime);
    await ledger.recordObject({ key: ref.key, etag, outcome: 'rejected', reason: error.reason, at: ref.eventTime });
    return { key: ref.key, status: 'rejected', code: error.code, reason: error.reason, rejectedKey };
  }
}

/** Moves the input out of the inbox and writes why beside it, so nothing is lost and the reason is findable. */
async function setAside(objects: ObjectStore, key: string, error: InputRejected, at: string): Promise<string> {
  const relative = key.startsWith(BUCKET_PREFIXES.inbox) ? key.slice(BUCKET_PREFIXES.inbox.length) : key;
  const rejectedKey = `${BUCKET_PREFIXES.rejected}${relative}`;
  await objects.copy(key, rejectedKey);
  await objects.put(
    `${rejectedKey}.error.json`,
    `${JSON.stringify({ key, rejectedKey, code: error.code, reason: error.reason, at }, null, 2)}\n`,
    'application/json',
  );
  await objects.delete(key);
  return rejectedKey;
}
