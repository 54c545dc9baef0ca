import type { ClaimFeatures } from './claim-features';
import { claimSimilarity, SAME_CLAIM_THRESHOLD } from './claim-similarity';

/**
 * Claims must share at least this many canonical terms to be scored at all. Measured on the MSRP
 * and STS pairs: 4 of 7,875 pairs share fewer and still score as the same claim.
 */
export const MIN_SHARED_TERMS = 2;

/**
 * An inverted index over a story's claims, so that a new claim is scored only against claims it
 * shares words with: the full similarity is the expensive part of matching.
 */
export class ClaimIndex<T extends { features: ClaimFeatures }> {
  private readonly byTerm = new Map<string, number[]>();

  constructor(private readonly claims: readonly T[]) {
    claims.forEach((claim, position) => {
      for (const term of claim.features.terms) {
        const list = this.byTerm.get(term);
        if (list) list.push(position);
        else this.byTerm.set(term, [position]);
      }
    });
  }

  /** The most similar claim at or above the same-claim threshold, if any. */
  bestMatch(features: ClaimFeatures): { claim: T; similarity: number } | undefined {
    const shared = new Map<number, number>();
    for (const term of features.terms) for (const position of this.byTerm.get(term) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
    let best: { claim: T; similarity: number } | undefined;
    for (const [position, count] of shared) {
      if (count < MIN_SHARED_TERMS) continue;
      const claim = this.claims[position];
      const similarity = claimSimilarity(features, claim.features);
      if (similarity >= SAME_CLAIM_THRESHOLD && (!best || similarity > best.similarity)) best = { claim, similarity };
    }
    return best;
  }
}
