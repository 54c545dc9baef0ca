import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
    for (const file of readdirSync(seeds).sort()) texts.push(readFileSync(join(seeds, file), 'utf8'));
  }
  return texts;
}

/**
 * The i-th article of a deterministic synthetic stream: three reports per story, each story a base
 * text whose names are swapped for story-specific ones (so stories do not collapse into each other)
 * and whose paragraphs are cut differently per report (so reports are not exact copies).
 */
export function syntheticArticle(baseTexts: readonly string[], index: number): SyntheticArticle {
  const story = Math.floor(index / 3);
  const report = index % 3;
  const base = baseTexts[story % baseTexts.length];
  const renamed = base.replace(/\b([A-Z][a-z]{3,})\b/g, (name) => `${name}${pseudoWord(name, story)}`);
  const [title, ...paragraphs] = renamed.split(/\n+/).filter((line) => line.trim());
  const kept = paragraphs.filter((_, p) => (p + report) % 5 !== 0);
  return { key: `inbox/outlet-${report}/story-${story}.txt`, body: `${title}\n\n${kept.join('\n\n')}\n` };
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
