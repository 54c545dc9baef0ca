import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEvalStories } from '../../cli/commands/eval-stories';
import { pairedDifference } from '../../cli/eval/metrics';
import type { StoryModel } from '../../functions/core/stories/story-model';
import { eventArticles } from '../support/two-events';

/** A small story set: reports of the two similar events, interleaved, dated a week apart or not at all. */
function storySet(file: string, count: number, dated: boolean): void {
  const bern = eventArticles('bern', count);
  const mannheim = eventArticles('mannheim', count);
  const lines = bern.flatMap((article, i) => [article, mannheim[i]]).map((article, i) => ({
    id: `${file}-${article.name}`,
    title: article.title,
    text: article.text,
    story: article.event,
    ...(dated ? { publishedAt: new Date(Date.UTC(2025, 0, article.event === 'bern' ? 1 : 8, 0, i)).toISOString() } : {}),
  }));
  writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
}

/** Runs the command with its report (stdout lines) and progress (stderr writes) captured. */
async function runCaptured(options: Parameters<typeof runEvalStories>[0]): Promise<{ printed: string[]; progress: string[] }> {
  const printed: string[] = [];
  const progress: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((text) => (progress.push(String(text)), true));
  try {
    await runEvalStories(options);
  } finally {
    log.mockRestore();
    stderr.mockRestore();
  }
  return { printed, progress };
}

