import type { StoryRecord } from '../records';
import { DIGEST_SCHEMA_VERSION, storyRevision, type Digest, type DigestStory, type StoryStamp } from './build-digest';

/** A story as the ledger holds it now: enough to tell whether a published entry still shows it. */
export type StoryState = Pick<StoryRecord, 'id' | 'mergedInto'> & StoryStamp;

/** What a new digest takes from the published one, and what it must read from the ledger again. */
export interface DigestRefresh {
  /** Entries of the published digest whose story has not changed since: reused as they are. */
  carried: DigestStory[];
  /** Stories that changed, are new, or were merged away since (these leave the digest). */
  toRead: string[];
}

/**
 * Compares the digest's stories (`storyIds`, most recently active first) as the ledger holds them
 * now with the published digest: an entry is carried over only when its story is still open and
 * its revision has not moved. Any published digest of the current schema will do, since an entry
 * is reused only when its story has not changed.
 */
export function planDigestRefresh(storyIds: readonly string[], current: readonly StoryState[], published: Digest | undefined): DigestRefresh {
  const entries = publishedEntries(published);
  const states = new Map(current.map((story) => [story.id, story]));
  const carried: DigestStory[] = [];
  const toRead: string[] = [];
  for (const id of storyIds) {
    const state = states.get(id);
    const entry = entries.get(id);
    if (state && entry && showsStory(entry, state)) carried.push(entry);
    else toRead.push(id);
  }
  return { carried, toRead };
}

/**
 * Whether the published digest already shows the ledger as it is: every open story among
 * `storyIds` has an entry at its current revision, and the digest holds no other story (none
 * merged away, none that dropped out of the most recent). Then a new version would say nothing new.
 */
export function isDigestCurrent(storyIds: readonly string[], current: readonly StoryState[], published: Digest | undefined): boolean {
  if (!published || published.schemaVersion !== DIGEST_SCHEMA_VERSION) return false;
  const states = new Map(current.map((story) => [story.id, story]));
  const open = storyIds.filter((id) => {
    const state = states.get(id);
    return state !== undefined && !state.mergedInto;
  });
  const entries = publishedEntries(published);
  if (entries.size !== open.length) return false;
  return open.every((id) => {
    const entry = entries.get(id);
    return entry !== undefined && showsStory(entry, states.get(id)!);
  });
}

function showsStory(entry: DigestStory, state: StoryState): boolean {
  return !state.mergedInto && entry.revision === storyRevision(state);
}

function publishedEntries(published: Digest | undefined): Map<string, DigestStory> {
  if (published?.schemaVersion !== DIGEST_SCHEMA_VERSION || !Array.isArray(published.stories)) return new Map();
  return new Map(published.stories.map((story) => [story.id, story]));
}
