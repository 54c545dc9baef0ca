/**
 * An offline screen of the story evidence: how well an article's evidence terms find the other
 * reports of its story. For each story set given, every article's evidence is worked out with the
 * term statistics of the whole file, the other articles are ranked by the cosine of their evidence
 * terms, and the mean average precision of same-story articles is printed: with the pipeline's
 * lead weighting (LEAD_HALF_PARAGRAPH), with every paragraph alike, and with each `--half N` given.
 *
 *   npx tsx tools/screen-story-evidence.ts ../shared/eval/stories-*.jsonl [--half 6 ...]
 *
 * This ranks articles, it does not cluster them: a screen for choosing what to measure with
 * `corroborate eval stories`, not a result.
 */
import { readJsonLines } from '../cli/eval/jsonl';
import { parseLine, type StoryLine } from '../cli/eval/story-replay';
import { articleEvidence, countedTerms, LEAD_HALF_PARAGRAPH, readArticleTerms } from '../functions/core/stories/story-evidence';
import { CountedTerms } from '../functions/core/stories/term-statistics';
import { cosine } from '../functions/core/stories/term-vector';

function meanAveragePrecision(lines: readonly StoryLine[], leadHalfParagraph: number): number {
  const articles = lines.flatMap((line) => {
    const parsed = parseLine(line);
    return parsed ? [{ story: line.story, terms: readArticleTerms(parsed.title, parsed.paragraphs, leadHalfParagraph) }] : [];
  });
  const statistics = new CountedTerms();
  for (const article of articles) statistics.count(countedTerms(article.terms, statistics));
  const evidence = articles.map((article) => articleEvidence(article.terms, statistics).terms);
  let sum = 0;
  let queries = 0;
  articles.forEach((article, i) => {
    const relevant = articles.filter((other, j) => j !== i && other.story === article.story).length;
    if (relevant === 0) return;
    const ranked = articles
      .map((other, j) => ({ j, likeness: cosine(evidence[i], evidence[j]) }))
      .filter(({ j }) => j !== i)
      .sort((a, b) => b.likeness - a.likeness);
    let hits = 0;
    let precisions = 0;
    ranked.forEach(({ j }, rank) => {
      if (articles[j].story !== article.story) return;
      hits += 1;
      precisions += hits / (rank + 1);
    });
    sum += precisions / relevant;
    queries += 1;
  });
  return queries === 0 ? 0 : sum / queries;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--half');
  const halves = [LEAD_HALF_PARAGRAPH, Infinity, ...args.flatMap((arg, i) => (args[i - 1] === '--half' ? [Number(arg)] : []))];
  if (files.length === 0 || !halves.every((half) => half > 0)) throw new Error('usage: npx tsx tools/screen-story-evidence.ts STORIES.jsonl... [--half N]');
  console.log(['set', ...halves.map((half) => `half at ${half}`)].join('\t'));
  for (const file of files) {
    const lines: StoryLine[] = [];
    for await (const line of readJsonLines<StoryLine>(file)) lines.push(line);
    console.log([file.split('/').pop(), ...halves.map((half) => meanAveragePrecision(lines, half).toFixed(3))].join('\t'));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
