import { splitParagraphs } from '../text/normalize';

export interface TitledBody {
  title: string;
  paragraphs: string[];
}

const MAX_HEADLINE_WORDS = 30;

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
  if (wordCount(first) > MAX_HEADLINE_WORDS) {
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

function stripMarkdown(text: string): string {
  return text
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(\S.*?)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*([-*_]\s*){3,}$/gm, '');
}
