import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isVerbLike } from '../functions/core/claims/verbs';
import { STOPWORDS } from '../functions/core/text/stopwords';

export interface SyntheticArticle {
  key: string;
  body: string;
}

/**
 * Base texts with the shape of real news: the evaluation articles when ../shared/eval is present
 * (read at run time, never copied into the repository), else the seed articles.
 */
export function loadBaseTexts(root: string): string[] {
  const evalDir = join(root, '..', 'shared', 'eval');
  const texts: string[] = [];
  if (existsSync(evalDir)) {
    for (const file of ['stories-basil-dev.jsonl', 'stories-ecbplus-dev.jsonl']) {
      const path = join(evalDir, file);
      if (!existsSync(path)) continue;
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const { title, text } = JSON.parse(line) as { title: string; text: string };
        if (text.split(/\n/).length >= 5 && text.split(/\s+/).length > 150) texts.push(`${title}\n\n${text}`);
      }
    }
  }
  if (texts.length === 0) {
    const seeds = join(root, 'seeds');
    for (const file of readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort()) texts.push(readFileSync(join(seeds, file), 'utf8'));
  }
  return texts;
}

/** Lower-case content words: not function words, not verb-like, long enough to carry a topic. */
const CONTENT_WORD = /\b[a-z]{4,}\b/g;
const isContentWord = (word: string) => !STOPWORDS.has(word) && !isVerbLike(word, true);

const vocabularies = new WeakMap<readonly string[], string[]>();

/** Every content word of the base texts, sorted: what a story's words are drawn from. */
function vocabularyOf(baseTexts: readonly string[]): string[] {
  let vocabulary = vocabularies.get(baseTexts);
  if (!vocabulary) {
    const words = new Set<string>();
    for (const text of baseTexts) for (const word of text.match(CONTENT_WORD) ?? []) if (isContentWord(word)) words.add(word);
    vocabulary = [...words].sort();
    vocabularies.set(baseTexts, vocabulary);
  }
  return vocabulary;
}

/**
 * The i-th article of a deterministic synthetic stream: three reports per story. Each story is a
 * base text rewritten for that story: names swapped for story-specific ones, and every lower-case
 * content word (not function words, not verb-like words) swapped for another word of the base texts'
 * vocabulary, chosen by the story. So a base text reused for story s and s + 135 gives two different
 * stories (different terms, different shingles) with the grammar, length, verbs and claim shapes of
 * real news, instead of the same story growing forever and every reuse being a near-duplicate of the
 * first. The paragraphs are cut differently per report (so reports are not exact copies).
 */
export function syntheticArticle(baseTexts: readonly string[], index: number): SyntheticArticle {
  const story = Math.floor(index / 3);
  const report = index % 3;
  const base = baseTexts[story % baseTexts.length];
  const vocabulary = vocabularyOf(baseTexts);
  const renamed = base
    .replace(/\b([A-Z][a-z]{3,})\b/g, (name) => `${name}${pseudoWord(name, story)}`)
    .replace(CONTENT_WORD, (word) => (isContentWord(word) ? vocabulary[hash(word, story) % vocabulary.length] : word));
  const [title, ...paragraphs] = renamed.split(/\n+/).filter((line) => line.trim());
  const kept = paragraphs.filter((_, p) => (p + report) % 5 !== 0);
  return { key: `inbox/outlet-${report}/story-${story}.txt`, body: `${title}\n\n${kept.join('\n\n')}\n` };
}

function hash(seed: string, story: number): number {
  let h = 2166136261 ^ story;
  for (let i = 0; i < seed.length; i += 1) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

function pseudoWord(seed: string, story: number): string {
  let h = 2166136261 ^ story;
  for (let i = 0; i < seed.length; i += 1) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  const letters = 'bcdfghjklmnprstvz';
  const vowels = 'aeiou';
  let word = '';
  for (let i = 0; i < 4; i += 1) {
    word += i % 2 === 0 ? letters[(h >>> (i * 5)) % letters.length] : vowels[(h >>> (i * 5)) % vowels.length];
  }
  return word;
}
