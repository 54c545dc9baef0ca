/**
 * One fitting procedure for the claim matcher, used for the shipped model
 * (tools/train-claim-matcher.ts) and inside every outer fold of `eval pairs` (nested
 * cross-validation): everything learned comes from the pairs it is given, and the operating
 * points from inner folds of those pairs only.
 *
 * Primary course:
 * 1. fit the discriminative term weights (TF-KLD) on the labelled pairs, when asked to;
 * 2. compute the pair features under those weights (cross-fitted for the labelled pairs themselves);
 * 3. fit the "same claim" models on the labelled pairs and the "graded" models on the scored pairs;
 * 4. repeat 1-3 on each inner fold's complement and predict the inner fold;
 * 5. on those inner predictions choose the two thresholds (`same`, and in-story matching's).
 */
import type { ClaimFeatures } from '../../functions/core/claims/claim-features';
import {
  combineScores,
  figuresDiffer,
  gradedLogit,
  type Matcher,
  type MatcherModel,
  pairFeatures,
  sameClaimModel,
  sameLogit,
  type SameClaimModel,
} from '../../functions/core/claims/claim-similarity';
import { fitTermWeights, type TermWeights } from '../../functions/core/claims/term-weights';
import { trainLogistic, trainTrees, TREE_OPTIONS, type TreeOptions } from './learners';
import { binaryScores } from './metrics';

/** One pair with its gold answer (`label` 0/1 or `score` 0-5) and the set it comes from. */
export interface PairItem {
  a: ClaimFeatures;
  b: ClaimFeatures;
  label?: number;
  score?: number;
  set: string;
}

export interface FitOptions {
  innerFolds: number;
  l2: number;
  trees: TreeOptions;
  /** Weight of the graded model in in-story matching's decision (claimSimilarity). */
  matchLambda: number;
  /**
   * In-story matching's threshold when set (the shipped model's: tools/train-claim-matcher.ts);
   * otherwise the most accurate one on the inner folds.
   */
  matchThreshold?: number;
  /**
   * Fit TF-KLD term weights for the four weighted-agreement features; without, those features are
   * constant (an empty table) and carry nothing. Off in the shipped matcher: under nested CV they
   * change no set by more than noise (docs/claims-quality.md).
   */
  termWeights: boolean;
  /** Shares of the labelled pairs for cross-fitted term weights (see fitModels). */
  crossFitFolds: number;
}

export const FIT_OPTIONS: FitOptions = { innerFolds: 3, l2: 1, trees: TREE_OPTIONS, matchLambda: 0.5, crossFitFolds: 5, termWeights: false };

const NO_TERM_WEIGHTS: TermWeights = { weights: new Map(), fallback: 0 };

/** The log-odds of both models for one pair, and the facts the final score needs. */
export interface PairLogits {
  same: number;
  graded: number;
  numbersDiffer: boolean;
  polarityDiffers: boolean;
}

type Log = (line: string) => void;

/** Fits models and thresholds on `items` (see the primary course above). */
export function fitMatcher(items: readonly PairItem[], options: FitOptions = FIT_OPTIONS, log: Log = () => {}): Matcher {
  const inner: PairLogits[] = new Array(items.length);
  for (let f = 0; f < options.innerFolds; f += 1) {
    const train = items.filter((_, i) => i % options.innerFolds !== f);
    const fitted = fitModels(train, options);
    items.forEach((item, i) => {
      if (i % options.innerFolds === f) inner[i] = pairLogits(fitted, item);
    });
    log(`  inner fold ${f + 1}/${options.innerFolds} fitted on ${train.length} pairs`);
  }
  const labelled = items.map((item, i) => ({ item, logits: inner[i] })).filter(({ item }) => item.label !== undefined);
  const fitted = fitModels(items, options);
  const { model } = fitted;
  const operatingPoints = (pairs: typeof labelled) => ({
    lambda: 0,
    threshold: chooseThreshold(pairs, 0, 'accuracy+f1'),
    match: { lambda: options.matchLambda, threshold: options.matchThreshold ?? chooseThreshold(pairs, options.matchLambda, 'accuracy') },
  });
  const uncased = model.uncased ? { ...model.uncased, ...operatingPoints(labelled.filter(({ item }) => uncasedPair(item))) } : undefined;
  const main = operatingPoints(uncased ? labelled.filter(({ item }) => !uncasedPair(item)) : labelled);
  const plateau = thresholdPlateau(uncased ? labelled.filter(({ item }) => !uncasedPair(item)) : labelled, options.matchLambda, 'accuracy', 0.005);
  log(`  fitted on ${items.length} pairs; thresholds: same ${main.threshold.toFixed(2)}, in-story ${main.match.threshold.toFixed(2)} (accuracy within 0.5 of the best from ${plateau.from.toFixed(2)} to ${plateau.to.toFixed(2)})${uncased ? `; lower-cased pairs: same ${uncased.threshold.toFixed(2)}` : ''}`);
  return { termWeights: fitted.termWeights, model: { ...model, ...main, uncased } };
}

/** Both sentences lower-cased: judged by the lower-cased same-claim model when there is one. */
export function uncasedPair(item: PairItem): boolean {
  return item.a.uncased === true && item.b.uncased === true;
}

/** Both models' log-odds for one pair under a fitted matcher. */
export function pairLogits(matcher: Matcher, item: PairItem): PairLogits {
  const x = pairFeatures(item.a, item.b, new Float64Array(matcher.model.same.weights.length), matcher.termWeights);
  return {
    same: sameLogit(sameClaimModel(matcher.model, item.a, item.b), x),
    graded: gradedLogit(matcher.model, x),
    numbersDiffer: figuresDiffer(item.a.numbers, item.b.numbers),
    polarityDiffers: item.a.negated !== item.b.negated,
  };
}

