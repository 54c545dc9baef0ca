import type { ArticleRecord, ClaimRecord, MentionRecord, StoryRecord } from '../records';
import { originOf } from './independence';

export const DIGEST_SCHEMA_VERSION = 1;

export interface DigestMention {
  articleId: string;
  source: string;
  text: string;
}

export interface DigestClaim {
  id: string;
  text: string;
  outlets: string[];
  /** Outlets that reported it on their own: copies and rewrites count once, with their origin. */
  independentOutlets: number;
  firstReportedBy: { articleId: string; source: string; at: string };
  mentions: DigestMention[];
}

export interface DigestArticle {
  id: string;
  key: string;
  source: string;
  title: string;
  publishedAt?: string;
  duplicateOf?: string;
  derivedFrom?: string;
}

export interface DigestStory {
  id: string;
  headline: string;
  updatedAt: string;
  outlets: string[];
  articles: DigestArticle[];
  claims: DigestClaim[];
}

export interface Digest {
  schemaVersion: number;
  version: number;
  generatedAt: string;
  stories: DigestStory[];
}

/** Everything stored about one story, as read back for publishing. */
export interface StorySnapshot {
  story: StoryRecord;
  articles: ArticleRecord[];
  claims: ClaimRecord[];
  mentions: MentionRecord[];
}

export function buildDigest(snapshots: readonly StorySnapshot[], version: number, generatedAt: string): Digest {
  const stories = snapshots
    .filter((snapshot) => snapshot.articles.length > 0)
    .map(buildStory)
    .sort((a, b) => b.articles.length - a.articles.length || (b.updatedAt < a.updatedAt ? -1 : b.updatedAt > a.updatedAt ? 1 : 0));
  return { schemaVersion: DIGEST_SCHEMA_VERSION, version, generatedAt, stories };
}

function buildStory({ story, articles, claims, mentions }: StorySnapshot): DigestStory {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const mentionsByClaim = new Map<string, MentionRecord[]>();
  for (const mention of mentions) {
    if (!byId.has(mention.articleId)) continue;
    const list = mentionsByClaim.get(mention.claimId) ?? [];
    list.push(mention);
    mentionsByClaim.set(mention.claimId, list);
  }
  const digestClaims = claims
    .filter((claim) => mentionsByClaim.has(claim.id))
    .map((claim) => buildClaim(claim, mentionsByClaim.get(claim.id) ?? [], byId))
    .sort(
      (a, b) =>
        b.independentOutlets - a.independentOutlets ||
        b.mentions.length - a.mentions.length ||
        (a.firstReportedBy.at < b.firstReportedBy.at ? -1 : a.firstReportedBy.at > b.firstReportedBy.at ? 1 : a.id < b.id ? -1 : 1),
    );
  const sortedArticles = [...articles].sort((a, b) => (reportedAt(a) < reportedAt(b) ? -1 : reportedAt(a) > reportedAt(b) ? 1 : a.id < b.id ? -1 : 1));
  return {
    id: story.id,
    headline: story.headline,
    updatedAt: story.updatedAt,
    outlets: distinct(sortedArticles.map((a) => a.source)),
    articles: sortedArticles.map((a) => ({
      id: a.id,
      key: a.key,
      source: a.source,
      title: a.title,
      ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
      ...(a.duplicateOf ? { duplicateOf: a.duplicateOf } : {}),
      ...(a.derivedFrom ? { derivedFrom: a.derivedFrom } : {}),
    })),
    claims: digestClaims,
  };
}

function buildClaim(claim: ClaimRecord, mentions: MentionRecord[], articles: ReadonlyMap<string, ArticleRecord>): DigestClaim {
  const ordered = [...mentions].sort((a, b) => {
    const at = reportedAt(articles.get(a.articleId)!);
    const bt = reportedAt(articles.get(b.articleId)!);
    return at < bt ? -1 : at > bt ? 1 : a.articleId < b.articleId ? -1 : a.claimIndex - b.claimIndex;
  });
  const first = articles.get(ordered[0].articleId)!;
  const independentSources = new Set(ordered.map((m) => articles.get(originOf(m.articleId, articles))?.source ?? m.source));
  return {
    id: claim.id,
    text: claim.text,
    outlets: distinct(ordered.map((m) => m.source)),
    independentOutlets: independentSources.size,
    firstReportedBy: { articleId: first.id, source: first.source, at: reportedAt(first) },
    mentions: ordered.map((m) => ({ articleId: m.articleId, source: m.source, text: m.text })),
  };
}

/** Publication time when known, else when the pipeline first saw it. */
export function reportedAt(article: Pick<ArticleRecord, 'publishedAt' | 'ingestedAt'>): string {
  return article.publishedAt ?? article.ingestedAt;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}
