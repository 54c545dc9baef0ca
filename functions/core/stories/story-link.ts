import type { StoryRecord } from '../records';
import type { ArticleEvidence } from './story-evidence';
import { cosine, type TermVector } from './term-vector';

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
export function candidateStory(story: Pick<StoryRecord, 'id' | 'memberIds' | 'members' | 'centroid'>): CandidateStory {
  return { id: story.id, size: story.memberIds.length, members: story.members ?? [], centroid: story.centroid };
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
] as const;
export type LinkFeature = (typeof LINK_FEATURES)[number];

/** The features the story model is fitted on (the others can be switched in by `eval stories --ablate feature:NAME`). */
export const MODEL_FEATURES: readonly LinkFeature[] = ['nearestMember', 'nearestTwo', 'nearestNames', 'nearestTitle', 'daysApart', 'bothDated', 'storySize', 'rivalBest', 'articleTerms'];

/** What the other candidates say about one: the nearest member of any of them, and of those that are not pieces of its event. */
export interface OtherCandidates {
  otherBest: number;
  rivalBest: number;
}

const DAY_MS = 86_400_000;

/**
 * The link features of `article` and `story`, in LINK_FEATURES order. `centroid` is worked out only
 * when asked for (the shipped model does not use it); otherwise it reads as the nearest member.
 */
export function linkFeatures(article: ArticleEvidence, story: CandidateStory, others: OtherCandidates, computed: readonly LinkFeature[] = LINK_FEATURES): number[] {
  const termSimilarities = story.members.map((member) => cosine(article.terms, member.terms)).sort((a, b) => b - a);
  const nearest = termSimilarities[0] ?? 0;
  const nearestTwo = termSimilarities.length > 1 ? (termSimilarities[0] + termSimilarities[1]) / 2 : nearest;
  const gap = daysToNearest(article, story.members);
  const values: Record<LinkFeature, number> = {
    nearestMember: nearest,
    nearestTwo,
    nearestNames: Math.max(0, ...story.members.map((member) => cosine(article.names, member.names))),
    nearestTitle: Math.max(0, ...story.members.map((member) => cosine(article.title, member.title))),
    daysApart: gap === undefined ? 0 : Math.log1p(gap),
    bothDated: gap === undefined ? 0 : 1,
    storySize: Math.log(Math.max(1, story.size)),
    otherBest: others.otherBest,
    articleTerms: Math.log1p(article.distinctTerms),
    rivalBest: others.rivalBest,
    centroid: story.centroid && computed.includes('centroid') ? cosine(article.terms, story.centroid) : nearest,
    figures: computed.includes('figures') ? figureAgreement(article, story.members) : 0,
  };
  return LINK_FEATURES.map((feature) => values[feature]);
}

/**
 * For each candidate, what the others say about it. Once an event is cut into two stories, each
 * piece is the other's best rival, and each makes joining either less likely: so a candidate whose
 * nearest member is at least as like this story's nearest member as the article is counts as a
 * piece of the same event, not a rival.
 */
export function otherCandidates(article: ArticleEvidence, candidates: readonly CandidateStory[], withRivals = true): OtherCandidates[] {
  const nearest = candidates.map((story) => nearestMemberOf(article, story));
  return nearest.map((own, i) => {
    let otherBest = 0;
    let rivalBest = 0;
    nearest.forEach((other, j) => {
      if (j === i) return;
      otherBest = Math.max(otherBest, other.likeness);
      if (!withRivals || other.likeness <= rivalBest) return;
      const piece = own.member !== undefined && other.member !== undefined && cosine(own.member.terms, other.member.terms) >= own.likeness;
      if (!piece) rivalBest = other.likeness;
    });
    // Without rivals asked for (a model that does not use them), rivalBest reads as otherBest.
    return { otherBest, rivalBest: withRivals ? rivalBest : otherBest };
  });
}

function nearestMemberOf(article: ArticleEvidence, story: CandidateStory): { likeness: number; member?: ArticleEvidence } {
  let best: { likeness: number; member?: ArticleEvidence } = { likeness: 0 };
  for (const member of story.members) {
    const likeness = cosine(article.terms, member.terms);
    if (likeness > best.likeness) best = { likeness, member };
  }
  return best;
}

/**
 * 1 when a member shares one of the article's figures, -1 when the article and some members have
 * figures but no member shares one, 0 when either side has none.
 */
function figureAgreement(article: ArticleEvidence, members: readonly ArticleEvidence[]): number {
  const figures = Object.keys(article.terms).filter(isFigure);
  if (figures.length === 0) return 0;
  let membersWithFigures = 0;
  for (const member of members) {
    if (!Object.keys(member.terms).some(isFigure)) continue;
    membersWithFigures += 1;
    if (figures.some((figure) => member.terms[figure] !== undefined)) return 1;
  }
  return membersWithFigures > 0 ? -1 : 0;
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
