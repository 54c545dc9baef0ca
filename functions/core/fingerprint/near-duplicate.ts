import { contentStems } from '../text/tokens';
import { estimateContainment, estimateJaccard, type MinHashSignature } from './minhash';

/**
 * Measured on reprints-dev: copies (syndicated, trimmed, copy-edited, re-ordered) have Jaccard >= 0.32
 * or containment >= 0.71 with their original; independent reports of the same story stay below 0.13
 * and 0.25. A trimmed copy keeps most of the original's shingles even though Jaccard drops with its
 * length, hence containment.
 */
export const CONTAINMENT_THRESHOLD = 0.6;
export const JACCARD_THRESHOLD = 0.3;
/**
 * A crawled page whose text is only its site's chrome (a sign-in or newsletter prompt, a station's
 * "about us", a social network's notice) carries the same text on every page of the site, whatever
 * the headline, and its text is not about its headline. Measured on the GVA dev set: such texts
 * run to about 160 words, and 76 of the 82 pages whose text matched a page of another event use
 * under a third of their headline's content words (238 of its 2,997 articles do, most of them
 * matching no other page). Only a short text that is not about its headline and matches a page
 * under another headline is chrome; any other text that matches is a copy.
 */
export const MIN_TEXT_SHINGLES = 200;
export const TITLE_IN_TEXT = 1 / 3;
/** Share of content words two headlines must have in common (Jaccard) to agree. */
export const HEADLINE_AGREEMENT = 0.5;

export interface FingerprintedArticle {
  id: string;
  title: string;
  signature: MinHashSignature;
  /** Share of the headline's content words that its text uses (titleInText); absent reads as all. */
  titleInText?: number;
  duplicateOf?: string;
  ingestedAt: string;
}

export type Fingerprint = Pick<FingerprintedArticle, 'title' | 'signature' | 'titleInText'>;

/**
 * What the copy and chrome checks read of an article. `titleInText` tokenizes the whole text, and
 * only a text short enough to be chrome needs it (see chromeAgainst).
 */
export function articleFingerprint(title: string, paragraphs: readonly string[], signature: MinHashSignature): Fingerprint {
  return signature.shingleCount < MIN_TEXT_SHINGLES ? { title, signature, titleInText: titleInText(title, paragraphs) } : { title, signature };
}

/** The earliest candidate that the article copies, if any: its text matches, and is no page chrome. */
export function findNearDuplicate<T extends FingerprintedArticle>(article: Fingerprint, candidates: readonly T[]): T | undefined {
  const copies = candidates.filter((candidate) => textsMatch(article, candidate) && !chromeAgainst(article, candidate));
  copies.sort((a, b) => (a.ingestedAt < b.ingestedAt ? -1 : a.ingestedAt > b.ingestedAt ? 1 : a.id < b.id ? -1 : 1));
  return copies[0];
}

/**
 * Whether the article's text is page chrome: a short text, not about its headline, that another
 * page carries under a headline of its own. Such an article is its headline.
 */
export function isPageChrome(article: Fingerprint, candidates: readonly Fingerprint[]): boolean {
  return candidates.some((candidate) => textsMatch(article, candidate) && chromeAgainst(article, candidate));
}

/** Share of the headline's content words that the text uses. */
export function titleInText(title: string, paragraphs: readonly string[]): number {
  const headline = new Set(contentStems(title));
  if (headline.size === 0) return 1;
  const text = new Set(contentStems(paragraphs.join('\n')));
  return [...headline].filter((stem) => text.has(stem)).length / headline.size;
}

/** The article's text, matching the candidate's, is chrome rather than a copy (see MIN_TEXT_SHINGLES). */
function chromeAgainst(article: Fingerprint, candidate: Fingerprint): boolean {
  return article.signature.shingleCount < MIN_TEXT_SHINGLES && (article.titleInText ?? 1) < TITLE_IN_TEXT && !headlinesAgree(article.title, candidate.title);
}

function textsMatch(article: Fingerprint, candidate: Fingerprint): boolean {
  return signaturesMatch(article.signature, candidate.signature);
}

/** The copy test on texts: Jaccard or containment at its threshold. */
export function signaturesMatch(a: MinHashSignature, b: MinHashSignature): boolean {
  return estimateJaccard(a, b) >= JACCARD_THRESHOLD || estimateContainment(a, b) >= CONTAINMENT_THRESHOLD;
}

/** Whether two headlines share at least HEADLINE_AGREEMENT of their content words. */
export function headlinesAgree(a: string, b: string): boolean {
  const first = new Set(contentStems(a));
  const second = new Set(contentStems(b));
  const shared = [...first].filter((stem) => second.has(stem)).length;
  const union = first.size + second.size - shared;
  return union > 0 && shared / union >= HEADLINE_AGREEMENT;
}

/** An article found to be a copy after it was committed, and the original it copies. */
export interface LateCopy<T> {
  article: T;
  originId: string;
  /** The original it was marked with, when the mark moves to that original's own original. */
  replacing?: string;
}

/**
 * The copies among articles ingested at the same moment as `article`, which the duplicate check
 * before committing cannot see: each read the LSH bands before the other had written them. Run
 * after `article` is committed, over the committed articles that now share its bands, so that of
 * two concurrent copies at least the one that checks last sees the other. The earlier arrival
 * (ingestion time, then id) is the original, as in a sequential run. A mark is only ever set on an
 * article that has none, or moved from an article being marked to that article's original, so
 * copies keep pointing at the first article (no chains, no loops).
 */
export function lateCopies<T extends FingerprintedArticle>(article: T, sharing: readonly T[]): Array<LateCopy<T>> {
  const others = sharing.filter((other) => other.id !== article.id);
  const arrivedBefore = (a: FingerprintedArticle, b: FingerprintedArticle) => a.ingestedAt < b.ingestedAt || (a.ingestedAt === b.ingestedAt && a.id < b.id);
  const original = findNearDuplicate(article, others.filter((other) => arrivedBefore(other, article) && other.duplicateOf !== article.id));
  const marks: Array<LateCopy<T>> = [];
  let originId = article.duplicateOf ?? article.id;
  if (original && !article.duplicateOf && (original.duplicateOf ?? original.id) !== article.id) {
    originId = original.duplicateOf ?? original.id;
    marks.push({ article, originId });
  }
  for (const other of others) {
    if (other.id === originId) continue;
    if (!other.duplicateOf && arrivedBefore(article, other) && findNearDuplicate(other, [article])) marks.push({ article: other, originId });
    else if (other.duplicateOf === article.id && originId !== article.id) marks.push({ article: other, originId, replacing: article.id });
  }
  // Copies already pointing at an article marked here move on to its original.
  const moved = new Map(marks.map((mark) => [mark.article.id, mark.originId]));
  for (const other of others) {
    const next = other.duplicateOf && other.duplicateOf !== article.id ? moved.get(other.duplicateOf) : undefined;
    if (next && next !== other.id && !moved.has(other.id)) marks.push({ article: other, originId: next, replacing: other.duplicateOf });
  }
  return marks;
}
