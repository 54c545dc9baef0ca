import { LINK_FEATURES, type LinkFeature } from '../../functions/core/stories/story-link';
import type { StoryModel } from '../../functions/core/stories/story-model';
import { clusteringScores } from './metrics';
import { replayStories, type LinkExample, type StoryLine } from './story-replay';

/** Each set's examples together weigh as much as any other set's: a large set must not decide alone. */
const EXAMPLE_WEIGHT_PER_SET = 1000;
/** Ridge penalty on the standardised weights: keeps the fit steady where features move together. */
const L2 = 1;
const NEWTON_STEPS = 30;
/** Log-odds thresholds tried first when choosing where an article opens a story instead of joining; then the best ± THRESHOLD_STEP. */
const COARSE_THRESHOLDS = [-1, 0, 1];
const THRESHOLD_STEP = 0.5;

export interface LabelledSet {
  name: string;
  lines: StoryLine[];
}

/** The link examples of a set: every candidate story the decision weighs, following the gold stories. */
export async function linkExamples(set: LabelledSet): Promise<LinkExample[]> {
  const examples: LinkExample[] = [];
  await replayStories(set.lines, { follow: 'gold', examples });
  return examples;
}

/**
 * A story model fitted on labelled sets: logistic regression of "the candidate is the article's
 * story" on the standardised link features (Newton's method, ridge), then the threshold that gives
 * the best worst-set pairwise F1 when the same sets are replayed with the model deciding.
 */
export async function fitStoryModel(sets: ReadonlyArray<LabelledSet & { examples: LinkExample[] }>, features: readonly LinkFeature[] = LINK_FEATURES, options: { onPolicy?: boolean } = {}): Promise<StoryModel> {
  const first = await fitOnExamples(sets, features);
  if (!options.onPolicy) return first;
  // The gold path never shows the model its own mistakes (an event already cut in two, a story
  // already mixed): add the candidates it meets when it follows its own decisions, labelled by gold.
  const withOwnPath = await Promise.all(
    sets.map(async (set) => {
      const own: LinkExample[] = [];
      await replayStories(set.lines, { follow: 'model', model: first, examples: own });
      return { ...set, examples: [...set.examples, ...own] };
    }),
  );
  return fitOnExamples(withOwnPath, features);
}

async function fitOnExamples(sets: ReadonlyArray<LabelledSet & { examples: LinkExample[] }>, features: readonly LinkFeature[]): Promise<StoryModel> {
  const columns = features.map((feature) => LINK_FEATURES.indexOf(feature));
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const set of sets) {
    for (const example of set.examples) {
      rows.push(columns.map((column) => example.values[column]));
      labels.push(example.joins ? 1 : 0);
      weights.push(EXAMPLE_WEIGHT_PER_SET / set.examples.length);
    }
  }
  const { mean, scale } = standardisation(rows, features.length);
  const standardised = rows.map((row) => row.map((value, j) => (value - mean[j]) / scale[j]));
  const beta = logisticRegression(standardised, labels, weights);
  const model: StoryModel = { features: [...features], mean, scale, weights: beta.slice(0, -1), bias: beta[beta.length - 1], threshold: 0 };
  // Coarse to fine: whole log-odds first, then the half steps beside the best (each try replays every set).
  const worstAt = new Map<number, number>();
  const tryThreshold = async (threshold: number) => {
    if (!worstAt.has(threshold)) worstAt.set(threshold, Math.min(...(await Promise.all(sets.map((set) => replayF1(set.lines, { ...model, threshold }))))));
    return worstAt.get(threshold)!;
  };
  for (const threshold of COARSE_THRESHOLDS) await tryThreshold(threshold);
  const coarseBest = bestOf(worstAt);
  for (const threshold of [coarseBest - THRESHOLD_STEP, coarseBest + THRESHOLD_STEP]) await tryThreshold(threshold);
  const best = { threshold: bestOf(worstAt) };
  return { ...model, threshold: best.threshold };
}

/** Pairwise F1 of the stories a quick replay makes with `model` deciding. */
export async function replayF1(lines: readonly StoryLine[], model: StoryModel): Promise<number> {
  const labels = await replayStories(lines, { follow: 'model', model });
  const kept = lines.map((line, i) => ({ gold: line.story, predicted: labels[i] ?? `unread:${line.id}` }));
  return clusteringScores(kept.map((k) => k.gold), kept.map((k) => k.predicted)).pairwise.f1;
}

/** The threshold with the best worst-set F1; ties go to the higher threshold (fewer joins, fewer wrong merges). */
function bestOf(worstAt: ReadonlyMap<number, number>): number {
  return [...worstAt].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
}

function standardisation(rows: readonly number[][], width: number): { mean: number[]; scale: number[] } {
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + row[j], 0) / Math.max(1, rows.length));
  const scale = Array.from({ length: width }, (_, j) => Math.sqrt(rows.reduce((sum, row) => sum + (row[j] - mean[j]) ** 2, 0) / Math.max(1, rows.length)) || 1);
  return { mean, scale };
}

/** Weighted ridge logistic regression by Newton's method; the last coefficient is the intercept (not penalised). */
export function logisticRegression(rows: readonly number[][], labels: readonly number[], weights: readonly number[]): number[] {
  const width = (rows[0]?.length ?? 0) + 1;
  let beta = new Array<number>(width).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step += 1) {
    const gradient = new Array<number>(width).fill(0);
    const hessian = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    rows.forEach((row, i) => {
      const x = [...row, 1];
      const p = 1 / (1 + Math.exp(-x.reduce((sum, value, j) => sum + value * beta[j], 0)));
      const w = weights[i];
      for (let j = 0; j < width; j += 1) {
        gradient[j] += w * (p - labels[i]) * x[j];
        for (let k = 0; k <= j; k += 1) hessian[j][k] += w * p * (1 - p) * x[j] * x[k];
      }
    });
    for (let j = 0; j < width; j += 1) {
      for (let k = 0; k < j; k += 1) hessian[k][j] = hessian[j][k];
      if (j < width - 1) {
        gradient[j] += L2 * beta[j];
        hessian[j][j] += L2;
      }
    }
    const delta = solve(hessian, gradient);
    beta = beta.map((b, j) => b - delta[j]);
    if (Math.max(...delta.map(Math.abs)) < 1e-8) break;
  }
  return beta;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1) if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) pivot = row;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let row = col + 1; row < n; row += 1) {
      const factor = m[row][col] / m[col][col];
      for (let k = col; k <= n; k += 1) m[row][k] -= factor * m[col][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row -= 1) {
    let sum = m[row][n];
    for (let k = row + 1; k < n; k += 1) sum -= m[row][k] * x[k];
    x[row] = sum / m[row][row];
  }
  return x;
}
