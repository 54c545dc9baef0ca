import type { Digest, DigestClaim, DigestStory } from '../digest/build-digest';
import { claimLine } from '../digest/claim-headline';
import { claimsOf, describeCounts, describeStoryChanges, disputesOf, isDisputed, type ChangeKind, type DigestChanges, type StoryChanges } from './changes';
import { html, type SafeHtml } from './html';
import { PUBLISHING_KEYS, feedPageName, siblingUrl, storyAnchor, storyDocumentPath, siteUrl } from './keys';
import { clip, plural, summarizeStory, type StorySummary } from './story-summary';

/**
 * The digest as a JSON Feed 1.1 (https://jsonfeed.org/version/1.1): one item per story, newest
 * first, in pages of at most `maxItems` (feed.json, then feed-2.json... linked by `next_url`), so
 * that stories which left the digest stay reachable. Item ids are `story:<storyId>`: story ids are
 * never reused, so neither are item ids.
 */

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';
export const FEED_EXTENSION_ABOUT = 'https://corroborate.dev/schemas/feed-extension-v1';

export interface FeedClaim {
  id: string;
  /** The exact words of the claim's first wording. */
  text: string;
  /** The claim as one line a reader can take in alone (see the digest's claim `headline`). */
  headline: string;
  outlets: string[];
  independentOutlets: number;
  firstReportedBy: { articleId: string; source: string; at: string };
  disputed: boolean;
  /** One line per dispute ("X denies it, as reported by Y"), when disputed. */
  disputes?: string[];
}

/** What changed in a story, as the feed states it: lists bounded, with what was left out counted. */
export interface FeedWhatsNew {
  /** The digest version in which these changes were published. */
  version: number;
  kinds: ChangeKind[];
  text: string;
  newArticles: Array<{ source: string; title: string }>;
  newClaims: Array<{ claimId: string; text: string }>;
  corroborationChanges: Array<{ claimId: string; text: string; independentOutlets: { from: number; to: number }; addedOutlets: string[] }>;
  newDisputes: Array<{ claimId: string; text: string; kind: string; by?: string; detail?: string }>;
  /** How many entries of each list are not shown. */
  omitted?: { newArticles?: number; newClaims?: number; corroborationChanges?: number; newDisputes?: number };
}

export interface FeedItemExtension {
  about: string;
  storyId: string;
  /** The story's drill-down document. */
  document: string;
  /** Whether the story is in the latest digest (false: kept from an earlier version). */
  inDigest: boolean;
  /** When the story left the digest because its articles joined another story. */
  mergedInto?: string;
  outlets: string[];
  stats: Omit<StorySummary, 'text'>;
  /** The story's claims, most corroborated first, at most `maxClaimsPerItem` (all are in the document). */
  claims: FeedClaim[];
  claimsOmitted: number;
  whatsNew?: FeedWhatsNew;
}

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_text: string;
  content_html: string;
  date_published: string;
  date_modified: string;
  tags?: string[];
  _corroborate: FeedItemExtension;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  next_url?: string;
  items: FeedItem[];
  _corroborate: {
    about: string;
    digestVersion: number;
    generatedAt: string;
    page: number;
    pages: number;
    /** The digest's changes since the previous version. */
    whatsNew: { fromVersion?: number; kinds: ChangeKind[]; text: string };
  };
}

export interface FeedOptions {
  /** The page (digest/index.html) as served, e.g. https://d123.cloudfront.net/index.html. */
  homePageUrl: string;
  /** Page 1 of the feed as served (…/feed.json); later pages are its siblings feed-2.json… */
  feedUrl: string;
  /** Items per page (the "bounded length" of feed.json). */
  maxItems: number;
  /** Pages kept in all (default 20): items beyond the last page are dropped from the feed. */
  maxPages?: number;
  /** Claims listed per item (default 25); the story document has them all. */
  maxClaimsPerItem?: number;
  /** The feed as published before (its pages, or just page 1): keeps items of stories that left the digest, and their dates. */
  previousFeed?: JsonFeed | readonly JsonFeed[];
  title?: string;
}

export interface FeedPage {
  page: number;
  key: string;
  url: string;
  feed: JsonFeed;
}

const WHATS_NEW_LIST_LIMIT = 10;

/** Page 1 of the feed (feed.json). */
export function buildFeed(digest: Digest, changes: DigestChanges | undefined, options: FeedOptions): JsonFeed {
  return buildFeedPages(digest, changes, options)[0].feed;
}

