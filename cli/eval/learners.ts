/**
 * The two learners behind the claim matcher, over rows of pair features: an L2-regularised logistic
 * model (Newton's method) and gradient-boosted regression trees on the logistic loss. Targets are in
 * [0, 1] (labels, or scores / 5). Both are deterministic, so a fit is repeatable.
 */
import type { LogisticModel, TreeEnsemble } from '../../functions/core/claims/claim-similarity';
import { treesLogit } from '../../functions/core/claims/claim-similarity';

export interface FeatureRow {
  x: Float64Array;
}

function standardise(rows: readonly FeatureRow[], d: number) {
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of rows) for (let i = 0; i < d; i += 1) mean[i] += r.x[i] / rows.length;
  for (const r of rows) for (let i = 0; i < d; i += 1) scale[i] += (r.x[i] - mean[i]) ** 2 / rows.length;
  // a feature constant in the training rows (up to rounding) carries nothing: unit scale, so it stays finite when shipped rounded
  return { mean, scale: scale.map((v) => (Math.sqrt(v) > 1e-6 ? Math.sqrt(v) : 1)) };
}

/** L2-regularised logistic regression by Newton's method (IRLS) on standardised features. */
export function trainLogistic(rows: readonly FeatureRow[], targets: readonly number[], l2: number, sampleWeights?: readonly number[]): LogisticModel {
  const features = rows[0].x.length;
  const { mean, scale } = standardise(rows, features);
  const d = features + 1;
  const w = new Array<number>(d).fill(0);
  const v = new Float64Array(d);
  for (let iter = 0; iter < 30; iter += 1) {
    const g = new Float64Array(d);
    const h = Array.from({ length: d }, () => new Float64Array(d));
    rows.forEach((r, n) => {
      for (let i = 0; i < features; i += 1) v[i] = (r.x[i] - mean[i]) / scale[i];
      v[d - 1] = 1;
      let z = 0;
      for (let i = 0; i < d; i += 1) z += w[i] * v[i];
      const p = 1 / (1 + Math.exp(-z));
      const sw = sampleWeights ? sampleWeights[n] : 1;
      const err = sw * (p - targets[n]);
      const s = sw * p * (1 - p);
      for (let i = 0; i < d; i += 1) {
        g[i] += err * v[i];
        const hi = h[i];
        const svi = s * v[i];
        for (let j = i; j < d; j += 1) hi[j] += svi * v[j];
      }
    });
    for (let i = 0; i < d; i += 1) for (let j = 0; j < i; j += 1) h[i][j] = h[j][i];
    for (let i = 0; i < d - 1; i += 1) {
      g[i] += l2 * w[i];
      h[i][i] += l2;
    }
    const step = solve(h.map((row) => [...row]), [...g]);
    let change = 0;
    for (let i = 0; i < d; i += 1) {
      w[i] -= step[i];
      change += Math.abs(step[i]);
    }
    if (change < 1e-8) break;
  }
  return { bias: w[d - 1], weights: w.slice(0, features), mean, scale };
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

export interface TreeOptions {
  trees: number;
  depth: number;
  rate: number;
  minLeaf: number;
  subsample: number;
  l2: number;
  bins: number;
}

export const TREE_OPTIONS: TreeOptions = { trees: 150, depth: 3, rate: 0.1, minLeaf: 20, subsample: 0.8, l2: 1, bins: 32 };

/**
 * Gradient-boosted regression trees on the logistic loss (second-order leaf values, L2 on leaves),
 * splits searched over per-feature quantile bins; complete trees of `depth` (a node too small to
 * split passes everything left: feature -1). Deterministic (fixed subsampling seed).
 */
export function trainTrees(rows: readonly FeatureRow[], targets: readonly number[], o: TreeOptions = TREE_OPTIONS, sampleWeights?: readonly number[]): TreeEnsemble {
  const n = rows.length;
  const features = rows[0].x.length;
  const edges: number[][] = [];
  for (let j = 0; j < features; j += 1) {
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
  const bin = rows.map((r) => {
    const out = new Uint8Array(features);
    for (let j = 0; j < features; j += 1) {
      const e = edges[j];
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (r.x[j] > e[mid]) lo = mid + 1;
        else hi = mid;
      }
      out[j] = lo;
    }
    return out;
  });
  let weightSum = 0;
  let targetSum = 0;
  for (let i = 0; i < n; i += 1) {
    const sw = sampleWeights ? sampleWeights[i] : 1;
    weightSum += sw;
    targetSum += sw * targets[i];
  }
  const mean = Math.min(1 - 1e-6, Math.max(1e-6, targetSum / weightSum));
  const base = Math.log(mean / (1 - mean));
  const z = new Float64Array(n).fill(base);
  const inner = (1 << o.depth) - 1;
  const model = { depth: o.depth, base, features: [] as number[], thresholds: [] as number[], leaves: [] as number[] };
  let seed = 1;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const hg = new Float64Array(o.bins + 1);
  const hh = new Float64Array(o.bins + 1);
  const hc = new Int32Array(o.bins + 1);
  for (let t = 0; t < o.trees; t += 1) {
    for (let i = 0; i < n; i += 1) {
      const p = 1 / (1 + Math.exp(-z[i]));
      const sw = sampleWeights ? sampleWeights[i] : 1;
      g[i] = sw * (p - targets[i]);
      h[i] = sw * Math.max(p * (1 - p), 1e-6);
    }
    const sample: number[] = [];
    for (let i = 0; i < n; i += 1) if (random() < o.subsample) sample.push(i);
    const splitFeatures = new Array<number>(inner).fill(-1);
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
      for (let j = 0; j < features; j += 1) {
        const nb = edges[j].length + 1;
        hg.fill(0, 0, nb);
        hh.fill(0, 0, nb);
        hc.fill(0, 0, nb);
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
      splitFeatures[node] = best.j;
      thresholds[node] = edges[best.j][best.k];
      grow(2 * node + 1, idx.filter((i) => bin[i][best.j] <= best.k), depth + 1);
      grow(2 * node + 2, idx.filter((i) => bin[i][best.j] > best.k), depth + 1);
    };
    grow(0, sample, 0);
    model.features.push(...splitFeatures);
    model.thresholds.push(...thresholds);
    model.leaves.push(...leaves);
    const one = { ...model, base: 0, features: splitFeatures, thresholds, leaves };
    for (let i = 0; i < n; i += 1) z[i] += treesLogit(one, rows[i].x);
  }
  return model;
}
