/**
 * Trains the claim matcher's models (functions/core/claims/claim-model.ts) on labelled and scored
 * sentence pairs and reports k-fold cross-validated figures. The pair files are read from the
 * evaluation folder and never copied: only the learned weights are written.
 *
 *   npx tsx tools/train-claim-matcher.ts ../shared/eval/pairs-msrp-train.jsonl [../shared/eval/pairs-stsb-news-dev.jsonl]
 *
 * The first file (gold `label` 0/1) trains the "same claim" model, the second (gold `score` 0-5) the
 * "graded" model. With LAMBDA 0 (the default) they answer two questions apart (claimMatch): `same`
 * is the same-claim model's decision, `score` the graded model's similarity; LAMBDA > 0 lets the
 * graded model shift the decision too (see combineScores). Every figure printed is k-fold
 * cross-validated (folds dealt by position), including the decision threshold, which is picked inside
 * each fold's training part. Each model is a logistic model averaged with boosted trees. Options
 * (environment): FOLDS (10), L2 (1), LAMBDA (0), OBJECTIVE (sum: accuracy + F1 | acc),
 * GRADED_TREES (1), trees: TREES (150), DEPTH (3), RATE (0.1), MIN_LEAF (20), SUBSAMPLE (0.8);
 * SKIP_CONFLICT (1), SAME_STS/SAME_STS_CENTER/SAME_STS_SLOPE (scored pairs in the same-claim
 * model), WRITE=0 to only report, DUMP=file (CV log-odds, for analysis). The first figures printed are of a plain logistic
 * "same" model alone; exploration: STS_WEIGHT/STS_CENTER/STS_SLOPE (one joint
 * model), COMBO=1 (other ways to combine), DIAG=1 and VERBOSE=1 (per-feature figures).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimFeatures } from '../functions/core/claims/claim-features';
import { combineScores, FEATURE_COUNT, FEATURE_NAMES, figuresDiffer, gradedScore, pairFeatures, treesLogit, type TreeEnsemble } from '../functions/core/claims/claim-similarity';
import { binaryScores, spearman } from '../cli/eval/metrics';

interface Pair { x: Float64Array; label?: number; score?: number; conflict: boolean; negation: boolean }

function load(file: string): Pair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const p = JSON.parse(line) as { a: string; b: string; label?: number; score?: number };
      const a = claimFeatures(p.a);
      const b = claimFeatures(p.b);
      return { x: pairFeatures(a, b), label: p.label, score: p.score, conflict: figuresDiffer(a.numbers, b.numbers), negation: a.negated !== b.negated };
    });
}

interface Model { bias: number; weights: number[]; mean: number[]; scale: number[] }

function standardise(rows: readonly Pair[]) {
  const mean = new Array<number>(FEATURE_COUNT).fill(0);
  const scale = new Array<number>(FEATURE_COUNT).fill(0);
  for (const r of rows) for (let i = 0; i < FEATURE_COUNT; i += 1) mean[i] += r.x[i] / rows.length;
  for (const r of rows) for (let i = 0; i < FEATURE_COUNT; i += 1) scale[i] += (r.x[i] - mean[i]) ** 2 / rows.length;
  return { mean, scale: scale.map((v) => Math.sqrt(v) || 1) };
}

/** L2-regularised logistic regression by Newton's method (IRLS); targets in [0, 1]. */
function train(rows: readonly Pair[], targets: readonly number[], l2: number, sampleWeights?: readonly number[]): Model {
  const { mean, scale } = standardise(rows);
  const d = FEATURE_COUNT + 1;
  const w = new Array<number>(d).fill(0);
  const z = (r: Pair) => {
    let s = w[d - 1];
    for (let i = 0; i < FEATURE_COUNT; i += 1) s += w[i] * ((r.x[i] - mean[i]) / scale[i]);
    return s;
  };
  for (let iter = 0; iter < 30; iter += 1) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const v = new Array<number>(d);
    rows.forEach((r, n) => {
      const p = 1 / (1 + Math.exp(-z(r)));
      for (let i = 0; i < FEATURE_COUNT; i += 1) v[i] = (r.x[i] - mean[i]) / scale[i];
      v[d - 1] = 1;
      const sw = sampleWeights ? sampleWeights[n] : 1;
      const err = sw * (p - targets[n]);
      const s = sw * p * (1 - p);
      for (let i = 0; i < d; i += 1) {
        g[i] += err * v[i];
        for (let j = 0; j < d; j += 1) h[i][j] += s * v[i] * v[j];
      }
    });
    for (let i = 0; i < d - 1; i += 1) {
      g[i] += l2 * w[i];
      h[i][i] += l2;
    }
    const step = solve(h, g);
    let change = 0;
    for (let i = 0; i < d; i += 1) {
      w[i] -= step[i];
      change += Math.abs(step[i]);
    }
    if (change < 1e-8) break;
  }
  return { bias: w[d - 1], weights: w.slice(0, FEATURE_COUNT), mean, scale };
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c += 1) {
    let p = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r += 1) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k += 1) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/**
 * Gradient-boosted regression trees on the logistic loss (second-order leaf values, L2 on leaves),
 * splits searched over per-feature quantile bins; complete trees of `depth` (a node too small to
 * split passes everything left: feature -1). Deterministic (fixed subsampling seed).
 */
