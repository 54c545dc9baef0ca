import type { StoryRecord } from '../core/records';
import { centroidOf, planSplit, type StoryMember } from '../core/stories/split';
import type { TermVector } from '../core/stories/term-vector';
import type { Ledger } from '../ledger/ledger';

const MAX_CLEAR_ATTEMPTS = 16;

/** The story as one ingest committed it, and the term vectors of its members known to that ingest. */
export interface JoinedStory {
  story: StoryRecord;
  revision: number;
  termVectors: ReadonlyMap<string, TermVector>;
}

/**
 * Splits the story an article just joined when its members have become two events (see planSplit).
 * Decided on the story as this ingest committed it, so it costs no read; when the story changed
 * since (another article joined, a merge), the split is left to the next article that joins.
 * Returns the new story's id when there was a split.
 */
export async function splitIfTwoEvents(ledger: Ledger, joined: JoinedStory): Promise<string | undefined> {
  const { story, revision, termVectors } = joined;
  if (story.mergedInto || story.splitOff) return undefined;
  const members: StoryMember[] = story.memberIds.filter((id) => termVectors.has(id)).map((id) => ({ id, vector: termVectors.get(id)! }));
  const plan = planSplit(members);
  if (!plan) return undefined;
  // Only committed articles of this story move: one still being ingested stays, as it has no
  // article record yet for the move to re-point.
  const movable = await ledger.findArticles(plan.move);
  if (movable.length !== plan.move.length || movable.some((article) => article.storyId !== story.id)) return undefined;
  const first = [...movable].sort((a, b) => (a.ingestedAt < b.ingestedAt ? -1 : a.ingestedAt > b.ingestedAt ? 1 : a.id < b.id ? -1 : 1))[0];
  const newId = splitStoryId(first.id, first.ingestedAt);
  const moving = new Set(plan.move);
  const marked: StoryRecord = {
    ...story,
    memberIds: story.memberIds.filter((id) => !moving.has(id)),
    centroid: plan.keepCentroid,
    splitOff: { storyId: newId, memberIds: plan.move },
  };
  if (!(await ledger.commitStoryUpdate(marked, revision, []))) return undefined;
  await finishSplit(ledger, story.id);
  return newId;
}

/**
 * Moves the members a split marked on the story into their own story, then clears the mark. The new
 * story, its claims, mentions and articles are written before its terms are indexed, so no article
 * can find it (and no merge can take it) half-filled. Every step is idempotent: a retry, or a second
 * reader finishing the same split, ends in the same state.
 */
export async function finishSplit(ledger: Ledger, storyId: string): Promise<void> {
  const contents = await ledger.storyContents(storyId);
  const pending = contents?.story.splitOff;
  if (!contents || !pending) return;
  const moving = new Set(pending.memberIds);
  const articles = contents.articles
    .filter((article) => moving.has(article.id))
    .sort((a, b) => (a.ingestedAt < b.ingestedAt ? -1 : a.ingestedAt > b.ingestedAt ? 1 : a.id < b.id ? -1 : 1));
  const mentions = contents.mentions.filter((mention) => moving.has(mention.articleId));
  const claimIds = new Set(mentions.flatMap((mention) => [mention.claimId, ...(mention.sameAs ?? [])]));
  const claims = contents.claims.filter((claim) => claimIds.has(claim.id)).map((claim) => ({ ...claim, storyId: pending.storyId }));
  const vectors = pending.memberIds.map((id) => contents.termVectors.get(id)).filter((vector): vector is TermVector => !!vector);
  const times = articles.map((article) => article.publishedAt).filter((t): t is string => !!t).sort();
  const split: StoryRecord = {
    id: pending.storyId,
    headline: articles[0]?.title ?? contents.story.headline,
    createdAt: articles[0]?.ingestedAt ?? contents.story.updatedAt,
    updatedAt: articles.reduce((latest, article) => (article.ingestedAt > latest ? article.ingestedAt : latest), contents.story.updatedAt),
    centroid: centroidOf(vectors),
    memberIds: pending.memberIds,
    splitFrom: storyId,
    ...(times.length > 0 ? { publishedFrom: times[0], publishedTo: times[times.length - 1] } : {}),
  };
  const [existing] = await ledger.findStories([pending.storyId]);
  // Absent on the first try; a retry finds it, and a concurrent finisher may create it first.
  if (!existing) await ledger.commitStoryUpdate(split, undefined, claims);
  for (const article of articles) {
    const own = mentions.filter((mention) => mention.articleId === article.id).map((mention) => ({ ...mention, storyId: pending.storyId }));
    await ledger.saveMentions(pending.storyId, own, { ...article, storyId: pending.storyId }, contents.termVectors.get(article.id));
  }
  await ledger.moveArticles(pending.memberIds, pending.storyId);
  await ledger.indexStoryTerms(pending.storyId, Object.keys(split.centroid));
  // Only once everything is in the new story: a retry that finds them gone has nothing left to copy.
  await ledger.removeMovedArticles(storyId, articles.map((article) => article.id), mentions);
  for (let attempt = 0; attempt < MAX_CLEAR_ATTEMPTS; attempt += 1) {
    const [current] = await ledger.findStories([storyId]);
    if (current?.splitOff?.storyId !== pending.storyId) return;
    const { splitOff: _done, ...cleared } = current;
    if (await ledger.commitStoryUpdate(cleared, current.revision, [])) return;
  }
  throw new Error(`could not finish the split of story ${storyId}: it kept changing`);
}

/** Time-ordered like every story id (the term index lists newest first), and distinct from the id the first moved article would give a story it opened. */
export function splitStoryId(articleId: string, ingestedAt: string): string {
  return `s-${Date.parse(ingestedAt).toString(36).padStart(9, '0')}-${articleId.slice(0, 10)}-split`;
}
