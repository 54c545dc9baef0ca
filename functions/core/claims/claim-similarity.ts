import type { ClaimFeatures } from './claim-features';
import { MODEL } from './claim-model';
import { idf, synsetIds } from './lexicon';
import { STOPWORDS } from '../text/stopwords';
import { termWeight, type TermWeights, weightedAgreement } from './term-weights';
import { TERM_WEIGHTS } from './term-weights-data';

/** `claimSimilarity` at or above which two claims are taken to state the same thing (the decision model's point). */
export const SAME_CLAIM_THRESHOLD = 0.5;
const NEGATION_FACTOR = 0.85;

/** Names of the pair features, in the order of `pairFeatures` and of the model's weights. */
export const FEATURE_NAMES = [
  'exactMin', 'exactMax', 'softMin', 'softMax', 'unmatchedMin', 'unmatchedMax', 'unmatchedIdfMin', 'unmatchedIdfMax',
  'bigram', 'trigram', 'lcs', 'lengthRatio', 'numberConflict', 'numberExtra', 'numbersEqual', 'namesUnmatchedMin',
  'namesUnmatchedMax', 'negation', 'unigramAll', 'contentSmall', 'softDice', 'prefixMin', 'prefixMax', 'contentBigram',
  'p1Min', 'p1Max', 'p2Min', 'p2Max', 'p3Min', 'p3Max', 'p4Min', 'p4Max', 'bleuMin', 'bleuMax', 'char3', 'char4', 'char5',
  'editWords', 'editContent', 'lengthDiff', 'termsDiff', 'sharedTerms', 'idfDice', 'lengthSum', 'kldCosine',
  'kldCoveredMin', 'kldCoveredMax', 'kldMissingMax',
] as const;
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** The learned models and their operating points (claim-model.ts holds the shipped ones). */
export interface MatcherModel {
  same: LogisticModel;
  trees: TreeEnsemble;
  graded: LogisticModel;
  gradedTrees?: TreeEnsemble;
  lambda: number;
  threshold: number;
  match: { lambda: number; threshold: number };
  /**
   * The same-claim model for pairs of lower-cased sentences (ClaimFeatures.uncased on both sides),
   * trained on such pairs only: without capitals, names and sentence starts look like other words,
   * and headline-and-post pairs are another kind of text from news prose.
   */
  uncased?: SameClaimModel;
}

/** A same-claim model and its operating points. */
export interface SameClaimModel {
  same: LogisticModel;
  trees: TreeEnsemble;
  lambda: number;
  threshold: number;
  match: { lambda: number; threshold: number };
}

/** The same-claim model that judges the pair: the lower-cased one for two lower-cased sentences. */
export function sameClaimModel(model: MatcherModel, a: ClaimFeatures, b: ClaimFeatures): SameClaimModel {
  return model.uncased && a.uncased && b.uncased ? model.uncased : model;
}

/** A matcher: models over the pair features, and the term weights some of those features use. */
export interface Matcher {
  model: MatcherModel;
  termWeights: TermWeights;
}

/** The matcher trained offline by tools/train-claim-matcher.ts. */
export const SHIPPED_MATCHER: Matcher = { model: MODEL, termWeights: TERM_WEIGHTS };

/**
 * Similarity of two claims in [0, 1], from models learned offline by tools/train-claim-matcher.ts
 * over lexical evidence (how much of each claim's content, weighted by rarity, the other states in
 * the same or in related words (WordNet); shared word n-grams and character n-grams; word order and
 * edit distance; length; numbers; names; polarity): a "same claim" model trained on paraphrase
 * judgements and a "graded" model trained on similarity scores must agree (>= 0.5 here; in-story
 * matching's operating point, see claimMatch), and the graded model orders the pairs on each side.
 */
export function claimSimilarity(a: ClaimFeatures, b: ClaimFeatures, matcher: Matcher = SHIPPED_MATCHER): number {
  // a claim without a content word states nothing to compare
  if (a.terms.length === 0 || b.terms.length === 0) return 0;
  const { model } = matcher;
  const judge = sameClaimModel(model, a, b);
  const x = pairFeatures(a, b, scratch, matcher.termWeights);
  return combineScores(sameLogit(judge, x), gradedLogit(model, x), judge.match, figuresDiffer(a.numbers, b.numbers), a.negated !== b.negated);
}

