/**
 * Discriminative term weights (TF-KLD, Ji & Eisenstein 2013): how much it tells whether two
 * sentences state the same thing that a word appears in both rather than in one only. A word
 * shared as often by different claims as by the same claim ("said", "year") weighs little; a
 * word whose sharing marks the same claim (or whose absence on one side marks a different one)
 * weighs much. Fitted on labelled pairs, offline or inside each cross-validation fold.
 */
export interface TermWeights {
  readonly weights: ReadonlyMap<string, number>;
  /** The weight of a word not in the table (seen too rarely in the labelled pairs to judge). */
  readonly fallback: number;
}

/** One labelled pair as its two sets of content terms. */
export interface TermPair {
  a: readonly string[];
  b: readonly string[];
  same: boolean;
}

export interface TermWeightOptions {
  /** Pairs a word must appear in (on either side) to get its own weight. */
  minPairs: number;
  /** The most frequent words kept in the table (bounds the shipped size). */
  keep: number;
  /** Additive smoothing of the two rates. */
  smoothing: number;
}

export const TERM_WEIGHT_OPTIONS: TermWeightOptions = { minPairs: 4, keep: 2500, smoothing: 1 };

/**
 * Per word k, among the pairs holding k on at least one side: p, the share of same-claim pairs that
 * hold it on both sides, and q, the share of different-claim pairs that do; the weight is the
 * Kullback-Leibler divergence KL(p || q) of the two Bernoulli rates. Words in fewer than
 * `minPairs` pairs take the fallback, the median weight of the words kept.
 */
export function fitTermWeights(pairs: readonly TermPair[], options: TermWeightOptions = TERM_WEIGHT_OPTIONS): TermWeights {
  const counts = new Map<string, { sameAny: number; sameBoth: number; otherAny: number; otherBoth: number }>();
  for (const pair of pairs) {
    const inB = new Set(pair.b);
    const seen = new Set<string>();
    for (const term of [...pair.a, ...pair.b]) {
      if (seen.has(term)) continue;
      seen.add(term);
      let c = counts.get(term);
      if (!c) {
        c = { sameAny: 0, sameBoth: 0, otherAny: 0, otherBoth: 0 };
        counts.set(term, c);
      }
      const both = inB.has(term) && pair.a.includes(term);
      if (pair.same) {
        c.sameAny += 1;
        if (both) c.sameBoth += 1;
      } else {
        c.otherAny += 1;
        if (both) c.otherBoth += 1;
      }
    }
  }
  const s = options.smoothing;
  const kept = [...counts.entries()]
    .filter(([, c]) => c.sameAny + c.otherAny >= options.minPairs)
    .sort((x, y) => y[1].sameAny + y[1].otherAny - (x[1].sameAny + x[1].otherAny) || (x[0] < y[0] ? -1 : 1))
    .slice(0, options.keep);
  const weights = new Map<string, number>();
  for (const [term, c] of kept) {
    const p = (c.sameBoth + s) / (c.sameAny + 2 * s);
    const q = (c.otherBoth + s) / (c.otherAny + 2 * s);
    weights.set(term, bernoulliKl(p, q));
  }
  return { weights, fallback: median([...weights.values()]) };
}

export function bernoulliKl(p: number, q: number): number {
  return p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
}

export function termWeight(table: TermWeights, term: string): number {
  return table.weights.get(term) ?? table.fallback;
}

/**
 * What the weights say of one pair of term sets, given which terms of each side the other states
 * (exactly or by a related word: `matchedA[i]` for `a[i]`):
 * - `cosine`: cosine of the two weighted term vectors, exact shared terms only;
 * - `coveredMin` / `coveredMax`: share of each side's weight the other states;
 * - `missingMax`: the larger weight a side states and the other does not (absolute, log1p).
 */
export function weightedAgreement(
  weightsA: ArrayLike<number>,
  weightsB: ArrayLike<number>,
  a: readonly string[],
  b: readonly string[],
  matchedA: ArrayLike<number>,
  matchedB: ArrayLike<number>,
): { cosine: number; coveredMin: number; coveredMax: number; missingMax: number } {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  let totalA = 0;
  let coveredA = 0;
  let totalB = 0;
  let coveredB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const w = weightsA[i];
    normA += w * w;
    totalA += w;
    if (matchedA[i] > 0) coveredA += w;
    const j = b.indexOf(a[i]);
    if (j >= 0) dot += w * weightsB[j];
  }
  for (let j = 0; j < b.length; j += 1) {
    const w = weightsB[j];
    normB += w * w;
    totalB += w;
    if (matchedB[j] > 0) coveredB += w;
  }
  const shareA = totalA === 0 ? 0 : coveredA / totalA;
  const shareB = totalB === 0 ? 0 : coveredB / totalB;
  return {
    cosine: normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB),
    coveredMin: Math.min(shareA, shareB),
    coveredMax: Math.max(shareA, shareB),
    missingMax: Math.log1p(Math.max(totalA - coveredA, totalB - coveredB)),
  };
}

/** The table as compact source text: words and weights in two parallel lists. */
export function packTermWeights(table: TermWeights): { fallback: number; terms: string; weights: number[] } {
  const entries = [...table.weights.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1));
  return {
    fallback: round3(table.fallback),
    terms: entries.map(([term]) => term).join(' '),
    weights: entries.map(([, w]) => round3(w)),
  };
}

export function unpackTermWeights(packed: { fallback: number; terms: string; weights: readonly number[] }): TermWeights {
  const terms = packed.terms === '' ? [] : packed.terms.split(' ');
  return { weights: new Map(terms.map((term, i) => [term, packed.weights[i]])), fallback: packed.fallback };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
