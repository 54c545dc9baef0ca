import type { ArticleRecord } from '../records';
import { articleTermVector, cosine, type TermVector } from '../stories/term-vector';

export type HeadlineArticle = Pick<ArticleRecord, 'id' | 'title' | 'titleFromText' | 'publishedAt' | 'ingestedAt'>;

/**
 * How much closer to the story (cosine to its centroid) a later headline must be to replace an
 * earlier one, so that the headline does not change back and forth as a story grows. At 0.1 the
 * headline changes on 6-13% of joins instead of 19-40%, and is an article's own title as often
 * (`npx tsx tools/measure-headlines.ts <stories-*.jsonl>`, MARGINS=0,0.1 to compare).
 */
export const HEADLINE_SWITCH_MARGIN = 0.1;

/**
 * A story's headline: of its articles' own headlines, the one closest to what the whole story is
 * about (its centroid); the earliest, unless a later one is closer by `margin`. A title that is only
 * a sentence of its article (a standfirst or a first sentence, `titleFromText`) is taken only when
 * no article has a headline. Identical headlines (copies) count once. Returns `fallback` for a
 * story without articles.
 */
export function chooseHeadline(articles: readonly HeadlineArticle[], centroid: TermVector, fallback: string, margin = HEADLINE_SWITCH_MARGIN): string {
  const ordered = [...articles].filter((a) => a.title.trim() !== '').sort(byArrival);
  const headlines = ordered.filter((a) => !a.titleFromText);
  const candidates = distinctTitles(headlines.length > 0 ? headlines : ordered);
  let best: { title: string; score: number } | undefined;
  for (const title of candidates) {
    const score = cosine(articleTermVector(title, []), centroid);
    if (!best || score > best.score + margin) best = { title, score };
  }
  return best?.title ?? fallback;
}



/** Each title once, as its earliest article writes it, in arrival order. */
function distinctTitles(articles: readonly HeadlineArticle[]): string[] {
  const seen = new Map<string, string>();
  for (const article of articles) {
    const key = article.title.toLowerCase().replace(/\s+/g, ' ').trim();
    if (!seen.has(key)) seen.set(key, article.title.trim());
  }
  return [...seen.values()];
}

function byArrival(a: HeadlineArticle, b: HeadlineArticle): number {
  const at = a.publishedAt ?? a.ingestedAt;
  const bt = b.publishedAt ?? b.ingestedAt;
  return at < bt ? -1 : at > bt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
