import { z } from 'zod';
import { INPUT_BOUNDS } from './bounds';
import { InputRejected } from './rejection';
import type { TitledBody } from './plain-text';

const text = z.string().trim().min(1);
const body = z.union([z.string(), z.array(z.string())]);

/**
 * The JSON article shape. Body text may be under `body`, `text` or `content` (a string, or an array
 * of paragraphs); everything else is optional and fills what the S3 metadata does not.
 */
export const JsonArticleSchema = z
  .object({
    title: text.optional(),
    headline: text.optional(),
    body: body.optional(),
    text: body.optional(),
    content: body.optional(),
    url: z.string().optional(),
    source: z.string().optional(),
    outlet: z.string().optional(),
    publishedAt: z.string().optional(),
    published_at: z.string().optional(),
    date: z.string().optional(),
  })
  .passthrough()
  .refine((value) => value.body !== undefined || value.text !== undefined || value.content !== undefined, {
    message: 'an article needs its text in "body", "text" or "content"',
  });

export type JsonArticle = z.infer<typeof JsonArticleSchema>;

export interface JsonParsed extends TitledBody {
  source?: string;
  url?: string;
  publishedAt?: string;
  /** The body was HTML markup and still needs main-content extraction. */
  bodyIsHtml: boolean;
}

export function parseJsonArticle(raw: string): JsonParsed {
  if (nestsDeeperThan(raw, INPUT_BOUNDS.jsonDepth)) {
    throw new InputRejected('invalid-shape', `the JSON nests more than ${INPUT_BOUNDS.jsonDepth} levels deep: it is not an article`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new InputRejected('invalid-json', `the object is not valid JSON (${(error as Error).message})`);
  }
  const result = JsonArticleSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new InputRejected('invalid-shape', `the JSON is not an article: ${problems.join('; ')}`);
  }
  const article = result.data;
  const bodyValue = article.body ?? article.text ?? article.content ?? '';
  const body = Array.isArray(bodyValue) ? bodyValue.join('\n') : bodyValue;
  return {
    title: article.title ?? article.headline ?? '',
    paragraphs: body.split(/\n+/),
    source: article.source ?? article.outlet,
    url: article.url,
    publishedAt: article.publishedAt ?? article.published_at ?? article.date,
    // A tag ends before the next "<": an unclosed "<p" is read once, not to the end of the body each time.
    bodyIsHtml: /<\/?(p|div|br|span|a|article|h\d)\b[^<>]*>/i.test(body),
  };
}

/** Whether arrays and objects nest more than `limit` deep, read in one pass outside strings, before parsing. */
function nestsDeeperThan(raw: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}
