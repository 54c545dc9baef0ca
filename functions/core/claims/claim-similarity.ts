import type { ClaimFeatures } from './claim-features';
import { MODEL } from './claim-model';
import { idf, synsetIds } from './lexicon';
import { STOPWORDS } from '../text/stopwords';

/** Score above which two claims are taken to state the same thing (the model's decision point). */
export const SAME_CLAIM_THRESHOLD = 0.5;
const NEGATION_FACTOR = 0.85;

/** Names of the pair features, in the order of `pairFeatures` and of the model's weights. */
export const FEATURE_NAMES = [
  'exactMin', 'exactMax', 'softMin', 'softMax', 'unmatchedMin', 'unmatchedMax', 'unmatchedIdfMin', 'unmatchedIdfMax',
  'bigram', 'trigram', 'lcs', 'lengthRatio', 'numberConflict', 'numberExtra', 'numbersEqual', 'namesUnmatchedMin',
  'namesUnmatchedMax', 'negation', 'unigramAll', 'contentSmall', 'softDice', 'prefixMin', 'prefixMax', 'contentBigram',
] as const;
export const FEATURE_COUNT = FEATURE_NAMES.length;

/**
 * Similarity of two claims in [0, 1], from two logistic models learned offline by
 * tools/train-claim-matcher.ts over lexical evidence (how much of each claim's content, weighted by
 * rarity, the other states in the same or in related words (WordNet); shared word pairs and triples;
 * word order; length; numbers; names; polarity): a "same claim" model trained on paraphrase
 * judgements and a "graded" model trained on similarity scores. Their sum decides (>= 0.5 here);
 * pairs that the graded model finds clearly unlike are ranked below all others by it alone.
 */
export function claimSimilarity(a: ClaimFeatures, b: ClaimFeatures): number {
  const x = pairFeatures(a, b, scratch);
  return combineScores(logit(MODEL.same, x), logit(MODEL.graded, x), MODEL, numbersConflict(a.numbers, b.numbers), a.negated !== b.negated);
}

/** The final score from the two models' logits (shared with the trainer, which tunes `threshold`). */
export function combineScores(same: number, graded: number, params: { lambda: number; gate: number; threshold: number }, numbersDiffer: boolean, polarityDiffers: boolean): number {
  let score: number;
  if (graded < params.gate) score = 0.5 * sigmoid(graded - params.gate); // (0, 0.25)
  else {
    const decision = same + params.lambda * graded - params.threshold;
    score = decision >= 0 ? sigmoid(decision) : 0.25 + 0.5 * sigmoid(decision); // [0.5, 1) or (0.25, 0.5)
  }
  // Different figures make different claims ("20 years" is not "10 years"), however alike the words:
  // each side states a number the other lacks. Halving keeps such pairs below the threshold but ordered.
  if (numbersDiffer) return 0.5 * score;
  // A claim and its denial ("supplied" / "has not supplied") rank below the claim restated; the cue
  // (any "not", "no", "never"...) is too coarse to veto a match on its own.
  return polarityDiffers ? NEGATION_FACTOR * score : score;
}

/** Each side states a number that the other lacks. */
export function numbersConflict(a: readonly string[], b: readonly string[]): boolean {
  return countMissing(a, b) > 0 && countMissing(b, a) > 0;
}

interface LogisticModel {
  bias: number;
  weights: readonly number[];
  mean: readonly number[];
  scale: readonly number[];
}

