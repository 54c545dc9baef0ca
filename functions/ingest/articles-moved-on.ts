import type { Ledger } from '../ledger/ledger';

/**
 * Of the articles a merge or a split copies from story `fromId` into story `intoId`, those that
 * have since moved on to a third story that stands (not merged away), as their records say.
 *
 * Both copy a story's partition and re-point the records, and both can run again on what they
 * read earlier: a merge whenever an article meets the absorbed story (a retry, or a choice made
 * before the merge), whose partition keeps its copies; a split finisher that read the story before
 * another finished the move. Copying an article that a later split moved out of `intoId` back into
 * it would list the article in two stories and point its record at the wrong one.
 */
export async function articlesMovedOn(ledger: Ledger, articles: readonly { id: string }[], fromId: string, intoId: string): Promise<Set<string>> {
  const elsewhere = (await ledger.findArticles(articles.map((article) => article.id))).filter((record) => record.storyId !== fromId && record.storyId !== intoId);
  if (elsewhere.length === 0) return new Set();
  const standing = new Set((await ledger.findStories([...new Set(elsewhere.map((record) => record.storyId))])).filter((story) => !story.mergedInto).map((story) => story.id));
  return new Set(elsewhere.filter((record) => standing.has(record.storyId)).map((record) => record.id));
}
