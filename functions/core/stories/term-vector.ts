import { tokenize, type Token } from '../text/tokens';
import { termWeight } from '../text/word-weight';

export type TermVector = Record<string, number>;

const TITLE_WEIGHT = 3;
const NAME_WEIGHT = 2;
/** How many terms a story keeps in its centroid and its term index. */
export const CENTROID_TERMS = 60;
/** How many of an article's terms are used to look up candidate stories. */
export const LOOKUP_TERMS = 12;

/**
 * Bag of content stems with log-scaled counts, title words and names boosted: what an article is
 * about, as used to decide which story it belongs to.
 */
export function articleTermVector(title: string, paragraphs: readonly string[]): TermVector {
  // A Map: words such as "constructor" must not meet Object.prototype's properties.
  const counts = new Map<string, number>();
  const add = (text: string, boost: number) => {
    for (const token of tokenize(text)) {
      if (!isTerm(token)) continue;
      const isName = isNameToken(text, token);
      counts.set(token.stem, (counts.get(token.stem) ?? 0) + boost * (isName ? NAME_WEIGHT : 1));
    }
  };
  add(title, TITLE_WEIGHT);
  for (const paragraph of paragraphs) add(paragraph, 1);
  const vector: TermVector = {};
  for (const [term, count] of counts) vector[term] = (1 + Math.log(count)) * termWeight(term);
  return normalize(vector);
}

/**
 * The distinct stems of the names an article uses (people, places, bodies: capitalised words not at
 * the start of a sentence). Two events of one kind share most of their words but not their names.
 */
export function articleNames(title: string, paragraphs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of [title, ...paragraphs]) for (const token of tokenize(text)) if (isTerm(token) && isNameToken(text, token)) names.add(token.stem);
  return [...names].sort();
}

/** Words that carry what an article is about: no stopwords, numbers or words under three letters. */
function isTerm(token: Token): boolean {
  return !token.isStopword && token.lower.length >= 3 && !token.isNumber;
}

function isNameToken(text: string, token: Token): boolean {
  return token.isCapitalized && !sentenceInitial(text, token.start);
}

/** Capitalised at the start of a sentence says nothing about being a name. */
function sentenceInitial(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && /[\s"'(\[]/.test(text[i])) i -= 1;
  return i < 0 || /[.!?:]/.test(text[i]);
}

export function normalize(vector: TermVector): TermVector {
  // for-in visits own keys in the order Object.values/entries do (vectors are plain objects).
  let sum = 0;
  for (const term in vector) sum += vector[term] * vector[term];
  const norm = Math.sqrt(sum);
  if (norm === 0) return {};
  const normalized: TermVector = {};
  for (const term in vector) normalized[term] = vector[term] / norm;
  return normalized;
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = termCount(a) < termCount(b) ? [a, b] : [b, a];
  let dot = 0;
  // for-in rather than Object.entries: the same order, without a pair allocated per term (cosine is the story decision's inner loop).
  for (const term in small) dot += small[term] * weightOf(large, term);
  return dot;
}

/** How many terms a vector has, counted without building the array of its keys. */
export function termCount(vector: TermVector): number {
  let count = 0;
  for (const _ in vector) count += 1;
  return count;
}

/**
 * The `count` strongest terms, unit length, as stored in a bounded centroid. Equally strong terms
 * go in `tieBreak` order when one is given, then alphabetically.
 */
export function topTerms(vector: TermVector, count: number, tieBreak?: (x: string, y: string) => number): TermVector {
  const kept = Object.entries(vector)
    .sort((x, y) => y[1] - x[1] || (tieBreak?.(x[0], y[0]) ?? 0) || (x[0] < y[0] ? -1 : 1))
    .slice(0, count);
  return normalize(Object.fromEntries(kept));
}

/** Centroid after adding one more member: a running mean, truncated to its top terms. */
export function addToCentroid(centroid: TermVector, members: number, article: TermVector): TermVector {
  return mergeCentroids(centroid, members, article, 1);
}

/** The centroid of two groups, each weighted by its size. */
export function mergeCentroids(a: TermVector, aMembers: number, b: TermVector, bMembers: number): TermVector {
  const merged: TermVector = {};
  for (const [term, weight] of Object.entries(a)) merged[term] = weight * aMembers;
  for (const [term, weight] of Object.entries(b)) merged[term] = weightOf(merged, term) + weight * bMembers;
  return topTerms(merged, CENTROID_TERMS);
}

/** A term's own weight: vectors are plain objects (stored as such), and "constructor" is a word. */
function weightOf(vector: TermVector, term: string): number {
  return Object.hasOwn(vector, term) ? vector[term] : 0;
}
