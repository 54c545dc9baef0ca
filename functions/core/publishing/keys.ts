import { BUCKET_PREFIXES, DIGEST_KEYS } from '../../shared/resources';

/**
 * Where the published documents live in the bucket (all under digest/, which CloudFront serves
 * as the site root), and their content types.
 */
export const PUBLISHING_KEYS = {
  latest: DIGEST_KEYS.latest,
  version: DIGEST_KEYS.version,
  /** The HTML page. */
  page: `${BUCKET_PREFIXES.digest}index.html`,
  /** Page 1 is feed.json, page n > 1 is feed-n.json. */
  feedPage: (page: number) => `${BUCKET_PREFIXES.digest}${feedPageName(page)}`,
  /** The same pages as Atom: atom.xml, atom-n.xml. */
  atomPage: (page: number) => `${BUCKET_PREFIXES.digest}${atomPageName(page)}`,
  /** One drill-down document per story. */
  story: (storyId: string) => `${BUCKET_PREFIXES.digest}${storyDocumentPath(storyId)}`,
} as const;

export const CONTENT_TYPES = {
  json: 'application/json',
  feed: 'application/feed+json',
  atom: 'application/atom+xml',
  html: 'text/html; charset=utf-8',
} as const;

/** The file name of a feed page: feed.json, feed-2.json, feed-3.json... */
export function feedPageName(page: number): string {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`feed page must be a positive integer, not ${page}`);
  return page === 1 ? 'feed.json' : `feed-${page}.json`;
}

/** The file name of an Atom page: atom.xml, atom-2.xml, atom-3.xml... */
export function atomPageName(page: number): string {
  return feedPageName(page).replace(/^feed/, 'atom').replace(/\.json$/, '.xml');
}

/** A story document's path below digest/: stories/<id>.json, the id percent-encoded. */
export function storyDocumentPath(storyId: string): string {
  return `stories/${encodeURIComponent(storyId)}.json`;
}

/** The HTML anchor of a story on the page (ids are restricted to a safe alphabet). */
export function storyAnchor(storyId: string): string {
  return `story-${storyId.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}

/** A bucket key under digest/ as a path relative to the site root: digest/latest.json -> latest.json. */
export function sitePath(key: string): string {
  return key.startsWith(BUCKET_PREFIXES.digest) ? key.slice(BUCKET_PREFIXES.digest.length) : key;
}

/** Resolves a path relative to the site root (digest/) against a base URL, or leaves it relative. */
export function siteUrl(path: string, baseUrl?: string): string {
  if (!baseUrl) return path;
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
}

/** The URL of the file `fileName` in the same folder as `url` (no query, no fragment). */
export function siblingUrl(url: string, fileName: string): string {
  const sibling = new URL(url);
  sibling.pathname = sibling.pathname.replace(/[^/]*$/, fileName);
  sibling.search = '';
  sibling.hash = '';
  return sibling.toString();
}
