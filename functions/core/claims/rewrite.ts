/** Minimum share of an article's claims that must restate one earlier article, in its order. */
export const REWRITE_SHARE = 0.5;
export const REWRITE_MIN_CLAIMS = 4;

export interface EarlierMention {
  claimId: string;
  articleId: string;
  claimIndex: number;
}

/**
 * The earlier article that this one paraphrases sentence by sentence: most of its claims match that
 * article's claims, and in the same order (the longest in-order run is what counts, so shared stock
 * phrases scattered through two independent reports do not make one a rewrite of the other).
 *
 * `matchedTo[i]` is the existing claim that this article's claim i matched, if any.
 */
export function findRewriteOrigin(matchedTo: ReadonlyArray<string | undefined>, earlier: readonly EarlierMention[], articleId: string): string | undefined {
  const positions = new Map<string, Map<string, number>>();
  for (const mention of earlier) {
    if (mention.articleId === articleId) continue;
    let byClaim = positions.get(mention.articleId);
    if (!byClaim) positions.set(mention.articleId, (byClaim = new Map()));
    const known = byClaim.get(mention.claimId);
    if (known === undefined || mention.claimIndex < known) byClaim.set(mention.claimId, mention.claimIndex);
  }
  const needed = Math.max(REWRITE_MIN_CLAIMS, Math.ceil(REWRITE_SHARE * matchedTo.length));
  let best: { articleId: string; run: number } | undefined;
  for (const [candidate, byClaim] of positions) {
    const sequence = matchedTo.map((claimId) => (claimId === undefined ? undefined : byClaim.get(claimId))).filter((p): p is number => p !== undefined);
    const run = longestIncreasingSubsequence(sequence);
    if (run >= needed && (!best || run > best.run || (run === best.run && candidate < best.articleId))) best = { articleId: candidate, run };
  }
  return best?.articleId;
}

function longestIncreasingSubsequence(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tails[mid] < value) low = mid + 1;
      else high = mid;
    }
    tails[low] = value;
  }
  return tails.length;
}
