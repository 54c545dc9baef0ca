import { normalizeText } from '../text/normalize';
import { splitSentences } from '../text/sentences';
import { hasWords, MAX_WORD_LENGTH } from '../text/tokens';
import type { InputDescriptor, ParsedArticle } from './article';
import { removeBoilerplate } from './boilerplate';
import { INPUT_BOUNDS } from './bounds';
import { decodeText } from './decode';
import { detectFormat } from './detect-format';
import { parseHtml } from './html';
import { parseJsonArticle } from './json-article';
import { detectLanguage } from './language';
import { headlineFromSentence, parsePlainText } from './plain-text';
import { datelineDate, toIsoDate } from './publication-date';
import { decodeMetadataValue } from './metadata-value';
import { InputRejected } from './rejection';
import { withoutSiteName } from './site-name';
import { outletName } from './outlet-name';

const MIN_ARTICLE_CHARACTERS = 40;
const MIN_BRIEF_WORDS = 8;

/**
 * Bytes and what S3 knows about them -> an article, or InputRejected with a reason a user can act on.
 * Precedence for each field: S3 metadata, then the document itself, then the key layout. Only the
 * first part of a text longer than INPUT_BOUNDS is read, and the article says so (`truncated`).
 */
export function parseArticle(bytes: Uint8Array, input: InputDescriptor): ParsedArticle {
  const raw = decodeText(bytes);
  const format = detectFormat(input.key, input.contentType, raw);
  let title = '';
  let titleFromText = false;
  let read: ReadPart = { paragraphs: [] };
  let documentFields: { source?: string; url?: string; publishedAt?: string } = {};

  if (format === 'html') {
    const html = parseHtml(raw);
    title = html.title;
    read = readPart(html.paragraphs, html.cut);
    documentFields = html;
  } else if (format === 'json') {
    const json = parseJsonArticle(raw);
    title = json.title;
    if (json.bodyIsHtml) {
      const html = parseHtml(json.paragraphs.join('\n'));
      read = readPart(html.paragraphs, html.cut);
    } else {
      read = readPart(json.paragraphs);
    }
    documentFields = json;
  } else {
    const text = readPart([raw]);
    const plain = parsePlainText(normalizeText(text.paragraphs.join('')), format === 'markdown');
    title = plain.title;
    titleFromText = plain.titleFromText === true;
    read = { paragraphs: plain.paragraphs, ...(text.truncated ? { truncated: text.truncated } : {}) };
  }

  let body = removeBoilerplate(read.paragraphs.map(normalizeText).flatMap((p) => p.split('\n')).filter(Boolean));
  // A news brief can be a single sentence given as the headline, with no body.
  if (body.length === 0 && wordCount(title) >= MIN_BRIEF_WORDS) body = [normalizeText(boundTitle(title)).replace(/\n/g, ' ')];
  const kept = keepArticle(body);
  body = kept.paragraphs;
  const bodyText = body.join('\n');
  if (bodyText.replace(/\s/g, '').length < MIN_ARTICLE_CHARACTERS) {
    throw new InputRejected('no-article-text', 'no article text was found in the object');
  }
  if (!hasWords(bodyText, 1)) {
    throw new InputRejected('no-article-text', `no words were found in the text (a run of more than ${MAX_WORD_LENGTH} letters is not read as a word)`);
  }
  title = boundTitle(normalizeText(boundTitle(title)).replace(/\n/g, ' ').trim());
  if (!title) {
    title = boundTitle(headlineFromSentence(body[0]));
    titleFromText = true;
  }

  const metadata = readMetadata(input.metadata ?? {});
  const named = clean(metadata['source'] ?? metadata['outlet']) ?? clean(documentFields.source) ?? sourceFromKey(input.key);
  const source = named !== undefined ? outletName(named) : hostOf(clean(metadata['url']) ?? clean(documentFields.url));
  const url = clean(metadata['url']) ?? clean(documentFields.url);
  if (!titleFromText) title = withoutSiteName(title, [source, hostOf(url)]);
  const publishedAt =
    toIsoDate(clean(metadata['published-at'] ?? metadata['publishedat'] ?? metadata['date'])) ??
    toIsoDate(clean(documentFields.publishedAt)) ??
    datelineDate(bodyText);
  const truncated = read.truncated ?? kept.truncated;
  return {
    title,
    ...(titleFromText ? { titleFromText } : {}),
    paragraphs: body,
    source,
    url,
    publishedAt,
    language: detectLanguage(`${title}\n${bodyText}`),
    format,
    ...(truncated ? { truncated } : {}),
  };
}

