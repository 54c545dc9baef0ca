/** Time-ordered, so the term index can return the newest stories first; deterministic for retries. */
export function newStoryId(articleId: string, ingestedAt: string): string {
  return `s-${Date.parse(ingestedAt).toString(36).padStart(9, '0')}-${articleId.slice(0, 10)}`;
}

/** A story split off from another: ordered like any story, and distinct from the one its first article would open. */
export function splitStoryId(articleId: string, ingestedAt: string): string {
  return `${newStoryId(articleId, ingestedAt)}-split`;
}
