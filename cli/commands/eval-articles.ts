import { MemoryObjectStore } from '../../functions/adapters/memory-object-store';
import { MemoryTableStore } from '../../functions/adapters/memory-table-store';
import { ingestObject } from '../../functions/ingest/ingest-object';
import { Ledger } from '../../functions/ledger/ledger';
import type { StoryPolicy } from '../../functions/core/stories/story-policy';
import { DEFAULT_MAX_OBJECT_BYTES } from '../../functions/shared/resources';
import { jsonLinesWriter, progress, readJsonLines } from '../eval/jsonl';
import { clusteringScores, mean } from '../eval/metrics';
import { shuffle } from '../eval/shuffle';

/** The fields an article line may give the pipeline. Anything else (the gold fields) is never passed on. */
export interface ArticleLine {
  id: string;
  title?: string;
  text: string;
  source?: string;
  publishedAt?: string;
  url?: string;
}

export interface ArticlePrediction {
  id: string;
  story: string | null;
  duplicateOf: string | null;
  derivedFrom: string | null;
}

/** The article as uploaded: only the input fields, so the pipeline cannot see gold labels. */
export function inputDocument(line: ArticleLine): Record<string, string> {
  const document: Record<string, string> = { text: line.text };
  if (line.title) document.title = line.title;
  if (line.source) document.source = line.source;
  if (line.publishedAt) document.publishedAt = line.publishedAt;
  if (line.url) document.url = line.url;
  return document;
}

/**
 * Runs every line through `ingestObject`, the function the Lambda handler calls, over in-process
 * adapters, each a minute after the previous one. With `concurrency` 1, one article at a time in
 * file order; with more, that many consecutive lines are ingested at once (their ledger operations
 * interleave as concurrent invocations' would), a wave finishing before the next starts.
 */
export async function predictArticles(
  lines: AsyncIterable<ArticleLine> | Iterable<ArticleLine>,
  onEach?: (done: number) => void,
  storyPolicy?: StoryPolicy,
  concurrency = 1,
): Promise<ArticlePrediction[]> {
  const objects = new MemoryObjectStore();
  const deps = { ledger: new Ledger(new MemoryTableStore()), objects, maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES, ...(storyPolicy ? { storyPolicy } : {}) };
  const inputIdOfArticle = new Map<string, string>();
  const predictions: ArticlePrediction[] = [];
  const articleOfLine = new Map<string, string | undefined>();
  let clock = Date.parse('2000-01-01T00:00:00Z');
  const ingestWave = async (wave: ArticleLine[]) => {
    const ingested = await Promise.all(
      wave.map(async (line) => {
        const key = `inbox/${line.id}.json`;
        await objects.put(key, JSON.stringify(inputDocument(line)), 'application/json');
        return { line, outcome: await ingestObject(deps, { key, eventTime: new Date((clock += 60_000)).toISOString() }) };
      }),
    );
    // Outcomes in line order: a copy's original is known when it was in an earlier line.
    // Two identical lines of one wave are one article, ingested by both: the first line is its input.
    for (const { line, outcome } of ingested) if (outcome.status === 'ingested' && !inputIdOfArticle.has(outcome.articleId)) inputIdOfArticle.set(outcome.articleId, line.id);
    for (const { line, outcome } of ingested) {
      const prediction: ArticlePrediction = { id: line.id, story: null, duplicateOf: null, derivedFrom: null };
      if (outcome.status === 'ingested' || outcome.status === 'duplicate') {
        prediction.story = outcome.storyId;
        const input = inputIdOfArticle.get(outcome.articleId);
        // Another line brought this very article (earlier, or in the same wave): this line repeats it.
        if (input !== line.id) prediction.duplicateOf = input ?? null;
        else if (outcome.status === 'ingested') {
          prediction.duplicateOf = outcome.duplicateOf ? (inputIdOfArticle.get(outcome.duplicateOf) ?? null) : null;
          prediction.derivedFrom = outcome.derivedFrom ? (inputIdOfArticle.get(outcome.derivedFrom) ?? null) : null;
        }
      } else if (outcome.status === 'rejected') {
        process.stderr.write(`${line.id}: set aside (${outcome.code}): ${outcome.reason}\n`);
      }
      predictions.push(prediction);
      articleOfLine.set(line.id, outcome.status === 'ingested' || outcome.status === 'duplicate' ? outcome.articleId : undefined);
      onEach?.(predictions.length);
    }
  };
  let wave: ArticleLine[] = [];
  for await (const line of lines) {
    wave.push(line);
    if (wave.length >= concurrency) {
      await ingestWave(wave);
      wave = [];
    }
  }
  if (wave.length > 0) await ingestWave(wave);
  // Stories merged after an article joined them, and copies found after an article was committed
  // (of articles ingested at the same moment): report what the ledger finally holds.
  const finalRecords = new Map((await deps.ledger.findArticles([...new Set([...articleOfLine.values()].filter((id): id is string => !!id))])).map((a) => [a.id, a]));
  for (const prediction of predictions) {
    const articleId = articleOfLine.get(prediction.id);
    const record = articleId ? finalRecords.get(articleId) : undefined;
    if (!record) continue;
    prediction.story = record.storyId;
    if (!record.duplicateOf) continue;
    // A line that repeats another line's article copies what that article copies; a copy of a copy
    // (marks set by concurrent ingests can chain) copies the first article, as independence counts it.
    let originId = record.duplicateOf;
    for (const seen = new Set([record.id]); finalRecords.get(originId)?.duplicateOf && !seen.has(originId); ) {
      seen.add(originId);
      originId = finalRecords.get(originId)!.duplicateOf!;
    }
    prediction.duplicateOf = inputIdOfArticle.get(originId) ?? null;
    prediction.derivedFrom = null;
  }
  return predictions;
}