function logit(model: LogisticModel, x: Float64Array): number {
  let z = model.bias;
  for (let i = 0; i < FEATURE_COUNT; i += 1) z += model.weights[i] * ((x[i] - model.mean[i]) / model.scale[i]);
  return z;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

const scratch = new Float64Array(FEATURE_COUNT);
let lcsRow = new Int32Array(64);
let lcsPrev = new Int32Array(64);

/** Stems of stopwords as they appear in `seq`: left out of content matching, kept in n-grams. */
const STOP_STEMS = new Set<string>(STOPWORDS);

/** The pair features (symmetric in a and b). Writes into `out` when given. */
export function pairFeatures(a: ClaimFeatures, b: ClaimFeatures, out: Float64Array = new Float64Array(FEATURE_COUNT)): Float64Array {
  const at = a.terms;
  const bt = b.terms;
  const ma = matchTerms(at, bt);
  const mb = matchTerms(bt, at);
  out[0] = Math.min(ma.exact, mb.exact);
  out[1] = Math.max(ma.exact, mb.exact);
  out[2] = Math.min(ma.soft, mb.soft);
  out[3] = Math.max(ma.soft, mb.soft);
  out[4] = Math.log1p(Math.min(ma.unmatched, mb.unmatched));
  out[5] = Math.log1p(Math.max(ma.unmatched, mb.unmatched));
  out[6] = Math.min(ma.unmatchedIdf, mb.unmatchedIdf);
  out[7] = Math.max(ma.unmatchedIdf, mb.unmatchedIdf);
  const as = a.seq ?? at;
  const bs = b.seq ?? bt;
  out[8] = ngramDice(as, bs, 2);
  out[9] = ngramDice(as, bs, 3);
  out[10] = lcs(as, bs) / Math.max(1, Math.min(as.length, bs.length));
  out[11] = Math.abs(Math.log((as.length + 1) / (bs.length + 1)));
  const na = countMissing(a.numbers, b.numbers);
  const nb = countMissing(b.numbers, a.numbers);
  out[12] = a.numbers.length > 0 && b.numbers.length > 0 && na === a.numbers.length && nb === b.numbers.length ? 1 : 0;
  out[13] = Math.log1p(na + nb);
  out[14] = a.numbers.length > 0 && na === 0 && nb === 0 ? 1 : 0;
  const xa = countMissing(a.names, bt);
  const xb = countMissing(b.names, at);
  out[15] = Math.min(xa, xb);
  out[16] = Math.max(xa, xb);
  out[17] = a.negated !== b.negated ? 1 : 0;
  out[18] = ngramDice(as, bs, 1);
  out[19] = Math.log1p(Math.min(at.length, bt.length));
  out[20] = ma.total + mb.total === 0 ? 0 : (ma.softIdf + mb.softIdf) / (ma.total + mb.total);
  out[21] = Math.min(ma.prefix, mb.prefix);
  out[22] = Math.max(ma.prefix, mb.prefix);
  out[23] = contentBigramDice(as, bs);
  return out;
}

/** How much of `from` (by IDF weight) `to` states exactly, and exactly or by a related word. */
function matchTerms(from: readonly string[], to: readonly string[]) {
  let total = 0;
  let exact = 0;
  let soft = 0;
  let unmatched = 0;
  let unmatchedIdf = 0;
  let prefix = 0;
  if (toSynsets.length < to.length) toSynsets = new Array(2 * to.length);
  for (let j = 0; j < to.length; j += 1) toSynsets[j] = synsetIds(to[j]);
  for (let i = 0; i < from.length; i += 1) {
    const term = from[i];
    const w = idf(term);
    const own = synsetIds(term);
    total += w;
    let found = 0;
    for (let j = 0; j < to.length; j += 1) {
      if (to[j] === term) {
        found = 2;
        break;
      }
      if (found === 0 && own.length > 0 && shareId(own, toSynsets[j])) found = 1;
      if (found === 0 && samePrefix(term, to[j])) found = -1;
    }
    if (found === 2) exact += w;
    if (found > 0) soft += w;
    if (found !== 0) prefix += w;
    if (found <= 0) {
      unmatched += 1;
      unmatchedIdf += w;
    }
  }
  const norm = total === 0 ? 0 : 1 / total;
  return { exact: exact * norm, soft: soft * norm, prefix: prefix * norm, unmatched, unmatchedIdf, softIdf: soft, total };
}

let toSynsets: Array<readonly number[]> = new Array(64);

function shareId(x: readonly number[], y: readonly number[]): boolean {
  for (let i = 0; i < x.length; i += 1) for (let j = 0; j < y.length; j += 1) if (x[i] === y[j]) return true;
  return false;
}

/** Words that stemming leaves apart but that share a long beginning ("acquisit" / "acquir"). */
function samePrefix(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5) return false;
  for (let i = 0; i < 5; i += 1) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Dice coefficient of adjacent content-word pairs (stopwords skipped). */
function contentBigramDice(a: readonly string[], b: readonly string[]): number {
  let na = 0;
  let nb = 0;
  let shared = 0;
  let prevA: string | undefined;
  for (const w of b) if (!STOP_STEMS.has(w)) nb += 1;
  nb = Math.max(0, nb - 1);
  for (const w of a) {
    if (STOP_STEMS.has(w)) continue;
    if (prevA !== undefined) {
      na += 1;
      let prevB: string | undefined;
      for (const v of b) {
        if (STOP_STEMS.has(v)) continue;
        if (prevB === prevA && v === w) {
          shared += 1;
          break;
        }
        prevB = v;
      }
    }
    prevA = w;
  }
  return na + nb === 0 ? 0 : (2 * shared) / (na + nb);
}

function countMissing(from: readonly string[], to: readonly string[]): number {
  let missing = 0;
  for (const item of from) if (!to.includes(item)) missing += 1;
  return missing;
}

/** Dice coefficient of the n-gram multisets of two sequences (no allocation; quadratic, short inputs). */
function ngramDice(a: readonly string[], b: readonly string[], n: number): number {
  const na = a.length - n + 1;
  const nb = b.length - n + 1;
  if (na <= 0 || nb <= 0) return 0;
  let shared = 0;
  for (let i = 0; i < na; i += 1) {
    for (let j = 0; j < nb; j += 1) {
      let k = 0;
      while (k < n && a[i + k] === b[j + k]) k += 1;
      if (k === n) {
        shared += 1;
        break;
      }
    }
  }
  return (2 * shared) / (na + nb);
}

/** Length of the longest common subsequence of content words. */
function lcs(a: readonly string[], b: readonly string[]): number {
  if (b.length + 1 > lcsRow.length) {
    lcsRow = new Int32Array(2 * (b.length + 1));
    lcsPrev = new Int32Array(2 * (b.length + 1));
  }
  lcsPrev.fill(0, 0, b.length + 1);
  for (let i = 0; i < a.length; i += 1) {
    if (STOP_STEMS.has(a[i])) continue;
    lcsRow[0] = 0;
    for (let j = 0; j < b.length; j += 1) lcsRow[j + 1] = a[i] === b[j] ? lcsPrev[j] + 1 : Math.max(lcsPrev[j + 1], lcsRow[j]);
    const t = lcsPrev;
    lcsPrev = lcsRow;
    lcsRow = t;
  }
  return lcsPrev[b.length];
}
