import { createHash } from 'node:crypto';

/**
 * Identity of an article's content: the same words in the same order, whatever the white space,
 * case or punctuation. Two uploads with the same hash are one article.
 */
export function contentHash(title: string, paragraphs: readonly string[]): string {
  const canonical = [title, ...paragraphs]
    .join(' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(canonical).digest('hex').slice(0, 20);
}
