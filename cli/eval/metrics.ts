/** Binary classification: accuracy and F1 of the positive class. */
export function binaryScores(gold: readonly boolean[], predicted: readonly boolean[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (g === p) correct += 1;
    if (p && g) tp += 1;
    else if (p && !g) fp += 1;
    else if (!p && g) fn += 1;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { accuracy: correct / gold.length, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The arithmetic mean of `values` (NaN when there are none). */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Spearman rank correlation (ties get their average rank). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(ranks(x), ranks(y));
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1].value === order[i].value) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) result[order[k].index] = rank;
    i = j + 1;
  }
  return result;
}

/**
 * Clustering agreement between gold and predicted labels over the same items: pairwise
 * precision/recall/F1 (over all pairs of items), B-cubed F1 and the adjusted Rand index.
 */
export function clusteringScores(gold: readonly string[], predicted: readonly string[]) {
  const n = gold.length;
  const joint = new Map<string, number>();
  const goldSizes = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const key = `${gold[i]}\u0000${predicted[i]}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    goldSizes.set(gold[i], (goldSizes.get(gold[i]) ?? 0) + 1);
    predictedSizes.set(predicted[i], (predictedSizes.get(predicted[i]) ?? 0) + 1);
  }
  const pairs = (k: number) => (k * (k - 1)) / 2;
  const sum = (map: Map<string, number>) => [...map.values()].reduce((acc, k) => acc + pairs(k), 0);
  const togetherBoth = sum(joint);
  const togetherGold = sum(goldSizes);
  const togetherPredicted = sum(predictedSizes);
  const precision = togetherPredicted === 0 ? 1 : togetherBoth / togetherPredicted;
  const recall = togetherGold === 0 ? 1 : togetherBoth / togetherGold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  let bPrecision = 0;
  let bRecall = 0;
  for (let i = 0; i < n; i += 1) {
    const overlap = joint.get(`${gold[i]}\u0000${predicted[i]}`)!;
    bPrecision += overlap / predictedSizes.get(predicted[i])!;
    bRecall += overlap / goldSizes.get(gold[i])!;
  }
  bPrecision /= n;
  bRecall /= n;
  const bcubedF1 = (2 * bPrecision * bRecall) / (bPrecision + bRecall);

  const expected = (togetherGold * togetherPredicted) / pairs(n);
  const maximum = (togetherGold + togetherPredicted) / 2;
  const ari = maximum === expected ? 1 : (togetherBoth - expected) / (maximum - expected);
  return { pairwise: { precision, recall, f1 }, bcubed: { precision: bPrecision, recall: bRecall, f1: bcubedF1 }, ari };
}

/**
 * An ablation line's F1s against the pipeline's over the same arrival orders (the same shuffles,
 * order by order): the mean difference and how many orders it is higher and lower in. A set's F1
 * moves by a few hundredths from one order to the next, so differences of that size between the
 * means mean little unless most orders agree.
 */
export function pairedDifference(base: readonly number[], other: readonly number[]): { mean: number; higher: number; lower: number; orders: number } {
  const orders = Math.min(base.length, other.length);
  let sum = 0;
  let higher = 0;
  let lower = 0;
  for (let i = 0; i < orders; i += 1) {
    const difference = other[i] - base[i];
    sum += difference;
    if (difference > 0) higher += 1;
    else if (difference < 0) lower += 1;
  }
  return { mean: orders === 0 ? 0 : sum / orders, higher, lower, orders };
}