/** Every page of the feed: write each `feed` to its `key` as application/feed+json. */
export function buildFeedPages(digest: Digest, changes: DigestChanges | undefined, options: FeedOptions): FeedPage[] {
  const maxItems = Math.max(1, Math.floor(options.maxItems));
  const maxPages = Math.max(1, Math.floor(options.maxPages ?? 20));
  const previousItems = new Map<string, FeedItem>();
  const previousPages = options.previousFeed === undefined ? [] : Array.isArray(options.previousFeed) ? options.previousFeed : [options.previousFeed as JsonFeed];
  for (const page of previousPages) {
    for (const item of Array.isArray(page?.items) ? page.items : []) {
      if (item && typeof item.id === 'string' && item.id.startsWith('story:') && !previousItems.has(item.id)) previousItems.set(item.id, item);
    }
  }

  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const story of digest.stories) {
    const id = feedItemId(story.id);
    if (seen.has(id)) continue;
    seen.add(id);
    items.push(buildItem(digest, story, changes?.stories.find((s) => s.storyId === story.id), previousItems.get(id), options));
  }
  const mergedInto = new Map((changes?.removedStories ?? []).filter((r) => r.mergedInto).map((r) => [feedItemId(r.storyId), r.mergedInto!]));
  for (const [id, item] of previousItems) {
    if (seen.has(id)) continue;
    seen.add(id);
    const merged = mergedInto.get(id) ?? item._corroborate?.mergedInto;
    items.push({ ...item, _corroborate: { ...item._corroborate, inDigest: false, ...(merged ? { mergedInto: merged } : {}) } });
  }
  items.sort(newestFirst);

  const kept = items.slice(0, maxItems * maxPages);
  const pageCount = Math.max(1, Math.ceil(kept.length / maxItems));
  const whatsNew = {
    ...(changes?.fromVersion !== undefined ? { fromVersion: changes.fromVersion } : {}),
    kinds: changes?.kinds ?? [],
    text: changes ? (changes.fromVersion === undefined ? `first version: ${describeCounts(changes.counts)}` : describeCounts(changes.counts)) : 'no comparison with the previous version',
  };
  const pages: FeedPage[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const feed: JsonFeed = {
      version: JSON_FEED_VERSION,
      title: options.title ?? 'corroborate: which claims are independently corroborated',
      home_page_url: options.homePageUrl,
      feed_url: options.feedUrl,
      description:
        page === 1
          ? 'Stories and the claims in them: which outlets report each claim, how many of them independently, who reported it first, and what is disputed.'
          : `Older stories (page ${page} of ${pageCount}).`,
      ...(page < pageCount ? { next_url: feedPageUrl(options.feedUrl, page + 1) } : {}),
      _corroborate: { about: FEED_EXTENSION_ABOUT, digestVersion: digest.version, generatedAt: digest.generatedAt, page, pages: pageCount, whatsNew },
      items: kept.slice((page - 1) * maxItems, page * maxItems),
    };
    pages.push({ page, key: PUBLISHING_KEYS.feedPage(page), url: feedPageUrl(options.feedUrl, page), feed });
  }
  return pages;
}

export function feedItemId(storyId: string): string {
  return `story:${storyId}`;
}

/** The URL of page `page` of the feed whose page 1 is `feedUrl` (a sibling file). */
export function feedPageUrl(feedUrl: string, page: number): string {
  return page === 1 ? feedUrl : siblingUrl(feedUrl, feedPageName(page));
}

