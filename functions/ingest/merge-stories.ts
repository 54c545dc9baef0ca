import { ClaimIndex } from '../core/claims/claim-index';
import type { ClaimRecord, MentionRecord, StoryRecord } from '../core/records';
import { absorbStory, shouldMerge, splitApart, survivorOf } from '../core/stories/merge';
import type { Ledger } from '../ledger/ledger';
import { articlesMovedOn } from './articles-moved-on';
import { candidateStoryIds } from './candidate-stories';

const MAX_MERGE_ATTEMPTS = 16;

/**
 * Folds the `others` into story `storyId`, one at a time, each time the newer story into the older
 * (so story ids stay stable), except a story split from the other: those were told apart on all
 * their members. Returns the story that finally holds them, and whether any was folded.
 */
export async function foldStories(ledger: Ledger, storyId: string, others: readonly string[]): Promise<{ storyId: string; any: boolean }> {
  let any = false;
  for (const otherId of others) {
    const pair = await findStoryPair(ledger, storyId, otherId);
    if (!pair) continue;
    const [current, other] = pair;
    if (current.id === other.id || current.mergedInto || other.mergedInto || splitApart(current, other)) continue;
    storyId = await foldTogether(ledger, current, other);
    any = true;
  }
  return { storyId, any };
}

/** Two stories as the ledger holds them now, in the order asked; undefined when either is missing. */
export async function findStoryPair(ledger: Ledger, aId: string, bId: string): Promise<[StoryRecord, StoryRecord] | undefined> {
  const found = await ledger.findStories([aId, bId]);
  const a = found.find((story) => story.id === aId);
  const b = found.find((story) => story.id === bId);
  return a && b ? [a, b] : undefined;
}

/** Folds the newer of two stories into the older (so story ids stay stable); returns the story that holds both. */
export async function foldTogether(ledger: Ledger, a: Pick<StoryRecord, 'id' | 'createdAt'>, b: Pick<StoryRecord, 'id' | 'createdAt'>): Promise<string> {
  const { survivor, absorbed } = survivorOf(a, b);
  return mergeStories(ledger, absorbed.id, survivor.id);
}

/**
 * Folds story `fromId` into story `intoId`: `fromId` is marked merged first (so no article can join
 * it any more), then its claims are matched against the survivor's, its mentions re-pointed and its
 * articles moved. Every step is idempotent, so a retry, or a second merger of the same pair, ends in
 * the same state. Returns the id of the story that finally holds the contents.
 */
export async function mergeStories(ledger: Ledger, fromId: string, intoId: string): Promise<string> {
  for (let attempt = 0; attempt < MAX_MERGE_ATTEMPTS; attempt += 1) {
    const [from, into] = await Promise.all([ledger.storySnapshot(fromId), ledger.storySnapshot(intoId)]);
    if (!from || !into || fromId === intoId) return intoId;
    if (into.story.mergedInto) {
      intoId = into.story.mergedInto;
      continue;
    }
    if (from.story.mergedInto && from.story.mergedInto !== intoId) {
      const current = await finalSurvivor(ledger, from.story.mergedInto);
      if (current !== intoId) {
        // Already folded into another story: that story and this one are the same event now.
        const pair = await findStoryPair(ledger, current, intoId);
        if (!pair) return intoId;
        return foldTogether(ledger, ...pair);
      }
    }
    // Marked (or re-pointed along a chain of merges) at the final survivor.
    if (from.story.mergedInto !== intoId && !(await ledger.commitStoryUpdate({ ...from.story, mergedInto: intoId }, from.story.revision, []))) continue;

    const index = new ClaimIndex(into.claims);
    const claimIds = new Map<string, string>();
    const newClaims: ClaimRecord[] = [];
    for (const claim of from.claims) {
      const match = index.bestMatch(claim.features);
      claimIds.set(claim.id, match?.claim.id ?? claim.id);
      if (!match && !into.claims.some((c) => c.id === claim.id)) newClaims.push({ ...claim, storyId: intoId });
    }
    // A retry, or a second merger: the marker written with the absorbing update says so (stories
    // absorbed before markers were written still list every member).
    const alreadyFolded = into.absorbed?.has(fromId) || from.story.memberIds.every((id) => into.story.memberIds.includes(id));
    if (!alreadyFolded && !(await ledger.commitStoryUpdate(absorbStory(into.story, from.story), into.story.revision, newClaims, fromId))) continue;

    const movedOn = await articlesMovedOn(ledger, from.articles, fromId, intoId);
    const articles = from.articles.filter((article) => !movedOn.has(article.id));
    for (const article of articles) {
      const mentions: MentionRecord[] = from.mentions
        .filter((mention) => mention.articleId === article.id)
        .map((mention) => ({
          ...mention,
          storyId: intoId,
          claimId: claimIds.get(mention.claimId) ?? mention.claimId,
          ...(mention.sameAs ? { sameAs: mention.sameAs.map((id) => claimIds.get(id) ?? id) } : {}),
        }));
      await ledger.saveMentions(intoId, mentions, { ...article, storyId: intoId }, from.memberTerms.get(article.id));
    }
    await ledger.moveArticles(articles.map((a) => a.id), intoId);
    const [survivor] = await ledger.findStories([intoId]);
    // The survivor was merged away while we copied into it: copy again, into its own survivor.
    if (survivor?.mergedInto) {
      intoId = survivor.mergedInto;
      continue;
    }
    if (survivor) await ledger.indexStoryTerms(intoId, Object.keys(survivor.centroid));
    return intoId;
  }
  throw new Error(`could not merge story ${fromId} into ${intoId}: both kept changing`);
}

/**
 * After a split, a part may be the same event as a story opened on its own meanwhile (by a report
 * that did not resemble the mixed story enough to join it): fold such stories together, by the
 * same centroid test as any merge. Returns the story that finally holds `storyId`'s contents.
 */
export async function mergeAlikeStories(ledger: Ledger, storyId: string): Promise<string> {
  const [story] = await ledger.findStories([storyId]);
  if (!story || story.mergedInto) return storyId;
  let target = story;
  for (const other of await ledger.findStories(await candidateStoryIds(ledger, story.centroid, storyId))) {
    if (other.mergedInto || !shouldMerge(target, other)) continue;
    const into = await foldTogether(ledger, target, other);
    [target] = await ledger.findStories([into]);
    if (!target) return into;
  }
  return target.id;
}

/** Where a chain of merges ends, without finishing any of them. */
async function finalSurvivor(ledger: Ledger, storyId: string): Promise<string> {
  let current = storyId;
  for (let hop = 0; hop < 16; hop += 1) {
    const [story] = await ledger.findStories([current]);
    if (!story?.mergedInto) return current;
    current = story.mergedInto;
  }
  return current;
}
