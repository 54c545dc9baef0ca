import type { StoryRecord } from '../core/records';
import { centroidOf, MAX_SPLIT_MEMBERS, planSplit, type MemberTerms, type SplitPlan, type StoryMember } from '../core/stories/split';
import { keptMembersOf } from '../core/stories/kept-members';
import { storySize, withoutMembers } from '../core/stories/story-members';
import { publicationRange } from '../core/stories/publication-range';
import { splitStoryId } from '../core/stories/story-id';
import { cosine, type TermVector } from '../core/stories/term-vector';
import type { Ledger, StoredStory } from '../ledger/ledger';
import { articlesMovedOn } from './articles-moved-on';
import { mergeStories } from './merge-stories';

const MAX_CLEAR_ATTEMPTS = 16;
/**
 * An article still being ingested when its story split moves to a part only when its likeness to
 * that part's centroid is at least this (and above its likeness to the story it is in).
 */
const PART_LIKENESS_THRESHOLD = 0.3;
const MAX_MOVE_ATTEMPTS = 8;
/** Split decisions an ingest makes again when the story keeps changing under it. */
const MAX_SPLIT_ATTEMPTS = 4;
/** Parts a story remembers having split off (splits are rare; a story splits once or twice). */
const MAX_SPLIT_PARTS_KEPT = 4;

/** The story as one ingest committed it, and the terms of its members known to that ingest. */
export interface JoinedStory {
  story: StoryRecord;
  revision: number;
  memberTerms: ReadonlyMap<string, MemberTerms>;
  /** How many older members the ingest did not read (a large story, read bounded): planned as staying where they are. */
  unreadMembers?: number;
}

/**
 * The story as read from its partition, as the ingest of `article` knows it: with that article's
 * terms when they have not been stored yet (the ingest writes them with the article's mentions, later).
 */
export function joinedStoryFrom(stored: StoredStory, article?: { id: string; terms: MemberTerms }): JoinedStory {
  const memberTerms = article ? new Map(stored.memberTerms).set(article.id, article.terms) : stored.memberTerms;
  return { story: stored.story, revision: stored.story.revision, memberTerms, ...(stored.unreadMembers ? { unreadMembers: stored.unreadMembers } : {}) };
}

/**
 * Splits the story an article just joined when its members have become two events (see planSplit).
 * Decided first on the story as this ingest committed it, which costs no read. When the story changed
 * since (another article joined), the decision is made again on the story read afresh: the articles
 * that joined meanwhile may each have found the split planned on members still being ingested, and
 * left it to them. Returns the new story's id when there was a split.
 */
export async function splitIfTwoEvents(ledger: Ledger, joined: JoinedStory): Promise<string | undefined> {
  let current: JoinedStory | undefined = joined;
  for (let attempt = 0; current && attempt < MAX_SPLIT_ATTEMPTS; attempt += 1) {
    const outcome = await splitOnce(ledger, current);
    if (outcome !== 'story-changed') return outcome;
    const snapshot = await ledger.recentStorySnapshot(joined.story.id, MAX_SPLIT_MEMBERS);
    current = snapshot && joinedStoryFrom(snapshot);
  }
  return undefined;
}

/**
 * One split decision on the story as `joined` holds it: the new story's id, undefined when there is
 * nothing to split (or a planned member is still being ingested: its own ingest checks again), or
 * 'story-changed' when the story's revision moved on since it was read.
 */
async function splitOnce(ledger: Ledger, joined: JoinedStory): Promise<string | undefined | 'story-changed'> {
  const { story, revision, memberTerms } = joined;
  if (story.mergedInto || story.splitOff) return undefined;
  const members: StoryMember[] = story.memberIds.filter((id) => memberTerms.has(id)).map((id) => ({ id, ...memberTerms.get(id)! }));
  const plan = planSplit(members);
  if (!plan) return undefined;
  // Only committed articles of this story move: one still being ingested stays, as it has no
  // article record yet for the move to re-point.
  const movable = await ledger.findArticles(plan.move);
  if (movable.length !== plan.move.length || movable.some((article) => article.storyId !== story.id)) return undefined;
  const first = [...movable].sort(byIngestion)[0];
  const newId = splitStoryId(first.id, first.ingestedAt);
  const staying = withoutMembers(story, new Set(plan.move));
  const marked: StoryRecord = {
    ...story,
    ...staying,
    centroid: plan.keepCentroid,
    members: keptMembersOf(staying.memberIds, (id) => memberTerms.get(id)?.evidence),
    splitOff: { storyId: newId, memberIds: plan.move },
    splitInto: [...(story.splitInto ?? []), newId].slice(-MAX_SPLIT_PARTS_KEPT),
  };
  if (!(await ledger.commitStoryUpdate(marked, revision, []))) return 'story-changed';
  await finishSplit(ledger, story.id);
  // Members left unread stay, as planSplit keeps the members older than its window; the story no
  // longer lists them, so they are not stragglers either.
  await moveStragglers(ledger, story.id, new Set(members.map((member) => member.id)), plan, newId);
  return newId;
}

