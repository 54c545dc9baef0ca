import { cosine, type TermVector } from './term-vector';

export interface StoryCandidate {
  id: string;
  centroid: TermVector;
}

/** Similarity to a story's centroid from which an article joins it instead of opening a new one. */
export const JOIN_STORY_THRESHOLD = 0.3;

export type StoryDecision = { kind: 'join'; storyId: string; similarity: number } | { kind: 'open' };

/** The most similar candidate story if it is similar enough. Ties go to the smaller id, for determinism. */
export function assignStory(article: TermVector, candidates: readonly StoryCandidate[]): StoryDecision {
  let best: { id: string; similarity: number } | undefined;
  for (const candidate of candidates) {
    const similarity = cosine(article, candidate.centroid);
    if (!best || similarity > best.similarity || (similarity === best.similarity && candidate.id < best.id)) {
      best = { id: candidate.id, similarity };
    }
  }
  if (best && best.similarity >= JOIN_STORY_THRESHOLD) return { kind: 'join', storyId: best.id, similarity: best.similarity };
  return { kind: 'open' };
}
