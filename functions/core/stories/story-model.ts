import type { ArticleEvidence } from './story-evidence';
import { LINK_FEATURES, linkFeatures, otherCandidates, pieceOfTheEvent, type CandidateStory, type LinkFeature } from './story-link';

/**
 * A logistic model of "this article reports this story's event" over the link features, fitted on
 * labelled story sets (tools/fit-story-model.ts) and scored on sets it was not fitted on
 * (`corroborate eval stories`).
 */
export interface StoryModel {
  features: readonly LinkFeature[];
  /** Standardisation of each feature, as fitted. */
  mean: readonly number[];
  scale: readonly number[];
  /**
   * The range of each feature that the model was fitted on (see fitStoryModel); a value beyond it
   * counts as the bound. Absent: no bounds.
   */
  lower?: readonly number[];
  upper?: readonly number[];
  weights: readonly number[];
  bias: number;
  /** Log-odds from which the best story is joined; below it the article opens a story. */
  threshold: number;
}

/**
 * Join the best candidate, or open a story. `alsoJoins` holds the other candidates that reach the
 * threshold too and are pieces of the best one's event (pieceOfTheEvent: their nearest members are
 * at least as alike as the article and the best one's): one event that its earlier reports, too
 * unlike one another, cut apart. The join folds them into one story. A candidate the article joins
 * but whose members are less like the best one's than the article is stays apart: the article may
 * bridge two related events (two stories of one topic) rather than two pieces of one.
 */
export type StoryDecision = { kind: 'join'; storyId: string; score: number; alsoJoins: string[] } | { kind: 'open'; score?: number };

/**
 * The log-odds that `article` reports `story`'s event. A linear model's slope holds over the values
 * it was fitted on and says nothing beyond them, so each feature is first held within its fitted
 * range: the training sets' stories have a few articles each (three outlets a story in BASIL and
 * AllSides), and the size's slope, carried on to an event of fifteen or fifty reports, would
 * count against joining it far more than any story the model learnt from.
 */
export function linkScore(model: StoryModel, values: readonly number[]): number {
  let score = model.bias;
  model.features.forEach((feature, i) => {
    const value = withinFittedRange(model, i, values[LINK_FEATURES.indexOf(feature)]);
    score += (model.weights[i] * (value - model.mean[i])) / model.scale[i];
  });
  return score;
}

/** The value of the model's `i`-th feature held within the range it was fitted on (as is, without bounds). */
export function withinFittedRange(range: Pick<StoryModel, 'lower' | 'upper'>, i: number, value: number): number {
  return Math.min(range.upper?.[i] ?? Infinity, Math.max(range.lower?.[i] ?? -Infinity, value));
}

/**
 * The story an article joins: the candidate with the highest log-odds, if it reaches the model's
 * threshold; otherwise it opens a story. Ties go to the smaller id, for determinism.
 */
export function decideStory(article: ArticleEvidence, candidates: readonly CandidateStory[], model: StoryModel): StoryDecision {
  return decideFromScored(scoreCandidates(article, candidates, model), model);
}

/** A candidate as scoreCandidates scores it: its log-odds, and its member nearest the article with that likeness. */
export interface ScoredCandidate {
  story: CandidateStory;
  score: number;
  nearestMember?: ArticleEvidence;
  nearest: number;
}

/** The decision over candidates the model has scored already (scoreCandidates: best first). */
export function decideFromScored(scored: ReadonlyArray<ScoredCandidate>, model: StoryModel): StoryDecision {
  const best = scored[0];
  if (!best) return { kind: 'open' };
  if (best.score < model.threshold) return { kind: 'open', score: best.score };
  const alsoJoins = scored
    .slice(1)
    .filter((candidate) => candidate.score >= model.threshold && pieceOfTheEvent(best.nearestMember, best.nearest, candidate.nearestMember))
    .map((candidate) => candidate.story.id);
  return { kind: 'join', storyId: best.story.id, score: best.score, alsoJoins };
}

/**
 * Every candidate with its features and log-odds, best first. Only the `computed` features are
 * worked out (by default the model's; the evaluation's replay asks for all of them).
 */
export function scoreCandidates(article: ArticleEvidence, candidates: readonly CandidateStory[], model: StoryModel, computed: readonly LinkFeature[] = model.features) {
  // Both nearestDistinct and nearestTwo read the candidates' distinct word weights (distinctLikeness).
  const others = otherCandidates(article, candidates, computed.includes('rivalBest'), computed.includes('nearestDistinct') || computed.includes('nearestTwo'));
  return candidates
    .map((story, i) => {
      const values = linkFeatures(article, story, others[i], computed);
      return { story, values, score: linkScore(model, values), nearestMember: others[i].nearestMember, nearest: others[i].nearest };
    })
    .sort((a, b) => b.score - a.score || (a.story.id < b.story.id ? -1 : 1));
}
