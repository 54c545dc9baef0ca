import { splitParagraphs } from '../text/normalize';
import { splitSentences } from '../text/sentences';
import { isCaption } from './boilerplate';

export interface TitledBody {
  title: string;
  paragraphs: string[];
  /** The title is a sentence of the text, not a headline (see ParsedArticle.titleFromText). */
  titleFromText?: boolean;
}

const MAX_HEADLINE_WORDS = 30;
/** A first line longer than this is body text, whatever its word count. */
const MAX_HEADLINE_CHARACTERS = 300;

/**
 * Text and Markdown: the first non-empty line is the headline. A photo caption before it is
 * skipped, and so is a one- or two-word line without punctuation (a section label, "International",
 * or furniture, "Advertisement"). A first line too long to be a headline means the article has none, and its
 * first sentence stands in; a first line written as a sentence (headlines carry no full stop) is
 * a standfirst or a lede, kept as the title but marked as not a headline.
 */
export function parsePlainText(text: string, markdown: boolean): TitledBody {
  const lines = splitParagraphs(markdown ? stripMarkdown(text) : text);
  let index = 0;
  // A line is only skipped when a plausible headline and a body still follow it.
  while (index < lines.length - 2 && isAboveHeadline(lines[index]) && !isSectionLabel(lines[index + 1]) && wordCount(lines[index + 1]) <= MAX_HEADLINE_WORDS) index += 1;
  const first = lines[index] ?? '';
  if (first.length > MAX_HEADLINE_CHARACTERS || wordCount(first) > MAX_HEADLINE_WORDS) {
    return { title: headlineFromSentence(first), paragraphs: lines.slice(index), titleFromText: true };
  }
  const title = first.replace(/[.\s]+$/, first.endsWith('...') ? '...' : '');
  return { title, paragraphs: lines.slice(index + 1), ...(readsAsSentence(first) ? { titleFromText: true } : {}) };
}

function isAboveHeadline(line: string): boolean {
  return isSectionLabel(line) || isCaption(line);
}

/**
 * Written as a sentence, not as a headline: it ends in a full stop after a lower-case word
 * ("...transport and energy.", not "U.S." nor "..."); a line in title case is a headline however
 * it ends ("Trump Stays Banned on Facebook. Keep It That Way.").
 */
function readsAsSentence(line: string): boolean {
  const text = line.trim();
  return !isTitleCase(text) && /\p{Ll}{2}\.["'”’)]?$/u.test(text);
}

/** Most words of four letters or more begin with a capital ("Russia And Iran Sign Pact To Deepen Ties"). */
function isTitleCase(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? [];
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return words.length >= 3 && capitalised >= 0.75 * words.length;
}

function isSectionLabel(line: string): boolean {
  return wordCount(line) <= 2 && !/[.!?:"]$/.test(line) && line.length < 30;
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** The opening of a paragraph's first sentence (abbreviations such as "Dr." do not end it), at most 20 words. */
export function headlineFromSentence(paragraph: string): string {
  const sentence = splitSentences(paragraph)[0]?.text ?? paragraph;
  const words = sentence.split(/\s+/);
  return words.length <= 20 ? sentence.replace(/\.$/, '') : `${words.slice(0, 20).join(' ')}...`;
}

/**
 * Markdown syntax out, its text kept. Every pattern reads within one line and stops at the next
 * bracket of its kind, so that openers that never close ("![ [ ![ ...") cost one pass, not one pass each.
 */
function stripMarkdown(text: string): string {
  return text
    .replace(/^```[^\n]*\n(?:(?!```)[^\n]*\n)*?```/gm, '')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*[-*+][ \t]+/gm, '')
    .replace(/!\[([^[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)/g, '')
    .replace(/\[([^[\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(\S.*?)\1/g, '$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '');
}
