import { matchArticleClaims } from '../../functions/core/claims/match-article-claims';
import type { ContradictionKind } from '../../functions/core/claims/disputes';
import type { ClaimRecord, MentionRecord } from '../../functions/core/records';
import { parseLine, type StoryLine } from './story-replay';

/** A mention that joined a claim an earlier article of its story made. */
export interface ClaimJoin {
  story: string;
  articleId: string;
  /** The joining mention's statement, and the statement of the claim it joined. */
  statement: string;
  claim: string;
  similarity: number;
  /** The claim was made by another outlet than the joining article's. */
  otherOutlet: boolean;
}

/** A new claim that contradicts an earlier one of its story. */
export interface ClaimDispute {
  story: string;
  articleId: string;
  kind: ContradictionKind;
  statement: string;
  claim: string;
  detail: string;
}

export interface ClaimReplay {
  stories: number;
  articles: number;
  mentions: number;
  joins: ClaimJoin[];
  disputes: ClaimDispute[];
}

/**
 * Claim matching within gold stories, as the ingest matches: each story's articles in file order,
 * each read as an upload is (parseLine) and matched by matchArticleClaims against the claims and
 * mentions of the articles before it. Stories of one article are left out (nothing to match).
 * There are no gold claim labels here: the joins and disputes are listed to be counted and read.
 */
export function replayStoryClaims(lines: readonly StoryLine[]): ClaimReplay {
  const stories = new Map<string, StoryLine[]>();
  for (const line of lines) stories.set(line.story, [...(stories.get(line.story) ?? []), line]);
  const replay: ClaimReplay = { stories: 0, articles: 0, mentions: 0, joins: [], disputes: [] };
  for (const [story, members] of stories) {
    if (members.length < 2) continue;
    replay.stories += 1;
    const claims: ClaimRecord[] = [];
    const mentions: MentionRecord[] = [];
    const sourceOfClaim = new Map<string, string>();
    members.forEach((line, position) => {
      const parsed = parseLine(line);
      if (!parsed) return;
      replay.articles += 1;
      // claim ids are made from the first 12 characters of the article id: unique within the story
      const article = { id: `${String(position).padStart(12, '0')}${line.id}`, source: parsed.source ?? line.id, ingestedAt: '2000-01-01T00:00:00.000Z', storyId: story, ...(parsed.publishedAt ? { publishedAt: parsed.publishedAt } : {}) };
      const result = matchArticleClaims(article, parsed.paragraphs, claims, mentions);
      replay.mentions += result.mentions.length;
      const byId = new Map(claims.map((claim) => [claim.id, claim]));
      result.mentions.forEach((mention, index) => {
        const joined = result.matchedTo[index];
        const claim = joined === undefined ? undefined : byId.get(joined);
        if (!claim) return;
        replay.joins.push({ story, articleId: line.id, statement: mention.statement ?? mention.text, claim: claim.statement ?? claim.text, similarity: mention.similarity, otherOutlet: sourceOfClaim.get(claim.id) !== article.source });
      });
      for (const claim of result.newClaims) {
        sourceOfClaim.set(claim.id, article.source);
        for (const contradiction of claim.contradicts ?? []) {
          const other = byId.get(contradiction.claimId);
          replay.disputes.push({ story, articleId: line.id, kind: contradiction.kind, statement: claim.statement ?? claim.text, claim: other?.statement ?? other?.text ?? contradiction.claimId, detail: contradiction.detail });
        }
      }
      claims.push(...result.newClaims);
      mentions.push(...result.mentions);
    });
  }
  return replay;
}
