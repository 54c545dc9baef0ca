import type { Ledger } from '../ledger/ledger';
import { mergeStories } from './merge-stories';
import { finishSplit } from './split-story';

/**
 * The story that holds a story's contents now. A merge or split interrupted after its mark would
 * leave contents behind, so passing through a marked story finishes its merge or split first.
 */
export async function survivingStory(ledger: Ledger, storyId: string): Promise<string> {
  const [story] = await ledger.findStories([storyId]);
  if (story?.splitOff) await finishSplit(ledger, storyId);
  return story?.mergedInto ? mergeStories(ledger, storyId, story.mergedInto) : storyId;
}