/** Steps 1-3: term weights, features, and the two kinds of model (thresholds left at 0). */
function fitModels(items: readonly PairItem[], options: FitOptions): Matcher {
  const labelled = items.filter((item) => item.label !== undefined);
  const scored = items.filter((item) => item.score !== undefined);
  const termPairs = labelled.map((item) => ({ a: item.a.terms, b: item.b.terms, same: item.label === 1 }));
  const termWeights = options.termWeights ? fitTermWeights(termPairs) : NO_TERM_WEIGHTS;
  // Cross-fitting: a labelled pair's own label must not shape the weights of its own features, or the
  // models learn to trust those features more than they deserve on pairs never seen. Each labelled
  // pair is described under weights fitted without its share of the pairs; the rest under all.
  const shares = options.crossFitFolds;
  const shareWeights = Array.from({ length: shares }, (_, c) => (options.termWeights ? fitTermWeights(termPairs.filter((_, i) => i % shares !== c)) : NO_TERM_WEIGHTS));
  const shareOf = new Map(labelled.map((item, i) => [item, i % shares]));
  const rowOf = (item: PairItem) => {
    const share = shareOf.get(item);
    return { x: pairFeatures(item.a, item.b, undefined, share === undefined ? termWeights : shareWeights[share]) };
  };
  // Pairs whose figures differ are decided by that rule (combineScores), so they do not teach the
  // same-claim model; without labelled pairs the scored ones teach it (score / 5 as the target).
  const sameItems = labelled.length > 0 ? labelled.filter((item) => !figuresDiffer(item.a.numbers, item.b.numbers)) : scored;
  const gradedItems = scored.length > 0 ? scored : labelled;
  const target = (item: PairItem) => (item.label !== undefined ? item.label : item.score! / 5);
  const gradedRows = gradedItems.map(rowOf);
  const gradedTargets = gradedItems.map(target);
  const sameModel = (group: readonly PairItem[]): SameClaimModel => {
    const rows = group.map(rowOf);
    const targets = group.map(target);
    const weights = balancedWeights(group);
    const logistic = trainLogistic(rows, targets, options.l2, weights);
    return { same: logistic, trees: trainTrees(rows, targets, options.trees, weights), lambda: 0, threshold: 0, match: { lambda: options.matchLambda, threshold: 0 } };
  };
  // Lower-cased pairs get their own same-claim model when there are both kinds to learn from.
  const lower = sameItems.filter(uncasedPair);
  const split = lower.length > 0 && lower.length < sameItems.length;
  const main = sameModel(split ? sameItems.filter((item) => !uncasedPair(item)) : sameItems);
  const model: MatcherModel = {
    ...main,
    graded: trainLogistic(gradedRows, gradedTargets, options.l2),
    gradedTrees: trainTrees(gradedRows, gradedTargets, options.trees),
    ...(split ? { uncased: sameModel(lower) } : {}),
  };
  return { model, termWeights };
}

/**
 * Sample weights under which every set weighs the same in training (a larger set of another kind of
 * text must not pull the model away from a smaller one): the mean set size over the item's set size.
 */
export function balancedWeights(items: readonly PairItem[]): number[] {
  const sizes = new Map<string, number>();
  for (const item of items) sizes.set(item.set, (sizes.get(item.set) ?? 0) + 1);
  const mean = items.length / sizes.size;
  return items.map((item) => mean / sizes.get(item.set)!);
}

/**
 * The threshold on `same + lambda * graded` that maximises the objective, averaged over the sets
 * present (each set counts once, whatever its size).
 */
export function chooseThreshold(
  pairs: ReadonlyArray<{ item: PairItem; logits: PairLogits }>,
  lambda: number,
  objective: 'accuracy' | 'accuracy+f1',
): number {
  const curve = thresholdCurve(pairs, lambda, objective);
  const best = curve.reduce((x, y) => (y.value > x.value ? y : x));
  return best.threshold;
}

/** The thresholds whose objective is within `tolerance` of the best: as good, within noise. */
export function thresholdPlateau(
  pairs: ReadonlyArray<{ item: PairItem; logits: PairLogits }>,
  lambda: number,
  objective: 'accuracy' | 'accuracy+f1',
  tolerance: number,
): { from: number; to: number } {
  const curve = thresholdCurve(pairs, lambda, objective);
  const best = Math.max(...curve.map((v) => v.value));
  const near = curve.filter((v) => v.value >= best - tolerance);
  return { from: near[0].threshold, to: near[near.length - 1].threshold };
}

function thresholdCurve(pairs: ReadonlyArray<{ item: PairItem; logits: PairLogits }>, lambda: number, objective: 'accuracy' | 'accuracy+f1') {
  const sets = [...new Set(pairs.map(({ item }) => item.set))].map((set) => pairs.filter(({ item }) => item.set === set));
  const curve: Array<{ threshold: number; value: number }> = [];
  for (let step = 0; step <= 250; step += 1) {
    const threshold = Math.round((-2 + step * 0.02) * 100) / 100;
    let value = 0;
    for (const set of sets) {
      const decided = set.map(({ logits: z }) => combineScores(z.same, z.graded, { lambda, threshold }, z.numbersDiffer, z.polarityDiffers) >= 0.5);
      const scores = binaryScores(set.map(({ item }) => item.label === 1), decided);
      value += (objective === 'accuracy' ? scores.accuracy : scores.accuracy + scores.f1) / sets.length;
    }
    curve.push({ threshold, value });
  }
  return curve;
}