function buildItem(digest: Digest, story: DigestStory, storyChanges: StoryChanges | undefined, previous: FeedItem | undefined, options: FeedOptions): FeedItem {
  const summary = summarizeStory(story);
  const { text: summaryText, ...stats } = summary;
  const updatedAt = isoOr(story.updatedAt, digest.generatedAt);
  const previousModified = previous && !Number.isNaN(Date.parse(previous.date_modified)) ? previous.date_modified : undefined;
  // date_modified moves whenever the story changes, even if its updatedAt did not (never backwards).
  let modified = updatedAt;
  if (previousModified && Date.parse(previousModified) >= Date.parse(modified)) {
    modified = storyChanges ? latest(isoOr(digest.generatedAt, modified), previousModified, true) : previousModified;
  }
  const published = summary.firstPublishedAt && Date.parse(summary.firstPublishedAt) <= Date.parse(modified) ? summary.firstPublishedAt : modified;

  const maxClaims = Math.max(0, Math.floor(options.maxClaimsPerItem ?? 25));
  const claims = claimsOf(story);
  const shown = claims.slice(0, maxClaims).map(feedClaim);
  const claimCount = summary.claims;
  const whatsNew = storyChanges ? feedWhatsNew(digest.version, storyChanges) : previous?._corroborate?.whatsNew;
  const document = siteUrl(storyDocumentPath(story.id), siteRoot(options.feedUrl));
  const url = `${options.homePageUrl}#${storyAnchor(story.id)}`;
  const headline = story.headline || '(untitled story)';

  const lines = [summaryText + '.'];
  if (whatsNew) lines.push('', `What's new (v${whatsNew.version}): ${whatsNew.text}.`);
  if (shown.length > 0) {
    lines.push('', 'Claims, most corroborated first:');
    for (const c of shown) lines.push(`- [${c.independentOutlets} independent / ${plural(c.outlets.length, 'outlet')}] ${c.headline} (first: ${c.firstReportedBy.source})${c.disputed ? ' [disputed]' : ''}`);
    if (claimCount > shown.length) lines.push(`… and ${plural(claimCount - shown.length, 'more claim')}: ${document}`);
  }
  lines.push('', `Sources: ${(story.outlets ?? []).join(', ')}`);

  const contentHtml: SafeHtml = html`<p>${summaryText}.</p>${whatsNew ? html`<p><strong>What's new (v${whatsNew.version}):</strong> ${whatsNew.text}.</p>` : ''}${
    shown.length > 0
      ? html`<ul>${shown.map(
          (c) => html`<li><strong>${c.independentOutlets} independent / ${plural(c.outlets.length, 'outlet')}</strong>: ${c.headline} <em>(first: ${c.firstReportedBy.source})</em>${c.disputed ? html` <strong>[disputed]</strong>` : ''}</li>`,
        )}</ul>`
      : ''
  }${claimCount > shown.length ? html`<p><a href="${document}">All ${claimCount} claims</a></p>` : ''}<p>Sources: ${(story.outlets ?? []).join(', ')}</p>`;

  const tags = [...(summary.disputed > 0 ? ['disputed'] : []), ...(whatsNew?.version === digest.version ? whatsNew.kinds : [])];
  return {
    id: feedItemId(story.id),
    url,
    title: headline,
    summary: summaryText,
    content_text: lines.join('\n'),
    content_html: contentHtml.markup,
    date_published: published,
    date_modified: modified,
    ...(tags.length > 0 ? { tags } : {}),
    _corroborate: {
      about: FEED_EXTENSION_ABOUT,
      storyId: story.id,
      document,
      inDigest: true,
      outlets: [...(story.outlets ?? [])],
      stats,
      claims: shown,
      claimsOmitted: claimCount - shown.length,
      ...(whatsNew ? { whatsNew } : {}),
    },
  };
}

function feedClaim(claim: DigestClaim): FeedClaim {
  const disputes = disputesOf(claim)
    .map((d) => d.detail || [d.kind, d.by, d.text].filter(Boolean).join(': '))
    .filter((line) => line.length > 0);
  return {
    id: claim.id,
    text: claim.text ?? '',
    headline: claimLine(claim),
    outlets: [...(claim.outlets ?? [])],
    independentOutlets: claim.independentOutlets ?? 0,
    firstReportedBy: { articleId: claim.firstReportedBy?.articleId ?? '', source: claim.firstReportedBy?.source ?? '', at: claim.firstReportedBy?.at ?? '' },
    disputed: isDisputed(claim),
    ...(disputes.length > 0 ? { disputes } : {}),
  };
}

function feedWhatsNew(version: number, s: StoryChanges): FeedWhatsNew {
  const omitted: NonNullable<FeedWhatsNew['omitted']> = {};
  const bounded = <T, U>(list: readonly T[], name: keyof NonNullable<FeedWhatsNew['omitted']>, map: (t: T) => U): U[] => {
    if (list.length > WHATS_NEW_LIST_LIMIT) omitted[name] = list.length - WHATS_NEW_LIST_LIMIT;
    return list.slice(0, WHATS_NEW_LIST_LIMIT).map(map);
  };
  const result: FeedWhatsNew = {
    version,
    kinds: s.kinds,
    text: describeStoryChanges(s),
    newArticles: bounded(s.newArticles, 'newArticles', (a) => ({ source: a.source, title: clip(a.title, 300) })),
    newClaims: bounded(s.newClaims, 'newClaims', (c) => ({ claimId: c.claimId, text: clip(c.text, 300) })),
    corroborationChanges: bounded(s.corroborationChanges, 'corroborationChanges', (c) => ({
      claimId: c.claimId,
      text: clip(c.text, 300),
      independentOutlets: c.independentOutlets,
      addedOutlets: c.addedOutlets,
    })),
    newDisputes: bounded(s.newDisputes, 'newDisputes', (d) => ({
      claimId: d.claimId,
      text: clip(d.text, 300),
      kind: d.kind,
      ...(d.by ? { by: d.by } : {}),
      ...(d.detail ? { detail: d.detail } : {}),
    })),
  };
  return Object.keys(omitted).length > 0 ? { ...result, omitted } : result;
}

function newestFirst(a: FeedItem, b: FeedItem): number {
  return Date.parse(b.date_modified) - Date.parse(a.date_modified) || Date.parse(b.date_published) - Date.parse(a.date_published) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The directory of the feed URL: what serves digest/. */
function siteRoot(feedUrl: string): string {
  return new URL('./', feedUrl).toString();
}

function isoOr(value: string | undefined, fallback: string): string {
  const t = value ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? new Date(Date.parse(fallback)).toISOString() : new Date(t).toISOString();
}

/** The later of two times; with `strictlyAfter`, at least a millisecond after `than`. */
function latest(candidate: string, than: string, strictlyAfter: boolean): string {
  const c = Date.parse(candidate);
  const t = Date.parse(than);
  if (c > t) return new Date(c).toISOString();
  return new Date(strictlyAfter ? t + 1 : t).toISOString();
}
