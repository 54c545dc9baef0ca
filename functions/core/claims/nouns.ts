import { isVerbLike } from './verbs';
import { NOT_NOUNS } from './not-nouns-data';
import { STOPWORDS } from '../text/stopwords';

const NOT_NOUN_WORDS: ReadonlySet<string> = new Set(NOT_NOUNS.split(' '));

/**
 * Whether a word, as written, can be a noun: not a function word (prepositions, determiners,
 * pronouns, auxiliaries), not a verb form, not one of the frequent words that WordNet knows mainly as
 * a verb, adjective or adverb (tools/build-word-classes.ts), and longer than an initial. Rarer words
 * are taken for nouns. A hyphenated word is judged by its first part ("year-old").
 */
export function isNoun(word: string): boolean {
  const lower = word.toLowerCase().split('-')[0];
  if (!/^[a-z]{2,}$/.test(lower)) return false;
  return !STOPWORDS.has(lower) && !isVerbLike(lower) && !NOT_NOUN_WORDS.has(lower);
}
