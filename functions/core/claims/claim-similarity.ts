import type { ClaimFeatures } from './claim-features';

/** Score above which two claims are taken to state the same thing. */
export const SAME_CLAIM_THRESHOLD = 0.5;

/**
 * Similarity of two claims in [0, 1]: overlap of canonical terms (Dice over the smaller side, so a
 * terse restatement can match a sentence that adds context), with names weighted double, and
 * penalised when the two carry different numbers or opposite polarity.
 */
export function claimSimilarity(a: ClaimFeatures, b: ClaimFeatures): number {
  const names = new Set([...a.names, ...b.names]);
  const weight = (term: string) => (names.has(term) ? 2 : 1);
  const bTerms = new Set(b.terms);
  let shared = 0;
  let aTotal = 0;
  let bTotal = 0;
  for (const term of a.terms) {
    aTotal += weight(term);
    if (bTerms.has(term)) shared += weight(term);
  }
  for (const term of b.terms) bTotal += weight(term);
  if (aTotal === 0 || bTotal === 0) return 0;
  const dice = (2 * shared) / (aTotal + bTotal);
  const coverage = shared / Math.min(aTotal, bTotal);
  let score = 0.5 * dice + 0.5 * coverage * Math.min(1, Math.min(aTotal, bTotal) / 8);
  if (conflictingNumbers(a.numbers, b.numbers)) score *= 0.5;
  if (a.negated !== b.negated) score *= 0.7;
  return score;
}

function conflictingNumbers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const bSet = new Set(b);
  return !a.some((n) => bSet.has(n));
}
