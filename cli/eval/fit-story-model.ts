import { LINK_FEATURES, MODEL_FEATURES, type LinkFeature } from '../../functions/core/stories/story-link';
import { withinFittedRange, type StoryModel } from '../../functions/core/stories/story-model';
import { trainLogistic, type FeatureRow } from './learners';
import { replayStories, type LinkExample, type StoryLine } from './story-replay';

/** Each set's examples together weigh as much as any other set's: a large set must not decide alone. */
const EXAMPLE_WEIGHT_PER_SET = 1000;
/** Ridge penalty on the standardised weights: keeps the fit steady where features move together. */
const L2 = 1;
/**
 * The range a feature is held in (StoryModel.lower/upper): from the lowest of its weighted 1st
 * percentiles among the joining and the other candidates to the highest of their 99th (see
 * fittedRange); the conventional winsorising quantiles, not chosen on the evaluation.
 */
const RANGE_QUANTILES = [0.01, 0.99] as const;

export interface LabelledSet {
  name: string;
  lines: StoryLine[];
}

/** The link examples of a set: every candidate story the decision weighs, following the gold stories. */
export async function linkExamples(set: LabelledSet): Promise<LinkExample[]> {
  const examples: LinkExample[] = [];
  await replayStories(set.lines, { follow: 'gold', examples });
  return examples;
}

/**
 * A story model fitted on labelled sets: logistic regression of "the candidate is the article's
 * story" on the standardised link features (Newton's method, ridge), each set weighing the same.
 * The join threshold is not fitted (see fitOnExamples).
 */
export async function fitStoryModel(sets: ReadonlyArray<LabelledSet & { examples: LinkExample[] }>, features: readonly LinkFeature[] = MODEL_FEATURES, options: { onPolicy?: boolean } = {}): Promise<StoryModel> {
  const first = fitOnExamples(sets, features);
  if (!options.onPolicy) return first;
  // The gold path never shows the model its own mistakes (an event already cut in two, a story
  // already mixed): add the candidates it meets when it follows its own decisions, labelled by gold.
  const withOwnPath = await Promise.all(
    sets.map(async (set) => {
      const own: LinkExample[] = [];
      await replayStories(set.lines, { follow: 'model', model: first, examples: own });
      return { ...set, examples: [...set.examples, ...own] };
    }),
  );
  return fitOnExamples(withOwnPath, features);
}

function fitOnExamples(sets: ReadonlyArray<LabelledSet & { examples: LinkExample[] }>, features: readonly LinkFeature[]): StoryModel {
  const columns = features.map((feature) => LINK_FEATURES.indexOf(feature));
  const rows: FeatureRow[] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const set of sets) {
    for (const example of set.examples) {
      rows.push({ x: Float64Array.from(columns, (column) => example.values[column]) });
      labels.push(example.joins ? 1 : 0);
      weights.push(EXAMPLE_WEIGHT_PER_SET / set.examples.length);
    }
  }
  // Candidates whose size says nothing (sizeUnknown) take the mean size of the others, which the
  // fit standardises to 0: the size's weight is learnt from the other candidates alone.
  const size = features.indexOf('storySize');
  if (size >= 0) {
    const unknown = sets.flatMap((set) => sizeUnknown(set));
    const known = rows.filter((_, n) => !unknown[n]);
    const mean = known.reduce((sum, row) => sum + row.x[size], 0) / Math.max(1, known.length);
    rows.forEach((row, n) => {
      if (unknown[n]) row.x[size] = mean;
    });
  }
  // Fitted within the range it will be applied in: the few examples beyond the bounds count as at them.
  const range = fittedRange(rows, labels, weights);
  for (const row of rows) row.x.forEach((value, i) => (row.x[i] = withinFittedRange(range, i, value)));
  const { mean, scale, weights: fitted, bias } = trainLogistic(rows, labels, L2, weights);
  const model: StoryModel = { features: [...features], mean, scale, ...range, weights: fitted, bias, threshold: 0 };
  // The join threshold is not fitted: an article joins the best candidate when the model finds it
  // more likely than not to be its story (log-odds 0). A threshold fitted on the training sets
  // serves the training set that wants it most and moves from fold to fold with the other sets'
  // evidence, and the held-out set's figure with it (docs/quality.md, "Join threshold").
  return model;
}

/**
 * Where the examples of each answer lie, feature by feature: the joining candidates are a few in a
 * hundred, and their likeness is what tells them apart, so the upper bound of a likeness is where
 * theirs ends, not where the others' does; a story's size ends where the training sets' stories do.
 */
function fittedRange(rows: readonly FeatureRow[], labels: readonly number[], weights: readonly number[]): { lower: number[]; upper: number[] } {
  const classes = [0, 1].map((label) => {
    const members = rows.map((_, n) => n).filter((n) => labels[n] === label);
    return { rows: members.map((n) => rows[n]), weights: members.map((n) => weights[n]) };
  });
  const columns = rows[0].x.length;
  const bound = (column: number, q: number, pick: (...values: number[]) => number) =>
    pick(...classes.filter((c) => c.rows.length > 0).map((c) => weightedQuantile(c.rows, c.weights, column, q)));
  return {
    lower: Array.from({ length: columns }, (_, column) => bound(column, RANGE_QUANTILES[0], Math.min)),
    upper: Array.from({ length: columns }, (_, column) => bound(column, RANGE_QUANTILES[1], Math.max)),
  };
}

/** The value of column `column` below which a share `q` of the examples' weight lies. */
export function weightedQuantile(rows: readonly FeatureRow[], weights: readonly number[], column: number, q: number): number {
  const order = rows.map((row, n) => ({ value: row.x[column], weight: weights[n] })).sort((a, b) => a.value - b.value);
  const total = order.reduce((sum, { weight }) => sum + weight, 0);
  let below = 0;
  for (const { value, weight } of order) {
    below += weight;
    if (below >= q * total) return value;
  }
  return order[order.length - 1].value;
}

/**
 * Which of a set's link examples say nothing about a story's size. A set whose every story has at
 * most k reports never shows a story of k joined: BASIL and AllSides were gathered as one report
 * an outlet from three outlets, which is how they were gathered, not how news runs, and fitted as
 * they are, `storySize` learns that a story of three is complete (docs/quality.md, "Story size").
 * So a candidate of k or more reports counts as of unknown size.
 */
export function sizeUnknown(set: LabelledSet & { examples: readonly LinkExample[] }): boolean[] {
  const largest = largestStory(set.lines);
  const column = LINK_FEATURES.indexOf('storySize');
  // A set of single reports shows no join at all, so nothing about size either way.
  return set.examples.map((example) => largest > 1 && example.values[column] >= Math.log(largest) - 1e-9);
}

/** The number of reports of the set's largest gold story. */
function largestStory(lines: readonly StoryLine[]): number {
  const sizes = new Map<string, number>();
  for (const line of lines) sizes.set(line.story, (sizes.get(line.story) ?? 0) + 1);
  return Math.max(1, ...sizes.values());
}
