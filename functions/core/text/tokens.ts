import stem from 'wink-porter2-stemmer';
import { STOPWORDS } from './stopwords';

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower-cased form. */
  lower: string;
  /** Porter2 stem of the lower-cased form; numbers are kept verbatim. */
  stem: string;
  /** Offset in the source string. */
  start: number;
  isNumber: boolean;
  /** Starts with a capital letter (a cheap proper-noun signal; see `isProperNoun`). */
  isCapitalized: boolean;
  isStopword: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.,'][\p{L}\p{N}]+)*/gu;
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)*$/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    // Possessives carry no meaning for matching ("Iran's" = "Iran").
    if (/'s$/i.test(word)) word = word.slice(0, -2);
    const lower = word.toLowerCase();
    const isNumber = NUMBER.test(word);
    tokens.push({
      text: word,
      lower,
      stem: isNumber ? normalizeNumber(lower) : stemWord(lower),
      start: match.index ?? 0,
      isNumber,
      isCapitalized: /^\p{Lu}/u.test(word),
      isStopword: STOPWORDS.has(lower),
    });
  }
  return tokens;
}

const stemCache = new Map<string, string>();

export function stemWord(lower: string): string {
  let cached = stemCache.get(lower);
  if (cached === undefined) {
    cached = stem(lower.replace(/'/g, ''));
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(lower, cached);
  }
  return cached;
}

/** "1,000" and "1000" are the same quantity. */
export function normalizeNumber(text: string): string {
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
}

/** Stems of the words that carry content (no stopwords, no one-letter tokens). */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => !t.isStopword && (t.lower.length > 1 || t.isNumber))
    .map((t) => t.stem);
}
