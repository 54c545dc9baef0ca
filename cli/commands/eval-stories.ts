import { writeFile } from 'node:fs/promises';
import { LINK_FEATURES, MODEL_FEATURES, type LinkFeature } from '../../functions/core/stories/story-link';
import { ABLATIONS, DEFAULT_POLICY, type StoryPolicy } from '../../functions/core/stories/story-policy';
import type { StoryModel } from '../../functions/core/stories/story-model';
import { fitStoryModel, linkExamples, type LabelledSet } from '../eval/fit-story-model';
import { jsonLinesFiles } from '../eval/jsonl';
import { clusteringScores, mean, pairedDifference } from '../eval/metrics';
import { NAIVE_THRESHOLDS, naiveClusters } from '../eval/naive-clusterer';
import { shuffle } from '../eval/shuffle';
import { readStorySet, replayStories, undated, type StoryLine } from '../eval/story-replay';
import { calibrationBins, formatCalibration, type BestCandidate } from '../eval/calibration';
import { smallBatches } from '../eval/small-batches';
import { predictArticles } from './eval-articles';

export interface EvalStoriesOptions {
  /** A directory holding stories-*.jsonl, or the files themselves. */
  inputs: string[];
  /**
   * Arrival orders per variant: the file order and orders-1 seeded shuffles. 0 scores no whole set
   * (with `batches`: the small batches alone).
   */
  orders: number;
  /**
   * One ablation line each: a mechanism switched (a name from ABLATIONS), or `feature:NAME`, the
   * link feature NAME taken out of the fit and the decision (or put in, when the model is not fitted
   * on it); several joined by `+` are switched together.
   */
  ablate: string[];
  /**
   * Score only these sets (by name, `allsides-dev`), each still fitted on every other set: more
   * arrival orders of the sets that set the minimum, in the time the whole protocol takes.
   */
  score?: string[];
  /** Where to write the model fitted on every set (the one the pipeline ships). */
  writeModel?: string;
  /** Print this many of the largest mixed and of the most split stories per set (file order). */
  errors?: number;
  /** Also train on the candidates met when following the model's own decisions (labelled by gold). */
  onPolicy?: boolean;
  /** Train on dated sets also undated (default true). */
  trainUndated?: boolean;
  /**
   * Also print, per set and variant, how often the best candidate is the article's story by its
   * log-odds under the fold model (the fitting replay in file order, along the model's decisions).
   */
  calibration?: boolean;
  /**
   * Also score this many small undated batches per set (smallBatches: 10 related stories, at most
   * 5 reports each, each batch on a corpus of its own) with the set's fold model, beside the naive
   * reference at the threshold tuned on the whole set undated.
   */
  batches?: number;
}

type TrainingSet = LabelledSet & { examples: Awaited<ReturnType<typeof linkExamples>> };

export interface VariantScore {
  variant: string;
  /** Pairwise F1 per order, file order first. */
  f1s: number[];
  bcubed: number;
  ari: number;
  precision: number;
  recall: number;
  /** The naive TF-IDF clusterer with its threshold tuned on this very file (an in-set reference). */
  naive: { f1: number; threshold: number };
}

/**
 * `corroborate eval stories`: leave-one-dataset-out evaluation of story grouping. For each set, the
 * story model is fitted on the other sets only (link weights by logistic regression; an article joins
 * its best candidate at log-odds 0), then the held-out set runs through the real ingest path
 * (`predictArticles`, the handler's own function) in several arrival orders, and dated sets again
 * with their dates removed. The naive reference is printed beside each line.
 */
