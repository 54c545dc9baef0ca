import { tokenize } from '../text/tokens';

/** A quotation in a claim: straight double quotes, as normalizeText leaves every quote mark. */
export interface Quote {
  /** The quoted words, without the quote marks and trailing punctuation. */
  text: string;
  /** Offsets of the quoted words within the sentence. */
  start: number;
  end: number;
}

/** Quotes shorter than this are scare quotes or names ("neutral", "Axis of Evil"), not quotations. */
export const MIN_QUOTE_WORDS = 3;

/**
 * Quotations of a sentence. A quote opened and not closed in the sentence runs to its end (a
 * quotation that spans sentences); a closing mark with no opening one quotes from the start.
 */
export function findQuotes(sentence: string): Quote[] {
  const marks: number[] = [];
  for (let i = 0; i < sentence.length; i += 1) if (sentence[i] === '"') marks.push(i);
  const quotes: Quote[] = [];
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /[\s,.:;]/.test(sentence[s])) s += 1;
    while (e > s && /[\s,.:;]/.test(sentence[e - 1])) e -= 1;
    const text = sentence.slice(s, e);
    if (tokenize(text).length >= MIN_QUOTE_WORDS) quotes.push({ text, start: s, end: e });
  };
  let i = 0;
  if (marks.length % 2 === 1) {
    // Unbalanced: decide by whether the odd mark opens (followed by a word) or closes.
    const first = marks[0];
    const opensAtStart = first === 0 || /[\s(\[]/.test(sentence[first - 1] ?? ' ');
    if (!opensAtStart) {
      push(0, first);
      i = 1;
    }
  }
  for (; i + 1 < marks.length; i += 2) push(marks[i] + 1, marks[i + 1]);
  if (i < marks.length) push(marks[i] + 1, sentence.length);
  return quotes;
}

/** Quote text reduced to its words, for comparing two renderings of one quotation. */
export function quoteWords(text: string): string[] {
  return tokenize(text).map((t) => t.lower);
}

export interface QuoteDifference {
  /** Words of the reference wording that this wording leaves out. */
  omitted: string[];
  /** Words this wording has that the reference does not. */
  added: string[];
}

/** Word-level difference of a wording against a reference (longest common subsequence). */
export function quoteDifference(reference: readonly string[], wording: readonly string[]): QuoteDifference {
  const n = reference.length;
  const m = wording.length;
  const table: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let a = n - 1; a >= 0; a -= 1)
    for (let b = m - 1; b >= 0; b -= 1) table[a][b] = reference[a] === wording[b] ? table[a + 1][b + 1] + 1 : Math.max(table[a + 1][b], table[a][b + 1]);
  const omitted: string[] = [];
  const added: string[] = [];
  let a = 0;
  let b = 0;
  while (a < n && b < m) {
    if (reference[a] === wording[b]) {
      a += 1;
      b += 1;
    } else if (table[a + 1][b] >= table[a][b + 1]) omitted.push(reference[a++]);
    else added.push(wording[b++]);
  }
  while (a < n) omitted.push(reference[a++]);
  while (b < m) added.push(wording[b++]);
  return { omitted, added };
}

/** Share of the shorter quote's words that the other one has in the same order (0..1). */
export function quoteOverlap(a: readonly string[], b: readonly string[]): number {
  const shorter = Math.min(a.length, b.length);
  if (shorter === 0) return 0;
  const diff = quoteDifference(a, b);
  const common = a.length - diff.omitted.length;
  return common / shorter;
}
