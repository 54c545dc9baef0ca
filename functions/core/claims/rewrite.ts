/** Minimum share of an article's claims that must restate one earlier article, in its order. */
export const REWRITE_SHARE = 0.5;
export const REWRITE_MIN_CLAIMS = 4;

/**
 * Least claimSimilarity at which a rewrite's sentence, left unmatched, aligns with the origin's
 * sentence in its place. Below the same-claim point claimSimilarity is half the graded model's
 * score (see combineScores), so this is a graded score of 0.5: the middle of the similarity scale,
 * rated more alike than not. The place in the alignment is the rest of the evidence.
 */
export const REWRITE_ALIGNMENT_FLOOR = 0.25;

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
 * `matchedTo[i]` is the existing claim that this article's claim i matched, if any; `restates[i]`,
 * every existing claim it could have joined (the matched one among them): a sentence counts for an
 * earlier article that states any of them.
 */
export function findRewriteOrigin(
  matchedTo: ReadonlyArray<string | undefined>,
  earlier: readonly EarlierMention[],
  articleId: string,
  restates: ReadonlyArray<readonly string[]> = [],
): string | undefined {
  const needed = Math.max(REWRITE_MIN_CLAIMS, Math.ceil(REWRITE_SHARE * matchedTo.length));
  let best: { articleId: string; run: number } | undefined;
  for (const [candidate, byClaim] of claimPositions(earlier, articleId)) {
    const run = inOrderRun(matchedTo, byClaim, restates).length;
    if (run >= needed && (!best || run > best.run || (run === best.run && candidate < best.articleId))) best = { articleId: candidate, run };
  }
  return best?.articleId;
}

/** A sentence of the rewrite placed against a mention of its origin. */
export interface AlignedSentence<M extends EarlierMention = EarlierMention> {
  /** Position of the sentence among the rewrite's claims. */
  sentence: number;
  mention: M;
  similarity: number;
}

/**
 * The rewrite's origin (findRewriteOrigin) and where its unmatched sentences stand against the
 * origin's: the sentences that restate the origin's claims in order are the anchors; between two
 * anchors (and before the first, after the last), the unmatched sentences are aligned with the
 * origin's mentions in the same stretch whose claims the article has not matched, in order, one
 * to one, for the largest summed similarity, each pair at REWRITE_ALIGNMENT_FLOOR or above. A
 * sentence a rewrite reworded too far to match on its own is placed by its neighbours.
 *
 * `similarity(sentence, mention)` compares the article's claim `sentence` with an origin mention.
 * Returns the aligned unmatched sentences only (the anchors are matches already); whether each
 * may join its mention's claim (no conflict) is the caller's decision.
 */
export function alignRewrite<M extends EarlierMention>(
  matchedTo: ReadonlyArray<string | undefined>,
  earlier: readonly M[],
  articleId: string,
  restates: ReadonlyArray<readonly string[]>,
  similarity: (sentence: number, mention: M) => number,
): { origin: string; aligned: Array<AlignedSentence<M>> } | undefined {
  const origin = findRewriteOrigin(matchedTo, earlier, articleId, restates);
  if (origin === undefined) return undefined;
  const byClaim = claimPositions(earlier, articleId).get(origin)!;
  const anchors = inOrderRun(matchedTo, byClaim, restates);
  const matched = new Set([...matchedTo, ...restates.flat()]);
  const free = earlier.filter((m) => m.articleId === origin && !matched.has(m.claimId)).sort((a, b) => a.claimIndex - b.claimIndex);
  const bounds = [{ sentence: -1, position: -1 }, ...anchors, { sentence: matchedTo.length, position: Infinity }];
  const aligned: Array<AlignedSentence<M>> = [];
  for (let k = 1; k < bounds.length; k += 1) {
    const [from, to] = [bounds[k - 1], bounds[k]];
    const sentences = range(from.sentence + 1, to.sentence).filter((i) => matchedTo[i] === undefined);
    const mentions = free.filter((m) => m.claimIndex > from.position && m.claimIndex < to.position);
    aligned.push(...alignInOrder(sentences, mentions, similarity));
  }
  return { origin, aligned };
}

