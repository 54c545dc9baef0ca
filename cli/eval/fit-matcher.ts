/**
 * One fitting procedure for the claim matcher, used for the shipped model
 * (tools/train-claim-matcher.ts) and inside every outer fold of `eval pairs` (nested
 * cross-validation): everything learned comes from the pairs it is given, and the operating
 * points from inner folds of those pairs only.
 *
 * Primary course:
 * 1. fit the discriminative term weights (TF-KLD) on the labelled pairs;
 * 2. compute the pair features under those weights;
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
  sameLogit,
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
}

export const FIT_OPTIONS: FitOptions = { innerFolds: 3, l2: 1, trees: TREE_OPTIONS, matchLambda: 0.5 };

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
  const threshold = chooseThreshold(labelled, 0, 'accuracy+f1');
  const matchThreshold = chooseThreshold(labelled, options.matchLambda, 'accuracy');
  const fitted = fitModels(items, options);
  log(`  fitted on ${items.length} pairs; thresholds: same ${threshold.toFixed(2)}, in-story ${matchThreshold.toFixed(2)}`);
  return {
    termWeights: fitted.termWeights,
    model: { ...fitted.model, lambda: 0, threshold, match: { lambda: options.matchLambda, threshold: matchThreshold } },
  };
}

/** Both models' log-odds for one pair under a fitted matcher. */
export function pairLogits(matcher: Matcher, item: PairItem): PairLogits {
  const x = pairFeatures(item.a, item.b, new Float64Array(matcher.model.same.weights.length), matcher.termWeights);
  return {
    same: sameLogit(matcher.model, x),
    graded: gradedLogit(matcher.model, x),
    numbersDiffer: figuresDiffer(item.a.numbers, item.b.numbers),
    polarityDiffers: item.a.negated !== item.b.negated,
  };
}

/** Steps 1-3: term weights, features, and the two kinds of model (thresholds left at 0). */
function fitModels(items: readonly PairItem[], options: FitOptions): Matcher {
  const labelled = items.filter((item) => item.label !== undefined);
  const scored = items.filter((item) => item.score !== undefined);
  const termWeights = fitTermWeights(labelled.map((item) => ({ a: item.a.terms, b: item.b.terms, same: item.label === 1 })));
  const rowOf = (item: PairItem) => ({ x: pairFeatures(item.a, item.b, undefined, termWeights) });
  // Pairs whose figures differ are decided by that rule (combineScores), so they do not teach the
  // same-claim model; without labelled pairs the scored ones teach it (score / 5 as the target).
  const sameItems = labelled.length > 0 ? labelled.filter((item) => !figuresDiffer(item.a.numbers, item.b.numbers)) : scored;
  const gradedItems = scored.length > 0 ? scored : labelled;
  const target = (item: PairItem) => (item.label !== undefined ? item.label : item.score! / 5);
  const sameRows = sameItems.map(rowOf);
  const sameTargets = sameItems.map(target);
  const gradedRows = gradedItems.map(rowOf);
  const gradedTargets = gradedItems.map(target);
  const model: MatcherModel = {
    same: trainLogistic(sameRows, sameTargets, options.l2),
    trees: trainTrees(sameRows, sameTargets, options.trees),
    graded: trainLogistic(gradedRows, gradedTargets, options.l2),
    gradedTrees: trainTrees(gradedRows, gradedTargets, options.trees),
    lambda: 0,
    threshold: 0,
    match: { lambda: options.matchLambda, threshold: 0 },
  };
  return { model, termWeights };
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
  const sets = [...new Set(pairs.map(({ item }) => item.set))].map((set) => pairs.filter(({ item }) => item.set === set));
  let best = { value: -Infinity, threshold: 0 };
  for (let step = 0; step <= 250; step += 1) {
    const threshold = -2 + step * 0.02;
    let value = 0;
    for (const set of sets) {
      const decided = set.map(({ logits: z }) => combineScores(z.same, z.graded, { lambda, threshold }, z.numbersDiffer, z.polarityDiffers) >= 0.5);
      const scores = binaryScores(set.map(({ item }) => item.label === 1), decided);
      value += objective === 'accuracy' ? scores.accuracy : scores.accuracy + scores.f1;
    }
    if (value > best.value) best = { value, threshold };
  }
  return Math.round(best.threshold * 100) / 100;
}

export type { TermWeights };