const TREE_OPTIONS = {
  trees: Number(process.env.TREES ?? 150),
  depth: Number(process.env.DEPTH ?? 3),
  rate: Number(process.env.RATE ?? 0.1),
  minLeaf: Number(process.env.MIN_LEAF ?? 20),
  subsample: Number(process.env.SUBSAMPLE ?? 0.8),
  l2: 1,
  bins: 32,
};

function trainTrees(rows: readonly Pair[], targets: readonly number[], o = TREE_OPTIONS): TreeEnsemble {
  const n = rows.length;
  const edges: number[][] = [];
  for (let j = 0; j < FEATURE_COUNT; j += 1) {
    const sorted = rows.map((r) => r.x[j]).sort((a, b) => a - b);
    const e: number[] = [];
    for (let k = 1; k < o.bins; k += 1) {
      // split halfway between a quantile and the next larger value, so that rounding the shipped
      // thresholds does not move any training value across them
      const at = Math.floor((k * n) / o.bins);
      const q = sorted[at];
      let next = at;
      while (next < n && sorted[next] <= q) next += 1;
      if (next === n) continue;
      const mid = (q + sorted[next]) / 2;
      if (e.length === 0 || mid > e[e.length - 1]) e.push(mid);
    }
    edges.push(e);
  }
  const bin = rows.map((r) => Array.from({ length: FEATURE_COUNT }, (_, j) => {
    const e = edges[j];
    let lo = 0;
    let hi = e.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r.x[j] > e[mid]) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }));
  const mean = Math.min(1 - 1e-6, Math.max(1e-6, targets.reduce((a, b) => a + b, 0) / n));
  const base = Math.log(mean / (1 - mean));
  const z = new Array<number>(n).fill(base);
  const inner = (1 << o.depth) - 1;
  const model = { depth: o.depth, base, features: [] as number[], thresholds: [] as number[], leaves: [] as number[] };
  let seed = 1;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const g = new Array<number>(n);
  const h = new Array<number>(n);
  for (let t = 0; t < o.trees; t += 1) {
    for (let i = 0; i < n; i += 1) {
      const p = 1 / (1 + Math.exp(-z[i]));
      g[i] = p - targets[i];
      h[i] = Math.max(p * (1 - p), 1e-6);
    }
    const sample: number[] = [];
    for (let i = 0; i < n; i += 1) if (random() < o.subsample) sample.push(i);
    const features = new Array<number>(inner).fill(-1);
    const thresholds = new Array<number>(inner).fill(0);
    const leaves = new Array<number>(inner + 1).fill(0);
    const fill = (node: number, value: number) => {
      if (node >= inner) leaves[node - inner] = value;
      else {
        fill(2 * node + 1, value);
        fill(2 * node + 2, value);
      }
    };
    const grow = (node: number, idx: number[], depth: number) => {
      let G = 0;
      let H = 0;
      for (const i of idx) {
        G += g[i];
        H += h[i];
      }
      const value = (-G / (H + o.l2)) * o.rate;
      if (depth === o.depth || idx.length < 2 * o.minLeaf) return fill(node, value);
      let best = { gain: 0, j: -1, k: -1 };
      const parent = (G * G) / (H + o.l2);
      for (let j = 0; j < FEATURE_COUNT; j += 1) {
        const nb = edges[j].length + 1;
        const hg = new Float64Array(nb);
        const hh = new Float64Array(nb);
        const hc = new Int32Array(nb);
        for (const i of idx) {
          const b = bin[i][j];
          hg[b] += g[i];
          hh[b] += h[i];
          hc[b] += 1;
        }
        let gl = 0;
        let hl = 0;
        let cl = 0;
        for (let k = 0; k < nb - 1; k += 1) {
          gl += hg[k];
          hl += hh[k];
          cl += hc[k];
          if (cl < o.minLeaf || idx.length - cl < o.minLeaf) continue;
          const gain = (gl * gl) / (hl + o.l2) + ((G - gl) * (G - gl)) / (H - hl + o.l2) - parent;
          if (gain > best.gain) best = { gain, j, k };
        }
      }
      if (best.j < 0) return fill(node, value);
      features[node] = best.j;
      thresholds[node] = edges[best.j][best.k];
      grow(2 * node + 1, idx.filter((i) => bin[i][best.j] <= best.k), depth + 1);
      grow(2 * node + 2, idx.filter((i) => bin[i][best.j] > best.k), depth + 1);
    };
    grow(0, sample, 0);
    model.features.push(...features);
    model.thresholds.push(...thresholds);
    model.leaves.push(...leaves);
    const one = { ...model, base: 0, features, thresholds, leaves };
    for (let i = 0; i < n; i += 1) z[i] += treesLogit(one, rows[i].x);
  }
  return model;
}

