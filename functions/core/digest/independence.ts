import type { ArticleRecord } from '../records';

/**
 * The article an article derives from, following copies and rewrites back to the first one: all
 * articles with the same origin are one independent report.
 */
export function originOf(articleId: string, articles: ReadonlyMap<string, Pick<ArticleRecord, 'duplicateOf' | 'derivedFrom'>>): string {
  let current = articleId;
  const seen = new Set<string>();
  for (;;) {
    const article = articles.get(current);
    const parent = article?.duplicateOf ?? article?.derivedFrom;
    if (!parent || seen.has(parent) || !articles.has(parent)) return current;
    seen.add(current);
    current = parent;
  }
}
