import { cosine, mergeCentroids, type TermVector } from './term-vector';

/**
 * A story is split only when each part would hold at least this many articles: a handful of
 * articles on one event can differ a lot, a dozen that fall into two groups rarely do by chance.
 * On ECB+ dev (online replay) 6 gave pairwise F1 0.881, 5 gave 0.875, 4 gave 0.866, 3 gave 0.835.
 */
export const MIN_SPLIT_PART = 6;
/**
 * Split when the two parts' centroids are less alike than this. Below MERGE_STORIES_THRESHOLD (0.6)
 * on purpose, so the two halves of a split are not merged straight back. Halves of one ECB+ event
 * have centroid cosine 0.53-0.96; the two events of a topic are below 0.6 in 25 of 33 topics.
 */
export const SPLIT_STORIES_THRESHOLD = 0.55;
/**
 * Two events of one kind share most of their wording (quake, magnitude, injured) but each has names
 * and places of its own; two halves of one event rarely do. Parts that alike are still split when
 * each has at least OWN_TERMS_PER_PART terms that most of its members use and none of the other
 * part's do. On ECB+ dev (online replay over the file order and six shuffles) this took pairwise F1
 * from 0.856 to 0.880 on average, better in 6 of 7 orders; 3 or 6 own terms did worse.
 */
export const SPLIT_OWN_TERMS_THRESHOLD = 0.85;
export const OWN_TERMS_PER_PART = 4;
/** "Most of its members": a term in at least this share of a part's member vectors. */
const OWN_TERM_SHARE = 0.5;

/**
 * Only the newest members take part: 2-means costs O(n^2) cosines, and a story this large is
 * settled enough that its oldest members say little about a second event arriving now.
 */
export const MAX_SPLIT_MEMBERS = 120;

export interface StoryMember {
  id: string;
  vector: TermVector;
}

export interface SplitPlan {
  /** Members that stay: the part holding the story's first member, so the story id stays with it. */
  keep: string[];
  /** Members that leave for a new story. */
  move: string[];
  keepCentroid: TermVector;
  moveCentroid: TermVector;
}

/**
 * Whether a story's members are two events rather than one: its members (in joining order) split
 * in two by 2-means, kept when both parts are large enough and unlike each other. An article that
 * opens a second, similar event joins the first event's story (alone it looks like one more report
 * of it); once the second event has gathered its own reports, the story tells the two apart much
 * better than any single article could.
 */
export function planSplit(members: readonly StoryMember[]): SplitPlan | undefined {
  const recent = members.slice(-MAX_SPLIT_MEMBERS);
  if (recent.length < 2 * MIN_SPLIT_PART) return undefined;
  const [a, b] = twoMeans(recent.map((m) => m.vector));
  if (a.length < MIN_SPLIT_PART || b.length < MIN_SPLIT_PART) return undefined;
  const centroidA = centroidOf(a.map((k) => recent[k].vector));
  const centroidB = centroidOf(b.map((k) => recent[k].vector));
  const similarity = cosine(centroidA, centroidB);
  if (similarity >= SPLIT_STORIES_THRESHOLD && !(similarity < SPLIT_OWN_TERMS_THRESHOLD && eachHasOwnTerms(a.map((k) => recent[k].vector), b.map((k) => recent[k].vector)))) return undefined;
  // Older members outside the window stay, with the part that holds the earliest of the window.
  const older = members.slice(0, members.length - recent.length).map((m) => m.id);
  const [keep, move, keepCentroid, moveCentroid] = a.includes(0) ? [a, b, centroidA, centroidB] : [b, a, centroidB, centroidA];
  return { keep: [...older, ...keep.map((k) => recent[k].id)], move: move.map((k) => recent[k].id), keepCentroid, moveCentroid };
}

function eachHasOwnTerms(a: readonly TermVector[], b: readonly TermVector[]): boolean {
  return ownTerms(a, b) >= OWN_TERMS_PER_PART && ownTerms(b, a) >= OWN_TERMS_PER_PART;
}

/** Terms in at least OWN_TERM_SHARE of `part`'s vectors and in none of `other`'s. */
function ownTerms(part: readonly TermVector[], other: readonly TermVector[]): number {
  const elsewhere = new Set(other.flatMap((vector) => Object.keys(vector)));
  const members = new Map<string, number>();
  for (const vector of part) for (const term of Object.keys(vector)) if (!elsewhere.has(term)) members.set(term, (members.get(term) ?? 0) + 1);
  let own = 0;
  for (const count of members.values()) if (count >= OWN_TERM_SHARE * part.length) own += 1;
  return own;
}

/** The centroid of equally weighted vectors, bounded like a story's. */
export function centroidOf(vectors: readonly TermVector[]): TermVector {
  let centroid: TermVector = {};
  vectors.forEach((vector, i) => (centroid = mergeCentroids(centroid, i, vector, 1)));
  return centroid;
}

const MAX_ITERATIONS = 10;

/** Two groups (as indexes), seeded with the least similar pair; deterministic for a given input. */
function twoMeans(vectors: readonly TermVector[]): [number[], number[]] {
  let seed = { i: 0, j: 1, similarity: Infinity };
  for (let i = 0; i < vectors.length; i += 1) {
    for (let j = i + 1; j < vectors.length; j += 1) {
      const similarity = cosine(vectors[i], vectors[j]);
      if (similarity < seed.similarity) seed = { i, j, similarity };
    }
  }
  let a = vectors[seed.i];
  let b = vectors[seed.j];
  let parts: [number[], number[]] = [[], []];
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    const next: [number[], number[]] = [[], []];
    vectors.forEach((vector, k) => next[cosine(vector, a) >= cosine(vector, b) ? 0 : 1].push(k));
    const settled = next[0].length === parts[0].length && next[0].every((k, i) => parts[0][i] === k);
    parts = next;
    if (settled || parts[0].length === 0 || parts[1].length === 0) break;
    a = centroidOf(parts[0].map((k) => vectors[k]));
    b = centroidOf(parts[1].map((k) => vectors[k]));
  }
  return parts;
}