/**
 * Members whose terms were stored after the splitting ingest read the story were not planned with;
 * those closer to the part split off follow it. (One finishing its ingest later checks for itself,
 * in moveToBetterPart; one that finished meanwhile relies on this.) Retried when another article
 * joined the story between the read and the move.
 */
async function moveStragglers(ledger: Ledger, storyId: string, planned: ReadonlySet<string>, plan: SplitPlan, partId: string): Promise<void> {
  for (let attempt = 0; attempt < MAX_MOVE_ATTEMPTS; attempt += 1) {
    const after = await ledger.storySnapshot(storyId);
    if (!after || after.story.mergedInto) return;
    // Another ingest's move is under way: finish it (every step is idempotent), then look again.
    if (after.story.splitOff) {
      await finishSplit(ledger, storyId);
      continue;
    }
    const stragglers = after.story.memberIds.filter((id) => {
      const vector = after.memberTerms.get(id)?.vector;
      return !planned.has(id) && vector !== undefined && cosine(vector, plan.moveCentroid) > cosine(vector, plan.keepCentroid);
    });
    if (stragglers.length === 0 || (await moveMembersToPart(ledger, after.story, stragglers, partId)) !== 'story-changed') return;
  }
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
    .sort(byIngestion);
  const mentions = contents.mentions.filter((mention) => moving.has(mention.articleId));
  const claimIds = new Set(mentions.flatMap((mention) => [mention.claimId, ...(mention.sameAs ?? [])]));
  const claims = contents.claims.filter((claim) => claimIds.has(claim.id)).map((claim) => ({ ...claim, storyId: pending.storyId }));
  const vectors = pending.memberIds.map((id) => contents.memberTerms.get(id)?.vector).filter((vector): vector is TermVector => !!vector);
  const split: StoryRecord = {
    id: pending.storyId,
    headline: articles[0]?.title ?? contents.story.headline,
    createdAt: articles[0]?.ingestedAt ?? contents.story.updatedAt,
    updatedAt: articles.reduce((latest, article) => (article.ingestedAt > latest ? article.ingestedAt : latest), contents.story.updatedAt),
    centroid: centroidOf(vectors),
    memberIds: pending.memberIds,
    memberCount: pending.memberIds.length,
    members: keptMembersOf(pending.memberIds, (id) => contents.memberTerms.get(id)?.evidence),
    splitFrom: storyId,
    ...publicationRange(articles.map((article) => article.publishedAt)),
    // Born merged: whoever passes through it finishes folding it into the story it joins.
    ...(pending.joins ? { mergedInto: pending.joins } : {}),
  };
  const [existing] = await ledger.findStories([pending.storyId]);
  // Absent on the first try; a retry finds it, and a concurrent finisher may create it first.
  if (!existing) await ledger.commitStoryUpdate(split, undefined, claims);
  // A finisher that read the story before another finished the move leaves alone what has moved on since.
  const movedOn = await articlesMovedOn(ledger, articles, storyId, pending.storyId);
  for (const article of articles.filter((candidate) => !movedOn.has(candidate.id))) {
    const own = mentions.filter((mention) => mention.articleId === article.id).map((mention) => ({ ...mention, storyId: pending.storyId }));
    await ledger.saveMentions(pending.storyId, own, { ...article, storyId: pending.storyId }, contents.memberTerms.get(article.id));
  }
  await ledger.moveArticles(pending.memberIds.filter((id) => !movedOn.has(id)), pending.storyId);
  if (!pending.joins) await ledger.indexStoryTerms(pending.storyId, Object.keys(split.centroid));
  // Only once everything is in the new story: a retry that finds them gone has nothing left to copy.
  await ledger.removeMovedArticles(storyId, articles.map((article) => article.id));
  let cleared = false;
  for (let attempt = 0; attempt < MAX_CLEAR_ATTEMPTS && !cleared; attempt += 1) {
    const [current] = await ledger.findStories([storyId]);
    if (current?.splitOff?.storyId !== pending.storyId) cleared = true;
    else {
      const { splitOff: _done, ...rest } = current;
      cleared = await ledger.commitStoryUpdate(rest, current.revision, []);
    }
  }
  if (!cleared) throw new Error(`could not finish the split of story ${storyId}: it kept changing`);
  if (pending.joins) await mergeStories(ledger, pending.storyId, pending.joins);
}

