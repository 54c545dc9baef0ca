import type { StoryRecord } from '../records';
import type { ArticleEvidence } from './story-evidence';
import { storySize } from './story-members';
import { cosine, normalize, termCount, type TermVector } from './term-vector';

/** A story as the decision sees it: its id and what it keeps of its members (bounded, see storyMembersKept). */
export interface CandidateStory {
  id: string;
  /** All the story's articles, of which `members` are the ones kept. */
  size: number;
  members: readonly ArticleEvidence[];
  /** The running centroid of all its articles (bounded, see CENTROID_TERMS). */
  centroid?: TermVector;
}

/** A stored story as the decision sees it. */
export function candidateStory(story: Pick<StoryRecord, 'id' | 'memberIds' | 'memberCount' | 'members' | 'centroid'>): CandidateStory {
  return { id: story.id, size: storySize(story), members: story.members ?? [], centroid: story.centroid };
}

/**
 * The evidence that an article reports the same event as a story, one number each, that a model
 * can be fitted on. A story is compared with its members, so a large story is not a magnet: its
 * nearest members must be close. `otherBest` puts the likeness in context: an article about one of
 * many stories of a topic (a president, a pandemic) is like all of them, and none is its event
 * unless one stands out. `rivalBest` is the same over the other candidates that are not pieces of
 * this story's event (see otherCandidates); `centroid` is the likeness to the story's running centroid.
 * `figures` says whether the article's figures (the numbers among its strongest terms) agree with
 * its members': reports of one event repeat its counts, ages and sums, while another event of the
 * same kind (next week's jobless claims, another shooting) carries other ones (see figureAgreement).
 * `nearestDistinct` is the nearest member's likeness with the words the article shares with every
 * candidate weighing little (see distinctLikeness); `nearestTwo`, the mean of the two nearest
 * members' likenesses, is measured under the same weights when the candidates are contrasted.
 * `weekdays` says how far the weekdays the article names agree with its members' (see
 * weekdayAgreement): an undated report still dates its event ("on Tuesday"), and another event of
 * the same topic happened on another day. `timeOfDay` reads the hour its lead names, for joining
 * only (see timeOfDayAgreement).
 */
export const LINK_FEATURES = [
  'nearestMember',
  'nearestTwo',
  'nearestNames',
  'nearestTitle',
  'daysApart',
  'bothDated',
  'storySize',
  'otherBest',
  'articleTerms',
  'rivalBest',
  'centroid',
  'figures',
  'nearestDistinct',
  'weekdays',
  'timeOfDay',
] as const;
export type LinkFeature = (typeof LINK_FEATURES)[number];

/** The features the story model is fitted on (the others can be switched in by `eval stories --ablate feature:NAME`). */
export const MODEL_FEATURES: readonly LinkFeature[] = ['nearestTwo', 'nearestNames', 'nearestTitle', 'daysApart', 'bothDated', 'storySize', 'rivalBest', 'articleTerms', 'nearestDistinct', 'weekdays', 'timeOfDay'];

/**
 * An article's likeness to one candidate's members, and what the other candidates say about it: the
 * nearest member of any of them, and of those that are not pieces of its event. Worked out for
 * every candidate at once (otherCandidates), as each candidate's is read by the others.
 */
export interface OtherCandidates {
  /** The candidate's member nearest the article (none when no member shares a word with it). */
  nearestMember?: ArticleEvidence;
  /** The plain likeness of the candidate's nearest member, and the mean of its two nearest (the nearest's alone for one member). */
  nearest: number;
  nearestTwo: number;
  otherBest: number;
  rivalBest: number;
  /** The nearest member's likeness with each word weighted by how few of the candidates use it (distinctLikeness); the nearest member's likeness when not asked for. */
  nearestDistinct: number;
  /**
   * The mean of the two nearest members' likenesses under the same weights, which `nearestTwo` reads
   * when the candidates are contrasted (a model with `nearestDistinct` or `nearestTwo`); absent otherwise.
   */
  nearestTwoDistinct?: number;
}

const DAY_MS = 86_400_000;

/**
 * The link features of `article` and `story`, in LINK_FEATURES order. `centroid` is worked out only
 * when asked for (the shipped model does not use it); otherwise it reads as the nearest member.
 */
export function linkFeatures(article: ArticleEvidence, story: CandidateStory, others: OtherCandidates, computed: readonly LinkFeature[] = LINK_FEATURES): number[] {
  const { nearest, nearestTwo } = others;
  const gap = daysToNearest(article, story.members);
  const values: Record<LinkFeature, number> = {
    nearestMember: nearest,
    nearestTwo: others.nearestTwoDistinct ?? nearestTwo,
    nearestNames: Math.max(0, ...story.members.map((member) => cosine(article.names, member.names))),
    nearestTitle: Math.max(0, ...story.members.map((member) => cosine(article.title, member.title))),
    daysApart: gap === undefined ? 0 : Math.log1p(gap),
    bothDated: gap === undefined ? 0 : 1,
    storySize: Math.log(Math.max(1, story.size)),
    otherBest: others.otherBest,
    articleTerms: Math.log1p(article.distinctTerms),
    rivalBest: others.rivalBest,
    nearestDistinct: others.nearestDistinct,
    centroid: story.centroid && computed.includes('centroid') ? cosine(article.terms, story.centroid) : nearest,
    figures: computed.includes('figures') ? figureAgreement(article, story.members) : 0,
    weekdays: weekdayAgreement(article, story.members),
    timeOfDay: timeOfDayAgreement(article, story.members),
  };
  return LINK_FEATURES.map((feature) => values[feature]);
}

