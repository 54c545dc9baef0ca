import { tokenize } from '../text/tokens';
import { canonicalStem } from './synonyms';

/** What the matcher compares: kept small so it can be stored beside each claim. */
export interface ClaimFeatures {
  /** Canonical content stems (synonyms folded). */
  terms: string[];
  /** Numbers as written, normalised ("1,000" -> "1000"). */
  numbers: string[];
  /** Lower-cased capitalised words that are not sentence-initial: names of people, places, bodies. */
  names: string[];
  negated: boolean;
}

const NEGATION = new Set(['not', 'no', 'never', "n't", 'without', 'deny', 'denied', 'denies']);

export function claimFeatures(text: string): ClaimFeatures {
  const tokens = tokenize(text);
  const terms = new Set<string>();
  const numbers = new Set<string>();
  const names = new Set<string>();
  let negated = false;
  tokens.forEach((token, i) => {
    if (NEGATION.has(token.lower) || token.lower.endsWith("n't")) negated = true;
    if (token.isNumber) {
      numbers.add(token.stem);
      terms.add(token.stem);
      return;
    }
    if (token.isStopword || token.lower.length < 2) return;
    terms.add(canonicalStem(token.stem));
    if (token.isCapitalized && i > 0) names.add(token.stem);
  });
  return { terms: [...terms], numbers: [...numbers], names: [...names], negated };
}
