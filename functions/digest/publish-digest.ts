import { buildDigest, type Digest } from '../core/digest/build-digest';
import { diffDigests, type DigestChanges } from '../core/publishing/changes';
import { buildFeedPages, type JsonFeed } from '../core/publishing/feed';
import { CONTENT_TYPES, PUBLISHING_KEYS, siteUrl } from '../core/publishing/keys';
import { buildNotification } from '../core/publishing/notification';
import { renderPage } from '../core/publishing/page';
import { storyDocumentsToWrite } from '../core/publishing/story-document';
import type { Ledger } from '../ledger/ledger';
import type { Notifier } from '../ports/notifier';
import type { ObjectStore } from '../ports/object-store';

export interface PublishDependencies {
  ledger: Ledger;
  objects: ObjectStore;
  notifier: Notifier;
  now: () => Date;
  /** Where digest/ is served; absolute links in the feed. Relative links when absent. */
  siteUrl?: string;
}

/** The digest lists the most recently active stories; older ones stay in the ledger and story documents. */
export const DIGEST_STORY_LIMIT = 50;
export const FEED_ITEMS_PER_PAGE = 50;
/** A publisher that was overtaken re-publishes the newest version; this bounds how often in a row. */
const MAX_CATCH_UP_ROUNDS = 5;

/**
 * Publishes a new digest version without ever letting an older one win:
 * 1. the version number is taken before anything is read, so the highest version has read the
 *    ledger after every ingest that asked for a publish before it;
 * 2. the immutable snapshot versions/N.json is written;
 * 3. N is recorded as published only if no higher version is, and only then are the site
 *    documents (story documents, feed, page, latest.json) written;
 * 4. if a higher version got recorded meanwhile, its snapshot is re-published over ours, so the
 *    site always ends at the newest version whatever order the writes land in.
 * Work grows with the stories in the digest (bounded) and the stories that changed, not the corpus.
 */
export async function publishDigest(deps: PublishDependencies): Promise<Digest> {
  const version = await deps.ledger.nextDigestVersion();
  const storyIds = await deps.ledger.recentStoryIds(DIGEST_STORY_LIMIT);
  const snapshots = (await Promise.all(storyIds.map((id) => deps.ledger.storySnapshot(id)))).filter((s) => s !== undefined);
  const digest = buildDigest(snapshots, version, deps.now().toISOString());
  await deps.objects.put(PUBLISHING_KEYS.version(version), json(digest), CONTENT_TYPES.json);
  if (!(await deps.ledger.markPublished(version))) return digest;

  let published = digest;
  for (let round = 0; round < MAX_CATCH_UP_ROUNDS; round += 1) {
    const previous = await readJson<Digest>(deps.objects, PUBLISHING_KEYS.version(published.version - 1));
    const changes = diffDigests(previous, published);
    await writeSite(deps, published, changes);
    if (published === digest) await deps.notifier.publish(buildNotification(published, changes, { ...(deps.siteUrl ? { baseUrl: deps.siteUrl } : {}) }));
    const newest = await deps.ledger.publishedVersion();
    if (newest === undefined || newest <= published.version) break;
    // A newer publisher finished first and our writes may have landed over its: put the newest back.
    const next = await readJson<Digest>(deps.objects, PUBLISHING_KEYS.version(newest));
    if (!next) break;
    published = next;
  }
  return digest;
}

async function writeSite(deps: PublishDependencies, digest: Digest, changes: DigestChanges): Promise<void> {
  const { objects } = deps;
  await Promise.all(storyDocumentsToWrite(digest, changes).map(({ key, document }) => objects.put(key, json(document), CONTENT_TYPES.json)));
  // JSON Feed needs absolute URLs: without a site URL there is nothing valid to write.
  if (deps.siteUrl) {
    const pages = buildFeedPages(digest, changes, {
      homePageUrl: siteUrl('index.html', deps.siteUrl),
      feedUrl: siteUrl('feed.json', deps.siteUrl),
      maxItems: FEED_ITEMS_PER_PAGE,
      previousFeed: await readFeedPages(objects),
    });
    await Promise.all(pages.map((page) => objects.put(page.key, json(page.feed), CONTENT_TYPES.feed)));
  }
  await objects.put(PUBLISHING_KEYS.page, renderPage(digest, changes), CONTENT_TYPES.html);
  await objects.put(PUBLISHING_KEYS.latest, json(digest), CONTENT_TYPES.json);
}

/** The feed as last published, page by page, so items of stories that left the digest stay. */
async function readFeedPages(objects: ObjectStore): Promise<JsonFeed[]> {
  const pages: JsonFeed[] = [];
  for (let page = 1; page <= 20; page += 1) {
    const feed = await readJson<JsonFeed>(objects, PUBLISHING_KEYS.feedPage(page));
    if (!feed) break;
    pages.push(feed);
  }
  return pages;
}

async function readJson<T>(objects: ObjectStore, key: string): Promise<T | undefined> {
  const stored = await objects.get(key);
  if (!stored) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(stored.body)) as T;
  } catch {
    return undefined;
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
