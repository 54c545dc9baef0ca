import type { StoryRecord } from '../records';
import { firstAndNewest } from './kept-members';
import { MAX_SPLIT_MEMBERS } from './split';

/**
 * Members a story record lists by id: its first and its newest MAX_SPLIT_MEMBERS, the members whose
 * entries a joining article reads once the story is larger (see Ledger.recentStorySnapshot) and the
 * ones a split plans with. Every article that joins rewrites the record in a transaction, billed two
 * write units per KB, so a list of every member (about 12 bytes each, packed) would make each join
 * of a breaking story cost more than the last, and stop at DynamoDB's 400 KB item limit.
 */
export const LISTED_MEMBERS = MAX_SPLIT_MEMBERS + 1;

export type StoryMembership = Pick<StoryRecord, 'memberIds' | 'memberCount'>;

/** How many articles the story holds (records written without a count list all their members). */
export function storySize(story: Partial<StoryMembership> | undefined): number {
  return story?.memberCount ?? story?.memberIds?.length ?? 0;
}

/** The ids a record keeps of members in joining order: the first and the newest. */
export function listedMembers(ids: readonly string[]): string[] {
  return firstAndNewest(ids, LISTED_MEMBERS);
}

/** The membership once `articleId` joins (the caller checks that it is not listed already). */
export function withMember(story: StoryMembership | undefined, articleId: string): Required<StoryMembership> {
  return { memberIds: listedMembers([...(story?.memberIds ?? []), articleId]), memberCount: storySize(story) + 1 };
}

/** The membership once listed members leave (a split plans only with listed members). */
export function withoutMembers(story: StoryMembership, leaving: ReadonlySet<string>): Required<StoryMembership> {
  const memberIds = story.memberIds.filter((id) => !leaving.has(id));
  return { memberIds, memberCount: storySize(story) - (story.memberIds.length - memberIds.length) };
}

/** The membership of a survivor once it absorbs another story (see absorbStory). */
export function combinedMembers(survivor: StoryMembership, absorbed: StoryMembership): Required<StoryMembership> {
  const listed = new Set(survivor.memberIds);
  const added = absorbed.memberIds.filter((id) => !listed.has(id));
  const alreadyListed = absorbed.memberIds.length - added.length;
  return { memberIds: listedMembers([...survivor.memberIds, ...added]), memberCount: storySize(survivor) + storySize(absorbed) - alreadyListed };
}
