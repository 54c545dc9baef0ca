import { parseArticle } from '../functions/core/parse/parse-article';
import { KEPT_MEMBERS } from '../functions/core/stories/kept-members';
import { articleEvidence, readArticleTerms, type ArticleEvidence } from '../functions/core/stories/story-evidence';
import type { CandidateStory } from '../functions/core/stories/story-link';
import { decideStory } from '../functions/core/stories/story-model';
import { DEFAULT_POLICY } from '../functions/core/stories/story-policy';
import { NO_STATISTICS } from '../functions/core/stories/term-statistics';
import { MAX_STORY_CANDIDATES } from '../functions/ingest/candidate-stories';
import { percentile } from './percentile';
import { syntheticArticle } from './synthetic-corpus';

export interface StoryDecisionCost {
  candidates: number;
  membersEach: number;
  decisions: number;
  /** Per decision, the median of the timed passes and their range. */
  microseconds: { median: number; min: number; max: number };
}

const PASSES = 5;

/**
 * The story decision on a full snapshot, the most an article can meet: as many candidate stories
 * as the ingest reads, each with as many kept members as a story stores. The decision is pure, so
 * this is its whole cost; in a corpus of few related stories an article meets fewer.
 */
export function measureStoryDecision(baseTexts: readonly string[], decisions = 200): StoryDecisionCost {
  const encoder = new TextEncoder();
  const evidence = (index: number): ArticleEvidence => {
    const article = syntheticArticle(baseTexts, index);
    const parsed = parseArticle(encoder.encode(article.body), { key: article.key });
    return articleEvidence(readArticleTerms(parsed.title, parsed.paragraphs), NO_STATISTICS, parsed.publishedAt);
  };
  const articles = Array.from({ length: decisions }, (_, i) => evidence(i));
  const candidates: CandidateStory[] = Array.from({ length: MAX_STORY_CANDIDATES }, (_, story) => {
    const members = Array.from({ length: KEPT_MEMBERS }, (_, member) => evidence(decisions + story * KEPT_MEMBERS + member));
    return { id: `story-${story}`, size: KEPT_MEMBERS, members };
  });
  const perDecision: number[] = [];
  // The first pass warms the JIT and is not counted.
  for (let pass = 0; pass <= PASSES; pass += 1) {
    const start = process.hrtime.bigint();
    for (const article of articles) decideStory(article, candidates, DEFAULT_POLICY.model);
    if (pass > 0) perDecision.push(Number(process.hrtime.bigint() - start) / 1e3 / decisions);
  }
  const sorted = perDecision.sort((a, b) => a - b);
  return { candidates: MAX_STORY_CANDIDATES, membersEach: KEPT_MEMBERS, decisions, microseconds: { median: percentile(sorted, 0.5), min: sorted[0], max: sorted[sorted.length - 1] } };
}
