/**
 * How often a story's headline is one of its articles' own titles, on labelled story sets
 * (JSON Lines of {id, title, text}; the titles are only used for scoring):
 *
 *   npx tsx tools/measure-headlines.ts ../shared/eval/stories-basil-dev.jsonl ...
 *
 * Each article is uploaded as a crawler's text file would be (its title line, then its text) and
 * ingested in file order through ingestObject on in-process adapters. Then, for every story of two
 * or more articles, the digest's headline is checked against its members' titles. A second run
 * uploads every other article without its title line, as a page whose headline the crawler missed:
 * the headline should still be a title whenever a member has one. For comparison, the story's
 * first title (what the story record keeps) is scored the same way, and how often the headline
 * changes as each story grows is counted (replaying its members in arrival order). MARGINS=0,0.1
 * scores other switching margins (chooseHeadline) on the same ingest.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { MemoryObjectStore } from '../functions/adapters/memory-object-store';
import { MemoryTableStore } from '../functions/adapters/memory-table-store';
import { buildDigest } from '../functions/core/digest/build-digest';
import { chooseHeadline, HEADLINE_SWITCH_MARGIN } from '../functions/core/digest/story-headline';
import { storySize } from '../functions/core/stories/story-members';
import { addToCentroid, type TermVector } from '../functions/core/stories/term-vector';
import { normalizeText } from '../functions/core/text/normalize';
import { ingestObject } from '../functions/ingest/ingest-object';
import { Ledger } from '../functions/ledger/ledger';
import { DEFAULT_MAX_OBJECT_BYTES } from '../functions/shared/resources';

interface Line {
  id: string;
  title: string;
  text: string;
}

interface Score {
  stories: number;
  /** Stories with at least one member uploaded with its title line. */
  titled: number;
  firstTitleIsTitle: number;
  /** Per switching margin: stories whose headline is a title, joins, and joins that changed the headline. */
  byMargin: Map<number, { headlineIsTitle: number; growthSteps: number; headlineChanges: number }>;
}

const MARGINS = (process.env.MARGINS ?? `${HEADLINE_SWITCH_MARGIN}`).split(',').map(Number);

const comparable = (title: string) => normalizeText(title).toLowerCase().replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim();

async function measure(lines: readonly Line[], withoutTitle: (index: number) => boolean): Promise<Score> {
  const objects = new MemoryObjectStore();
  const ledger = new Ledger(new MemoryTableStore());
  const deps = { ledger, objects, maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES };
  const titleOf = new Map<string, string>();
  const uploadedTitled = new Set<string>();
  let clock = Date.parse('2000-01-01T00:00:00Z');
  for (const [index, line] of lines.entries()) {
    const key = `inbox/${line.id}.txt`;
    await objects.put(key, withoutTitle(index) ? line.text : `${line.title}\n\n${line.text}`, 'text/plain');
    const outcome = await ingestObject(deps, { key, eventTime: new Date((clock += 60_000)).toISOString() });
    if (outcome.status === 'ingested' || outcome.status === 'duplicate') {
      titleOf.set(outcome.articleId, line.title);
      if (!withoutTitle(index)) uploadedTitled.add(outcome.articleId);
    }
    if ((index + 1) % 200 === 0) process.stderr.write(`  ${index + 1}/${lines.length}\n`);
  }
  const storyIds = new Set((await ledger.findArticles([...titleOf.keys()])).map((article) => article.storyId));
  const score: Score = { stories: 0, titled: 0, firstTitleIsTitle: 0, byMargin: new Map(MARGINS.map((m) => [m, { headlineIsTitle: 0, growthSteps: 0, headlineChanges: 0 }])) };
  for (const storyId of storyIds) {
    const snapshot = await ledger.storySnapshot(storyId);
    if (!snapshot || snapshot.articles.length < 2) continue;
    const titles = new Set(snapshot.articles.map((article) => comparable(titleOf.get(article.id) ?? '')));
    score.stories += 1;
    if (snapshot.articles.some((article) => uploadedTitled.has(article.id))) score.titled += 1;
    if (titles.has(comparable(snapshot.story.headline))) score.firstTitleIsTitle += 1;
    const [story] = buildDigest([snapshot], 1, new Date(clock).toISOString()).stories;
    const byId = new Map(snapshot.articles.map((article) => [article.id, article]));
    // The growth is replayed in joining order, which the record lists for a story of up to LISTED_MEMBERS.
    if (storySize(snapshot.story) > snapshot.story.memberIds.length) throw new Error(`story ${storyId} is larger than the members its record lists`);
    const members = snapshot.story.memberIds.filter((id) => byId.has(id) && snapshot.memberTerms.has(id));
    for (const [margin, s] of score.byMargin) {
      const headline = chooseHeadline(snapshot.articles, snapshot.story.centroid, snapshot.story.headline, margin);
      if (margin === HEADLINE_SWITCH_MARGIN && headline !== story.headline) throw new Error(`the digest's headline is not chooseHeadline's: ${story.headline}`);
      if (titles.has(comparable(headline))) s.headlineIsTitle += 1;
      // The story growing one member at a time, in the order they joined.
      let centroid: TermVector = {};
      let previous: string | undefined;
      members.forEach((id, i) => {
        centroid = addToCentroid(centroid, i, snapshot.memberTerms.get(id)!.vector);
        const chosen = chooseHeadline(members.slice(0, i + 1).map((m) => byId.get(m)!), centroid, '', margin);
        if (i >= 1) {
          s.growthSteps += 1;
          if (chosen !== previous) s.headlineChanges += 1;
        }
        previous = chosen;
      });
    }
  }
  return score;
}

function report(name: string, variant: string, s: Score): string[] {
  const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  const head = `${name}\t${variant}\t${s.stories} stories (${s.titled} with a titled member)\tfirst title is a title ${pct(s.firstTitleIsTitle, s.stories)}`;
  return [head, ...[...s.byMargin].map(([margin, m]) => `  margin ${margin}\theadline is a title ${pct(m.headlineIsTitle, s.stories)}\theadline changes on ${pct(m.headlineChanges, m.growthSteps)} of ${m.growthSteps} joins`)];
}

async function main(files: string[]): Promise<void> {
  if (files.length === 0) throw new Error('usage: npx tsx tools/measure-headlines.ts SET.jsonl [SET.jsonl ...]');
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Line);
    const name = basename(file, '.jsonl');
    process.stderr.write(`${name}: ${lines.length} articles\n`);
    console.log(report(name, 'titled', await measure(lines, () => false)).join('\n'));
    console.log(report(name, 'half untitled', await measure(lines, (index) => index % 2 === 1)).join('\n'));
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
