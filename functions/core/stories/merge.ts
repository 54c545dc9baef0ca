import type { StoryRecord } from '../records';
import { publicationRange } from './publication-range';
import { cosine, mergeCentroids } from './term-vector';

/**
 * Two stories an article is similar to are one story when their centroids are this similar too:
 * it takes both the bridging article and the stories' own likeness, so one article that touches two
 * events does not weld them together. On ECB+ dev (two similar events per topic) 0.45 cost story F1
 * (0.812 -> 0.808); from 0.6 up merges no longer hurt it.
 */
export const MERGE_STORIES_THRESHOLD = 0.6;

export function shouldMerge(a: Pick<StoryRecord, 'id' | 'centroid' | 'splitFrom'>, b: Pick<StoryRecord, 'id' | 'centroid' | 'splitFrom'>): boolean {
  // A story and the one split from it were told apart on all their members; one article similar to
  // both says less than that (parts split for terms of their own can be this alike).
  if (a.splitFrom === b.id || b.splitFrom === a.id) return false;
  return cosine(a.centroid, b.centroid) >= MERGE_STORIES_THRESHOLD;
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
