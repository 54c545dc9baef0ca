import { basename } from 'node:path';
import { claimFeatures } from '../../functions/core/claims/claim-features';
import { claimMatch, combineScores, gradedScore, sameClaimModel } from '../../functions/core/claims/claim-similarity';
import { FIT_OPTIONS, type FitOptions, fitMatcher, pairLogits, type PairItem } from '../eval/fit-matcher';
import { jsonLinesFiles, jsonLinesWriter, progress, readJsonLines } from '../eval/jsonl';
import { binaryScores, spearman } from '../eval/metrics';

export interface PairLine {
  id: string;
  a: string;
  b: string;
  label?: number;
  score?: number;
}

export interface Prediction {
  id: string;
  set: string;
  same: boolean;
  score: number;
}

/**
 * The claim matcher on sentence pairs ({id, a, b} lines). Two questions, two models: `same` ("do
 * they state the same claim?", the decision model, as the pipeline matches claims) and `score` ("how
 * similar, 0-1?", the graded model alone; it never changes `same`). Accuracy/F1 are of `same`,
 * Spearman of `score`.
 *
 * By default, nested cross-validation over every given file together (a directory stands for its
 * pairs-*.jsonl files): each file is dealt into `folds` outer folds by position; for each outer fold
 * the matcher is fitted (term weights, models, thresholds from inner folds: fitMatcher) on the other
 * folds of every file, and decides the held-out fold. The figures are out-of-fold, per file.
 * `termWeights` adds TF-KLD term weights (fitted inside each fit) to the features the models see.
 * With `shipped`, the shipped matcher decides every pair as it is (for sealed held-out files).
 */
export async function runEvalPairs(options: { files: string[]; out?: string; shipped?: boolean; folds?: number; termWeights?: boolean }): Promise<void> {
  const files = options.files.flatMap((file) => jsonLinesFiles(file, 'pairs-'));
  if (files.length === 0) throw new Error('eval pairs: no pair files given');
  const sets = new Map<string, PairLine[]>();
  for (const file of files) sets.set(basename(file, '.jsonl'), await readPairs(file));
  const predictions = options.shipped ? decideShipped(sets) : crossValidate(sets, options.folds ?? 5, { ...FIT_OPTIONS, termWeights: options.termWeights ?? false });
  if (options.out) {
    const out = jsonLinesWriter(options.out);
    for (const p of predictions.values()) out.write(p);
    await out.close();
  }
  for (const [set, lines] of sets) report(set, lines, predictions, options.shipped ? 'shipped matcher' : `nested ${options.folds ?? 5}-fold CV, out-of-fold`);
}

async function readPairs(file: string): Promise<PairLine[]> {
  const lines: PairLine[] = [];
  for await (const line of readJsonLines<PairLine>(file)) lines.push(line);
  return lines;
}

function decideShipped(sets: Map<string, PairLine[]>): Map<string, Prediction> {
  const predictions = new Map<string, Prediction>();
  const meter = progress('pairs', 1000);
  for (const [set, lines] of sets) {
    for (const line of lines) {
      const match = claimMatch(claimFeatures(line.a), claimFeatures(line.b));
      predictions.set(key(set, line.id), { id: line.id, set, same: match.same, score: round4(match.score) });
      meter.tick(predictions.size);
    }
  }
  return predictions;
}

/** Outer folds of nested cross-validation; each outer fit chooses its thresholds from inner folds only. */
export function crossValidate(sets: Map<string, PairLine[]>, folds: number, fitOptions: FitOptions): Map<string, Prediction> {
  const items: Array<PairItem & { id: string; fold: number }> = [];
  for (const [set, lines] of sets) {
    lines.forEach((line, i) => items.push({ id: line.id, set, fold: i % folds, a: claimFeatures(line.a), b: claimFeatures(line.b), label: line.label, score: line.score }));
  }
  const predictions = new Map<string, Prediction>();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const started = Date.now();
  for (let f = 0; f < folds; f += 1) {
    const train = items.filter((item) => item.fold !== f);
    log(`pairs: outer fold ${f + 1}/${folds}: fitting on ${train.length} pairs (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    const matcher = fitMatcher(train, fitOptions, log);
    for (const item of items) {
      if (item.fold !== f) continue;
      const z = pairLogits(matcher, item);
      const judge = sameClaimModel(matcher.model, item.a, item.b);
      const same = combineScores(z.same, z.graded, judge, z.numbersDiffer, z.polarityDiffers) >= 0.5;
      predictions.set(key(item.set, item.id), { id: item.id, set: item.set, same, score: round4(gradedScore(z.graded, z.numbersDiffer, z.polarityDiffers)) });
    }
    log(`pairs: outer fold ${f + 1}/${folds}: ${items.filter((item) => item.fold === f).length} pairs decided; ${matcher.termWeights.weights.size} term weights`);
  }
  return predictions;
}

/** Accuracy/F1 against gold labels, Spearman against gold scores: read only here, after every decision. */
function report(set: string, lines: readonly PairLine[], predictions: Map<string, Prediction>, how: string): void {
  const decided = lines.map((line) => ({ line, p: predictions.get(key(set, line.id))! }));
  const labelled = decided.filter(({ line }) => line.label !== undefined);
  if (labelled.length > 0) {
    const s = binaryScores(labelled.map(({ line }) => line.label === 1), labelled.map(({ p }) => p.same));
    console.log(`${set}: ${labelled.length} labelled (${how}); accuracy ${pct(s.accuracy)}, F1 ${pct(s.f1)} (precision ${pct(s.precision)}, recall ${pct(s.recall)})`);
  }
  const scored = decided.filter(({ line }) => line.score !== undefined);
  if (scored.length > 0) {
    const rho = spearman(scored.map(({ line }) => line.score!), scored.map(({ p }) => p.score));
    console.log(`${set}: ${scored.length} scored (${how}); Spearman x100 ${pct(rho)}`);
  }
  if (labelled.length === 0 && scored.length === 0) console.log(`${set}: ${decided.length} decided (no gold fields to score against)`);
}

const key = (set: string, id: string) => `${set}\u0000${id}`;
const round4 = (v: number) => Math.round(v * 10000) / 10000;
const pct = (v: number) => (v * 100).toFixed(1);
