import type { StoryRecord } from '../core/records';
import type { Ledger } from '../ledger/ledger';
import { mergeStories } from './merge-stories';
import { finishSplit } from './split-story';

/**
 * The story that holds a story's contents now. A merge or split interrupted after its mark would
 * leave contents behind, so passing through a marked story finishes its merge or split first.
 */
export async function survivingStory(ledger: Ledger, storyId: string): Promise<string> {
  return (await survivingStoryRecord(ledger, storyId)).storyId;
}

/** survivingStory, with the story's record when the read found nothing to finish (saves a re-read). */
export async function survivingStoryRecord(ledger: Ledger, storyId: string): Promise<{ storyId: string; record?: StoryRecord & { revision: number } }> {
  const [story] = await ledger.findStories([storyId]);
  if (story?.splitOff) await finishSplit(ledger, storyId);
  if (story?.mergedInto) return { storyId: await mergeStories(ledger, storyId, story.mergedInto) };
  return { storyId, ...(story && !story.splitOff ? { record: story } : {}) };
}
