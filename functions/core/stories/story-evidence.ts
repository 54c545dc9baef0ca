import { firstTimeOfDay, MONTHS, WEEKDAYS } from '../claims/dates';
import { tokenize, type Token } from '../text/tokens';
import { normalize, topTerms, type TermVector } from './term-vector';
import { NO_STATISTICS, termWeight, type TermStatistics } from './term-statistics';

/**
 * What a story keeps of each member to decide which story a later article reports: the member's
 * strongest terms, its names and its headline, each weighted by how rare the word is in news when
 * it arrived, and its publication time.
 */
export interface ArticleEvidence {
  /** Content terms (stems), log-scaled counts times term weight; the strongest, unit length. */
  terms: TermVector;
  /** Names it uses (capitalised words not at a sentence start), weighted the same way. */
  names: TermVector;
  /** The words of its headline. */
  title: TermVector;
  /** Distinct content terms of the article: a short text shares fewer words by chance. */
  distinctTerms: number;
  /** The weekdays its text names ("on Tuesday"), sorted; absent when it names none. */
  weekdays?: string[];
  /**
   * The first time of day it names, headline first, in minutes after midnight: the event's time, as
   * a report states it in its lead. Later ones are of other moments (an arrest, a death at the
   * hospital) or, in a round-up, of other events. Absent when it names none.
   */
  timeOfDay?: number;
  publishedAt?: string;
}

/**
 * Terms kept per article: enough to tell events apart, bounded so a story can carry its members'.
 * Two reports of one event, each cut to its strongest terms, share more of them the more each
 * keeps. Of 40, 60 and 80, the story protocol reads every set's mean level or higher with 60,
 * while 80 lowers BASIL and ECB+ (docs/quality.md, "Terms kept per article").
 */
export const EVIDENCE_TERMS = 60;
const EVIDENCE_NAMES = 15;
/** How many of an article's strongest terms count toward the corpus's term statistics. */
export const COUNTED_TERMS = 12;

/** The words of an article that the evidence is made of, read once. */
export interface ArticleTerms {
  /** How often the article uses each term. */
  counts: ReadonlyMap<string, number>;
  /** How early the article first uses each term, as a factor in (0, 1] (leadFactor). */
  lead: ReadonlyMap<string, number>;
  names: ReadonlyMap<string, number>;
  title: ReadonlySet<string>;
  /** The weekdays the headline and text name. */
  weekdays: ReadonlySet<string>;
  /** The first time of day they name, in minutes after midnight. */
  timeOfDay?: number;
}

/**
 * A news report states its event in its lead and turns to background, reactions and related
 * events further down (the inverted pyramid), and crawled pages end in link lists of other
 * stories: so a word counts for less the later the paragraph in which the article first uses it.
 * A word first used in this paragraph (counted from 0) counts half; chosen among 6, 12, 24 and
 * none by the story protocol, out of set (docs/quality.md, "Lead").
 */
export const LEAD_HALF_PARAGRAPH = 12;

/** The weight of a word first used in paragraph `index` (0-based; the headline counts as 0). */
export function leadFactor(index: number, halfParagraph = LEAD_HALF_PARAGRAPH): number {
  return 1 / (1 + index / halfParagraph);
}

/** Terms whose corpus statistics are looked up per article: the strongest by the prior alone. */
export const LOOKED_UP_TERMS = 64;

/** The article's words; `leadHalfParagraph` Infinity weighs every paragraph alike. */
export function readArticleTerms(title: string, paragraphs: readonly string[], leadHalfParagraph = LEAD_HALF_PARAGRAPH): ArticleTerms {
  const counts = new Map<string, number>();
  const lead = new Map<string, number>();
  const names = new Map<string, number>();
  const titleTerms = new Set<string>();
  const weekdays = new Set<string>();
  let timeOfDay: number | undefined;
  const read = (text: string, inTitle: boolean, factor: number) => {
    timeOfDay ??= firstTimeOfDay(text);
    for (const token of tokenize(text)) {
      if (WEEKDAY_WORDS.has(token.lower)) weekdays.add(token.lower);
      if (!isTerm(token)) continue;
      counts.set(token.stem, (counts.get(token.stem) ?? 0) + 1);
      if (!lead.has(token.stem)) lead.set(token.stem, factor);
      if (isNameToken(text, token)) names.set(token.stem, (names.get(token.stem) ?? 0) + 1);
      if (inTitle && !token.isNumber) titleTerms.add(token.stem);
    }
  };
  read(title, true, 1);
  paragraphs.forEach((paragraph, index) => read(paragraph, false, leadFactor(index, leadHalfParagraph)));
  return { counts, lead, names, title: titleTerms, weekdays, ...(timeOfDay === undefined ? {} : { timeOfDay }) };
}

