import type { ClaimRecord } from '../records';
import type { ClaimFeatures } from './claim-features';
import { MIN_SHARED_TERMS } from './claim-index';
import { claimSimilarity, numbersConflict, SAME_CLAIM_THRESHOLD } from './claim-similarity';
import { isNegated } from './atomic-claims';
import { deniesPredicateOf } from './negation-scope';
import type { Quantity, ResolvedDate } from './dates';
import { isVerbLike } from './verbs';

/**
 * Contradictions between claims of one story: the same subject and predicate stated in the
 * negative ("Iran has not supplied drones" against "Iran has supplied drones"), or with another
 * figure or date ("runs for 25 years" against "runs for 20 years"). The matcher keeps such pairs
 * apart on purpose (different figures, opposite polarity); here they are scored again with the
 * difference taken out, and a pair that is then the same claim is a contradiction.
 */
export type ContradictionKind = 'negation' | 'number' | 'date';

export interface Contradiction {
  /** The earlier claim of the story that this one contradicts. */
  claimId: string;
  kind: ContradictionKind;
  /** What differs, this claim's value first: "not supplied vs supplied", "25 years vs 20 years". */
  detail: string;
  /** This claim's value and the other's (the figure, the date, or "negative"/"positive"). */
  ours: string;
  theirs: string;
}

export interface StatementFacts {
  negated: boolean;
  dates: readonly ResolvedDate[];
  quantities: readonly Quantity[];
  /** The statement itself, where known: which predicate a negation negates is read from it. */
  statement?: string;
}

/** An inverted index over the story's claims: candidates for a match, and what a new claim contradicts. */
export class StoryClaimIndex<T extends ClaimRecord = ClaimRecord> {
  private readonly byTerm = new Map<string, number[]>();
  private readonly claims: T[];

  constructor(claims: readonly T[]) {
    this.claims = [...claims];
    claims.forEach((claim, position) => {
      for (const term of claim.features.terms) {
        const list = this.byTerm.get(term);
        if (list) list.push(position);
        else this.byTerm.set(term, [position]);
      }
    });
  }

  /** Adds a claim made earlier in the same article. */
  add(claim: T): void {
    const position = this.claims.push(claim) - 1;
    for (const term of claim.features.terms) {
      const list = this.byTerm.get(term);
      if (list) list.push(position);
      else this.byTerm.set(term, [position]);
    }
  }

