import { normalizeText } from '../text/normalize';
import type { InputDescriptor, ParsedArticle } from './article';
import { removeBoilerplate } from './boilerplate';
import { decodeText } from './decode';
import { detectFormat } from './detect-format';
import { parseHtml } from './html';
import { parseJsonArticle } from './json-article';
import { detectLanguage } from './language';
import { headlineFromSentence, parsePlainText } from './plain-text';
import { datelineDate, toIsoDate } from './publication-date';
import { decodeMetadataValue } from './metadata-value';
import { InputRejected } from './rejection';

const MIN_ARTICLE_CHARACTERS = 40;
const MIN_BRIEF_WORDS = 8;

/**
 * Bytes and what S3 knows about them -> an article, or InputRejected with a reason a user can act on.
 * Precedence for each field: S3 metadata, then the document itself, then the key layout.
 */
export function parseArticle(bytes: Uint8Array, input: InputDescriptor): ParsedArticle {
  const raw = decodeText(bytes);
  const format = detectFormat(input.key, input.contentType, raw);
  let title = '';
  let titleFromText = false;
  let paragraphs: string[] = [];
  let documentFields: { source?: string; url?: string; publishedAt?: string } = {};

  if (format === 'html') {
    const html = parseHtml(raw);
    ({ title, paragraphs } = html);
    documentFields = html;
  } else if (format === 'json') {
    const json = parseJsonArticle(raw);
    title = json.title;
    paragraphs = json.bodyIsHtml ? parseHtml(json.paragraphs.join('\n')).paragraphs : json.paragraphs;
    documentFields = json;
  } else {
    const plain = parsePlainText(normalizeText(raw), format === 'markdown');
    ({ title, paragraphs } = plain);
    titleFromText = plain.titleFromText === true;
  }

  let body = removeBoilerplate(paragraphs.map(normalizeText).flatMap((p) => p.split('\n')).filter(Boolean));
  // A news brief can be a single sentence given as the headline, with no body.
  if (body.length === 0 && wordCount(title) >= MIN_BRIEF_WORDS) body = [normalizeText(title).replace(/\n/g, ' ')];
  const bodyText = body.join('\n');
  if (bodyText.replace(/\s/g, '').length < MIN_ARTICLE_CHARACTERS) {
    throw new InputRejected('no-article-text', 'no article text was found in the object');
  }
  title = normalizeText(title).replace(/\n/g, ' ').trim();
  if (!title) {
    title = headlineFromSentence(body[0]);
    titleFromText = true;
  }

  const metadata = readMetadata(input.metadata ?? {});
  const publishedAt =
    toIsoDate(metadata['published-at'] ?? metadata['publishedat'] ?? metadata['date']) ??
    toIsoDate(documentFields.publishedAt) ??
    datelineDate(bodyText);
  return {
    title,
    ...(titleFromText ? { titleFromText } : {}),
    paragraphs: body,
    source: clean(metadata['source'] ?? metadata['outlet']) ?? clean(documentFields.source) ?? sourceFromKey(input.key) ?? hostOf(metadata['url'] ?? documentFields.url),
    url: clean(metadata['url']) ?? clean(documentFields.url),
    publishedAt,
    language: detectLanguage(`${title}\n${bodyText}`),
    format,
  };
}

/** `inbox/<source>/<file>` names the outlet; a key directly under the inbox does not. */
export function sourceFromKey(key: string): string | undefined {
  const parts = key.split('/').filter(Boolean);
  return parts.length >= 3 ? parts[parts.length - 2] : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** S3 user metadata with lower-case names and values decoded (non-ASCII values arrive RFC 2047 encoded). */
function readMetadata(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), decodeMetadataValue(v)]));
}

export { InputRejected };
