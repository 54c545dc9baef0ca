import { bisect } from './bisect';
import type { ArticleEvidence } from './story-evidence';
import { cosine, mergeCentroids, type TermVector } from './term-vector';

/**
 * A story is split only when each part would hold at least this many articles: a handful of
 * articles on one event can differ a lot, a dozen that fall into two groups rarely do by chance.
 * On ECB+ dev (online replay, file order and 8 shuffles, mean pairwise F1) 5 gave 0.878, 6 gave
 * 0.893, 7 gave 0.897; 6 keeps a second event of 6 reports splittable.
 */
export const MIN_SPLIT_PART = 6;
/**
 * Two events of one kind share most of their wording (arrested, DUI, Chargers) but each has names of
 * its own (Jackson; Williams), and the halves of one event's reports rarely do: a story is split
 * when each part has at least this many names that most of its members use and none of the other
 * part's do. On ECB+ dev (online replay, file order and 6 shuffles, at the "at least half" share
 * below) 1 and 2 did alike, 3 worse.
 */
export const OWN_NAMES_PER_PART = 1;
/**
 * "Most of its members": a name used by more than this share of a part's members. On ECB+ dev over
 * 10 orders, "at least half" gave mean pairwise F1 0.898 and "more than half" 0.904 (better in 9
 * of 10): one event's early reports can share a name that its later ones drop, in half of them.
 */
const OWN_NAME_SHARE = 0.5;
/**
 * Parts this alike are one event whatever their names: halves of one ECB+ event have centroid
 * cosine 0.53-0.96, two events that shared a story in the online replay 0.30-0.78 (0.8 and 0.9
 * split alike).
 */
export const SPLIT_STORIES_THRESHOLD = 0.85;

/**
 * Only the newest members take part: bisection costs O(n^2) cosines, and a story this large is
 * settled enough that its oldest members say little about a second event arriving now.
 */
export const MAX_SPLIT_MEMBERS = 120;

/** What a story keeps of each member to tell two events apart later. */
export interface MemberTerms {
  /** The article's term vector, bounded like a centroid. */
  vector: TermVector;
  /** The names it uses (articleNames). */
  names: readonly string[];
  /** Its evidence for story decisions, as it joined. */
  evidence?: ArticleEvidence;
}

export interface StoryMember extends MemberTerms {
  id: string;
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
 * in two (bisect), kept when both parts are large enough, not too alike and each has names of its
 * own. An article that opens a second, similar event joins the first event's story (alone it looks
 * like one more report of it); once the second event has gathered its own reports, the story tells
 * the two apart much better than any single article could.
 */
export function planSplit(members: readonly StoryMember[]): SplitPlan | undefined {
  const recent = members.slice(-MAX_SPLIT_MEMBERS);
  if (recent.length < 2 * MIN_SPLIT_PART) return undefined;
  const [a, b] = bisect(recent.map((m) => m.vector));
  if (a.length < MIN_SPLIT_PART || b.length < MIN_SPLIT_PART) return undefined;
  const centroidA = centroidOf(a.map((k) => recent[k].vector));
  const centroidB = centroidOf(b.map((k) => recent[k].vector));
  if (cosine(centroidA, centroidB) >= SPLIT_STORIES_THRESHOLD) return undefined;
  const namesA = a.map((k) => recent[k].names);
  const namesB = b.map((k) => recent[k].names);
  if (ownNames(namesA, namesB) < OWN_NAMES_PER_PART || ownNames(namesB, namesA) < OWN_NAMES_PER_PART) return undefined;
  // Older members outside the window stay, with the part that holds the earliest of the window.
  const older = members.slice(0, members.length - recent.length).map((m) => m.id);
  const [keep, move, keepCentroid, moveCentroid] = a.includes(0) ? [a, b, centroidA, centroidB] : [b, a, centroidB, centroidA];
  return { keep: [...older, ...keep.map((k) => recent[k].id)], move: move.map((k) => recent[k].id), keepCentroid, moveCentroid };
}

/** Names used by more than OWN_NAME_SHARE of `part`'s members and by none of `other`'s. */
function ownNames(part: readonly (readonly string[])[], other: readonly (readonly string[])[]): number {
  const elsewhere = new Set(other.flat());
  const users = new Map<string, number>();
  for (const names of part) for (const name of names) if (!elsewhere.has(name)) users.set(name, (users.get(name) ?? 0) + 1);
  let own = 0;
  for (const count of users.values()) if (count > OWN_NAME_SHARE * part.length) own += 1;
  return own;
}

/** The centroid of equally weighted vectors, bounded like a story's. */
export function centroidOf(vectors: readonly TermVector[]): TermVector {
  let centroid: TermVector = {};
  vectors.forEach((vector, i) => (centroid = mergeCentroids(centroid, i, vector, 1)));
  return centroid;
}