/**
 * The matcher's answers, from one pass over the pair features:
 * - `same`: do the two sentences state the same claim? The "same claim" model alone (trained on
 *   paraphrase judgements; threshold chosen under cross-validation for accuracy + F1), with the
 *   figure veto. What `eval pairs` reports as `same`.
 * - `score` in [0, 1]: how similar are they? The "graded" model alone (trained on similarity
 *   scores), lowered a little when figures or polarity differ. A different question: it never
 *   changes `same` (a pair can be the same claim with a middling score, or different with a high one).
 * - `similarity` (claimSimilarity): in-story matching's decision, >= SAME_CLAIM_THRESHOLD to match,
 *   ordered within each side by the graded model. Here both models must agree (MODEL.match: the
 *   graded log-odds shift the same-claim log-odds, threshold for accuracy): a stricter operating
 *   point than `same`, because a wrong merge inflates a claim's corroboration while a miss only
 *   leaves one claim in two; on the seed articles `same`'s looser point merges look-alike claims
 *   ("the timing of the deal raised eyebrows" / "the treaty was signed days before Trump's return").
 */
export function claimMatch(a: ClaimFeatures, b: ClaimFeatures, matcher: Matcher = SHIPPED_MATCHER): { same: boolean; similarity: number; score: number } {
  // a claim without a content word states nothing to compare
  if (a.terms.length === 0 || b.terms.length === 0) return { same: false, similarity: 0, score: 0 };
  const { model } = matcher;
  const judge = sameClaimModel(model, a, b);
  const x = pairFeatures(a, b, scratch, matcher.termWeights);
  const same = sameLogit(judge, x);
  const graded = gradedLogit(model, x);
  const numbersDiffer = figuresDiffer(a.numbers, b.numbers);
  const polarityDiffers = a.negated !== b.negated;
  return {
    same: combineScores(same, graded, judge, numbersDiffer, polarityDiffers) >= SAME_CLAIM_THRESHOLD,
    similarity: combineScores(same, graded, judge.match, numbersDiffer, polarityDiffers),
    score: gradedScore(graded, numbersDiffer, polarityDiffers),
  };
}

/** The graded similarity in [0, 1] from the graded model's log-odds, lowered for differing figures or polarity. */
export function gradedScore(graded: number, numbersDiffer: boolean, polarityDiffers: boolean): number {
  const score = sigmoid(graded);
  if (numbersDiffer) return GRADED_FIGURE_FACTOR * score;
  return polarityDiffers ? GRADED_NEGATION_FACTOR * score : score;
}

/**
 * How much differing figures and polarity lower the graded score: a little (graded similarity is
 * not a veto; "20 years" / "10 years" are still much alike). Chosen on the STS news dev pairs
 * (Spearman x100 of the graded model's CV scores: 78.1 unchanged, 77.7 at 0.5 / 0.85, 78.5 here).
 */
const GRADED_FIGURE_FACTOR = 0.85;
const GRADED_NEGATION_FACTOR = 0.95;

/**
 * The final score from the two models' log-odds (shared with the trainer, which tunes `threshold`
 * and `lambda`): the same-claim model plus `lambda` times the graded one, against `threshold`, puts
 * the pair in [0.5, 1) or (0, 0.5), and within that half the graded model orders it.
 */
