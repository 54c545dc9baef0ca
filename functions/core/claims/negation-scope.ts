import { claimFeatures } from './claim-features';
import { AUX, isVerbLike } from './verbs';
import { tokenize } from '../text/tokens';

/**
 * What a negation negates, read from the words after it: the scope the dispute check
 * (contradictionWith) needs to tell "will not be restored" against "will be restored" (a dispute)
 * from "would not bow to pressure" against "vowed to defend the island" (none).
 */

/**
 * A negation, and what it negates: the first content word after it ("will not be fully restored",
 * "never disappeared", "has yet to respond", "non-life-threatening"), or after the verb that follows
 * a negated subject ("No one inside the center was injured"); a denial negates what follows it.
 */
const NEGATION_WORD =
  /\b(?:not|never|no\s+longer|yet\s+to|denied|denies|deny)\b|n['’]t\b|\bnon[-\s](?=life)|\b(no\s+one|nobody|nothing|none|neither)\b/giu;
/** Words of degree between a negation and what it negates ("has n't had that much clout"). */
const DEGREE = new Set(['much', 'many', 'more', 'most', 'very', 'too', 'so', 'enough', 'only', 'even', 'just', 'quite', 'all', 'any', 'anything', 'anyone', 'one']);
/** A preposition right before a negation puts it in a phrase of its own ("fired for not meeting the deadline"). */
const PREPOSITION_BEFORE = /\b(?:for|by|of|about|over|after|before|despite|without|to)\s*$/i;
/** Words that make what follows them a condition or a time, not what the statement asserts. */
const CONDITION = /\b(?:if|unless|whether|when|whenever)\b/i;

/** The stems a statement negates (see NEGATION_WORD), leaving out negations inside a condition or a prepositional phrase. */
function negatedPredicates(statement: string): Set<string> {
  const out = new Set<string>();
  for (const negation of statement.matchAll(NEGATION_WORD)) {
    const at = negation.index ?? 0;
    const before = statement.slice(0, at);
    const clause = before.split(/[,;:]/).pop() ?? '';
    if (CONDITION.test(clause) || PREPOSITION_BEFORE.test(before)) continue;
    // within its clause: "is n't over, '' said Reavey" negates nothing past the comma
    const after = statement.slice(at + negation[0].length);
    // "was not one person, but probably a combination of people": a contrast, which asserts what follows "but"
    if (/^[^,;:.!?]*,\s*but\b/i.test(after)) continue;
    const tokens = tokenize(after.split(/[,;:.!?"“”]|''/)[0]);
    // after a negated subject, what it negates is its verb's: past the first verb
    const verbAt = negation[1] === undefined ? 0 : tokens.findIndex((token) => isVerbLike(token.lower)) + 1;
    const predicate = tokens.slice(Math.max(verbAt, 0)).find((token) => !token.isStopword && !token.isNumber && !/ly$/.test(token.lower) && !AUX.has(token.lower) && !DEGREE.has(token.lower));
    const stem = predicate ? claimFeatures(predicate.text).seq?.[0] : undefined;
    if (stem) out.add(stem);
  }
  return out;
}

/**
 * Whether the negative statement negates a predicate that the positive one asserts: the same
 * predicate stated in the negative ("communications will not be fully restored" against "service
 * restored by December 31"), not a negation of something the other does not say ("would not bow to
 * pressure" against "vowed to defend the island"; "has no plans to create a commission" against
 * "decided against appointing one"), nor one the other negates as well ("I never dreamed ..."
 * quoted by both), nor one inside a condition ("if they don't pass this bill, it will increase the
 * risk" against "to pass this bill would increase the risk") or a prepositional phrase ("losing their
 * jobs for not meeting a deadline" against "unlikely to meet a deadline").
 */
export function deniesPredicateOf(negative: string, positive: string): boolean {
  const asserted = new Set(claimFeatures(positive).seq ?? []);
  const negatedThere = negatedPredicates(positive);
  return [...negatedPredicates(negative)].some((stem) => asserted.has(stem) && !negatedThere.has(stem));
}
