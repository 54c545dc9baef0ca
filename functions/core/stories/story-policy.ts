import fitted from './story-model.json';
import type { StoryModel } from './story-model';

/**
 * How stories are decided: the fitted link model and the mechanisms around it. Each mechanism can
 * be switched off, so `corroborate eval stories --ablate` measures what it adds.
 */
export interface StoryPolicy {
  model: StoryModel;
  /** Split a story whose members have become two events (planSplit). */
  split: boolean;
  /** Fold into the story an article joins the other candidates it also joins that are pieces of its event (StoryDecision.alsoJoins). */
  fold: boolean;
  /** Refuse candidates more than this many days from the article, when both are dated. */
  windowDays?: number;
  /** Read a page whose text is its site's chrome as its headline alone (isPageChrome). */
  pageChrome: boolean;
  /** Weigh a word by the paragraph in which the article first uses it (leadFactor), or every paragraph alike. */
  lead: boolean;
}

export const STORY_MODEL: StoryModel = fitted as StoryModel;

export const DEFAULT_POLICY: StoryPolicy = { model: STORY_MODEL, split: true, fold: true, pageChrome: true, lead: true };

/** The mechanisms an ablation can switch off, by name. */
export const ABLATIONS: Record<string, (policy: StoryPolicy) => StoryPolicy> = {
  split: (policy) => ({ ...policy, split: false }),
  fold: (policy) => ({ ...policy, fold: false }),
  'page-chrome': (policy) => ({ ...policy, pageChrome: false }),
  lead: (policy) => ({ ...policy, lead: false }),
  'window-5d': (policy) => ({ ...policy, windowDays: policy.windowDays === undefined ? 5 : undefined }),
};