export async function runEvalStories(options: EvalStoriesOptions): Promise<void> {
  const files = options.inputs.flatMap((input) => jsonLinesFiles(input, 'stories-'));
  if (files.length < 2) throw new Error('eval stories needs at least two story sets (it fits on the others to score each one)');
  const ablations = options.ablate.map(parseAblation);
  const sets: LabelledSet[] = [];
  for (const file of files) sets.push(await readStorySet(file));
  const unknown = (options.score ?? []).filter((name) => !sets.some((set) => set.name === name));
  if (unknown.length > 0) throw new Error(`no story set named ${unknown.map((name) => `"${name}"`).join(', ')} to score (the sets: ${sets.map((set) => set.name).join(', ')})`);
  const scored = options.score?.length ? sets.filter((set) => options.score!.includes(set.name)) : sets;
  // The model learns from every set as released and, for dated sets, undated as well: an upload
  // without dates must still be told apart by its words.
  const examplesOf = new Map<string, TrainingSet[]>();
  for (const set of sets) {
    const variants: TrainingSet[] = [];
    for (const variant of options.trainUndated === false ? [set] : variantsOf(set)) {
      const started = Date.now();
      const examples = await linkExamples(variant);
      process.stderr.write(`${variant.name}: ${variant.lines.length} articles, ${examples.length} link examples (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
      variants.push({ ...variant, examples });
    }
    examplesOf.set(set.name, variants);
  }
  const trainingOf = (chosen: readonly LabelledSet[]) => chosen.flatMap((set) => examplesOf.get(set.name)!);

  if (options.writeModel) {
    // The shipped model first: it does not depend on the held-out runs below.
    process.stderr.write(`fitting on every set: ${sets.map((set) => set.name).join(', ')}\n`);
    const model = await fitStoryModel(trainingOf(sets), undefined, { onPolicy: options.onPolicy });
    await writeFile(options.writeModel, modelFile(roundModel(model)));
    console.log(`model fitted on every set written to ${options.writeModel}`);
  }

  const lines: string[] = [];
  const minimum = new Map<string, number>();
  const batchMeans: number[] = [];
  const policies: Ablation[] = [{ label: 'pipeline', features: MODEL_FEATURES, policy: (model) => ({ ...DEFAULT_POLICY, model }) }, ...ablations];
  for (const held of scored) {
    const training = sets.filter((set) => set !== held);
    // One fit per feature set: mechanism ablations share the pipeline's model.
    const models = new Map<string, StoryModel>();
    for (const { features } of policies) {
      if (models.has(features.join())) continue;
      process.stderr.write(`fitting on ${training.map((set) => set.name).join(', ')} to score ${held.name} (${features.join(', ')})\n`);
      models.set(features.join(), await fitStoryModel(trainingOf(training), features, { onPolicy: options.onPolicy }));
    }
    // The naive reference's threshold on the set undated: scored beside the undated variant, and
    // the one the small batches are compared at.
    let undatedNaive: { f1: number; threshold: number } | undefined;
    for (const variant of options.orders > 0 ? variantsOf(held) : []) {
      if (options.calibration) {
        const best: BestCandidate[] = [];
        await replayStories(variant.lines, { follow: 'model', model: models.get(MODEL_FEATURES.join())!, best });
        console.log(formatCalibration(variant.name, calibrationBins(best)));
      }
      const naive = bestNaive(variant.lines);
      if (!variant.lines.some((line) => line.publishedAt)) undatedNaive = naive;
      let pipeline: readonly number[] | undefined;
      for (const { label, features, policy } of policies) {
        const model = models.get(features.join())!;
        const score = await scoreVariant(variant, policy(model), options.orders, options.errors ?? 0);
        // The first line is the pipeline's; each ablation line is compared with it order by order.
        const line = formatScore(label, { ...score, naive }, model, pipeline);
        pipeline ??= score.f1s;
        console.log(line);
        lines.push(line);
        minimum.set(label, Math.min(minimum.get(label) ?? 1, ...score.f1s));
      }
    }
    if (options.batches) {
      const naiveThreshold = (undatedNaive ?? bestNaive(undated(held.lines))).threshold;
      const line = await scoreBatches(held, { ...DEFAULT_POLICY, model: models.get(MODEL_FEATURES.join())! }, options.batches, naiveThreshold);
      console.log(line.text);
      if (line.mean !== undefined) batchMeans.push(line.mean);
    }
  }
  if (batchMeans.length > 0) console.log(`small batches: lowest mean pairwise F1 of any set: ${Math.min(...batchMeans).toFixed(3)}`);
  for (const [label, value] of minimum) console.log(`${label}: minimum pairwise F1 over every set, variant and order: ${value.toFixed(3)}`);

}

interface Ablation {
  label: string;
  /** The link features the model of this line is fitted on. */
  features: readonly LinkFeature[];
  policy: (model: StoryModel) => StoryPolicy;
}

/** An ablation line from its name: mechanisms and `feature:NAME` switches, joined by `+`. */
function parseAblation(name: string): Ablation {
  let features: readonly LinkFeature[] = MODEL_FEATURES;
  const mechanisms: Array<(policy: StoryPolicy) => StoryPolicy> = [];
  for (const part of name.split('+')) {
    const feature = /^feature:(.+)$/.exec(part)?.[1];
    if (feature !== undefined) {
      if (!(LINK_FEATURES as readonly string[]).includes(feature)) throw new Error(`unknown link feature "${feature}": use ${LINK_FEATURES.join(', ')}`);
      features = features.includes(feature as LinkFeature) ? features.filter((f) => f !== feature) : [...features, feature as LinkFeature];
    } else if (ABLATIONS[part]) mechanisms.push(ABLATIONS[part]);
    else throw new Error(`unknown ablation "${part}": use ${Object.keys(ABLATIONS).join(', ')} or feature:NAME`);
  }
  return { label: `ablate ${name}`, features, policy: (model) => mechanisms.reduce((policy, apply) => apply(policy), { ...DEFAULT_POLICY, model }) };
}

/** A set as released and, when it carries dates, the same set undated: dates must help, not be needed. */
function variantsOf(set: LabelledSet): LabelledSet[] {
  const variants: LabelledSet[] = [{ name: set.name, lines: set.lines }];
  if (set.lines.some((line) => line.publishedAt)) variants.push({ name: `${set.name} undated`, lines: undated(set.lines) });
  return variants;
}

/**
 * The story the real ingest path puts each of `lines` in when they arrive in `arrival` order, in the
 * order of `lines`; an article it sets aside is a story of its own.
 */
async function predictedStories(arrival: readonly StoryLine[], lines: readonly StoryLine[], policy: StoryPolicy): Promise<string[]> {
  const byId = new Map((await predictArticles(arrival, undefined, policy)).map((prediction) => [prediction.id, prediction]));
  return lines.map((line) => byId.get(line.id)?.story ?? `set-aside:${line.id}`);
}

/** Pairwise F1 of the real ingest path over `orders` arrival orders, with the file order's other scores. */
export async function scoreVariant(variant: LabelledSet, policy: StoryPolicy, orders: number, errors = 0): Promise<Omit<VariantScore, 'naive'>> {
  const gold = variant.lines.map((line) => line.story);
  const f1s: number[] = [];
  let first: ReturnType<typeof clusteringScores> | undefined;
  for (let order = 0; order < orders; order += 1) {
    const arrival = order === 0 ? variant.lines : shuffle(variant.lines, order);
    const started = Date.now();
    const predicted = await predictedStories(arrival, variant.lines, policy);
    const scores = clusteringScores(gold, predicted);
    if (!first && errors > 0) for (const line of storyErrors(variant.lines, predicted, errors)) console.log(line);
    first ??= scores;
    f1s.push(scores.pairwise.f1);
    process.stderr.write(`  ${variant.name} order ${order + 1}/${orders}: F1 ${scores.pairwise.f1.toFixed(3)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  return { variant: variant.name, f1s, bcubed: first!.bcubed.f1, ari: first!.ari, precision: first!.pairwise.precision, recall: first!.pairwise.recall };
}

/**
 * The pipeline's pairwise F1 over small undated batches of `set` (smallBatches), each ingested into
 * a corpus of its own, beside the naive reference at `naiveThreshold`, the threshold best on the
 * whole set undated (the reference a held-out batch would meet: tuned on the matching dev file).
 */
async function scoreBatches(set: LabelledSet, policy: StoryPolicy, count: number, naiveThreshold: number): Promise<{ text: string; mean?: number }> {
  const batches = smallBatches(set.lines, count);
  const label = `${set.name.padEnd(18)} small batches`;
  if (batches.length === 0) return { text: `${label}: too few stories of two or more reports` };
  const pipeline: number[] = [];
  const naive: number[] = [];
  for (const [b, batch] of batches.entries()) {
    const gold = batch.map((line) => line.story);
    pipeline.push(clusteringScores(gold, await predictedStories(batch, batch, policy)).pairwise.f1);
    naive.push(clusteringScores(gold, naiveClusters(batch, naiveThreshold).map(String)).pairwise.f1);
    process.stderr.write(`  ${set.name} small batch ${b + 1}/${batches.length} (${batch.length} articles): F1 ${pipeline[b].toFixed(3)}, naive ${naive[b].toFixed(3)}\n`);
  }
  const articles = mean(batches.map((batch) => batch.length));
  const paired = pairedDifference(naive, pipeline);
  return {
    mean: mean(pipeline),
    text: `${label}  F1 mean ${mean(pipeline).toFixed(3)} min ${Math.min(...pipeline).toFixed(3)} over ${batches.length} batches of ${articles.toFixed(1)} articles  naive ${mean(naive).toFixed(3)} @${naiveThreshold} (whole set undated)  pipeline higher in ${paired.higher} and lower in ${paired.lower}`,
  };
}

/**
 * What went wrong, to read rather than score: the predicted stories that mix the most gold stories
 * (with a headline of each) and the gold stories cut into the most predicted ones.
 */
export function storyErrors(lines: readonly StoryLine[], predicted: readonly string[], count: number): string[] {
  const groupBy = (keyOf: (i: number) => string, valueOf: (i: number) => string) => {
    const groups = new Map<string, Map<string, number[]>>();
    lines.forEach((_, i) => {
      const inner = groups.get(keyOf(i)) ?? new Map<string, number[]>();
      inner.set(valueOf(i), [...(inner.get(valueOf(i)) ?? []), i]);
      groups.set(keyOf(i), inner);
    });
    return [...groups.entries()].filter(([, inner]) => inner.size > 1).sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  };
  const title = (i: number) => (lines[i].title ?? lines[i].text).slice(0, 70);
  const out: string[] = [];
  for (const [story, golds] of groupBy((i) => predicted[i], (i) => lines[i].story).slice(0, count)) {
    out.push(`  merged: one story (${story}) holds ${golds.size} gold stories:`);
    for (const [gold, members] of [...golds].sort((a, b) => b[1].length - a[1].length).slice(0, 6)) out.push(`    ${String(members.length).padStart(3)} x ${gold}: ${title(members[0])}`);
  }
  for (const [gold, parts] of groupBy((i) => lines[i].story, (i) => predicted[i]).slice(0, count)) {
    out.push(`  split: gold story ${gold} is in ${parts.size} stories: ${[...parts.values()].map((members) => members.length).join(' + ')} articles (${title([...parts.values()][0][0])})`);
  }
  return out;
}

/** The naive clusterer at the threshold best for this very file: a generous, in-set reference. */
function bestNaive(lines: readonly StoryLine[]): { f1: number; threshold: number } {
  const gold = lines.map((line) => line.story);
  let best = { f1: -1, threshold: 0 };
  for (const threshold of NAIVE_THRESHOLDS) {
    const f1 = clusteringScores(gold, naiveClusters(lines, threshold).map(String)).pairwise.f1;
    if (f1 > best.f1) best = { f1, threshold };
  }
  return best;
}

/**
 * One result line, with the join threshold of the model that decided (0 for the fold models; an
 * ablation that decides with the pipeline's own model shows that model's) and the largest story
 * size it scores as such (its fitted range; larger stories count as that size). Given `pipeline`
 * (the pipeline's F1s over the same orders), an ablation line also shows its paired difference.
 */
function formatScore(label: string, score: VariantScore, model: StoryModel, pipeline?: readonly number[]): string {
  const meanF1 = mean(score.f1s);
  const size = model.features.indexOf('storySize');
  const sizeBound = size >= 0 && model.upper ? `  size bound ${Math.round(Math.exp(model.upper[size]))}` : '';
  const paired = pipeline ? pairedDifference(pipeline, score.f1s) : undefined;
  return [
    `${score.variant.padEnd(18)} ${label.padEnd(22)}`,
    `F1 mean ${meanF1.toFixed(3)} min ${Math.min(...score.f1s).toFixed(3)} over ${score.f1s.length} orders`,
    ...(paired ? [`against pipeline ${paired.mean >= 0 ? '+' : ''}${paired.mean.toFixed(3)}, higher in ${paired.higher} and lower in ${paired.lower} of ${paired.orders} orders`] : []),
    `join threshold ${model.threshold}${sizeBound}`,
    `(file order P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} B3 ${score.bcubed.toFixed(3)} ARI ${score.ari.toFixed(3)})`,
    `naive ${score.naive.f1.toFixed(3)} @${score.naive.threshold}`,
  ].join('  ');
}

function roundModel(model: StoryModel): StoryModel {
  const round = (value: number) => Number(value.toFixed(4));
  return {
    ...model,
    mean: model.mean.map(round),
    scale: model.scale.map(round),
    ...(model.lower ? { lower: model.lower.map(round) } : {}),
    ...(model.upper ? { upper: model.upper.map(round) } : {}),
    weights: model.weights.map(round),
    bias: round(model.bias),
    threshold: model.threshold,
  };
}

/** The model file: one line a field, so that a refit reads as a diff of the fields that moved. */
function modelFile(model: StoryModel): string {
  const fields = Object.entries(model).map(([name, value]) => `  ${JSON.stringify(name)}: ${JSON.stringify(value).replace(/,/g, ', ')}`);
  return `{\n${fields.join(',\n')}\n}\n`;
}
