import type { ClaimRecord } from '../records';
import type { ClaimFeatures } from './claim-features';
import { MIN_SHARED_TERMS } from './claim-index';
import { claimSimilarity, numbersConflict, SAME_CLAIM_THRESHOLD } from './claim-similarity';
import { isNegated } from './atomic-claims';
import type { Quantity, ResolvedDate } from './dates';

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
  const otherNegated = other.negated ?? isNegated(other.statement ?? other.text);
  if (otherNegated !== facts.negated) {
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
  const inDates = (numbers: string[], dates: readonly ResolvedDate[]) => numbers.every((n) => dates.some((d) => d.text.includes(n)));
  if (inDates(ourOnly, facts.dates) && inDates(theirOnly, otherDates)) {
    const ours = facts.dates.find((d) => ourOnly.some((n) => d.text.includes(n)));
    const theirs = otherDates.find((d) => theirOnly.some((n) => d.text.includes(n)));
    // A date worked out from an unknown publication day is no evidence against another date.
    if (!ours || !theirs || !comparable(ours, theirs) || ours.value === theirs.value) return undefined;
    return { contradiction: { claimId: other.id, kind: 'date', detail: `${ours.value} vs ${theirs.value}`, ours: ours.value, theirs: theirs.value }, score };
  }
  const ours = pickQuantity(facts.quantities, ourOnly);
  const theirs = pickQuantity(other.quantities ?? [], theirOnly, ours?.unit);
  if (ours && theirs && ours.unit && theirs.unit && ours.unit !== theirs.unit) return undefined;
  const oursText = ours?.text ?? ourOnly.join(', ');
  const theirsText = theirs?.text ?? theirOnly.join(', ');
  if (ours && theirs && ours.value === theirs.value) return undefined;
  return { contradiction: { claimId: other.id, kind: 'number', detail: `${oursText} vs ${theirsText}`, ours: oursText, theirs: theirsText }, score };
}

function comparable(a: ResolvedDate, b: ResolvedDate): boolean {
  const reliable = (d: ResolvedDate) => d.relativeTo === undefined || d.relativeTo === 'publishedAt';
  return reliable(a) && reliable(b) && a.value.length === b.value.length;
}

function pickQuantity(quantities: readonly Quantity[], numbers: readonly string[], unit?: string): Quantity | undefined {
  const candidates = quantities.filter((q) => numbers.some((n) => q.text.replace(/,/g, '').includes(n)));
  return candidates.find((q) => unit && q.unit === unit) ?? candidates[0];
}

function withoutPolarity(f: ClaimFeatures): ClaimFeatures {
  const drop = (w: string) => w === 'not' || w === 'never' || w === "n't" || w === 'no';
  return { ...(f.seq ? { seq: f.seq.filter((w) => !drop(w)) } : {}), terms: f.terms.filter((w) => !drop(w)), numbers: f.numbers, names: f.names, negated: false };
}

function withoutNumbers(f: ClaimFeatures): ClaimFeatures {
  const numbers = new Set(f.numbers);
  return { ...(f.seq ? { seq: f.seq.map((w) => (numbers.has(w) ? '#' : w)) } : {}), terms: f.terms.filter((t) => !numbers.has(t)), numbers: [], names: f.names, negated: f.negated };
}