export function combineScores(same: number, graded: number, params: { lambda: number; threshold: number }, numbersDiffer: boolean, polarityDiffers: boolean): number {
  const order = sigmoid(graded);
  const score = same + params.lambda * graded >= params.threshold ? 0.5 + 0.5 * order : 0.5 * order;
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

/**
 * As `numbersConflict`, but a figure counts as stated on the other side when the other states one
 * within 15% of it: the same fact rounded or reported at another moment ("approached 770" / "at
 * least 767", "$34 billion" / "$33.4 billion"). Years never approximate one another. The
 * similarity uses this; matching claims and finding contradictions use the strict test.
 */
export function figuresDiffer(a: readonly string[], b: readonly string[]): boolean {
  return unapproximated(a, b) && unapproximated(b, a);
}

function unapproximated(from: readonly string[], to: readonly string[]): boolean {
  for (const n of from) {
    if (to.includes(n)) continue;
    const u = Number(n);
    if (!Number.isFinite(u) || isYear(n)) return true;
    let near = false;
    for (const m of to) {
      const v = Number(m);
      if (Number.isFinite(v) && !isYear(m) && Math.abs(u - v) <= FIGURE_TOLERANCE * Math.max(Math.abs(u), Math.abs(v))) near = true;
    }
    if (!near) return true;
  }
  return false;
}

const FIGURE_TOLERANCE = 0.15;

function isYear(n: string): boolean {
  return /^(1[89]|20)\d\d$/.test(n);
}

/**
 * The "same claim" model: the mean of a logistic model's and a small gradient-boosted tree
 * ensemble's log-odds over the same pair features (the trees catch interactions a linear model
 * cannot: much shared wording but one long unmatched clause, say).
 */
export function sameLogit(model: { same: LogisticModel; trees: TreeEnsemble }, x: Float64Array): number {
  return 0.5 * (logit(model.same, x) + treesLogit(model.trees, x));
}

/** The "graded" model: likewise, trained on similarity scores (trees optional). */
export function gradedLogit(model: { graded: LogisticModel; gradedTrees?: TreeEnsemble }, x: Float64Array): number {
  return model.gradedTrees ? 0.5 * (logit(model.graded, x) + treesLogit(model.gradedTrees, x)) : logit(model.graded, x);
}

/**
 * Complete binary trees of one depth, flattened: per tree, the feature index and threshold of each
 * inner node in breadth-first order (feature -1: no split, go left), then the leaf values.
 */
export interface TreeEnsemble {
  depth: number;
  base: number;
  features: readonly number[];
  thresholds: readonly number[];
  leaves: readonly number[];
}

export function treesLogit(model: TreeEnsemble, x: Float64Array): number {
  const inner = (1 << model.depth) - 1;
  const leaves = inner + 1;
  const count = model.leaves.length / leaves;
  let z = model.base;
  for (let t = 0; t < count; t += 1) {
    let node = 0;
    const offset = t * inner;
    while (node < inner) {
      const f = model.features[offset + node];
      node = 2 * node + (f >= 0 && x[f] > model.thresholds[offset + node] ? 2 : 1);
    }
    z += model.leaves[t * leaves + node - inner];
  }
  return z;
}

export interface LogisticModel {
  bias: number;
  weights: readonly number[];
  mean: readonly number[];
  scale: readonly number[];
}

export function logit(model: LogisticModel, x: Float64Array): number {
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

/** The pair features (symmetric in a and b), some weighted by `termWeights`. Writes into `out` when given. */
export function pairFeatures(a: ClaimFeatures, b: ClaimFeatures, out: Float64Array = new Float64Array(FEATURE_COUNT), termWeights: TermWeights = TERM_WEIGHTS): Float64Array {
  const at = a.terms;
  const bt = b.terms;
  const da = derived(a);
  const db = derived(b);
  if (foundA.length < at.length) foundA = new Int8Array(2 * at.length);
  if (foundB.length < bt.length) foundB = new Int8Array(2 * bt.length);
  const ma = matchTerms(at, da, bt, db, foundA);
  const mb = matchTerms(bt, db, at, da, foundB);
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
  // BLEU-like n-gram precision and recall (clipped counts), each pair as (min, max)
  let logA = 0;
  let logB = 0;
  for (let n = 1; n <= 4; n += 1) {
    const m = ngramMatches(as, bs, n);
    const pa = as.length >= n ? m / (as.length - n + 1) : 0;
    const pb = bs.length >= n ? m / (bs.length - n + 1) : 0;
    out[22 + 2 * n] = Math.min(pa, pb);
    out[23 + 2 * n] = Math.max(pa, pb);
    logA += Math.log(pa + 0.1);
    logB += Math.log(pb + 0.1);
  }
  out[32] = Math.min(logA, logB) / 4;
  out[33] = Math.max(logA, logB) / 4;
  for (let k = 0; k < 3; k += 1) {
    const total = da.chars[k].length + db.chars[k].length;
    out[34 + k] = total === 0 ? 0 : (2 * sortedOverlap(da.chars[k], db.chars[k])) / total;
  }
  out[37] = editDistance(as, bs) / Math.max(as.length, bs.length, 1);
  out[38] = editDistance(da.content, db.content) / Math.max(da.content.length, db.content.length, 1);
  out[39] = Math.abs(as.length - bs.length);
  out[40] = Math.log1p(Math.abs(at.length - bt.length));
  let shared = 0;
  let sharedIdf = 0;
  let idfA = 0;
  let idfB = 0;
  for (let i = 0; i < at.length; i += 1) {
    const w = da.idf[i];
    idfA += w;
    if (bt.includes(at[i])) {
      shared += 1;
      sharedIdf += w;
    }
  }
  for (let j = 0; j < bt.length; j += 1) idfB += db.idf[j];
  out[41] = Math.log1p(shared);
  out[42] = idfA + idfB === 0 ? 0 : (2 * sharedIdf) / (idfA + idfB);
  out[43] = Math.log1p(as.length + bs.length);
  if (termWeights.weights.size === 0 && termWeights.fallback === 0) out.fill(0, 44, 48);
  else {
    const agreement = weightedAgreement(weightsOf(a, da, termWeights), weightsOf(b, db, termWeights), at, bt, foundA, foundB);
    out[44] = agreement.cosine;
    out[45] = agreement.coveredMin;
    out[46] = agreement.coveredMax;
    out[47] = agreement.missingMax;
  }
  return out;
}

/** Per term of `terms`: 1 when the other side states it exactly or by a related word (matchTerms). */
let foundA = new Int8Array(64);
let foundB = new Int8Array(64);

/** The claim's term weights under `table`, kept with its derived features while the table stays the same. */
function weightsOf(f: ClaimFeatures, d: Derived, table: TermWeights): Float64Array {
  if (d.weightTable !== table) {
    d.weightTable = table;
    d.weights = Float64Array.from(f.terms, (term) => termWeight(table, term));
  }
  return d.weights!;
}

/** What the pair features need of one claim beyond its stored features, computed once per features object. */
interface Derived {
  /** Sorted hashes of the character 3-, 4- and 5-grams of the stem sequence joined by spaces. */
  chars: [Int32Array, Int32Array, Int32Array];
  /** The stem sequence without stopwords. */
  content: string[];
  /** Per term: its IDF weight and its WordNet synset ids. */
  idf: Float64Array;
  synsets: Array<readonly number[]>;
  /** Per term: its discriminative weight under `weightTable`. */
  weights?: Float64Array;
  weightTable?: TermWeights;
}

const derivedCache = new WeakMap<ClaimFeatures, Derived>();

function derived(f: ClaimFeatures): Derived {
  let d = derivedCache.get(f);
  if (d) return d;
  const seq = f.seq ?? f.terms;
  const text = seq.join(' ');
  const chars = [3, 4, 5].map((n) => {
    const count = Math.max(0, text.length - n + 1);
    const out = new Int32Array(count);
    for (let i = 0; i < count; i += 1) {
      let h = 0;
      for (let k = 0; k < n; k += 1) h = (Math.imul(h, 31) + text.charCodeAt(i + k)) | 0;
      out[i] = h;
    }
    return out.sort();
  }) as Derived['chars'];
  d = { chars, content: seq.filter((w) => !STOP_STEMS.has(w)), idf: Float64Array.from(f.terms, idf), synsets: f.terms.map(synsetIds) };
  derivedCache.set(f, d);
  return d;
}

/** Size of the multiset intersection of two sorted arrays. */
function sortedOverlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) i += 1;
    else j += 1;
  }
  return shared;
}

