import type { StoryRecord } from '../records';

/** Earliest and latest of the known publication times (ISO strings sort in time order); none when none is known. */
export function publicationRange(times: ReadonlyArray<string | undefined>): Pick<StoryRecord, 'publishedFrom' | 'publishedTo'> {
  const known = times.filter((t): t is string => !!t).sort();
  return known.length > 0 ? { publishedFrom: known[0], publishedTo: known[known.length - 1] } : {};
}

const DAY_MS = 86_400_000;

/** Days between a publication time and a story's time range (0 inside it or when either is unknown). */
export function daysOutside(publishedAt: string | undefined, story: { publishedFrom?: string; publishedTo?: string }): number {
  if (!publishedAt || !story.publishedFrom || !story.publishedTo) return 0;
  const at = Date.parse(publishedAt);
  const from = Date.parse(story.publishedFrom);
  const to = Date.parse(story.publishedTo);
  if (at < from) return (from - at) / DAY_MS;
  if (at > to) return (at - to) / DAY_MS;
  return 0;
}
