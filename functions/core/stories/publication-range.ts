import type { StoryRecord } from '../records';

/** Earliest and latest of the known publication times (ISO strings sort in time order); none when none is known. */
export function publicationRange(times: ReadonlyArray<string | undefined>): Pick<StoryRecord, 'publishedFrom' | 'publishedTo'> {
  const known = times.filter((t): t is string => !!t).sort();
  return known.length > 0 ? { publishedFrom: known[0], publishedTo: known[known.length - 1] } : {};
}
