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
  /** Starts with a capital letter: a cheap proper-noun signal (callers discount sentence starts). */
  isCapitalized: boolean;
  isStopword: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.,'][\p{L}\p{N}]+)*/gu;
const NUMBER = /^\p{N}+(?:[.,]\p{N}+)*$/u;
/**
 * A run of letters or digits longer than this is not a word and is neither stemmed nor matched: the
 * longest English words run to 45 letters, and the Porter2 stemmer's regular expressions are
 * quadratic in word length (a 20,000-letter run took 4.9 s).
 */
export const MAX_WORD_LENGTH = 64;

/** Stemming is the costly part of a token, and some callers (shingling) never need it: computed on first use. */
class WordToken implements Token {
  private stemmed: string | undefined;

  constructor(
    readonly text: string,
    readonly lower: string,
    readonly start: number,
    readonly isNumber: boolean,
    readonly isCapitalized: boolean,
    readonly isStopword: boolean,
  ) {}

  get stem(): string {
    return (this.stemmed ??= this.isNumber ? normalizeNumber(this.lower) : stemWord(this.lower));
  }
}

/**
 * The same sentence is tokenized several times while an article is read (claim extraction, atomic
 * splitting, features, quotes): the latest texts' tokens are kept. Bounded, so it holds only what
 * the current article is still working on.
 */
const recentTokens = new Map<string, readonly Token[]>();
const RECENT_TEXTS = 512;

export function tokenize(text: string): readonly Token[] {
  let tokens = recentTokens.get(text);
  if (tokens === undefined) {
    tokens = tokenizeText(text);
    if (recentTokens.size >= RECENT_TEXTS) recentTokens.clear();
    recentTokens.set(text, tokens);
  }
  return tokens;
}

function tokenizeText(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    if (match[0].length > MAX_WORD_LENGTH) continue;
    const word = withoutPossessive(match[0]);
    const lower = word.toLowerCase();
    const first = word.charCodeAt(0);
    const isNumber = first >= 48 && first <= 57 ? NUMBER.test(word) : first > 127 && NUMBER.test(word);
    tokens.push(new WordToken(word, lower, match.index, isNumber, isCapitalized(word, first, lower), STOPWORDS.has(lower)));
  }
  return tokens;
}

/** Possessives carry no meaning for matching ("Iran's" = "Iran"); char codes, as this runs per word. */
function withoutPossessive(word: string): string {
  const length = word.length;
  return length > 2 && word.charCodeAt(length - 2) === 39 && (word.charCodeAt(length - 1) | 32) === 115 ? word.slice(0, -2) : word;
}

/** The first character differs from its lower case and is its own upper case. */
function isCapitalized(word: string, first: number, lower: string): boolean {
  // ASCII answers without building one-character strings: A-Z yes; a-z and digits no.
  if (first >= 65 && first <= 90) return true;
  if ((first >= 97 && first <= 122) || (first >= 48 && first <= 57)) return false;
  const head = word[0];
  return head !== lower[0] && head === head.toUpperCase();
}

/** The lower-cased words of `tokenize(text)`, without the rest of each token: for shingling. */
export function lowerWords(text: string): string[] {
  const words: string[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    if (match[0].length > MAX_WORD_LENGTH) continue;
    words.push(withoutPossessive(match[0]).toLowerCase());
  }
  return words;
}

const stemCache = new Map<string, string>();

export function stemWord(lower: string): string {
  if (lower.length > MAX_WORD_LENGTH) return lower;
  let cached = stemCache.get(lower);
  if (cached === undefined) {
    cached = stem(lower.replace(/'/g, ''));
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(lower, cached);
  }
  return cached;
}

/** Whether the text holds at least `count` words; stops reading at the `count`th. */
export function hasWords(text: string, count: number): boolean {
  let found = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null && found < count; match = WORD.exec(text)) {
    if (match[0].length <= MAX_WORD_LENGTH) found += 1;
  }
  return found >= count;
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
