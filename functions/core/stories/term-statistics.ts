import { informationContent } from '../text/word-weight';

/**
 * How many of the corpus's articles count each term among their strongest: the news the pipeline
 * has read tells how common a word is in news ("Biden", "COVID" are everywhere there, while spoken
 * English never says them), with general English as the prior until the corpus has spoken.
 */
export interface TermStatistics {
  /** Articles counted so far. */
  readonly articles: number;
  /** Of those, how many count `term` among their strongest terms. */
  frequency(term: string): number;
}

/** A corpus that has read nothing: every weight is the prior's. */
export const NO_STATISTICS: TermStatistics = { articles: 0, frequency: () => 0 };

/**
 * The prior counts as this many articles: the corpus outweighs it once it has read a few dozen
 * articles that use a word (a chosen prior strength, not fitted).
 */
const PRIOR_ARTICLES = 20;
/**
 * Expected words of an article: turns a word's probability in running text (SUBTLEX) into the
 * prior probability that an article uses it.
 */
const WORDS_PER_ARTICLE = 300;
const MAX_PRIOR_SHARE = 0.5;

/**
 * The weight of a term: -ln of the smoothed share of articles that use it (an IDF), with the share
 * estimated from the corpus and the prior together, as a Beta-binomial posterior mean.
 */
export function termWeight(term: string, statistics: TermStatistics): number {
  const prior = Math.min(MAX_PRIOR_SHARE, WORDS_PER_ARTICLE * 10 ** -informationContent(term));
  const share = (statistics.frequency(term) + PRIOR_ARTICLES * prior) / (statistics.articles + PRIOR_ARTICLES);
  return Math.max(0, -Math.log(share));
}

/** Term statistics kept in memory (tests, evaluation replays, the counts a snapshot holds). */
export class CountedTerms implements TermStatistics {
  private readonly counts = new Map<string, number>();
  articles = 0;

  constructor(initial?: { articles: number; counts: Iterable<[string, number]> }) {
    if (!initial) return;
    this.articles = initial.articles;
    for (const [term, count] of initial.counts) this.counts.set(term, count);
  }

  frequency(term: string): number {
    return this.counts.get(term) ?? 0;
  }

  /** Counts one more article that has `terms` among its strongest. */
  count(terms: Iterable<string>): void {
    this.articles += 1;
    for (const term of terms) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
  }
}