/**
 * Monotone one-to-one alignment of `sentences` with `mentions` maximising the summed similarity of
 * the pairs, each at REWRITE_ALIGNMENT_FLOOR or above (the dynamic programme of sequence alignment,
 * with no cost for a gap).
 */
function alignInOrder<M extends EarlierMention>(sentences: readonly number[], mentions: readonly M[], similarity: (sentence: number, mention: M) => number): Array<AlignedSentence<M>> {
  if (sentences.length === 0 || mentions.length === 0) return [];
  const pair = sentences.map((s) => mentions.map((m) => {
    const value = similarity(s, m);
    return value >= REWRITE_ALIGNMENT_FLOOR ? value : undefined;
  }));
  // total[i][j]: best sum over the first i sentences and the first j mentions
  const total = Array.from({ length: sentences.length + 1 }, () => new Array<number>(mentions.length + 1).fill(0));
  for (let i = 1; i <= sentences.length; i += 1) {
    for (let j = 1; j <= mentions.length; j += 1) {
      const here = pair[i - 1][j - 1];
      total[i][j] = Math.max(total[i - 1][j], total[i][j - 1], here === undefined ? 0 : total[i - 1][j - 1] + here);
    }
  }
  const out: Array<AlignedSentence<M>> = [];
  for (let i = sentences.length, j = mentions.length; i > 0 && j > 0; ) {
    const here = pair[i - 1][j - 1];
    if (total[i][j] === total[i - 1][j]) i -= 1;
    else if (total[i][j] === total[i][j - 1]) j -= 1;
    else {
      out.push({ sentence: sentences[i - 1], mention: mentions[j - 1], similarity: here! });
      i -= 1;
      j -= 1;
    }
  }
  return out.reverse();
}

/** Per earlier article (other than `articleId`): each of its claims at the first position it mentions it. */
function claimPositions(earlier: readonly EarlierMention[], articleId: string): Map<string, Map<string, number>> {
  const positions = new Map<string, Map<string, number>>();
  for (const mention of earlier) {
    if (mention.articleId === articleId) continue;
    let byClaim = positions.get(mention.articleId);
    if (!byClaim) positions.set(mention.articleId, (byClaim = new Map()));
    const known = byClaim.get(mention.claimId);
    if (known === undefined || mention.claimIndex < known) byClaim.set(mention.claimId, mention.claimIndex);
  }
  return positions;
}

/**
 * The longest run of this article's matched claims that the earlier article states in the same
 * order (a longest increasing subsequence of their positions there): pairs of the sentence and its
 * claim's position in the earlier article, in order.
 */
function inOrderRun(matchedTo: ReadonlyArray<string | undefined>, byClaim: ReadonlyMap<string, number>, restates: ReadonlyArray<readonly string[]> = []): Array<{ sentence: number; position: number }> {
  const placed = matchedTo.flatMap((claimId, sentence) => {
    // the matched claim's place, else the first place of another claim the sentence restates
    const others = (restates[sentence] ?? []).flatMap((id) => (byClaim.has(id) ? [byClaim.get(id)!] : []));
    const position = (claimId === undefined ? undefined : byClaim.get(claimId)) ?? (others.length > 0 ? Math.min(...others) : undefined);
    return position === undefined ? [] : [{ sentence, position }];
  });
  // patience sorting: tails[k] ends the best run of length k + 1 found so far
  const tails: number[] = [];
  const previous: number[] = [];
  placed.forEach(({ position }, at) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (placed[tails[mid]].position < position) low = mid + 1;
      else high = mid;
    }
    previous[at] = low > 0 ? tails[low - 1] : -1;
    tails[low] = at;
  });
  const run: Array<{ sentence: number; position: number }> = [];
  for (let at = tails.length > 0 ? tails[tails.length - 1] : -1; at >= 0; at = previous[at]) run.push(placed[at]);
  return run.reverse();
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
