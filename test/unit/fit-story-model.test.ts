import { fitStoryModel, sizeUnknown } from '../../cli/eval/fit-story-model';
import type { LinkExample, StoryLine } from '../../cli/eval/story-replay';
import { LINK_FEATURES } from '../../functions/core/stories/story-link';

const SIZE = LINK_FEATURES.indexOf('storySize');
const LIKENESS = LINK_FEATURES.indexOf('nearestTwo');

/** Lines whose gold stories have these numbers of reports. */
function linesOf(sizes: readonly number[]): StoryLine[] {
  return sizes.flatMap((size, story) => Array.from({ length: size }, (_, i) => ({ id: `s${story}-${i}`, title: 't', text: 'x', story: `s${story}` })));
}

/** A candidate of `articles` reports with this likeness, every other feature 0. */
function example(articles: number, likeness: number, joins: boolean): LinkExample {
  return { values: LINK_FEATURES.map((_, i) => (i === SIZE ? Math.log(articles) : i === LIKENESS ? likeness : 0)), joins };
}

describe('story size in the fit', () => {
  it("counts a candidate as large as a set's largest story, or larger, as of unknown size", () => {
    // Every story has at most 3 reports (one an outlet, as BASIL and AllSides were gathered).
    const capped = { name: 'capped', lines: linesOf([3, 3, 2]), examples: [example(1, 0.5, true), example(2, 0.5, true), example(3, 0.5, false), example(5, 0.5, false)] };
    expect(sizeUnknown(capped)).toEqual([false, false, true, true]);
    // The cap is each set's own: a set with a story of 12 reports shows what size 3 to 11 do.
    const large = { name: 'large', lines: linesOf([12, 1, 4]), examples: [example(3, 0.5, false), example(11, 0.5, true), example(12, 0.5, false)] };
    expect(sizeUnknown(large)).toEqual([false, false, true]);
    // A set of single reports shows no join, so nothing about size.
    expect(sizeUnknown({ name: 'single', lines: linesOf([1, 1]), examples: [example(1, 0.5, false)] })).toEqual([false]);
  });

  it('learns nothing about size from full stories that the way a set was gathered kept from growing', async () => {
    // Likeness decides; stories of 1 and 2 are joined alike, and full stories of 3 are never joined
    // only because the set holds no story of 4.
    const examples: LinkExample[] = [];
    for (let i = 0; i < 60; i += 1) {
      const likeness = (i % 10) / 10;
      examples.push(example(1 + (Math.floor(i / 10) % 2), likeness, likeness >= 0.5), example(3, likeness, false));
    }
    const fit = async (sizes: number[]) => {
      const model = await fitStoryModel([{ name: 'set', lines: linesOf(sizes), examples }], ['nearestTwo', 'storySize']);
      return model.weights[1];
    };
    // Capped at 3: the full stories' size is unknown, so the size weighs about nothing.
    expect(Math.abs(await fit([3, 3, 2]))).toBeLessThan(0.1);
    // The same examples from a set with larger stories: there a story of 3 could have grown and was
    // never joined, which the size's weight learns.
    expect(await fit([3, 5, 2])).toBeLessThan(-0.5);
  });
});