/**
 * For each candidate, what the others say about it. Once an event is cut into two stories, each
 * piece is the other's best rival, and each makes joining either less likely: so a candidate whose
 * nearest member is at least as like this story's nearest member as the article is counts as a
 * piece of the same event, not a rival.
 */
export function otherCandidates(article: ArticleEvidence, candidates: readonly CandidateStory[], withRivals = true, withDistinct = true): OtherCandidates[] {
  const nearest = candidates.map((story) => nearestMembers(story.members, (member) => cosine(article.terms, member.terms)));
  const distinct = withDistinct ? distinctLikeness(article, candidates) : undefined;
  return nearest.map((own, i) => {
    let otherBest = 0;
    let rivalBest = 0;
    nearest.forEach((other, j) => {
      if (j === i) return;
      otherBest = Math.max(otherBest, other.likeness);
      if (!withRivals || other.likeness <= rivalBest) return;
      if (!pieceOfTheEvent(own.member, own.likeness, other.member)) rivalBest = other.likeness;
    });
    // Without rivals asked for (a model that does not use them), rivalBest reads as otherBest.
    return {
      nearestMember: own.member,
      nearest: own.likeness,
      nearestTwo: own.two,
      otherBest,
      rivalBest: withRivals ? rivalBest : otherBest,
      nearestDistinct: distinct?.[i].likeness ?? own.likeness,
      nearestTwoDistinct: distinct?.[i].two,
    };
  });
}

/**
 * Whether another candidate, whose member nearest the article is `otherMember`, is a piece of the
 * event of the story whose nearest member is `member`, at `likeness` to the article: the two
 * members are at least as alike as the article and `member`. A story without a member sharing a
 * word with the article is no piece of anything.
 */
export function pieceOfTheEvent(member: ArticleEvidence | undefined, likeness: number, otherMember: ArticleEvidence | undefined): boolean {
  return member !== undefined && otherMember !== undefined && cosine(member.terms, otherMember.terms) >= likeness;
}

/**
 * Related events of one kind (a president's week, a city's shootings, a site's pages) share most
 * of their words, and the article shares those with every candidate: what tells its event apart
 * is what it shares with one candidate and not the others. So among the candidates, a word is
 * weighted as inverse document frequency weighs it in a corpus, the candidate stories standing for
 * the documents (smoothed: ln((n + 1) / (n_w + 1)) + 1 for a word used by n_w of n candidates, so
 * that with one candidate every word weighs the same), and each candidate's nearest member is found
 * again under those weights, with the mean of its two nearest (one member: the nearest's likeness).
 */
function distinctLikeness(article: ArticleEvidence, candidates: readonly CandidateStory[]): NearestMembers[] {
  const used = new Map<string, number>();
  for (const story of candidates) {
    const words = new Set<string>();
    for (const member of story.members) for (const term in member.terms) words.add(term);
    for (const term of words) used.set(term, (used.get(term) ?? 0) + 1);
  }
  const n = candidates.length;
  const weights = new Map<string, number>();
  for (const [term, count] of used) weights.set(term, Math.log((n + 1) / (count + 1)) + 1);
  // A word no candidate uses weighs as one that one candidate uses: the contrast is among the candidates.
  const unused = Math.log((n + 1) / 2) + 1;
  const weight = (term: string) => weights.get(term) ?? unused;
  const articleTerms: TermVector = {};
  for (const term in article.terms) articleTerms[term] = article.terms[term] * weight(term);
  const articleWeighted = normalize(articleTerms);
  return candidates.map((story) => nearestMembers(story.members, (member) => reweightedCosine(articleWeighted, member.terms, weight)));
}

/**
 * cosine(article, member) with the member's terms reweighted by `weight` and brought back to unit
 * length (`article` is reweighted and unit length already), without building the reweighted
 * vector: this runs for every kept member of every candidate (the decision's inner loop). The sums
 * run in the order cosine and normalize use, so the value is the same to the last bit.
 */
export function reweightedCosine(article: TermVector, member: TermVector, weight: (term: string) => number): number {
  let squares = 0;
  let memberCount = 0;
  for (const term in member) {
    const value = member[term] * weight(term);
    squares += value * value;
    memberCount += 1;
  }
  const norm = Math.sqrt(squares);
  if (norm === 0) return 0;
  let dot = 0;
  if (termCount(article) < memberCount) {
    for (const term in article) if (Object.hasOwn(member, term)) dot += article[term] * ((member[term] * weight(term)) / norm);
  } else {
    for (const term in member) if (Object.hasOwn(article, term)) dot += ((member[term] * weight(term)) / norm) * article[term];
  }
  return dot;
}

