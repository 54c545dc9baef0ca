import { tokenize } from '../text/tokens';
import { readFigures } from './figures';
import { baseForm, canonicalStem } from './synonyms';

/**
 * What the matcher compares, computed once per claim and stored beside it (plain JSON, typically
 * 300-500 bytes for a news sentence).
 */
export interface ClaimFeatures {
  /**
   * Every word of the sentence in order, as canonical stems (stopwords included): for n-grams and
   * word order. Optional so that records stored before it existed still compare (on `terms`).
   */
  seq?: string[];
  /** Distinct canonical content stems (no stopwords, no one-letter words). */
  terms: string[];
  /** The figures stated, each as its value ("two million", "2,000,000" -> "2000000"; see figures.ts). */
  numbers: string[];
  /** Stems of capitalised words that are not sentence-initial: names of people, places, bodies. */
  names: string[];
  negated: boolean;
  /**
   * Set when the sentence has letters but no capital at all (lower-cased headlines and posts, as some
   * sources publish them): there, names cannot be told from other words.
   */
  uncased?: true;
}

const NEGATION = new Set(['not', 'no', 'never', "n't", 'without', 'deny', 'denied', 'denies', 'nobody', 'none', 'neither', 'nor']);

export function claimFeatures(text: string): ClaimFeatures {
  const tokens = tokenize(text);
  const seq: string[] = [];
  const terms = new Set<string>();
  const numbers = new Set<string>();
  const names = new Set<string>();
  let negated = false;
  const figures = readFigures(text, tokens);
  let nextFigure = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const figure = figures[nextFigure];
    if (figure?.first === i) {
      // a figure is one word of the sentence, its value, however many words write it
      seq.push(figure.value);
      numbers.add(figure.value);
      terms.add(figure.value);
      nextFigure += 1;
      i = figure.end - 1;
      continue;
    }
    const token = tokens[i];
    if (NEGATION.has(token.lower) || token.lower.endsWith("n't")) negated = true;
    const stem = canonicalStem(baseForm(token.lower, token.stem));
    seq.push(stem);
    if (token.isStopword || token.lower.length < 2) continue;
    terms.add(stem);
    if (token.isCapitalized && i > 0) names.add(stem);
  }
  const features: ClaimFeatures = { seq, terms: [...terms], numbers: [...numbers], names: [...names], negated };
  if (/[a-z]/.test(text) && !/[A-Z]/.test(text)) features.uncased = true;
  return features;
}
