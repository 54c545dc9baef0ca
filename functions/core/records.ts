import type { ClaimFeatures } from './claims/claim-features';
import type { TermVector } from './stories/term-vector';

/** The ledger's records: what the pipeline remembers between uploads, independent of storage. */

export interface ArticleRecord {
  id: string;
  /** The S3 key it was first ingested from. */
  key: string;
  source: string;
  title: string;
  publishedAt?: string;
  ingestedAt: string;
  language: string;
  storyId: string;
  /** The earlier article this one is a copy of (syndicated, trimmed or edited). */
  duplicateOf?: string;
  /** The earlier article this one paraphrases sentence by sentence. */
  derivedFrom?: string;
  claimCount: number;
}

export interface StoryRecord {
  id: string;
  headline: string;
  createdAt: string;
  updatedAt: string;
  centroid: TermVector;
  /** Articles folded into the centroid; makes a retried update a no-op. */
  memberIds: string[];
  /** Earliest and latest publication times of its articles, where known. */
  publishedFrom?: string;
  publishedTo?: string;
}

export interface ClaimRecord {
  id: string;
  storyId: string;
  /** The wording of the first mention. */
  text: string;
  features: ClaimFeatures;
  createdAt: string;
}

export interface MentionRecord {
  claimId: string;
  storyId: string;
  articleId: string;
  source: string;
  /** The exact sentence of the article. */
  text: string;
  /** Position of the claim within its article. */
  claimIndex: number;
  publishedAt?: string;
  ingestedAt: string;
  similarity: number;
}
