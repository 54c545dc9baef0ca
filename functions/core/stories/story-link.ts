import type { StoryRecord } from '../records';
import type { ArticleEvidence } from './story-evidence';
import { cosine } from './term-vector';

/** A story as the decision sees it: its id and what it keeps of its members (bounded, see storyMembersKept). */
export interface CandidateStory {
  id: string;
  /** All the story's articles, of which `members` are the ones kept. */
  size: number;
  members: readonly ArticleEvidence[];
}

/** A stored story as the decision sees it. */
export function candidateStory(story: Pick<StoryRecord, 'id' | 'memberIds' | 'members'>): CandidateStory {
  return { id: story.id, size: story.memberIds.length, members: story.members ?? [] };
}

/**
 * The evidence that an article reports the same event as a story, one number each. A story is
 * compared with its members, never a centroid, so a large story is not a magnet: its nearest
 * members must be close. `otherBest` puts the likeness in context: an article about one of many
 * stories of a topic (a president, a pandemic) is like all of them, and none is its event unless one
 * stands out.
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
] as const;
export type LinkFeature = (typeof LINK_FEATURES)[number];

const DAY_MS = 86_400_000;

/** The link features of `article` and `story`, in LINK_FEATURES order; `otherBest` is the nearest member of any other candidate. */
export function linkFeatures(article: ArticleEvidence, story: CandidateStory, otherBest: number): number[] {
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
    otherBest,
    articleTerms: Math.log1p(article.distinctTerms),
  };
  return LINK_FEATURES.map((feature) => values[feature]);
}

/** The nearest member's likeness (for `otherBest` of the other candidates). */
export function nearestMember(article: ArticleEvidence, story: CandidateStory): number {
  return Math.max(0, ...story.members.map((member) => cosine(article.terms, member.terms)));
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
