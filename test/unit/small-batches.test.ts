import { smallBatches } from '../../cli/eval/small-batches';
import type { StoryLine } from '../../cli/eval/story-replay';

/** `reports` lines of each story, dated, in story order. */
function lines(stories: readonly string[], reports: (story: string) => number): StoryLine[] {
  return stories.flatMap((story) =>
    Array.from({ length: reports(story) }, (_, r) => ({ id: `${story}-${r}`, title: `${story} ${r}`, text: 'text', story, publishedAt: '2025-01-01T00:00:00Z' })),
  );
}

describe('smallBatches', () => {
  it('takes adjacent stories by their ids, numbers compared as numbers, at most five reports each, undated', () => {
    // Prepare: ecb-1 ... ecb-12, each with two events; story ids sorted as text would put ecb-10 before ecb-2
    const stories = Array.from({ length: 12 }, (_, i) => [`ecb-${i + 1}ecb`, `ecb-${i + 1}ecbplus`]).flat();
    const set = lines(stories, (story) => (story.endsWith('plus') ? 7 : 3));
    // Act
    const [first, last] = smallBatches(set, 2);
    // Assess: the first window is topics 1 to 5 (both events of each), the last topics 8 to 12
    const storiesOf = (batch: StoryLine[]) => [...new Set(batch.map((line) => line.story))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(storiesOf(first)).toEqual(stories.slice(0, 10));
    expect(storiesOf(last)).toEqual(stories.slice(14, 24));
    expect(first).toHaveLength(5 * 3 + 5 * 5);
    expect(first.filter((line) => line.story === 'ecb-1ecbplus').map((line) => line.id)).toEqual(expect.arrayContaining(['ecb-1ecbplus-0', 'ecb-1ecbplus-4']));
    expect(first.some((line) => line.id === 'ecb-1ecbplus-5')).toBe(false);
    expect(first.every((line) => line.publishedAt === undefined)).toBe(true);
  });

  it('leaves out stories of one report, shuffles each batch its own way, and gives none when too few stories qualify', () => {
    const set = lines(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10', 'a11'], (story) => (story === 'a3' ? 1 : 2));
    const batches = smallBatches(set, 3);
    expect(batches).toHaveLength(3);
    for (const batch of batches) expect(batch.some((line) => line.story === 'a3')).toBe(false);
    // With ten stories that qualify, every batch holds the same ten, each in an order of its own.
    const ids = (batch: StoryLine[]) => batch.map((line) => line.id);
    expect(ids(batches[0])).not.toEqual([...batches[0]].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true })).map((line) => line.id));
    expect([...ids(batches[1])].sort()).toEqual([...ids(batches[0])].sort());
    expect(ids(batches[1])).not.toEqual(ids(batches[0]));
    expect(smallBatches(set.filter((line) => line.story !== 'a11'), 3)).toEqual([]);
  });
});