function predict(model: Model, x: Float64Array): number {
  let s = model.bias;
  for (let i = 0; i < FEATURE_COUNT; i += 1) s += model.weights[i] * ((x[i] - model.mean[i]) / model.scale[i]);
  return 1 / (1 + Math.exp(-s));
}

const [trainFile, stsFile] = process.argv.slice(2);
const folds = Number(process.env.FOLDS ?? 10);
const l2 = Number(process.env.L2 ?? 1);
/** Weight of each graded (STS) pair in training, relative to a labelled pair; 0 trains on labels only. */
const stsWeight = Number(process.env.STS_WEIGHT ?? 0);
const rows = load(trainFile);
const labels = rows.map((r) => (r.label === 1 ? 1 : 0));
const sts = stsFile ? load(stsFile) : [];
/**
 * Graded scores become soft targets on the labels' scale: a logistic curve centred where a graded
 * pair starts to count as the same claim (STS_CENTER) with slope STS_SLOPE (0: plain score / 5).
 */
const stsCenter = Number(process.env.STS_CENTER ?? 3.5);
const stsSlope = Number(process.env.STS_SLOPE ?? 0);
const stsTargets = sts.map((r) => (stsSlope > 0 ? 1 / (1 + Math.exp(-stsSlope * ((r.score ?? 0) - stsCenter))) : (r.score ?? 0) / 5));

function fit(msrpIdx: number[], stsIdx: number[]): Model {
  const data = [...msrpIdx.map((i) => rows[i]), ...(stsWeight > 0 ? stsIdx.map((i) => sts[i]) : [])];
  const targets = [...msrpIdx.map((i) => labels[i]), ...(stsWeight > 0 ? stsIdx.map((i) => stsTargets[i]) : [])];
  const weights = [...msrpIdx.map(() => 1), ...(stsWeight > 0 ? stsIdx.map(() => stsWeight) : [])];
  return train(data, targets, l2, weights);
}

