import { undated, type StoryLine } from './story-replay';
import { shuffle } from './shuffle';

/** Gold stories in a batch, and reports of each at most: the shape of a newsroom's first upload. */
export const BATCH_STORIES = 10;
export const BATCH_REPORTS = 5;

/**
 * Small undated batches cut from a story set, each to be ingested into a corpus of its own: what
 * a new user's first upload looks like (a few dozen articles on a handful of related events, no
 * dates), where the corpus has read too little to tell common words from rare ones. A batch is
 * `stories` gold stories of at least two reports that are adjacent in the order of their ids
 * (numbers compared as numbers: AllSides and GVA number their stories in time, and ECB+ names a
 * topic's two events alike, so there adjacent stories are related events; BASIL's ids are hashes), the first `reports` of each in file
 * order, in an arrival order shuffled with the batch's seed. The windows are spread evenly over
 * the stories.
 */
export function smallBatches(lines: readonly StoryLine[], count: number, stories = BATCH_STORIES, reports = BATCH_REPORTS): StoryLine[][] {
  const reportsOf = new Map<string, StoryLine[]>();
  for (const line of lines) reportsOf.set(line.story, [...(reportsOf.get(line.story) ?? []), line]);
  const eligible = [...reportsOf.keys()].filter((story) => reportsOf.get(story)!.length >= 2).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  if (eligible.length < stories || count < 1) return [];
  const last = eligible.length - stories;
  return Array.from({ length: count }, (_, b) => {
    const start = count === 1 ? 0 : Math.round((b * last) / (count - 1));
    const batch = eligible.slice(start, start + stories).flatMap((story) => reportsOf.get(story)!.slice(0, reports));
    return shuffle(undated(batch), b + 1);
  });
}