/**
 * An article that was still being ingested when its story split stayed behind (it had no stored
 * vector to be planned with). If one of the parts split off fits it better than the story it is
 * in, it moves there: split off on its own, into a story born merged into that part. Returns the
 * story that holds the article afterwards.
 */
export async function moveToBetterPart(ledger: Ledger, articleId: string, storyId: string, vector: TermVector, current?: StoryRecord & { revision: number }): Promise<string> {
  // `current`: the story's record as just read by the caller, if it has it.
  let story = current?.id === storyId ? current : undefined;
  for (let attempt = 0; attempt < MAX_MOVE_ATTEMPTS; attempt += 1) {
    story ??= (await ledger.findStories([storyId]))[0];
    // A split or move of another ingest is under way: finish it (every step is idempotent) and read
    // the story again, rather than leave this article behind in the part it may not belong to.
    if (story?.splitOff && !story.mergedInto) {
      await finishSplit(ledger, storyId);
      story = undefined;
      continue;
    }
    // Moved meanwhile, by a split it was planned in (or no longer listed, as many articles have
    // joined since): it is where its record says.
    if (story && !story.mergedInto && !story.memberIds.includes(articleId)) return (await ledger.findArticle(articleId))?.storyId ?? storyId;
    if (!story?.splitInto?.length || story.mergedInto || storySize(story) < 2) return storyId;
    const parts = await ledger.findStories(story.splitInto);
    const survivors = await ledger.findStories(parts.filter((part) => part.mergedInto).map((part) => part.mergedInto!));
    const here = cosine(vector, story.centroid);
    const better = [...parts, ...survivors]
      .filter((part) => !part.mergedInto && part.id !== storyId)
      .map((part) => ({ id: part.id, similarity: cosine(vector, part.centroid) }))
      .filter((part) => part.similarity > here && part.similarity >= PART_LIKENESS_THRESHOLD)
      .sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1))[0];
    if (!better) return storyId;
    const outcome = await moveMembersToPart(ledger, story, [articleId], better.id);
    if (outcome === 'moved') return (await ledger.findArticle(articleId))?.storyId ?? storyId;
    if (outcome === 'nothing-movable') return storyId;
    // The move is guarded on the story's revision: another article joined it meanwhile. Read it again.
    story = undefined;
  }
  return storyId;
}

/** Whether members moved; a move is guarded on the story's revision, so it fails when the story changed. */
type MoveOutcome = 'moved' | 'nothing-movable' | 'story-changed';

/**
 * Moves committed members of a story into an existing part split from it, through a story born
 * merged into that part (so the move and the merge are each finished by whoever meets their mark).
 * Members still being ingested (no article record in this story yet) are not movable.
 */
async function moveMembersToPart(ledger: Ledger, story: StoryRecord & { revision: number }, articleIds: readonly string[], partId: string): Promise<MoveOutcome> {
  const movable = (await ledger.findArticles(articleIds)).filter((article) => article.storyId === story.id).sort(byIngestion);
  if (movable.length === 0) return 'nothing-movable';
  const moving = new Set(movable.map((article) => article.id));
  const carrierId = `${splitStoryId(movable[0].id, movable[0].ingestedAt)}-to-${partId.slice(-16)}`;
  const marked: StoryRecord = { ...story, ...withoutMembers(story, moving), splitOff: { storyId: carrierId, memberIds: [...moving], joins: partId } };
  if (!(await ledger.commitStoryUpdate(marked, story.revision, []))) return 'story-changed';
  await finishSplit(ledger, story.id);
  return 'moved';
}

function byIngestion(a: { id: string; ingestedAt: string }, b: { id: string; ingestedAt: string }): number {
  return a.ingestedAt < b.ingestedAt ? -1 : a.ingestedAt > b.ingestedAt ? 1 : a.id < b.id ? -1 : 1;
}