describe('eval stories', () => {
  it('scores each set with a model fitted on the others, dated sets also undated, beside the naive reference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-stories-'));
    storySet(join(dir, 'stories-one-dev.jsonl'), 5, true);
    storySet(join(dir, 'stories-two-dev.jsonl'), 4, false);
    writeFileSync(join(dir, 'pairs-ignored.jsonl'), '');
    const { printed } = await runCaptured({ inputs: [dir], orders: 2, ablate: ['split'], writeModel: join(dir, 'model.json') });
    const rows = printed.filter((line) => /F1 mean/.test(line));
    // one-dev as released and undated, two-dev (undated already): each with the pipeline and one ablation line.
    expect(rows.map((line) => line.split(/\s{2,}/).slice(0, 2).join(' | '))).toEqual([
      'one-dev | pipeline',
      'one-dev | ablate split',
      'one-dev undated | pipeline',
      'one-dev undated | ablate split',
      'two-dev | pipeline',
      'two-dev | ablate split',
    ]);
    for (const row of rows) expect(row).toMatch(/over 2 orders  (against pipeline [+-]\d\.\d{3}, higher in \d and lower in \d of 2 orders  )?join threshold -?\d+(\.\d+)?  size bound \d+  .* naive \d\.\d{3} @0\.\d+/);
    expect(printed.some((line) => /^pipeline: minimum pairwise F1 over every set, variant and order: \d\.\d{3}$/.test(line))).toBe(true);
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as StoryModel;
    expect(model.weights).toHaveLength(model.features.length);
    expect(model.weights.every(Number.isFinite)).toBe(true);
    // Each feature's range, within which the model scores it: a story's size between one article and the largest story (5 reports).
    const size = model.features.indexOf('storySize');
    expect(model.lower).toHaveLength(model.features.length);
    expect(model.upper).toHaveLength(model.features.length);
    expect(model.lower![size]).toBeGreaterThanOrEqual(0);
    expect(model.upper![size]).toBeGreaterThanOrEqual(model.lower![size]);
    expect(model.upper![size]).toBeLessThanOrEqual(Math.log(5));
  });

  it('scores the small batches alone with no arrival orders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-stories-'));
    storySet(join(dir, 'stories-one-dev.jsonl'), 3, false);
    storySet(join(dir, 'stories-two-dev.jsonl'), 3, false);
    const { printed } = await runCaptured({ inputs: [dir], orders: 0, ablate: [], batches: 1 });
    expect(printed.filter((line) => /F1 mean/.test(line))).toEqual([]);
    expect(printed.filter((line) => /small batches/.test(line))).toHaveLength(2);
  });

  it('fits on the model\'s own path too with onPolicy, and still scores every set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-stories-'));
    storySet(join(dir, 'stories-one-dev.jsonl'), 4, false);
    storySet(join(dir, 'stories-two-dev.jsonl'), 3, false);
    const { printed } = await runCaptured({ inputs: [dir], orders: 1, ablate: [], onPolicy: true, writeModel: join(dir, 'model.json'), batches: 1 });
    expect(printed.filter((line) => /F1 mean/.test(line))).toHaveLength(2);
    // Two stories a set are too few for a batch of ten: each set says so rather than scoring a smaller one.
    expect(printed.filter((line) => /small batches: too few stories of two or more reports$/.test(line))).toHaveLength(2);
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as StoryModel;
    expect(model.weights.every(Number.isFinite)).toBe(true);
  });

  it('fits a model per feature set for feature ablations, and switches several together with +', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-stories-'));
    storySet(join(dir, 'stories-one-dev.jsonl'), 3, false);
    storySet(join(dir, 'stories-two-dev.jsonl'), 3, false);
    const { printed, progress } = await runCaptured({ inputs: [dir], orders: 1, ablate: ['feature:rivalBest', 'feature:rivalBest+feature:otherBest+split'] });
    const fitted = progress.filter((text) => /^fitting/.test(text));
    expect(printed.filter((line) => /F1 mean/.test(line)).map((line) => line.split(/\s{2,}/)[1])).toEqual([
      'pipeline',
      'ablate feature:rivalBest',
      'ablate feature:rivalBest+feature:otherBest+split',
      'pipeline',
      'ablate feature:rivalBest',
      'ablate feature:rivalBest+feature:otherBest+split',
    ]);
    // Each ablation line is compared with the pipeline's line over the same order; the pipeline's is not.
    const rows = printed.filter((line) => /F1 mean/.test(line));
    expect(rows.map((line) => /against pipeline [+-]\d\.\d{3}, higher in [01] and lower in [01] of 1 orders/.test(line))).toEqual([false, true, true, false, true, true]);
    // Three feature sets for each of the two held-out sets.
    expect(fitted).toHaveLength(6);
    expect(fitted.filter((line) => /otherBest/.test(line))).toHaveLength(2);
    expect(fitted.filter((line) => /rivalBest/.test(line))).toHaveLength(2);
  });

  it('prints, with calibration, each variant\'s best candidates by log-odds, one count an article that had a candidate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-stories-'));
    storySet(join(dir, 'stories-one-dev.jsonl'), 4, true);
    storySet(join(dir, 'stories-two-dev.jsonl'), 3, false);
    const { printed } = await runCaptured({ inputs: [dir], orders: 1, ablate: [], calibration: true });
    const lines = printed.filter((line) => /best candidate right\/wrong by log-odds/.test(line));
    expect(lines.map((line) => line.split(/\s{2,}/)[0])).toEqual(['one-dev', 'one-dev undated', 'two-dev']);
    for (const [line, articles] of [[lines[0], 8], [lines[1], 8], [lines[2], 6]] as const) {
      const counts = [...line.matchAll(/ (\d+)\/(\d+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
      expect(counts).toHaveLength(8);
      const total = counts.reduce((sum, [right, wrong]) => sum + right + wrong, 0);
      // At most one count an article, and none for the first, which meets no story.
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(articles - 1);
      // Reports of the same event follow: some best candidates are the article's own story.
      expect(counts.reduce((sum, [right]) => sum + right, 0)).toBeGreaterThan(0);
    }
  });

  it('scores only the sets asked for, each still fitted on all the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-stories-'));
    storySet(join(dir, 'stories-one-dev.jsonl'), 3, true);
    storySet(join(dir, 'stories-two-dev.jsonl'), 3, false);
    storySet(join(dir, 'stories-three-dev.jsonl'), 3, false);
    const { printed, progress } = await runCaptured({ inputs: [dir], orders: 1, ablate: [], score: ['one-dev'] });
    expect(printed.filter((line) => /F1 mean/.test(line)).map((line) => line.split(/\s{2,}/)[0])).toEqual(['one-dev', 'one-dev undated']);
    expect(progress.filter((text) => text.startsWith('fitting on'))).toEqual([expect.stringMatching(/^fitting on three-dev, two-dev to score one-dev /)]);
    await expect(runEvalStories({ inputs: [dir], orders: 1, ablate: [], score: ['one-dev', 'four-dev'] })).rejects.toThrow('no story set named "four-dev" to score (the sets: one-dev, three-dev, two-dev)');
  });

  it('compares an ablation line with the pipeline order by order', () => {
    expect(pairedDifference([0.6, 0.7, 0.65], [0.62, 0.69, 0.65])).toEqual({ mean: expect.closeTo(0.01 / 3, 12), higher: 1, lower: 1, orders: 3 });
    expect(pairedDifference([], [])).toEqual({ mean: 0, higher: 0, lower: 0, orders: 0 });
  });

  it('refuses a single set (nothing to fit on) and an unknown ablation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-stories-'));
    storySet(join(dir, 'stories-one-dev.jsonl'), 2, false);
    await expect(runEvalStories({ inputs: [dir], orders: 1, ablate: [] })).rejects.toThrow(/at least two story sets/);
    storySet(join(dir, 'stories-two-dev.jsonl'), 2, false);
    await expect(runEvalStories({ inputs: [dir], orders: 1, ablate: ['nonsense'] })).rejects.toThrow(/unknown ablation "nonsense"/);
    await expect(runEvalStories({ inputs: [dir], orders: 1, ablate: ['feature:nonsense'] })).rejects.toThrow(/unknown link feature "nonsense"/);
  });
});
