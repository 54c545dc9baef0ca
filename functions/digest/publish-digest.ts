import { buildDigest, type Digest, type DigestStory, type StorySnapshot } from '../core/digest/build-digest';
import { boundStory, DIGEST_BOUNDS, isPartial, type DigestBounds } from '../core/digest/digest-bounds';
import { isDigestCurrent, planDigestRefresh } from '../core/digest/digest-refresh';
import { diffDigests, type DigestChanges } from '../core/publishing/changes';
import { atomPage } from '../core/publishing/atom';
import { buildFeedPages, type FeedPage, type JsonFeed } from '../core/publishing/feed';
import { CONTENT_TYPES, PUBLISHING_KEYS, siteUrl } from '../core/publishing/keys';
import { buildNotification } from '../core/publishing/notification';
import { renderPage } from '../core/publishing/page';
import { storyDocumentsToWrite, type StoryDocument } from '../core/publishing/story-document';
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
  /** How much of each story latest.json shows (DIGEST_BOUNDS when absent); story documents show all. */
  bounds?: DigestBounds;
}

/** The digest lists the most recently active stories; older ones stay in the ledger and story documents. */
export const DIGEST_STORY_LIMIT = 50;
export const FEED_ITEMS_PER_PAGE = 50;
/**
 * A publisher that was overtaken re-publishes the newest version, as long as newer versions keep
 * landing during its writes: whoever writes last must end on the newest. Under 50 concurrent
 * invocations 5 rounds were not always enough (an older version stayed on top); this bound only
 * stops a runaway loop well inside the function's timeout.
 */
const MAX_CATCH_UP_ROUNDS = 100;

/**
 * Publishes a new digest version when the ledger holds anything the published digest does not
 * show (a story changed, appeared, merged away or dropped out of the most recent); otherwise
 * publishes nothing and returns undefined, so that redelivered events and re-runs leave the version
 * as it is. A delivery that failed before its publish finished is redone by its retry: latest.json,
 * which this compares with, is the last object a publish writes.
 */
export async function publishDigestIfChanged(deps: PublishDependencies): Promise<Digest | undefined> {
  const { storyIds, records, written } = await readDigestState(deps);
  if (isDigestCurrent(storyIds, records, written)) return undefined;
  return publishDigest(deps);
}

/**
 * Publishes a new digest version without ever letting an older one win:
 * 1. the version number is taken before anything is read, so the highest version has read the
 *    ledger after every ingest that asked for a publish before it;
 * 2. the immutable snapshot versions/N.json is written;
 * 3. N is recorded as published only if no higher version is, and only then are the site
 *    documents (story documents, feed, page) written, the notification sent, and latest.json
 *    written last;
 * 4. if a higher version got recorded meanwhile, its snapshot is re-published over ours, so the
 *    site always ends at the newest version whatever order the writes land in.
 * Ledger reads grow with the stories that changed since the last digest, not with the corpus.
 *
 * The digest shows each story within `bounds`; the changed stories' documents show them whole,
 * and what changed is told from whole stories on both sides (the previous one read back from its
 * document when the digest showed part of it), so a claim entering the shown ones is not "new".
 */
export async function publishDigest(deps: PublishDependencies): Promise<Digest> {
  const version = await deps.ledger.nextDigestVersion();
  const { unchanged, snapshots, written } = await readStories(deps);
  const whole = buildDigest(snapshots, version, deps.now().toISOString(), unchanged);
  const bounds = deps.bounds ?? DIGEST_BOUNDS;
  const digest: Digest = { ...whole, stories: whole.stories.map((story) => boundStory(story, bounds)) };
  await deps.objects.put(PUBLISHING_KEYS.version(version), json(digest), CONTENT_TYPES.json);
  if (!(await deps.ledger.markPublished(version))) return digest;

  let published = digest;
  for (let round = 0; round < MAX_CATCH_UP_ROUNDS; round += 1) {
    // latest.json, read above, is usually the version before ours: no need to fetch it again.
    const previous = written?.version === published.version - 1 ? written : await readJson<Digest>(deps.objects, PUBLISHING_KEYS.version(published.version - 1));
    const changes = published === digest ? diffDigests(await withWholeStories(deps.objects, previous, whole), whole) : diffDigests(previous, published);
    // Documents are written of whole stories only: a story carried over shown in part, or one of a
    // newer version put back (which holds only its digest), keeps the document written with it.
    const documents = (published === digest ? whole : published).stories.filter((story) => !isPartial(story));
    await writeSite(deps, published, changes, documents);
    if (published === digest) await deps.notifier.publish(buildNotification(published, changes, { ...(deps.siteUrl ? { baseUrl: deps.siteUrl } : {}) }));
    // Last, after the notification: until latest.json shows this version, a retry publishes again.
    await deps.objects.put(PUBLISHING_KEYS.latest, json(published), CONTENT_TYPES.json);
    const newest = await deps.ledger.publishedVersion();
    if (newest === undefined || newest <= published.version) break;
    // A newer publisher finished first and our writes may have landed over its: put the newest back.
    const next = await readJson<Digest>(deps.objects, PUBLISHING_KEYS.version(newest));
    if (!next) break;
    published = next;
  }
  return digest;
}

