/** A sentence with its exact position in the text it came from. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// Words after which a period does not end a sentence in news copy.
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sen sens rep reps gov gen lt col sgt capt cmdr maj adm st jr sr inc corp co ltd
  vs etc no nos jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon dept univ approx est
  fig pres supt insp det ave blvd rd u.s u.k u.n e.g i.e a.m p.m d.c u.s.a`.split(/\s+/),
);

// Starts only where a run of end punctuation starts: tried at every mark of a long run ("!!!!..."),
// each attempt would read the rest of the run, quadratic in its length.
// Scraped pages run paragraphs together without a space ("died at the scene.The fourth victim"):
// after a lower-case word, a capitalised word right after the mark starts a sentence as well (the
// second alternative, whose lower-case word is read before the run, so that a long run is read once).
const BOUNDARY = /(?<![.!?])([.!?]+)(["')\]]*)(\s+)(?=["'(\[]?[\p{Lu}\p{N}])|(?<=\p{Ll}{2})(?<![.!?])([.!?]+)(["')\]]*)(?=\p{Lu}\p{Ll})/gu;
/** The word before a period is read from at most this many characters back (abbreviations and initials are short). */
const LAST_WORD_WINDOW = 32;

/**
 * Splits a paragraph into sentences. Rule-based on purpose: news prose is regular enough, and a
 * statistical splitter would add megabytes to the function bundle for little gain.
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(BOUNDARY)) {
    const punctuationAt = match.index ?? 0;
    const [marks, closers, space] = [match[1] ?? match[4], match[2] ?? match[5], match[3] ?? ''];
    if (marks === '.' && !endsSentence(paragraph, start, punctuationAt)) continue;
    const end = punctuationAt + marks.length + closers.length;
    pushSpan(spans, paragraph, start, end);
    start = end + space.length;
  }
  pushSpan(spans, paragraph, start, paragraph.length);
  return spans;
}

function endsSentence(text: string, sentenceStart: number, periodAt: number): boolean {
  const before = text.slice(Math.max(sentenceStart, periodAt - LAST_WORD_WINDOW), periodAt);
  const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
  if (lastWord.length === 0) return true;
  // An initial such as the "W." in "George W. Bush".
  if (/^\p{Lu}$/u.test(lastWord)) return false;
  return !ABBREVIATIONS.has(lastWord.toLowerCase().replace(/\.$/, ''));
}

function pushSpan(spans: SentenceSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s += 1;
  while (e > s && /\s/.test(text[e - 1])) e -= 1;
  if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
}
