import { estimateContainment, estimateJaccard, type MinHashSignature } from './minhash';

/**
 * Measured on reprints-dev: copies (syndicated, trimmed, copy-edited, re-ordered) have Jaccard >= 0.32
 * or containment >= 0.71 with their original; independent reports of the same story stay below 0.13
 * and 0.25. A trimmed copy keeps most of the original's shingles even though Jaccard drops with its
 * length, hence containment.
 */
export const CONTAINMENT_THRESHOLD = 0.6;
export const JACCARD_THRESHOLD = 0.3;

export interface FingerprintedArticle {
  id: string;
  signature: MinHashSignature;
  duplicateOf?: string;
  ingestedAt: string;
}

/** The earliest candidate that the article copies, if any. */
export function findNearDuplicate<T extends FingerprintedArticle>(signature: MinHashSignature, candidates: readonly T[]): T | undefined {
  const copies = candidates.filter(
    (candidate) => estimateJaccard(signature, candidate.signature) >= JACCARD_THRESHOLD || estimateContainment(signature, candidate.signature) >= CONTAINMENT_THRESHOLD,
  );
  copies.sort((a, b) => (a.ingestedAt < b.ingestedAt ? -1 : a.ingestedAt > b.ingestedAt ? 1 : a.id < b.id ? -1 : 1));
  return copies[0];
}