interface ReadPart {
  paragraphs: string[];
  /** Why only part of the input was read. */
  truncated?: string;
}

/** The paragraphs up to INPUT_BOUNDS.readCharacters, the last one cut at a line break or a space where there is one. */
function readPart(paragraphs: readonly string[], alreadyCut = false): ReadPart {
  const limit = INPUT_BOUNDS.readCharacters;
  const out: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    if (length + paragraph.length > limit) {
      out.push(cutAtBreak(paragraph, limit - length));
      return { paragraphs: out, truncated: `only the first ${limit} characters of the text were read` };
    }
    out.push(paragraph);
    length += paragraph.length;
  }
  return { paragraphs: out, ...(alreadyCut ? { truncated: `only the first ${limit} characters of the text were read` } : {}) };
}

/** The first `length` characters, back to the last line break or space in their second half. */
function cutAtBreak(text: string, length: number): string {
  const head = text.slice(0, Math.max(0, length));
  const breakAt = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(' '));
  return breakAt > head.length / 2 ? head.slice(0, breakAt) : head;
}

/** The body's paragraphs up to INPUT_BOUNDS.articleCharacters and articleSentences, the last one cut at a sentence end. */
function keepArticle(paragraphs: readonly string[]): ReadPart {
  const { articleCharacters, articleSentences } = INPUT_BOUNDS;
  const out: string[] = [];
  let length = 0;
  let sentences = 0;
  for (const paragraph of paragraphs) {
    const spans = splitSentences(paragraph.slice(0, articleCharacters - length + 1));
    const fits = spans.filter((span) => span.end <= articleCharacters - length).slice(0, articleSentences - sentences);
    if (fits.length === spans.length && paragraph.length <= articleCharacters - length) {
      out.push(paragraph);
      length += paragraph.length;
      sentences += spans.length;
      continue;
    }
    const end = fits.length > 0 ? fits[fits.length - 1].end : 0;
    if (end > 0) out.push(paragraph.slice(0, end));
    const reason = sentences + fits.length >= articleSentences ? `its first ${articleSentences} sentences` : `its first ${articleCharacters} characters`;
    return { paragraphs: out.length > 0 ? out : [cutAtBreak(paragraph, articleCharacters)], truncated: `the article was cut to ${reason}` };
  }
  return { paragraphs: out };
}

/** A title of at most INPUT_BOUNDS.titleCharacters, cut at a word. */
function boundTitle(title: string): string {
  const limit = INPUT_BOUNDS.titleCharacters;
  return title.length <= limit ? title : `${cutAtBreak(title, limit - 3)}...`;
}

/** `inbox/<source>/<file>` names the outlet; a key directly under the inbox does not. */
export function sourceFromKey(key: string): string | undefined {
  const parts = key.split('/').filter(Boolean);
  return parts.length >= 3 ? parts[parts.length - 2] : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return outletName(new URL(url).hostname);
  } catch {
    return undefined;
  }
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A metadata or document field, trimmed; left out when empty or longer than any real one. */
function clean(value: string | undefined): string | undefined {
  if (value === undefined || value.length > INPUT_BOUNDS.fieldCharacters) return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** S3 user metadata with lower-case names and values decoded (non-ASCII values arrive RFC 2047 encoded). */
function readMetadata(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), decodeMetadataValue(v)]));
}

export { InputRejected };