// k-fold cross-validation over both files at once (items dealt to folds by position: fixed, reproducible)
const cvPredicted: boolean[] = new Array(rows.length);
const cvSts: number[] = new Array(sts.length);
const all = (n: number) => Array.from({ length: n }, (_, i) => i);
for (let f = 0; f < folds; f += 1) {
  const model = fit(all(rows.length).filter((i) => i % folds !== f), all(sts.length).filter((i) => i % folds !== f));
  rows.forEach((r, i) => {
    if (i % folds === f) cvPredicted[i] = predict(model, r.x) >= 0.5;
  });
  sts.forEach((r, i) => {
    if (i % folds === f) cvSts[i] = predict(model, r.x);
  });
}
const cv = binaryScores(labels.map((l) => l === 1), cvPredicted);
const stsGold = sts.map((r) => r.score ?? 0);
const cvRho = sts.length > 0 ? spearman(stsGold, cvSts) : NaN;
console.log(`${folds}-fold CV: pairs ${rows.length} accuracy ${(cv.accuracy * 100).toFixed(1)}, F1 ${(cv.f1 * 100).toFixed(1)} (P ${(cv.precision * 100).toFixed(1)}, R ${(cv.recall * 100).toFixed(1)}); graded ${sts.length} Spearman x100 ${(cvRho * 100).toFixed(1)} (STS weight ${stsWeight})`);

const model = fit(all(rows.length), all(sts.length));
const full = binaryScores(labels.map((l) => l === 1), rows.map((r) => predict(model, r.x) >= 0.5));
console.log(`trained on all: accuracy ${(full.accuracy * 100).toFixed(1)}, F1 ${(full.f1 * 100).toFixed(1)}`);
if (process.env.VERBOSE) FEATURE_NAMES.forEach((name, i) => console.log(`  ${name.padEnd(18)} ${model.weights[i].toFixed(3)}`));
if (sts.length > 0) {
  const rho = spearman(stsGold, sts.map((r) => predict(model, r.x)));
  console.log(`Spearman x100 on ${sts.length} scored pairs: ${(rho * 100).toFixed(1)}`);
  if (process.env.DIAG) FEATURE_NAMES.forEach((name, i) => console.log(`  ${name.padEnd(18)} sts rho ${(spearman(stsGold, sts.map((r) => r.x[i])) * 100).toFixed(1)}  msrp rho ${(spearman(labels, rows.map((r) => r.x[i])) * 100).toFixed(1)}`));
}

if (process.env.COMBO) {
  const logit = (m: Model, x: Float64Array) => { const p = predict(m, x); return Math.log(p / (1 - p)); };
  const zmM: number[] = new Array(rows.length);
  const zsS: number[] = new Array(sts.length);
  for (let f = 0; f < folds; f += 1) {
    const m = train(all(rows.length).filter((i) => i % folds !== f).map((i) => rows[i]), all(rows.length).filter((i) => i % folds !== f).map((i) => labels[i]), l2);
    rows.forEach((r, i) => { if (i % folds === f) zmM[i] = logit(m, r.x); });
    const sIdx = all(sts.length).filter((i) => i % folds !== f);
    const sm = train(sIdx.map((i) => sts[i]), sIdx.map((i) => stsGold[i] / 5), l2);
    sts.forEach((r, i) => { if (i % folds === f) zsS[i] = logit(sm, r.x); });
  }
  const M = train(rows, labels, l2);
  const S = train(sts, stsGold.map((g) => g / 5), l2);
  const zsM = rows.map((r) => logit(S, r.x));
  const zmS = sts.map((r) => logit(M, r.x));
  console.log(`STS-only model CV rho ${(spearman(stsGold, zsS) * 100).toFixed(1)}; on msrp rho ${(spearman(labels, zsM) * 100).toFixed(1)}`);
  for (const lambda of [0.5, 1, 1.5]) {
    for (const mode of ['gate0', 'gate0.5', 'gate1', 'gate1.5', 'gate2']) {
      const c = mode === 'sum' ? -Infinity : Number(mode.slice(4));
      const comb = (zm: number, zs: number) => (zs < c ? zs - 100 : zm + lambda * zs);
      const msrp = rows.map((_, i) => comb(zmM[i], zsM[i]));
      let best = { acc: 0, f1: 0, t: 0 };
      for (let t = -3; t <= 3; t += 0.05) {
        const b = binaryScores(labels.map((l) => l === 1), msrp.map((v) => v >= t));
        if (b.accuracy > best.acc) best = { acc: b.accuracy, f1: b.f1, t };
      }
      const rho = spearman(stsGold, sts.map((_, i) => comb(zmS[i], zsS[i])));
      console.log(`${mode} lambda ${lambda}: msrp acc ${(best.acc * 100).toFixed(1)} F1 ${(best.f1 * 100).toFixed(1)} at ${best.t.toFixed(2)}; sts ${(rho * 100).toFixed(1)}`);
    }
  }
}

