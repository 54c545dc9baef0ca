import type { StoryRecord } from '../records';
import { publicationRange } from './publication-range';
import { addToCentroid, cosine, mergeCentroids, type TermVector } from './term-vector';

/**
 * Two stories an article is similar to are one story when their centroids are this similar too:
 * it takes both the bridging article and the stories' own likeness, so one article that touches two
 * events does not weld them together. On ECB+ dev (two similar events per topic) 0.45 cost story F1
 * (0.812 -> 0.808); from 0.6 up merges no longer hurt it.
 */
export const MERGE_STORIES_THRESHOLD = 0.6;

/**
 * A story of this few articles is one or two outlets' telling: its centroid is their wording, and
 * another outlet's report of the same event can miss it (BASIL: Fox on the Benghazi e-mails at
 * 0.26 from the New York Times).
 */
export const SMALL_STORY_ARTICLES = 3;
/**
 * An article joins one story and is similar to a small one too: the two are one story when the
 * joined story, with the article, is this close to the small one. On the dev sets over 10 arrival
 * orders: BASIL 0.982 -> 0.984, ECB+ 0.865 -> 0.873 (better in 9 of 10 orders); at 0.35 a BASIL
 * order merged two stories.
 */
export const BRIDGED_MERGE_THRESHOLD = 0.4;

type Mergeable = Pick<StoryRecord, 'id' | 'centroid' | 'splitFrom' | 'splitInto' | 'memberIds'>;

export function shouldMerge(a: Pick<StoryRecord, 'id' | 'centroid' | 'splitFrom'>, b: Pick<StoryRecord, 'id' | 'centroid' | 'splitFrom'>): boolean {
  if (splitApart(a, b)) return false;
  return cosine(a.centroid, b.centroid) >= MERGE_STORIES_THRESHOLD;
}

/**
 * Whether `other`, another story the article is similar to, is the story it joins: alike on their
 * own (shouldMerge), or, when either is small, once the article has joined (it bridges them). Not
 * through a story that has split: its events were alike enough to share it, so one article like
 * both of two stories says little there (a small story of the other event would be folded back in).
 */
export function shouldMergeThrough(article: TermVector, joins: Mergeable, other: Mergeable): boolean {
  if (shouldMerge(joins, other)) return true;
  if ([joins, other].some(hasSplit) || Math.min(joins.memberIds.length, other.memberIds.length) > SMALL_STORY_ARTICLES) return false;
  return cosine(addToCentroid(joins.centroid, joins.memberIds.length, article), other.centroid) >= BRIDGED_MERGE_THRESHOLD;
}

function hasSplit(story: Pick<StoryRecord, 'splitFrom' | 'splitInto'>): boolean {
  return story.splitFrom !== undefined || (story.splitInto?.length ?? 0) > 0;
}

/**
 * A story and the one split from it were told apart on all their members; one article similar to
 * both says less than that (parts split for terms of their own can be this alike).
 */
function splitApart(a: Pick<StoryRecord, 'id' | 'splitFrom'>, b: Pick<StoryRecord, 'id' | 'splitFrom'>): boolean {
  return a.splitFrom === b.id || b.splitFrom === a.id;
}

/** The older of two stories survives a merge, so story ids stay stable as stories grow. */
export function survivorOf<T extends Pick<StoryRecord, 'id' | 'createdAt'>>(a: T, b: T): { survivor: T; absorbed: T } {
  const aFirst = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
  return aFirst ? { survivor: a, absorbed: b } : { survivor: b, absorbed: a };
}

/** The surviving story's META after absorbing another. */
export function absorbStory(survivor: StoryRecord, absorbed: StoryRecord): StoryRecord {
  const members = [...survivor.memberIds, ...absorbed.memberIds.filter((id) => !survivor.memberIds.includes(id))];
  return {
    ...survivor,
    updatedAt: survivor.updatedAt > absorbed.updatedAt ? survivor.updatedAt : absorbed.updatedAt,
    centroid: mergeCentroids(survivor.centroid, survivor.memberIds.length, absorbed.centroid, absorbed.memberIds.length),
    memberIds: members,
    ...publicationRange([survivor.publishedFrom, survivor.publishedTo, absorbed.publishedFrom, absorbed.publishedTo]),
    // It now holds a part told apart from that story: shouldMerge keeps them apart too.
    ...(!survivor.splitFrom && absorbed.splitFrom ? { splitFrom: absorbed.splitFrom } : {}),
  };
}
