import { splitParagraphs } from '../text/normalize';

export interface TitledBody {
  title: string;
  paragraphs: string[];
}

const MAX_HEADLINE_WORDS = 30;
/** A first line longer than this is body text, whatever its word count. */
const MAX_HEADLINE_CHARACTERS = 300;

/**
 * Text and Markdown: the first non-empty line is the headline. A one- or two-word line before it
 * without punctuation is a section label ("International") and is skipped; a first line too long to
 * be a headline means the article has none, and its first sentence stands in.
 */
export function parsePlainText(text: string, markdown: boolean): TitledBody {
  const lines = splitParagraphs(markdown ? stripMarkdown(text) : text);
  let index = 0;
  // A label is only skipped when a plausible headline and a body still follow it.
  while (index < lines.length - 2 && isSectionLabel(lines[index]) && !isSectionLabel(lines[index + 1]) && wordCount(lines[index + 1]) <= MAX_HEADLINE_WORDS) index += 1;
  const first = lines[index] ?? '';
  if (first.length > MAX_HEADLINE_CHARACTERS || wordCount(first) > MAX_HEADLINE_WORDS) {
    return { title: headlineFromSentence(first), paragraphs: lines.slice(index) };
  }
  return { title: first.replace(/[.\s]+$/, first.endsWith('...') ? '...' : ''), paragraphs: lines.slice(index + 1) };
}

function isSectionLabel(line: string): boolean {
  return wordCount(line) <= 2 && !/[.!?:"]$/.test(line) && line.length < 30;
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

export function headlineFromSentence(paragraph: string): string {
  const sentence = /^.*?[.!?](?=\s|$)/.exec(paragraph)?.[0] ?? paragraph;
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
