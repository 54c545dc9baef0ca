import { LOOKUP_TERMS, topTerms, type TermVector } from '../core/stories/term-vector';
import type { Ledger } from '../ledger/ledger';

/** Candidate stories scored per article (or per story that changed shape), most shared terms first. */
export const MAX_STORY_CANDIDATES = 20;

/**
 * Stories that share the vector's strongest terms, through the term index (never a scan): most
 * shared terms first, newer stories first on a tie.
 */
export async function candidateStoryIds(ledger: Ledger, vector: TermVector, excluding?: string): Promise<string[]> {
  const hits = await ledger.storyIdsForTerms(Object.keys(topTerms(vector, LOOKUP_TERMS)));
  if (excluding) hits.delete(excluding);
  return [...hits.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1)).slice(0, MAX_STORY_CANDIDATES).map(([storyId]) => storyId);
}