interface NearestMembers {
  /** The highest likeness of a member (0 without members) and that member (none when no member is above 0). */
  likeness: number;
  member?: ArticleEvidence;
  /** The mean of the two highest likenesses (the highest alone for one member). */
  two: number;
}

/** A story's nearest members to an article, as `likenessOf` measures each. */
function nearestMembers(members: readonly ArticleEvidence[], likenessOf: (member: ArticleEvidence) => number): NearestMembers {
  let likeness = 0;
  let second = 0;
  let member: ArticleEvidence | undefined;
  for (const candidate of members) {
    const value = likenessOf(candidate);
    if (value > likeness) {
      second = likeness;
      likeness = value;
      member = candidate;
    } else if (value > second) second = value;
  }
  return { likeness, member, two: members.length > 1 ? (likeness + second) / 2 : likeness };
}

/**
 * How the members stand to the article on one kind of mark (its figures, the weekdays it names, the
 * time of day, which agrees within an hour):
 * how many members have any such mark, and how many of those have one of the article's. A member
 * without marks says nothing either way.
 */
function markAgreement<Mark>(
  own: readonly Mark[],
  members: readonly ArticleEvidence[],
  marksOf: (member: ArticleEvidence) => readonly Mark[],
  same: (a: Mark, b: Mark) => boolean = (a, b) => a === b,
): { withMarks: number; agreeing: number } {
  let withMarks = 0;
  let agreeing = 0;
  if (own.length === 0) return { withMarks, agreeing };
  for (const member of members) {
    const theirs = marksOf(member);
    if (theirs.length === 0) continue;
    withMarks += 1;
    if (own.some((mark) => theirs.some((their) => same(mark, their)))) agreeing += 1;
  }
  return { withMarks, agreeing };
}

/** Of the members with marks, the share agreeing less the share not: from 1 to -1, 0 when none has marks. */
function agreementShare({ withMarks, agreeing }: { withMarks: number; agreeing: number }): number {
  return withMarks === 0 ? 0 : (2 * agreeing - withMarks) / withMarks;
}

/**
 * The weekdays the article names against its members': of the members that name any, the share
 * that names one of the article's less the share that names none of them (0 when either side names
 * none). Reports of one event name its day; a story that has gathered several events of a topic
 * names several days, one of which any new report of the topic is likely to meet.
 */
function weekdayAgreement(article: ArticleEvidence, members: readonly ArticleEvidence[]): number {
  return agreementShare(markAgreement(article.weekdays ?? [], members, (member) => member.weekdays ?? []));
}

/**
 * The time of day the article's lead names against its members', counted for joining only: of the
 * members that name one, the share within an hour of the article's less the share further from it,
 * when that is above 0 (0 when either side names none). Reports of one shooting or crash give its
 * time, rounded their own way ("about 2 a.m.", "2:30 a.m."), and another event of the kind happened
 * at another hour; but a follow-up's lead names another moment of the same event (a hearing, a
 * vigil), so a time further off is not held against joining (docs/quality.md, "Time of day").
 */
function timeOfDayAgreement(article: ArticleEvidence, members: readonly ArticleEvidence[]): number {
  const timeOf = (evidence: ArticleEvidence) => (evidence.timeOfDay === undefined ? [] : [evidence.timeOfDay]);
  return Math.max(0, agreementShare(markAgreement(timeOf(article), members, timeOf, withinAnHour)));
}

const MINUTES_PER_DAY = 1440;
const HOUR = 60;

/** Two times of day at most an hour apart, around midnight too (11:30 p.m. and 12:15 a.m.). */
function withinAnHour(a: number, b: number): boolean {
  const apart = Math.abs(a - b);
  return Math.min(apart, MINUTES_PER_DAY - apart) <= HOUR;
}

/**
 * The figures among the article's strongest terms against its members': 1 when a member has one of
 * the article's, -1 when the article and some members have figures but no member has one of the
 * article's, 0 when either side has none.
 */
function figureAgreement(article: ArticleEvidence, members: readonly ArticleEvidence[]): number {
  const { withMarks, agreeing } = markAgreement(figuresOf(article), members, figuresOf);
  if (withMarks === 0) return 0;
  return agreeing > 0 ? 1 : -1;
}

function figuresOf(evidence: ArticleEvidence): string[] {
  return Object.keys(evidence.terms).filter(isFigure);
}

/** A number term: its stem begins with a digit. */
function isFigure(term: string): boolean {
  return term.charCodeAt(0) >= 48 && term.charCodeAt(0) <= 57;
}

/** Days from the article to the nearest dated member; undefined unless both sides have dates. */
function daysToNearest(article: ArticleEvidence, members: readonly ArticleEvidence[]): number | undefined {
  if (!article.publishedAt) return undefined;
  const at = Date.parse(article.publishedAt);
  let nearest: number | undefined;
  for (const member of members) {
    if (!member.publishedAt) continue;
    const days = Math.abs(at - Date.parse(member.publishedAt)) / DAY_MS;
    if (nearest === undefined || days < nearest) nearest = days;
  }
  return nearest;
}
