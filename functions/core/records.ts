import type { Denial } from './claims/atomic-claims';
import type { Attribution } from './claims/attribution';
import type { ClaimFeatures } from './claims/claim-features';
import type { Quantity, ResolvedDate } from './claims/dates';
import type { Contradiction } from './claims/disputes';
import type { Entity } from './claims/entities';
import type { AttributedQuote } from './claims/extract-claims';
import type { ArticleEvidence } from './stories/story-evidence';
import type { TermVector } from './stories/term-vector';

/** The ledger's records: what the pipeline remembers between uploads, independent of storage. */

export interface ArticleRecord {
  id: string;
  /** The S3 key it was first ingested from. */
  key: string;
  source: string;
  title: string;
  /** The title is a sentence of the article standing in for a missing headline. */
  titleFromText?: boolean;
  publishedAt?: string;
  ingestedAt: string;
  language: string;
  storyId: string;
  /** The earlier article this one is a copy of (syndicated, trimmed or edited). */
  duplicateOf?: string;
  /** The earlier article this one paraphrases sentence by sentence. */
  derivedFrom?: string;
  claimCount: number;
  /** Only the first part of the upload was read as the article, and why (see core/parse/bounds.ts). */
  truncated?: string;
}

export interface StoryRecord {
  id: string;
  headline: string;
  createdAt: string;
  updatedAt: string;
  centroid: TermVector;
  /**
   * Ids of its first and newest members, in joining order (listedMembers: bounded, as the record is
   * rewritten by every join); a retried join that finds its article listed is a no-op.
   */
  memberIds: string[];
  /** Articles folded into the centroid, listed or not (absent on records that list every member: storySize). */
  memberCount?: number;
  /** What the story keeps of its first and newest members to decide which story a later article joins (keepMember). */
  members?: ArticleEvidence[];
  /** Earliest and latest publication times of its articles, where known. */
  publishedFrom?: string;
  publishedTo?: string;
  /** This story turned out to be part of another one; its contents now live there. */
  mergedInto?: string;
  /**
   * A split in progress: these members are leaving for a new story (they are already out of
   * `memberIds`). Whoever next reads the story finishes moving them, then clears this. With
   * `joins`, the new story is created merged into that existing one, where they belong.
   */
  splitOff?: { storyId: string; memberIds: string[]; joins?: string };
  /** The story this one was split from. */
  splitFrom?: string;
  /** The latest stories split from this one, where its later articles may fit better. */
  splitInto?: string[];
}

export interface ClaimRecord {
  id: string;
  storyId: string;
  /** The wording of the first mention. */
  text: string;
  features: ClaimFeatures;
  createdAt: string;
  /** What is asserted, attribution and denial left out (what `features` were computed from). */
  statement?: string;
  /** Asserted in the negative ("has not supplied"). */
  negated?: boolean;
  /** Dates and figures of the statement, for telling a conflicting date or number apart. */
  dates?: ResolvedDate[];
  quantities?: Quantity[];
  /** Earlier claims of the story that this one contradicts (its denial, another figure or date). */
  contradicts?: Contradiction[];
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
  /** Where the exact text sits in the article: paragraph and character offsets within it. */
  paragraph?: number;
  start?: number;
  end?: number;
  /** Several claims read from one sentence: this one's position among them. */
  part?: number;
  /** The assertion on its own (attribution and denial left out, subject restored). */
  statement?: string;
  attribution?: Attribution;
  quotes?: AttributedQuote[];
  /** This article reports that someone denies the claim. */
  denial?: Denial;
  negated?: boolean;
  entities?: Entity[];
  dates?: ResolvedDate[];
  quantities?: Quantity[];
  /**
   * Other claims of the story that this mention restates as well as its own (matched at the same
   * point, and compatible with its own claim): the digest shows them as one claim.
   */
  sameAs?: string[];
}