  /**
   * Claims sharing at least `minShared` terms, and at least `minShare` of the shorter claim's terms,
   * with these features. The share filter keeps a story's ubiquitous words (its places and actors)
   * from making every claim a candidate: of the 4,785 MSRP-train and STS-news pairs the matcher
   * takes for the same claim, one shares less than a quarter of the shorter side's terms.
   */
  candidates(features: ClaimFeatures, minShared: number, minShare = 0.25): T[] {
    const shared = new Map<number, number>();
    for (const term of features.terms) for (const position of this.byTerm.get(term) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
    const out: T[] = [];
    for (const [position, count] of shared) {
      const claim = this.claims[position];
      if (count >= minShared && count >= minShare * Math.min(features.terms.length, claim.features.terms.length)) out.push(claim);
    }
    return out;
  }

  /** The strongest contradiction of a claim with these features and facts, if any. */
  find(features: ClaimFeatures, facts: StatementFacts): Contradiction | undefined {
    const shared = new Map<number, number>();
    for (const term of features.terms) for (const position of this.byTerm.get(term) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
    let best: { contradiction: Contradiction; score: number } | undefined;
    for (const [position, count] of shared) {
      const other = this.claims[position];
      // Cheap filter before the full similarity: a contradiction restates most of the other's words.
      if (count < MIN_SHARED_TERMS + 1 || count < 0.5 * Math.min(features.terms.length, other.features.terms.length)) continue;
      const found = contradictionWith(features, facts, other);
      if (found && (!best || found.score > best.score)) best = found;
    }
    return best?.contradiction;
  }
}

/** Whether a claim contradicts another one (and how), with the similarity once the difference is set aside. */
export function contradictionWith(features: ClaimFeatures, facts: StatementFacts, other: ClaimRecord): { contradiction: Contradiction; score: number } | undefined {
  const otherStatement = other.statement ?? other.text;
  const otherNegated = other.negated ?? isNegated(otherStatement);
  if (otherNegated !== facts.negated) {
    const [negative, positive] = facts.negated ? [facts.statement, otherStatement] : [otherStatement, facts.statement];
    if (negative !== undefined && positive !== undefined && !deniesPredicateOf(negative, positive)) return undefined;
    const score = claimSimilarity(withoutPolarity(features), withoutPolarity(other.features));
    if (score >= SAME_CLAIM_THRESHOLD && !numbersConflict(features.numbers, other.features.numbers)) {
      const ours = facts.negated ? 'negative' : 'positive';
      const theirs = otherNegated ? 'negative' : 'positive';
      return { contradiction: { claimId: other.id, kind: 'negation', detail: `${facts.negated ? 'denies' : 'asserts'} what the other ${otherNegated ? 'denies' : 'asserts'}`, ours, theirs }, score };
    }
    return undefined;
  }
  if (!numbersConflict(features.numbers, other.features.numbers)) return undefined;
  const score = claimSimilarity(withoutNumbers(features), withoutNumbers(other.features));
  if (score < SAME_CLAIM_THRESHOLD) return undefined;
  const ourOnly = features.numbers.filter((n) => !other.features.numbers.includes(n));
  const theirOnly = other.features.numbers.filter((n) => !features.numbers.includes(n));
  const otherDates = other.dates ?? [];
  const inADate = (n: string, dates: readonly ResolvedDate[]) => dates.some((d) => statesNumber(d.text, n));
  if (ourOnly.every((n) => inADate(n, facts.dates)) && theirOnly.every((n) => inADate(n, otherDates))) {
    const ours = facts.dates.find((d) => ourOnly.some((n) => statesNumber(d.text, n)));
    const theirs = otherDates.find((d) => theirOnly.some((n) => statesNumber(d.text, n)));
    // A date worked out from an unknown publication day is no evidence against another date, and a
    // date in another place of its sentence is another date ("following the 2020 election" and
    // "the first cleaning since 2019")
    if (!ours || !theirs || !comparable(ours, theirs) || ours.value === theirs.value) return undefined;
    if (facts.statement !== undefined && !sameSlot(figureSlot(facts.statement, ours.text), figureSlot(otherStatement, theirs.text))) return undefined;
    return { contradiction: { claimId: other.id, kind: 'date', detail: `${ours.value} vs ${theirs.value}`, ours: ours.value, theirs: theirs.value }, score };
  }
  // figures of one kind only: a count of the same unit, or two bare figures ("at 7 p.m." is no
  // other figure for "3 months old", nor "2,129 points" for a "25-7" record), standing in one place
  // of their sentences and said of one holder; a bound or an estimate ("more than 350 yards",
  // "about $138 million") is no other figure for an exact one; the day or year of a date is no figure
  // ("all four" against "April 7": the date path above compares dates)
  const ourFigures = ourOnly.filter((n) => !inADate(n, facts.dates));
  const theirFigures = theirOnly.filter((n) => !inADate(n, otherDates));
  if (ourFigures.length === 0 || theirFigures.length === 0) return undefined;
  const pair = conflictingPair(quantitiesOf(facts.quantities, ourFigures), quantitiesOf(other.quantities ?? [], theirFigures), ourFigures, theirFigures, facts.statement, otherStatement);
  if (!pair) return undefined;
  const [ours, theirs] = pair;
  if (ours?.approximate || theirs?.approximate) return undefined;
  if (ours && theirs && ours.value === theirs.value) return undefined;
  const oursText = ours?.text ?? ourFigures.join(', ');
  const theirsText = theirs?.text ?? theirFigures.join(', ');
  return { contradiction: { claimId: other.id, kind: 'number', detail: `${oursText} vs ${theirsText}`, ours: oursText, theirs: theirsText }, score };
}

function comparable(a: ResolvedDate, b: ResolvedDate): boolean {
  const reliable = (d: ResolvedDate) => d.relativeTo === undefined || d.relativeTo === 'publishedAt';
  return reliable(a) && reliable(b) && a.value.length === b.value.length;
}

/**
 * Who a figure is said of: the name before it ("Tiarah Poyau, 22,"), the noun after an age
 * ("17-year-old boy"), or the name whose verb it follows ("Ty Lawson added 16 points").
 */
function figureHolder(statement: string, figure: Quantity): { kind: 'name' | 'noun'; words: string[] } | undefined {
  const number = figure.text.match(/\d[\d,.]*/)?.[0];
  if (!number) return undefined;
  const escaped = number.replace(/[.]/g, '\\.');
  const named = new RegExp(`(\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+)*),\\s+${escaped}\\b`, 'u').exec(statement);
  if (named) return { kind: 'name', words: named[1].toLowerCase().split(/\s+/) };
  const aged = new RegExp(`\\b${escaped}[-\\s]+(?:years?|months?)[-\\s]+old\\s+([\\p{Ll}-]+)`, 'u').exec(statement);
  if (aged) return { kind: 'noun', words: [aged[1]] };
  // "Shy Ely scored 23 points", "the Washington Nationals made Teixeira an eight-year, $160 million
  // offer": the name that is the subject of the verb the figure follows, in the same sentence
  const subject = new RegExp(`(\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+)*)\\s+(?:(?:has|have|had|was|were|is|are)\\s+)?(?:\\p{Ll}+ly\\s+)?(\\p{Ll}+)\\b[^;.!?"]{0,60}?[$€£]?\\b${escaped}\\b`, 'gu');
  for (const m of statement.matchAll(subject)) {
    if (isVerbLike(m[2], true) && !/^(?:The|A|An|In|On|At|After|Before|During|With|When|While|As|But|And)$/.test(m[1])) return { kind: 'name', words: m[1].toLowerCase().replace(/^the\s+/, '').split(/\s+/) };
  }
  return undefined;
}

/** Two holders of one kind that cannot be the same: names with no shared full form ("John Jenkin" / "Kathryn Jenkin"), or two nouns. */
function otherHolders(a: ReturnType<typeof figureHolder>, b: ReturnType<typeof figureHolder>): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  const within = (x: string[], y: string[]) => x.every((w) => y.includes(w));
  return !within(a.words, b.words) && !within(b.words, a.words);
}

/** The quantities that hold one of these numbers (written in figures, or in words as "two million" is 2000000). */
function quantitiesOf(quantities: readonly Quantity[], numbers: readonly string[]): Quantity[] {
  return quantities.filter((q) => numbers.some((n) => q.value === Number(n) || statesNumber(q.text, n)));
}

/** The text states the number whole (see wholeFigure): "Oct. 11, 2013" states 11 and 2013 but not 2, "12 magazines" not 2. */
function statesNumber(text: string, n: string): boolean {
  return wholeFigure(text, n) !== undefined;
}

/**
 * Where the text states a figure whole, in the text with its thousands separators out ("$750,000"
 * is the number 750000): not inside another number ("2" in "2013", "12" or "2.5").
 */
function wholeFigure(statement: string, figure: string): { text: string; at: number; end: number } | undefined {
  const plain = (text: string) => text.replace(/(\d),(?=\d{3}\b)/g, '$1');
  const text = plain(statement);
  const wanted = plain(figure).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const found = new RegExp(`(?<![\\p{N}.,])${wanted}(?![\\p{N}]|[.,]\\p{N})`, 'u').exec(text);
  return found ? { text, at: found.index, end: found.index + found[0].length } : undefined;
}

/**
 * The first figure of ours and of theirs that could be two values of one thing: of one kind (the
 * same unit, or both bare), standing in the same place of their sentences, and not said of two
 * holders ("Tiarah Poyau, 22" and "Tyreke Borel, 17", "a 17-year-old boy" and "a 33-year-old man":
 * the figures of two people, not two figures for one). With no quantity read on either side, two
 * bare numbers that stand in one place (undefined for both). Undefined when no two figures qualify.
 */
function conflictingPair(
  ours: readonly Quantity[],
  theirs: readonly Quantity[],
  ourNumbers: readonly string[],
  theirNumbers: readonly string[],
  ourStatement: string | undefined,
  theirStatement: string,
): [Quantity | undefined, Quantity | undefined] | undefined {
  // with no sentence to read places and holders from, the first figures of one kind
  const read = ourStatement !== undefined;
  if (ours.length === 0 && theirs.length === 0) {
    if (ourStatement === undefined) return [undefined, undefined];
    return ourNumbers.some((a) => theirNumbers.some((b) => sameSlot(figureSlot(ourStatement, a), figureSlot(theirStatement, b)))) ? [undefined, undefined] : undefined;
  }
  for (const q of ours) {
    const ourSlot = read ? figureSlot(ourStatement, q.text) : {};
    const ourHolder = read ? figureHolder(ourStatement, q) : undefined;
    const match = theirs.find(
      (t) => (t.unit ?? '') === (q.unit ?? '') && (!read || (sameSlot(ourSlot, figureSlot(theirStatement, t.text)) && !otherHolders(ourHolder, figureHolder(theirStatement, t)))),
    );
    if (match) return [q, match];
  }
  return undefined;
}

interface FigureSlot {
  before?: string;
  after?: string;
}

/**
 * The words on either side of a figure in its sentence: "Partin" and "was" for "36" in "Shawndell
 * Partin, 36, was charged", "the" and "of" for "12000 block" in "the 12000 block of East 223rd
 * Street".
 */
function figureSlot(statement: string, figure: string): FigureSlot {
  const found = wholeFigure(statement, figure);
  if (!found) return {};
  const { text, at, end } = found;
  const before = /([\p{L}\p{N}'’]+)[^\p{L}\p{N}]*$/u.exec(text.slice(Math.max(0, at - 60), at))?.[1];
  const after = /^[^\p{L}\p{N}]*([\p{L}\p{N}'’]+)/u.exec(text.slice(end, end + 60))?.[1];
  return { ...(before ? { before: before.toLowerCase() } : {}), ...(after ? { after: after.toLowerCase() } : {}) };
}

/**
 * Two figures stand in one place when a word beside them is the same: "total to 106 for the year"
 * and "total to 104 for 2016" do; "a 59-year-old woman" and "on 117th Street", "tied the game at
 * 13" and "a 47-yard field goal", "scoring 23 points and" and "with 2,117 points." do not. Figures
 * that merely share a sentence's subject and verb are most often different measures (a player's
 * points in a game and in a career, an age and a street number).
 */
function sameSlot(a: FigureSlot, b: FigureSlot): boolean {
  return (a.before !== undefined && a.before === b.before) || (a.after !== undefined && a.after === b.after);
}

function withoutPolarity(f: ClaimFeatures): ClaimFeatures {
  const drop = (w: string) => w === 'not' || w === 'never' || w === "n't" || w === 'no';
  return { ...(f.seq ? { seq: f.seq.filter((w) => !drop(w)) } : {}), terms: f.terms.filter((w) => !drop(w)), numbers: f.numbers, names: f.names, negated: false };
}

function withoutNumbers(f: ClaimFeatures): ClaimFeatures {
  const numbers = new Set(f.numbers);
  return { ...(f.seq ? { seq: f.seq.map((w) => (numbers.has(w) ? '#' : w)) } : {}), terms: f.terms.filter((t) => !numbers.has(t)), numbers: [], names: f.names, negated: f.negated };
}