// The shipped matcher: a "same claim" model trained on the labelled pairs and a "graded" model
// trained on the scored pairs (targets score / 5), combined as
//   decision = zSame + LAMBDA * zGraded - threshold (same claim when >= 0),
// and within each side of the decision pairs are ordered by zGraded (see combineScores). LAMBDA
// trades labelled accuracy (0 is best) against graded Spearman; the threshold is chosen by CV.
const LAMBDA = Number(process.env.LAMBDA ?? 0);
/**
 * LAMBDA 0 decouples the matcher's two outputs: `same` from the same-claim model alone and `score`
 * from the graded model alone (claimMatch); the Spearman reported is then that of `score`.
 */
const DECOUPLED = LAMBDA === 0;
/** Weight of the graded model in in-story matching's decision (claimSimilarity), see below. */
const MATCH_LAMBDA = Number(process.env.MATCH_LAMBDA ?? 0.5);
/** What the threshold maximises under CV: accuracy, or accuracy + F1 ("sum"). */
const OBJECTIVE = process.env.OBJECTIVE ?? 'sum';
/** Also boost trees for the graded model (averaged with its logistic model, as for "same"). */
const GRADED_TREES = process.env.GRADED_TREES !== '0';
/**
 * Also train the same-claim model on the scored pairs (SAME_STS: their weight in the logistic model;
 * the trees take them at weight 1), each with a soft target: a logistic curve of the score centred at
 * SAME_STS_CENTER (where a scored pair starts to state the same claim), slope SAME_STS_SLOPE.
 */
