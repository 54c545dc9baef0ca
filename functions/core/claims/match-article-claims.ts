import type { ArticleRecord, ClaimRecord, MentionRecord } from '../records';
import { claimFeatures } from './claim-features';
import { ClaimIndex } from './claim-index';
import { extractClaims } from './extract-claims';

export interface ArticleClaims {
  /** Claims this article is the first to make. */
  newClaims: ClaimRecord[];
  /** One per extracted claim, pointing at a new or an existing claim. */
  mentions: MentionRecord[];
  /** For each extracted claim in order, the existing claim it matched (for rewrite detection). */
  matchedTo: Array<string | undefined>;
}

/**
 * Extracts an article's claims and matches each against the claims its story already holds: a
 * match becomes a mention of the existing claim, anything else a new claim. Ids are derived from
 * the article id and claim position, so a retried ingest writes the same records.
 */
export function matchArticleClaims(
  article: Pick<ArticleRecord, 'id' | 'source' | 'publishedAt' | 'ingestedAt' | 'storyId'>,
  paragraphs: readonly string[],
  storyClaims: readonly ClaimRecord[],
): ArticleClaims {
  const index = new ClaimIndex(storyClaims);
  const result: ArticleClaims = { newClaims: [], mentions: [], matchedTo: [] };
  for (const claim of extractClaims(paragraphs)) {
    const features = claimFeatures(claim.text);
    const match = index.bestMatch(features);
    const claimId = match?.claim.id ?? `c-${article.id.slice(0, 12)}-${claim.index}`;
    if (!match) result.newClaims.push({ id: claimId, storyId: article.storyId, text: claim.text, features, createdAt: article.ingestedAt });
    result.matchedTo.push(match?.claim.id);
    result.mentions.push({
      claimId,
      storyId: article.storyId,
      articleId: article.id,
      source: article.source,
      text: claim.text,
      claimIndex: claim.index,
      ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
      ingestedAt: article.ingestedAt,
      similarity: match ? Math.round(match.similarity * 1000) / 1000 : 1,
    });
  }
  return result;
}
