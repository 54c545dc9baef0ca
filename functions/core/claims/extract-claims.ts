import { splitSentences } from '../text/sentences';
import { tokenize } from '../text/tokens';

/** A checkable statement and the exact text of the article it was read from. */
export interface ExtractedClaim {
  /** Position among the article's claims; with the article id it names the mention. */
  index: number;
  text: string;
  paragraph: number;
  /** Character offsets of `text` within its paragraph. */
  start: number;
  end: number;
}

const MIN_WORDS = 6;
const MAX_WORDS = 90;
const MIN_CONTENT_WORDS = 3;

/** Sentence-level claims: declarative sentences long enough to assert something. */
export function extractClaims(paragraphs: readonly string[]): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  paragraphs.forEach((paragraph, paragraphIndex) => {
    for (const sentence of splitSentences(paragraph)) {
      if (!isClaimLike(sentence.text)) continue;
      claims.push({ index: claims.length, text: sentence.text, paragraph: paragraphIndex, start: sentence.start, end: sentence.end });
    }
  });
  return claims;
}

function isClaimLike(sentence: string): boolean {
  if (/\?["')\]]*$/.test(sentence)) return false;
  const tokens = tokenize(sentence);
  if (tokens.length < MIN_WORDS || tokens.length > MAX_WORDS) return false;
  return tokens.filter((t) => !t.isStopword).length >= MIN_CONTENT_WORDS;
}
