import { estimateContainment, estimateJaccard, type MinHashSignature } from './minhash';

/** A trimmed copy keeps most of the original's shingles even though Jaccard drops with its length. */
export const CONTAINMENT_THRESHOLD = 0.8;
export const JACCARD_THRESHOLD = 0.6;

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
