import type { StoryRecord } from '../records';
import { keepMember } from './kept-members';
import { publicationRange } from './publication-range';
import type { ArticleEvidence } from './story-evidence';
import { combinedMembers, storySize } from './story-members';
import { cosine, mergeCentroids } from './term-vector';

/**
 * A story split off is folded into a story of the same event opened meanwhile when their centroids
 * are this similar: reports of one event share most of their strong terms.
 */
export const MERGE_STORIES_THRESHOLD = 0.6;

export function shouldMerge(a: Pick<StoryRecord, 'id' | 'centroid' | 'splitFrom'>, b: Pick<StoryRecord, 'id' | 'centroid' | 'splitFrom'>): boolean {
  if (splitApart(a, b)) return false;
  return cosine(a.centroid, b.centroid) >= MERGE_STORIES_THRESHOLD;
}

/**
 * A story and the one split from it were told apart on all their members; one article similar to
 * both says less than that (parts split for terms of their own can be this alike).
 */
export function splitApart(a: Pick<StoryRecord, 'id' | 'splitFrom'>, b: Pick<StoryRecord, 'id' | 'splitFrom'>): boolean {
  return a.splitFrom === b.id || b.splitFrom === a.id;
}

/** The older of two stories survives a merge, so story ids stay stable as stories grow. */
export function survivorOf<T extends Pick<StoryRecord, 'id' | 'createdAt'>>(a: T, b: T): { survivor: T; absorbed: T } {
  const aFirst = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
  return aFirst ? { survivor: a, absorbed: b } : { survivor: b, absorbed: a };
}

/** The surviving story's META after absorbing another. */
export function absorbStory(survivor: StoryRecord, absorbed: StoryRecord): StoryRecord {
  return {
    ...survivor,
    updatedAt: survivor.updatedAt > absorbed.updatedAt ? survivor.updatedAt : absorbed.updatedAt,
    centroid: mergeCentroids(survivor.centroid, storySize(survivor), absorbed.centroid, storySize(absorbed)),
    ...combinedMembers(survivor, absorbed),
    members: [...(survivor.members ?? []), ...(absorbed.members ?? [])].reduce<ArticleEvidence[]>(keepMember, []),
    ...publicationRange([survivor.publishedFrom, survivor.publishedTo, absorbed.publishedFrom, absorbed.publishedTo]),
    // It now holds a part told apart from that story: shouldMerge keeps them apart too.
    ...(!survivor.splitFrom && absorbed.splitFrom ? { splitFrom: absorbed.splitFrom } : {}),
  };
}
