import type { DigestStory } from '../digest/build-digest';
import { claimNumbers } from '../digest/digest-bounds';
import { articlesOf, claimsOf, isDisputed } from './changes';

/** A story's numbers, as the feed, the page and the story document state them. */
export interface StorySummary {
  outlets: number;
  articles: number;
  /** Articles that copy or paraphrase another (`duplicateOf` / `derivedFrom`). */
  copies: number;
  claims: number;
  /** Claims carried by two or more outlets. */
  corroborated: number;
  /** Claims reported by two or more outlets on their own (copies folded into their origin). */
  independentlyCorroborated: number;
  disputed: number;
  /** Earliest publication (or first-seen) time among its articles and claims. */
  firstPublishedAt?: string;
  /** "5 outlets (1 copy or rewrite), 96 claims: 12 reported by more than one outlet, 9 independently corroborated, 2 disputed" */
  text: string;
}

export function summarizeStory(story: DigestStory): StorySummary {
  const articles = articlesOf(story);
  const claims = claimsOf(story);
  const outlets = Array.isArray(story.outlets) ? new Set(story.outlets).size : new Set(articles.map((a) => a.source)).size;
  const copies = articles.filter((a) => a.duplicateOf || a.derivedFrom).length;
  // A digest entry that shows part of its story carries the whole story's numbers.
  const { claims: claimCount, corroborated, independentlyCorroborated, disputed } = story.partial ?? claimNumbers(claims, isDisputed);
  const times = [...articles.map((a) => a.publishedAt), ...claims.map((c) => c.firstReportedBy?.at)].filter((t): t is string => typeof t === 'string' && !Number.isNaN(Date.parse(t)));
  const firstPublishedAt = times.sort((a, b) => Date.parse(a) - Date.parse(b))[0];

  const head = `${plural(outlets, 'outlet')}${copies > 0 ? ` (${copies} ${copies === 1 ? 'copy or rewrite' : 'copies or rewrites'})` : ''}, ${plural(claimCount, 'claim')}`;
  const details: string[] = [];
  if (claimCount > 0) {
    details.push(`${corroborated} reported by more than one outlet`);
    details.push(`${independentlyCorroborated} independently corroborated`);
    if (disputed > 0) details.push(`${disputed} disputed`);
  }
  return {
    outlets,
    articles: articles.length,
    copies,
    claims: claimCount,
    corroborated,
    independentlyCorroborated,
    disputed,
    ...(firstPublishedAt ? { firstPublishedAt: new Date(Date.parse(firstPublishedAt)).toISOString() } : {}),
    text: details.length > 0 ? `${head}: ${details.join(', ')}` : head,
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Cuts text to at most `max` characters, on a word boundary where one is near, with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(0, max - 1)).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "22 Nov 2026, 09:01 UTC": the same on every machine, whatever its locale or time zone. */
export function formatUtc(iso: string | undefined): string {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t)) return iso ?? '';
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}
