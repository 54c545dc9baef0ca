import { cosine, type TermVector } from './term-vector';

export interface StoryCandidate {
  id: string;
  centroid: TermVector;
  /** Earliest and latest publication times of the story's articles, where known. */
  publishedFrom?: string;
  publishedTo?: string;
}

/** Similarity to a story's centroid from which an article joins it instead of opening a new one. */
export const JOIN_STORY_THRESHOLD = 0.3;
/** Reports of one event cluster within days; an article further than this from a story is another story. */
export const MAX_DAYS_APART = 7;

const DAY_MS = 86_400_000;

export type StoryDecision = { kind: 'join'; storyId: string; similarity: number } | { kind: 'open' };

/**
 * The most similar candidate story if it is similar enough and close enough in time. Ties go to the
 * smaller id, for determinism.
 */
export function assignStory(article: TermVector, candidates: readonly StoryCandidate[], publishedAt?: string): StoryDecision {
  let best: { id: string; similarity: number } | undefined;
  for (const candidate of candidates) {
    if (daysOutside(publishedAt, candidate) > MAX_DAYS_APART) continue;
    const similarity = cosine(article, candidate.centroid);
    if (!best || similarity > best.similarity || (similarity === best.similarity && candidate.id < best.id)) {
      best = { id: candidate.id, similarity };
    }
  }
  if (best && best.similarity >= JOIN_STORY_THRESHOLD) return { kind: 'join', storyId: best.id, similarity: best.similarity };
  return { kind: 'open' };
}

/** Days between a publication time and a story's time range (0 inside it or when either is unknown). */
export function daysOutside(publishedAt: string | undefined, story: Pick<StoryCandidate, 'publishedFrom' | 'publishedTo'>): number {
  if (!publishedAt || !story.publishedFrom || !story.publishedTo) return 0;
  const at = Date.parse(publishedAt);
  const from = Date.parse(story.publishedFrom);
  const to = Date.parse(story.publishedTo);
  if (at < from) return (from - at) / DAY_MS;
  if (at > to) return (at - to) / DAY_MS;
  return 0;
}