/** The digest's stories as the ledger holds them (records only) and the digest last written. */
async function readDigestState(deps: PublishDependencies) {
  const storyIds = await deps.ledger.recentStoryIds(DIGEST_STORY_LIMIT);
  const [records, written] = await Promise.all([deps.ledger.storyStates(storyIds), readJson<Digest>(deps.objects, PUBLISHING_KEYS.latest)]);
  return { storyIds, records, written };
}

/**
 * The digest's stories: those whose revision matches their entry in the last written digest are
 * carried over; only the others are read from the ledger (a partition query each).
 */
async function readStories(deps: PublishDependencies): Promise<{ unchanged: DigestStory[]; snapshots: StorySnapshot[]; written: Digest | undefined }> {
  const { storyIds, records, written } = await readDigestState(deps);
  const { carried: unchanged, toRead } = planDigestRefresh(storyIds, records, written);
  const current = new Map(records.map((record) => [record.id, record]));
  const snapshots = await Promise.all(
    toRead.map(async (id) => {
      const snapshot = await deps.ledger.storySnapshot(id);
      const before = current.get(id);
      // A query is not an atomic read of the partition: label the entry with the revision read
      // BEFORE it, so a write landing during the query makes the entry look older, never newer.
      // A story too new to have been read before is left to the publish its ingest does next.
      return snapshot && before ? { ...snapshot, story: { ...snapshot.story, revision: before.revision, stamp: before.stamp } } : undefined;
    }),
  );
  return { unchanged, snapshots: snapshots.filter((snapshot) => snapshot !== undefined), written };
}

/**
 * The previous digest with each story that `next` rebuilt (not carried over as it was) and that
 * the previous digest showed in part replaced by the whole story, as its document holds it at that
 * revision; an entry whose document has moved on stays as it is.
 */
async function withWholeStories(objects: ObjectStore, previous: Digest | undefined, next: Digest): Promise<Digest | undefined> {
  if (!previous) return previous;
  const nextRevisions = new Map(next.stories.map((story) => [story.id, story.revision]));
  const stories = await Promise.all(
    previous.stories.map(async (story) => {
      if (!isPartial(story) || !nextRevisions.has(story.id) || nextRevisions.get(story.id) === story.revision) return story;
      const document = await readJson<StoryDocument>(objects, PUBLISHING_KEYS.story(story.id));
      return document?.story?.id === story.id && document.story.revision === story.revision && !isPartial(document.story) ? document.story : story;
    }),
  );
  return { ...previous, stories };
}

/**
 * Everything a version publishes but latest.json: story documents (of `stories`, whole stories),
 * feed pages (JSON Feed and Atom) and the page. Each is one PUT of the whole object, so a reader
 * never sees one half-written.
 */
async function writeSite(deps: PublishDependencies, digest: Digest, changes: DigestChanges, stories: DigestStory[]): Promise<void> {
  const { objects } = deps;
  await Promise.all(storyDocumentsToWrite({ ...digest, stories }, changes).map(({ key, document }) => objects.put(key, json(document), CONTENT_TYPES.json)));
  // JSON Feed and Atom need absolute URLs: without a site URL there is nothing valid to write.
  if (deps.siteUrl) {
    const previousFeed = await readFeedPages(objects);
    const pages = buildFeedPages(digest, changes, {
      homePageUrl: siteUrl('index.html', deps.siteUrl),
      feedUrl: siteUrl('feed.json', deps.siteUrl),
      maxItems: FEED_ITEMS_PER_PAGE,
      previousFeed,
    });
    // Page 1 names the digest version; older pages are rewritten only when what they list moved.
    const toWrite = pages.filter((page) => page.page === 1 || !sameListing(previousFeed[page.page - 1], page.feed));
    await Promise.all(toWrite.map((page) => objects.put(page.key, json(page.feed), CONTENT_TYPES.feed)));
    // The same pages as Atom, and any older Atom page not written yet.
    const atomToWrite = [...toWrite, ...(await missingAtomPages(objects, pages.filter((page) => !toWrite.includes(page))))];
    await Promise.all(atomToWrite.map(atomPage).map((page) => objects.put(page.key, page.xml, CONTENT_TYPES.atom)));
  }
  await objects.put(PUBLISHING_KEYS.page, renderPage(digest, changes), CONTENT_TYPES.html);
}

async function missingAtomPages(objects: ObjectStore, pages: readonly FeedPage[]): Promise<FeedPage[]> {
  const present = await Promise.all(pages.map(async (page) => (await objects.head(PUBLISHING_KEYS.atomPage(page.page))) !== undefined));
  return pages.filter((_, i) => !present[i]);
}

function sameListing(before: JsonFeed | undefined, after: JsonFeed): boolean {
  return before !== undefined && before.next_url === after.next_url && before._corroborate?.pages === after._corroborate?.pages && JSON.stringify(before.items) === JSON.stringify(after.items);
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