/**
 * The terms whose corpus statistics the evidence needs: the article's strongest under the prior.
 * Weaker ones keep the prior's weight, which the corpus would only lower further.
 */
export function termsToLookUp(terms: ArticleTerms): string[] {
  return strongest(weighted(terms.counts, (term) => termWeight(term, NO_STATISTICS), terms.lead), LOOKED_UP_TERMS);
}

/**
 * Past this weight a rarer word is not taken for a more telling one. A word that fewer than one
 * article in e^6 (about 400) uses is as likely one writer's choice ("unfunny", "shrivelled") as
 * the name of the event; uncapped, such words fill an article's strongest terms, which two
 * reports of one event then share little of (docs/quality.md, "Term weight cap and `rivalBest`").
 */
export const TERM_WEIGHT_CAP = 6;

/** The article's evidence under the corpus's current term weights, capped at `weightCap`. */
export function articleEvidence(terms: ArticleTerms, statistics: TermStatistics, publishedAt?: string, weightCap = TERM_WEIGHT_CAP): ArticleEvidence {
  const weights = new Map<string, number>();
  const weightOf = (term: string) => {
    let weight = weights.get(term);
    if (weight === undefined) weights.set(term, (weight = termWeight(term, statistics)));
    return weight;
  };
  const capped = (term: string) => Math.min(weightCap, weightOf(term));
  const titleVector: TermVector = {};
  for (const term of terms.title) titleVector[term] = capped(term);
  return {
    terms: strongestVector(weighted(terms.counts, capped, terms.lead), EVIDENCE_TERMS, weightOf),
    names: strongestVector(weighted(terms.names, capped), EVIDENCE_NAMES, weightOf),
    title: normalize(titleVector),
    distinctTerms: terms.counts.size,
    ...(terms.weekdays.size > 0 ? { weekdays: [...terms.weekdays].sort() } : {}),
    ...(terms.timeOfDay === undefined ? {} : { timeOfDay: terms.timeOfDay }),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

/** Log-scaled counts times term weights, times the lead factor when one is given. */
function weighted(counts: ReadonlyMap<string, number>, weightOf: (term: string) => number, lead?: ReadonlyMap<string, number>): TermVector {
  const vector: TermVector = {};
  for (const [term, count] of counts) vector[term] = (1 + Math.log(count)) * (lead?.get(term) ?? 1) * weightOf(term);
  return vector;
}

/**
 * The `count` strongest terms, unit length. Among equally strong terms (capped words an article
 * uses equally often) the more common in news go first: another report of the event is likelier
 * to use them.
 */
function strongestVector(vector: TermVector, count: number, uncappedWeight: (term: string) => number): TermVector {
  return topTerms(vector, count, (x, y) => uncappedWeight(x) - uncappedWeight(y));
}

function strongest(vector: TermVector, count: number): string[] {
  return Object.entries(vector)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([term]) => term);
}

/** The terms an article adds to the corpus's statistics: its strongest under the uncapped weights. */
export function countedTerms(terms: ArticleTerms, statistics: TermStatistics): string[] {
  return strongest(weighted(terms.counts, (term) => termWeight(term, statistics), terms.lead), COUNTED_TERMS);
}

/** Words that carry what an event is: no stopwords or words under three letters; figures count. */
function isTerm(token: Token): boolean {
  return !token.isStopword && (token.lower.length >= 3 || token.isNumber);
}

function isNameToken(text: string, token: Token): boolean {
  return token.isCapitalized && !CALENDAR_WORDS.has(token.lower) && !sentenceInitial(text, token.start);
}

/** Weekdays and months are capitalised but name no one: every report of every event has them. */
const CALENDAR_WORDS = new Set([...WEEKDAYS, ...MONTHS]);
/** ...but the weekday a report names dates its event, with or without a publication date. */
const WEEKDAY_WORDS = new Set(WEEKDAYS);

/** Capitalised at the start of a sentence says nothing about being a name. */
function sentenceInitial(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && /[\s"'(\[]/.test(text[i])) i -= 1;
  return i < 0 || /[.!?:]/.test(text[i]);
}
