import { lowerWords } from '../text/tokens';

export const MINHASH_PERMUTATIONS = 128;

/** How the signature is cut into bands: `bands` bands of `rowsPerBand` consecutive permutations. */
export interface LshLayout {
  bands: number;
  rowsPerBand: number;
}

/**
 * LSH layout: 16 bands of one row each (the first 16 permutations). An article shares a band with
 * one of Jaccard J with probability 1 - (1 - J)^16: 0.9967 at the copy threshold (0.3), and 0.90 at
 * J 0.136, a copy holding 60% of an original four times its length (the containment threshold).
 * Each band is an item written per article, so the band count is the write cost of duplicate
 * detection; one-row bands reach copies with half the items that two-row bands need for less.
 * The price is more candidates for the full signature to verify. On the eval sets
 * (bench/lsh-layouts.ts), 1,353 of the 1,358 pairs of articles whose signatures match share a band
 * (32 two-row bands: 1,343), and 0.35 to 8.1 articles share a band with an article (0.04 to 1.9).
 */
export const LSH_LAYOUT: LshLayout = { bands: 16, rowsPerBand: 1 };
const SHINGLE_WORDS = 5;

export interface MinHashSignature {
  /** One minimum per permutation. */
  values: number[];
  /** Number of distinct shingles, needed to turn a Jaccard estimate into containment. */
  shingleCount: number;
}

// Fixed odd multipliers and offsets: signatures must be comparable across processes and releases.
const MULTIPLIERS = Int32Array.from({ length: MINHASH_PERMUTATIONS }, (_, i) => Math.imul(0x9e3779b1, i + 1) | 1);
const OFFSETS = Int32Array.from({ length: MINHASH_PERMUTATIONS }, (_, i) => Math.imul(0x85ebca6b, i + 7));

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Hashes of the distinct word 5-grams of a text (lower case, punctuation ignored). */
export function shingleHashes(text: string): Set<number> {
  const words = lowerWords(text);
  const hashes = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) hashes.add(fnv1a(words.join(' ')));
    return hashes;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i += 1) hashes.add(shingleHash(words, i));
  return hashes;
}

/** fnv1a of `words.slice(start, start + SHINGLE_WORDS).join(' ')`, without building the string. */
function shingleHash(words: readonly string[], start: number): number {
  let hash = 0x811c9dc5;
  for (let w = start; w < start + SHINGLE_WORDS; w += 1) {
    if (w > start) hash = Math.imul(hash ^ 32, 0x01000193);
    const word = words[w];
    for (let i = 0; i < word.length; i += 1) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

export function minhash(text: string): MinHashSignature {
  const shingles = shingleHashes(text);
  // Minima kept as signed 32-bit values offset by 2^31, so the comparison stays in small integers.
  const minima = new Int32Array(MINHASH_PERMUTATIONS).fill(0x7fffffff);
  for (const shingle of shingles) {
    for (let p = 0; p < MINHASH_PERMUTATIONS; p += 1) {
      // mix((shingle * multiplier + offset) mod 2^32), computed in int32 arithmetic.
      let h = (Math.imul(shingle, MULTIPLIERS[p]) + OFFSETS[p]) | 0;
      h ^= h >>> 16;
      h = Math.imul(h, 0x7feb352d);
      h ^= h >>> 15;
      h = Math.imul(h, 0x846ca68b);
      h ^= h >>> 16;
      const ordered = h ^ 0x80000000;
      if (ordered < minima[p]) minima[p] = ordered;
    }
  }
  const values = new Array<number>(MINHASH_PERMUTATIONS);
  for (let p = 0; p < MINHASH_PERMUTATIONS; p += 1) values[p] = (minima[p] ^ 0x80000000) >>> 0;
  return { values, shingleCount: shingles.size };
}

/**
 * LSH band keys: two articles that share any band are near-duplicate candidates. Another layout
 * than the ledger's is for measuring one (bench/lsh-layouts.ts).
 */
export function lshBands(signature: MinHashSignature, layout: LshLayout = LSH_LAYOUT): string[] {
  const bands: string[] = [];
  for (let band = 0; band < layout.bands; band += 1) {
    const rows = signature.values.slice(band * layout.rowsPerBand, (band + 1) * layout.rowsPerBand);
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