const SAME_STS = Number(process.env.SAME_STS ?? 0);
const SAME_STS_CENTER = Number(process.env.SAME_STS_CENTER ?? 3.5);
const SAME_STS_SLOPE = Number(process.env.SAME_STS_SLOPE ?? 2);
const sameTarget = (score: number) => 1 / (1 + Math.exp(-SAME_STS_SLOPE * (score - SAME_STS_CENTER)));
/** Train the same-claim model without the pairs whose numbers conflict (the rule decides those). */
const skipConflict = process.env.SKIP_CONFLICT !== '0';
{
  const logit = (m: Model, x: Float64Array) => {
    let s = m.bias;
    for (let i = 0; i < FEATURE_COUNT; i += 1) s += m.weights[i] * ((x[i] - m.mean[i]) / m.scale[i]);
    return s;
  };
  const zm: number[] = new Array(rows.length);
  const zsOnRows: number[] = new Array(rows.length);
  const zs: number[] = new Array(sts.length);
  const zmOnSts: number[] = new Array(sts.length);
  const zLog: number[] = new Array(rows.length);
  const zTree: number[] = new Array(rows.length);
  for (let f = 0; f < folds; f += 1) {
    const mIdx = all(rows.length).filter((i) => i % folds !== f);
    const sIdx = all(sts.length).filter((i) => i % folds !== f);
    const mKeep = skipConflict ? mIdx.filter((i) => !rows[i].conflict) : mIdx;
    const sExtra = SAME_STS > 0 ? sIdx.filter((i) => !sts[i].conflict) : [];
    const sameRows = [...mKeep.map((i) => rows[i]), ...sExtra.map((i) => sts[i])];
    const sameTargets = [...mKeep.map((i) => labels[i]), ...sExtra.map((i) => sameTarget(stsGold[i]))];
    const sameWeights = [...mKeep.map(() => 1), ...sExtra.map(() => SAME_STS)];
    const m = train(sameRows, sameTargets, l2, sameWeights);
    const trees = trainTrees(sameRows, sameTargets);
    const same = (x: Float64Array) => 0.5 * (logit(m, x) + treesLogit(trees, x));
    const gl = train(sIdx.map((i) => sts[i]), sIdx.map((i) => stsGold[i] / 5), l2);
    const gt = GRADED_TREES ? trainTrees(sIdx.map((i) => sts[i]), sIdx.map((i) => stsGold[i] / 5)) : undefined;
    const g = { bias: 0, weights: [], mean: [], scale: [] } as unknown as Model;
    const gradedOf = (x: Float64Array) => (gt ? 0.5 * (logit(gl, x) + treesLogit(gt, x)) : logit(gl, x));
    void g;
    rows.forEach((r, i) => { if (i % folds === f) { zm[i] = same(r.x); zsOnRows[i] = gradedOf(r.x); zLog[i] = logit(m, r.x); zTree[i] = treesLogit(trees, r.x); } });
    sts.forEach((r, i) => { if (i % folds === f) { zs[i] = gradedOf(r.x); zmOnSts[i] = same(r.x); } });
  }
  // as in claimMatch: pairs whose numbers conflict are never the same claim
  const score = (zSame: number, zGraded: number, lambda: number, t: number, r: Pair) => combineScores(zSame, zGraded, { lambda, threshold: t }, r.conflict, r.negation);
  // the threshold is chosen on held-out predictions, inside each fold's complement (nested), and reported on the fold
  const pick = (idx: number[], lambda: number, objective: string) => {
    let best = { acc: -1, t: 0 };
    for (let t = -2; t <= 3; t += 0.02) {
      const b = binaryScores(idx.map((i) => labels[i] === 1), idx.map((i) => score(zm[i], zsOnRows[i], lambda, t, rows[i]) >= 0.5));
      const value = objective === 'sum' ? b.accuracy + b.f1 : b.accuracy;
      if (value > best.acc) best = { acc: value, t };
    }
    return best.t;
  };
  const crossValidated = (lambda: number, objective: string) => {
    const decided: boolean[] = new Array(rows.length);
    for (let f = 0; f < folds; f += 1) {
      const t = pick(all(rows.length).filter((i) => i % folds !== f), lambda, objective);
      rows.forEach((_, i) => { if (i % folds === f) decided[i] = score(zm[i], zsOnRows[i], lambda, t, rows[i]) >= 0.5; });
    }
    return binaryScores(labels.map((l) => l === 1), decided);
  };
  const pct = (v: number) => (v * 100).toFixed(1);
  console.log(`graded model alone, ${folds}-fold CV Spearman x100 ${pct(spearman(stsGold, zs))}; same-claim model alone on the scored pairs ${pct(spearman(stsGold, zmOnSts))}`);
  const finalCv = crossValidated(LAMBDA, OBJECTIVE);
  const threshold = pick(all(rows.length), LAMBDA, OBJECTIVE);
  // Decoupled (LAMBDA 0): the score is the graded model's alone (gradedScore), the decision the same-claim model's.
  const finalRho = DECOUPLED
    ? spearman(stsGold, sts.map((r, i) => gradedScore(zs[i], r.conflict, r.negation)))
    : spearman(stsGold, sts.map((r, i) => score(zmOnSts[i], zs[i], LAMBDA, threshold, r)));
  if (process.env.DUMP) writeFileSync(process.env.DUMP, JSON.stringify({ labels, zm, zLog, zTree, zsOnRows, conflict: rows.map((r) => r.conflict), negation: rows.map((r) => r.negation), stsGold, zs, zmOnSts, stsConflict: sts.map((r) => r.conflict), stsNegation: sts.map((r) => r.negation) }));
  const summary = `${folds}-fold CV of the decision (LAMBDA ${LAMBDA}, threshold for ${OBJECTIVE === 'sum' ? 'accuracy + F1' : 'accuracy'}): labelled accuracy ${pct(finalCv.accuracy)}, F1 ${pct(finalCv.f1)} (P ${pct(finalCv.precision)}, R ${pct(finalCv.recall)}); ${DECOUPLED ? 'graded model alone (score)' : 'graded'} Spearman x100 ${pct(finalRho)}; threshold ${threshold.toFixed(2)}`;
  console.log(summary);
  // In-story matching's operating point: both models must agree (the graded one shifts the decision
  // by MATCH_LAMBDA), threshold for accuracy: more precise than the decision alone, as a wrong
  // merge inflates corroboration while a miss only splits a claim.
  const matchCv = crossValidated(MATCH_LAMBDA, 'acc');
  const matchThreshold = pick(all(rows.length), MATCH_LAMBDA, 'acc');
  const matchSummary = `in-story matching (MATCH_LAMBDA ${MATCH_LAMBDA}, threshold for accuracy), ${folds}-fold CV: labelled accuracy ${pct(matchCv.accuracy)}, F1 ${pct(matchCv.f1)} (P ${pct(matchCv.precision)}, R ${pct(matchCv.recall)}); threshold ${matchThreshold.toFixed(2)}`;
  console.log(matchSummary);

  if (process.env.WRITE !== '0') {
    const keep = all(rows.length).filter((i) => !skipConflict || !rows[i].conflict);
    const sExtra = SAME_STS > 0 ? all(sts.length).filter((i) => !sts[i].conflict) : [];
    const sameRows = [...keep.map((i) => rows[i]), ...sExtra.map((i) => sts[i])];
    const sameTargets = [...keep.map((i) => labels[i]), ...sExtra.map((i) => sameTarget(stsGold[i]))];
    const same = train(sameRows, sameTargets, l2, [...keep.map(() => 1), ...sExtra.map(() => SAME_STS)]);
    const trees = trainTrees(sameRows, sameTargets);
    const graded = train(sts, stsGold.map((g) => g / 5), l2);
    const gradedTrees = GRADED_TREES ? trainTrees(sts, stsGold.map((g) => g / 5)) : undefined;
    const gradedOf = (x: Float64Array) => (gradedTrees ? 0.5 * (logit(graded, x) + treesLogit(gradedTrees, x)) : logit(graded, x));
    const fit = binaryScores(labels.map((l) => l === 1), rows.map((r) => combineScores(0.5 * (logit(same, r.x) + treesLogit(trees, r.x)), gradedOf(r.x), { lambda: LAMBDA, threshold }, r.conflict, r.negation) >= 0.5));
    console.log(`trained on all (train fit, not CV): labelled accuracy ${pct(fit.accuracy)}, F1 ${pct(fit.f1)}`);
    const round4 = (v: number) => Number(v.toPrecision(4));
    const packTrees = (t: TreeEnsemble) => `{ depth: ${t.depth}, base: ${round(t.base)}, features: ${JSON.stringify(t.features)}, thresholds: ${JSON.stringify(t.thresholds.map(round4))}, leaves: ${JSON.stringify(t.leaves.map(round4))} }`;
    const round = (v: number) => Math.round(v * 1e5) / 1e5;
    const head = (m: Model) => `{ bias: ${round(m.bias)}, weights: ${JSON.stringify(m.weights.map(round))}, mean: ${JSON.stringify(m.mean.map(round))}, scale: ${JSON.stringify(m.scale.map(round))} }`;
    const out = join(__dirname, '..', 'functions', 'core', 'claims', 'claim-model.ts');
    writeFileSync(
      out,
      `// Generated by tools/train-claim-matcher.ts; do not edit by hand. Over the pair features
// (${FEATURE_NAMES.join(', ')}):
// "same", an L2-regularised (${l2}) logistic model and ${trees.leaves.length / (1 << trees.depth)} boosted trees of depth ${trees.depth} (rate ${TREE_OPTIONS.rate}, averaged log-odds), trained on
// ${rows.length} labelled pairs; "graded", the same kinds of model${gradedTrees ? '' : ' (logistic only)'} trained on ${sts.length} scored pairs (target score / 5).
// ${summary};
// ${matchSummary}.
export const MODEL = {
  same: ${head(same)},
  trees: ${packTrees(trees)},
  graded: ${head(graded)},
  gradedTrees: ${gradedTrees ? packTrees(gradedTrees) : 'undefined'},
  lambda: ${LAMBDA},
  threshold: ${round(threshold)},
  match: { lambda: ${MATCH_LAMBDA}, threshold: ${round(matchThreshold)} },
};
`,
    );
    console.log(`wrote ${out}`);
  }
}
