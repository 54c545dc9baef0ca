/**
 * How well an LSH band layout finds copies, on article files (JSON Lines, as `eval articles` reads
 * them): `npx tsx bench/lsh-layouts.ts ../shared/eval/*.jsonl`.
 *
 * For each file, every pair of articles whose MinHash signatures match (the copy test's Jaccard or
 * containment threshold) should share a band, or the duplicate check never sees it; every article
 * that shares a band is a candidate the check reads and verifies. Per layout: matching pairs that
 * share a band, candidates per article, and the largest band (an item holds MAX_IDS_PER_BAND ids).
 */
import { readFileSync } from 'node:fs';
import { lshBands, LSH_LAYOUT, minhash, type LshLayout } from '../functions/core/fingerprint/minhash';
import { signaturesMatch } from '../functions/core/fingerprint/near-duplicate';
import { parseArticle } from '../functions/core/parse/parse-article';
import { inputDocument, type ArticleLine } from '../cli/commands/eval-articles';

const LAYOUTS: LshLayout[] = [
  { bands: 32, rowsPerBand: 2 },
  { bands: 24, rowsPerBand: 2 },
  { bands: 12, rowsPerBand: 1 },
  { bands: 16, rowsPerBand: 1 },
  { bands: 20, rowsPerBand: 1 },
];

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npx tsx bench/lsh-layouts.ts FILE.jsonl [FILE.jsonl ...]');
  process.exit(2);
}

for (const file of files) {
  const signatures = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      const article = JSON.parse(line) as ArticleLine;
      try {
        const parsed = parseArticle(new TextEncoder().encode(JSON.stringify(inputDocument(article))), { key: `${article.id}.json`, contentType: 'application/json' });
        return [minhash(parsed.paragraphs.join('\n'))];
      } catch {
        return []; // set aside by the parser, as ingest would
      }
    });
  const matching: Array<[number, number]> = [];
  for (let i = 0; i < signatures.length; i += 1) {
    for (let j = i + 1; j < signatures.length; j += 1) {
      if (signaturesMatch(signatures[i], signatures[j])) matching.push([i, j]);
    }
  }
  console.log(`${file}: ${signatures.length} articles, ${matching.length} pairs whose signatures match`);
  for (const layout of LAYOUTS) {
    const bands = signatures.map((signature) => lshBands(signature, layout));
    const members = new Map<string, number[]>();
    bands.forEach((keys, article) => keys.forEach((key) => members.set(key, [...(members.get(key) ?? []), article])));
    const found = matching.filter(([i, j]) => bands[i].some((key) => bands[j].includes(key))).length;
    const candidates = bands.reduce((sum, keys, article) => sum + new Set(keys.flatMap((key) => members.get(key)!)).size - 1, 0) / signatures.length;
    const largest = Math.max(...[...members.values()].map((list) => list.length));
    const shipped = layout.bands === LSH_LAYOUT.bands && layout.rowsPerBand === LSH_LAYOUT.rowsPerBand ? ' (shipped)' : '';
    console.log(`  ${layout.bands} bands x ${layout.rowsPerBand} rows${shipped}: ${found}/${matching.length} matching pairs share a band; ${candidates.toFixed(2)} candidates per article; largest band ${largest} articles`);
  }
}
