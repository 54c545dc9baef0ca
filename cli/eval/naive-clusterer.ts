import { contentStems } from '../../functions/core/text/tokens';

/** What the naive reference reads of an article: its words and, where given, its publication day. */
export interface NaiveArticle {
  title?: string;
  text: string;
  publishedAt?: string;
}

/** How far apart in days a story's latest article and a new one may be, when both are dated. */
export const NAIVE_WINDOW_DAYS = 5;
/** The thresholds the reference is tuned over: cosine to a story's centroid. */
export const NAIVE_THRESHOLDS = Array.from({ length: 16 }, (_, i) => Number((0.05 + i * 0.05).toFixed(2)));

const DAY_MS = 86_400_000;

type SparseVector = Map<string, number>;

/**
 * The reference a story grouping has to beat: a single pass over the articles in arrival order,
 * TF-IDF vectors (IDF over the whole file, as such a baseline is usually run), each article joining
 * the story whose centroid it is most like when that cosine reaches the threshold; with dates, only
 * stories whose latest article is within NAIVE_WINDOW_DAYS. Returns a story label per article.
 */
export function naiveClusters(articles: readonly NaiveArticle[], threshold: number): number[] {
  const vectors = tfidfVectors(articles);
  const days = articles.map((article) => (article.publishedAt ? Date.parse(article.publishedAt) / DAY_MS : undefined));
  const centroids: SparseVector[] = [];
  const norms: number[] = [];
  const latest: Array<number | undefined> = [];
  const labels: number[] = [];
  vectors.forEach((vector, index) => {
    const day = days[index];
    let best = -1;
    let bestScore = -Infinity;
    centroids.forEach((centroid, story) => {
      const last = latest[story];
      if (day !== undefined && last !== undefined && Math.abs(day - last) > NAIVE_WINDOW_DAYS) return;
      const score = dot(vector, centroid) / norms[story];
      if (score > bestScore) [best, bestScore] = [story, score];
    });
    if (best >= 0 && bestScore >= threshold) {
      for (const [term, weight] of vector) centroids[best].set(term, (centroids[best].get(term) ?? 0) + weight);
      norms[best] = normOf(centroids[best]);
      if (day !== undefined) latest[best] = Math.max(latest[best] ?? day, day);
      labels.push(best);
    } else {
      centroids.push(new Map(vector));
      norms.push(normOf(vector));
      latest.push(day);
      labels.push(centroids.length - 1);
    }
  });
  return labels;
}

function tfidfVectors(articles: readonly NaiveArticle[]): SparseVector[] {
  const counts = articles.map((article) => {
    const terms = new Map<string, number>();
    for (const stem of contentStems(`${article.title ?? ''}\n${article.text}`)) terms.set(stem, (terms.get(stem) ?? 0) + 1);
    return terms;
  });
  const documentFrequency = new Map<string, number>();
  for (const terms of counts) for (const term of terms.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  return counts.map((terms) => {
    const vector: SparseVector = new Map();
    let norm = 0;
    for (const [term, count] of terms) {
      const weight = (1 + Math.log(count)) * Math.log(articles.length / documentFrequency.get(term)!);
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    return vector;
  });
}

function dot(vector: SparseVector, centroid: SparseVector): number {
  let sum = 0;
  for (const [term, weight] of vector) sum += weight * (centroid.get(term) ?? 0);
  return sum;
}

function normOf(vector: SparseVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum) || 1;
}