let used = new Uint8Array(64);

/** n-grams of `a` found in `b`, each occurrence in `b` used at most once (clipped counts). */
function ngramMatches(a: readonly string[], b: readonly string[], n: number): number {
  const na = a.length - n + 1;
  const nb = b.length - n + 1;
  if (na <= 0 || nb <= 0) return 0;
  if (used.length < nb) used = new Uint8Array(2 * nb);
  used.fill(0, 0, nb);
  let matched = 0;
  for (let i = 0; i < na; i += 1) {
    for (let j = 0; j < nb; j += 1) {
      if (used[j] === 1) continue;
      let k = 0;
      while (k < n && a[i + k] === b[j + k]) k += 1;
      if (k === n) {
        used[j] = 1;
        matched += 1;
        break;
      }
    }
  }
  return matched;
}

let editRow = new Int32Array(64);
let editPrev = new Int32Array(64);

/** Word-level Levenshtein distance. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  if (editRow.length < b.length + 1) {
    editRow = new Int32Array(2 * (b.length + 1));
    editPrev = new Int32Array(2 * (b.length + 1));
  }
  for (let j = 0; j <= b.length; j += 1) editPrev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    editRow[0] = i;
    for (let j = 1; j <= b.length; j += 1) editRow[j] = Math.min(editPrev[j] + 1, editRow[j - 1] + 1, editPrev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    const t = editPrev;
    editPrev = editRow;
    editRow = t;
  }
  return editPrev[b.length];
}

/** How much of `from` (by IDF weight) `to` states exactly, and exactly or by a related word; marks which terms in `found`. */
function matchTerms(from: readonly string[], fromDerived: Derived, to: readonly string[], toDerived: Derived, found: Int8Array) {
  let total = 0;
  let exact = 0;
  let soft = 0;
  let unmatched = 0;
  let unmatchedIdf = 0;
  let prefix = 0;
  const toSynsets = toDerived.synsets;
  for (let i = 0; i < from.length; i += 1) {
    const term = from[i];
    const w = fromDerived.idf[i];
    const own = fromDerived.synsets[i];
    total += w;
    let kind = 0;
    for (let j = 0; j < to.length; j += 1) {
      if (to[j] === term) {
        kind = 2;
        break;
      }
      if (kind === 0 && own.length > 0 && shareId(own, toSynsets[j])) kind = 1;
      if (kind === 0 && samePrefix(term, to[j])) kind = -1;
    }
    found[i] = kind > 0 ? 1 : 0;
    if (kind === 2) exact += w;
    if (kind > 0) soft += w;
    if (kind !== 0) prefix += w;
    if (kind <= 0) {
      unmatched += 1;
      unmatchedIdf += w;
    }
  }
  const norm = total === 0 ? 0 : 1 / total;
  return { exact: exact * norm, soft: soft * norm, prefix: prefix * norm, unmatched, unmatchedIdf, softIdf: soft, total };
}


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