interface GoldLine {
  id: string;
  story?: string;
  duplicateOf?: string | null;
}

export async function runEvalArticles(options: { file: string; out?: string; orders?: number; concurrency?: number }): Promise<void> {
  const concurrency = options.concurrency ?? 1;
  const gold: GoldLine[] = [];
  const lines: ArticleLine[] = [];
  const meter = progress('articles', 50);
  async function* inputs(): AsyncGenerator<ArticleLine> {
    for await (const line of readJsonLines<ArticleLine & GoldLine>(options.file)) {
      gold.push({ id: line.id, story: line.story, duplicateOf: line.duplicateOf });
      const input = { id: line.id, text: line.text, title: line.title, source: line.source, publishedAt: line.publishedAt, url: line.url };
      lines.push(input);
      yield input;
    }
  }
  const started = Date.now();
  const predictions = await predictArticles(inputs(), (done) => meter.tick(done), undefined, concurrency);
  const seconds = (Date.now() - started) / 1000;
  if (options.out) {
    const out = jsonLinesWriter(options.out);
    for (const prediction of predictions) out.write(prediction);
    await out.close();
  }
  console.log(`articles: ${predictions.length} ingested ${concurrency > 1 ? `${concurrency} at a time ` : ''}in ${seconds.toFixed(1)} s (${(predictions.length / seconds).toFixed(0)} articles/s)`);
  for (const line of scoreArticles(gold, predictions)) console.log(line);
  const orders = options.orders ?? 1;
  if (orders < 2 || !gold.every((g) => g.story !== undefined)) return;
  // Online clustering depends on arrival order: the same file in other orders, each a fresh corpus.
  const f1s = [storyF1(gold, predictions)];
  for (let order = 1; order < orders; order += 1) {
    const shuffled = shuffle(lines, order);
    const meterOrder = progress(`order ${order + 1}/${orders}`, 200);
    const byId = new Map((await predictArticles(shuffled, (done) => meterOrder.tick(done), undefined, concurrency)).map((p) => [p.id, p]));
    const realigned = lines.map((line) => byId.get(line.id)!);
    f1s.push(storyF1(gold, realigned));
    console.log(`order ${order + 1} (shuffle seed ${order}): ${scoreArticles(gold, realigned)[0]}`);
  }
  console.log(`stories over ${orders} orders: pairwise F1 mean ${mean(f1s).toFixed(3)}, min ${Math.min(...f1s).toFixed(3)}, max ${Math.max(...f1s).toFixed(3)}`);
}

function storyF1(gold: readonly GoldLine[], predictions: readonly ArticlePrediction[]): number {
  return clusteringScores(gold.map((g) => g.story!), predictions.map((p) => p.story ?? `unassigned:${p.id}`)).pairwise.f1;
}

/** Metric lines for whichever gold fields the file has. */
export function scoreArticles(gold: readonly GoldLine[], predictions: readonly ArticlePrediction[]): string[] {
  const lines: string[] = [];
  const format = (x: number) => x.toFixed(3);
  if (gold.every((g) => g.story !== undefined)) {
    const s = clusteringScores(gold.map((g) => g.story!), predictions.map((p) => p.story ?? `unassigned:${p.id}`));
    lines.push(
      `stories: pairwise P ${format(s.pairwise.precision)} R ${format(s.pairwise.recall)} F1 ${format(s.pairwise.f1)}; B-cubed F1 ${format(s.bcubed.f1)}; ARI ${format(s.ari)}; ${new Set(predictions.map((p) => p.story)).size} predicted vs ${new Set(gold.map((g) => g.story)).size} gold`,
    );
  }
  if (gold.every((g) => g.duplicateOf !== undefined)) {
    const goldGroups = gold.map((g) => g.duplicateOf ?? g.id);
    const copyGroups = predictions.map((p) => p.duplicateOf ?? p.id);
    const s = clusteringScores(goldGroups, copyGroups);
    lines.push(`reprints: pairwise P ${format(s.pairwise.precision)} R ${format(s.pairwise.recall)} F1 ${format(s.pairwise.f1)}; ARI ${format(s.ari)}`);
    const withRewrites = clusteringScores(goldGroups, predictions.map((p) => p.duplicateOf ?? p.derivedFrom ?? p.id));
    lines.push(`reprints (counting rewrites as copies): pairwise F1 ${format(withRewrites.pairwise.f1)}`);
  }
  return lines;
}
