import { tokenize } from '../text/tokens';

export const MINHASH_PERMUTATIONS = 128;
export const LSH_BANDS = 64;
const ROWS_PER_BAND = MINHASH_PERMUTATIONS / LSH_BANDS;
const SHINGLE_WORDS = 5;

export interface MinHashSignature {
  /** One minimum per permutation. */
  values: number[];
  /** Number of distinct shingles, needed to turn a Jaccard estimate into containment. */
  shingleCount: number;
}

// Fixed odd multipliers and offsets: signatures must be comparable across processes and releases.
const SEEDS = Array.from({ length: MINHASH_PERMUTATIONS }, (_, i) => ({
  multiplier: (Math.imul(0x9e3779b1, i + 1) | 1) >>> 0,
  offset: Math.imul(0x85ebca6b, i + 7) >>> 0,
}));

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes of the distinct word 5-grams of a text (lower case, punctuation ignored). */
export function shingleHashes(text: string): Set<number> {
  const words = tokenize(text).map((t) => t.lower);
  const hashes = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) hashes.add(fnv1a(words.join(' ')));
    return hashes;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i += 1) {
    hashes.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return hashes;
}

export function minhash(text: string): MinHashSignature {
  const shingles = shingleHashes(text);
  const values = new Array<number>(MINHASH_PERMUTATIONS).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let p = 0; p < MINHASH_PERMUTATIONS; p += 1) {
      const hashed = mix((Math.imul(shingle, SEEDS[p].multiplier) + SEEDS[p].offset) >>> 0);
      if (hashed < values[p]) values[p] = hashed;
    }
  }
  return { values, shingleCount: shingles.size };
}

/** LSH band keys: two articles that share any band are near-duplicate candidates. */
export function lshBands(signature: MinHashSignature): string[] {
  const bands: string[] = [];
  for (let band = 0; band < LSH_BANDS; band += 1) {
    const rows = signature.values.slice(band * ROWS_PER_BAND, (band + 1) * ROWS_PER_BAND);
    bands.push(`${band}:${fnv1a(rows.join(',')).toString(36)}`);
  }
  return bands;
}

export function estimateJaccard(a: MinHashSignature, b: MinHashSignature): number {
  let same = 0;
  for (let i = 0; i < MINHASH_PERMUTATIONS; i += 1) if (a.values[i] === b.values[i]) same += 1;
  return same / MINHASH_PERMUTATIONS;
}

/**
 * Share of the smaller text's shingles found in the larger one. A trimmed reprint has low Jaccard
 * with its original (the original is longer) but containment near one.
 */
export function estimateContainment(a: MinHashSignature, b: MinHashSignature): number {
  const jaccard = estimateJaccard(a, b);
  const smaller = Math.min(a.shingleCount, b.shingleCount);
  if (smaller === 0) return 0;
  const intersection = (jaccard * (a.shingleCount + b.shingleCount)) / (1 + jaccard);
  return Math.min(1, intersection / smaller);
}
