import { basename } from 'node:path';
import { MemoryTableStore } from '../../functions/adapters/memory-table-store';
import { contentHash } from '../../functions/core/fingerprint/content-hash';
import type { ParsedArticle } from '../../functions/core/parse/article';
import { parseArticle } from '../../functions/core/parse/parse-article';
import type { StoryRecord } from '../../functions/core/records';
import { keepMember } from '../../functions/core/stories/kept-members';
import { articleEvidence, countedTerms, readArticleTerms, termsToLookUp } from '../../functions/core/stories/story-evidence';
import { candidateStory, LINK_FEATURES } from '../../functions/core/stories/story-link';
import { storySize, withMember } from '../../functions/core/stories/story-members';
import { decideFromScored, scoreCandidates, type StoryModel } from '../../functions/core/stories/story-model';
import { addToCentroid, articleTermVector } from '../../functions/core/stories/term-vector';
import { newStoryId } from '../../functions/core/stories/story-id';
import { candidateStoryIds } from '../../functions/ingest/candidate-stories';
import { Ledger } from '../../functions/ledger/ledger';
import { inputDocument, type ArticleLine } from '../commands/eval-articles';
import type { BestCandidate } from './calibration';
import { readJsonLines } from './jsonl';

/** An evaluation line with its gold story. */
export interface StoryLine extends ArticleLine {
  story: string;
}

/** The lines with their publication dates removed: the set as an undated upload would bring it. */
export function undated<T extends ArticleLine>(lines: readonly T[]): Array<Omit<T, 'publishedAt'>> {
  return lines.map(({ publishedAt: _dropped, ...line }) => line);
}

/** A story set's lines (stories-NAME.jsonl), each with its gold story, and the set's NAME. */
export async function readStorySet(file: string): Promise<{ name: string; lines: StoryLine[] }> {
  const lines: StoryLine[] = [];
  for await (const line of readJsonLines<StoryLine>(file)) {
    if (typeof line.story !== 'string') throw new Error(`${file}: line ${line.id} has no gold "story"`);
    lines.push({ id: line.id, title: line.title, text: line.text, source: line.source, publishedAt: line.publishedAt, url: line.url, story: line.story });
  }
  return { name: basename(file, '.jsonl').replace(/^stories-/, ''), lines };
}

/** One candidate story the pipeline would have weighed for an article, with its link features. */
export interface LinkExample {
  values: number[];
  /** The candidate is the article's own story. */
  joins: boolean;
}

/** A line as the pipeline reads it (the same parse as an upload), or undefined when it would be set aside. */
export function parseLine(line: ArticleLine): ParsedArticle | undefined {
  try {
    return parseArticle(new TextEncoder().encode(JSON.stringify(inputDocument(line))), { key: `inbox/${line.id}.json`, contentType: 'application/json' });
  } catch {
    return undefined;
  }
}

/**
 * Replays articles through the story decision's own reads (term statistics, candidate stories
 * through the term index, their kept members) on an in-process ledger, with joins, merges and
 * splits left out: either following the gold stories (to collect link examples: every candidate
 * the decision would weigh, labelled) or deciding with `model` (a quick clustering, to choose the
 * model's threshold), and with `best` the log-odds of each article's best candidate and whether it is
 * the article's story (see calibrationBins). Returns a story label per line (undefined for lines
 * that would be set aside).
 */
export async function replayStories(
  lines: readonly StoryLine[],
  mode: { follow: 'gold'; examples: LinkExample[] } | { follow: 'model'; model: StoryModel; examples?: LinkExample[]; best?: BestCandidate[] },
): Promise<Array<string | undefined>> {
  const ledger = new Ledger(new MemoryTableStore());
  const storyOfGold = new Map<string, string>();
  const goldOfStory = new Map<string, Map<string, number>>();
  const labels: Array<string | undefined> = [];
  let clock = Date.parse('2000-01-01T00:00:00Z');
  for (const line of lines) {
    const article = parseLine(line);
    if (!article) {
      labels.push(undefined);
      continue;
    }
    const id = contentHash(article.title, article.paragraphs);
    const ingestedAt = new Date((clock += 60_000)).toISOString();
    // Articles as written: page chrome (read as its headline at ingest, see isPageChrome) keeps its
    // text here. Read as headlines, GVA's chrome pages make its replay cleaner, which moves the
    // threshold chosen for the worst training set and lowers BASIL out of set (docs/quality.md).
    const vector = articleTermVector(article.title, article.paragraphs);
    const terms = readArticleTerms(article.title, article.paragraphs);
    const statistics = await ledger.termStatistics(termsToLookUp(terms));
    const evidence = articleEvidence(terms, statistics, article.publishedAt);
    const found = await ledger.findStories(await candidateStoryIds(ledger, vector));
    const candidates = found.map(candidateStory);
    let storyId: string | undefined;
    if (mode.follow === 'gold') {
      storyId = storyOfGold.get(line.story);
      for (const scored of scoreCandidates(evidence, candidates, STANDARD, LINK_FEATURES)) mode.examples.push({ values: scored.values, joins: scored.story.id === storyId });
    } else {
      // On the model's own path, a candidate is the article's story when most of its articles are of the article's gold story.
      if (mode.examples) for (const scored of scoreCandidates(evidence, candidates, STANDARD, LINK_FEATURES)) mode.examples.push({ values: scored.values, joins: majorityGold(goldOfStory.get(scored.story.id)) === line.story });
      const scored = scoreCandidates(evidence, candidates, mode.model);
      const [best] = scored;
      if (mode.best && best) mode.best.push({ score: best.score, right: majorityGold(goldOfStory.get(best.story.id)) === line.story });
      const decision = decideFromScored(scored, mode.model);
      if (decision.kind === 'join') storyId = decision.storyId;
    }
    storyId ??= newStoryId(id, ingestedAt);
    if (!storyOfGold.has(line.story)) storyOfGold.set(line.story, storyId);
    const [current] = await ledger.findStories([storyId]);
    const story: StoryRecord = {
      id: storyId,
      headline: current?.headline ?? article.title,
      createdAt: current?.createdAt ?? ingestedAt,
      updatedAt: ingestedAt,
      centroid: addToCentroid(current?.centroid ?? {}, storySize(current), vector),
      ...withMember(current, id),
      members: keepMember(current?.members ?? [], evidence),
    };
    await ledger.commitStoryUpdate(story, current?.revision, []);
    const known = new Set(Object.keys(current?.centroid ?? {}));
    await ledger.indexStoryTerms(storyId, Object.keys(story.centroid).filter((term) => !known.has(term)));
    await ledger.countTerms(id, countedTerms(terms, statistics), statistics);
    const golds = goldOfStory.get(storyId) ?? new Map<string, number>();
    golds.set(line.story, (golds.get(line.story) ?? 0) + 1);
    goldOfStory.set(storyId, golds);
    labels.push(storyId);
  }
  return labels;
}

function majorityGold(golds: ReadonlyMap<string, number> | undefined): string | undefined {
  return golds ? [...golds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] : undefined;
}

/** Scores raw feature values (scoreCandidates needs a model; the examples keep the values only). */
const STANDARD: StoryModel = { features: [], mean: [], scale: [], weights: [], bias: 0, threshold: 0 };
