import type { TableKey } from '../ports/table-store';

/**
 * Sort-key beginnings of a story's claim items: packed per revision (keys.storyClaims), one per
 * claim (keys.storyClaim), and the beginning both share, which one query reads them by.
 */
export const CLAIM_SORT_KEYS = { packed: 'CLAIMS#', single: 'CLAIM#', either: 'CLAIM' } as const;

const ABSORBED_PREFIX = 'ABSORBED#';

/**
 * The single-table layout. Everything one story needs for publishing lives in its partition, so a
 * digest reads one partition per story and never the whole table.
 */
export const keys = {
  object: (key: string): TableKey => ({ pk: `OBJECT#${key}`, sk: 'META' }),
  article: (articleId: string): TableKey => ({ pk: `ARTICLE#${articleId}`, sk: 'META' }),
  storyChoice: (articleId: string): TableKey => ({ pk: `ARTICLE#${articleId}`, sk: 'STORY' }),
  lshBand: (band: string): TableKey => ({ pk: `LSH#${band}`, sk: 'IDS' }),
  storyMeta: (storyId: string): TableKey => ({ pk: `STORY#${storyId}`, sk: 'META' }),
  /** The story's stamp, a counter of its writes outside the guarded record update (see Ledger.stampStory). */
  storyStamp: (storyId: string): TableKey => ({ pk: `STORY#${storyId}`, sk: 'STAMP' }),
  storyArticle: (storyId: string, articleId: string): TableKey => ({ pk: `STORY#${storyId}`, sk: `ARTICLE#${articleId}` }),
  /**
   * The claims a story gained at one revision of its record (an article's new claims, or those a
   * merge or split brought), packed; `part` numbers the items of claims too large for one.
   */
  storyClaims: (storyId: string, revision: number, part: number): TableKey => ({
    pk: `STORY#${storyId}`,
    sk: `${CLAIM_SORT_KEYS.packed}${String(revision).padStart(8, '0')}#${String(part).padStart(3, '0')}`,
  }),
  /** A claim as an item of its own, as an earlier release stored each claim (still read, see Ledger.storyClaims). */
  storyClaim: (storyId: string, claimId: string): TableKey => ({ pk: `STORY#${storyId}`, sk: `${CLAIM_SORT_KEYS.single}${claimId}` }),
  /** A mention as an item of its own, when its article's entry cannot hold it packed (see Ledger.saveMentions). */
  mention: (storyId: string, claimId: string, articleId: string, claimIndex: number): TableKey => ({
    pk: `STORY#${storyId}`,
    sk: `MENTION#${claimId}#${articleId}#${String(claimIndex).padStart(4, '0')}`,
  }),
  /** Marks a story as absorbed by this one, written with the absorbing update (see Ledger.commitStoryUpdate). */
  storyAbsorbed: (storyId: string, absorbedId: string): TableKey => ({ pk: `STORY#${storyId}`, sk: `${ABSORBED_PREFIX}${absorbedId}` }),
  storyTerm: (term: string, storyId: string): TableKey => ({ pk: `TERM#${term}`, sk: storyId }),
  /** How many articles count a term among their strongest (term statistics). */
  termCount: (term: string): TableKey => ({ pk: `TERMCOUNT#${term}`, sk: 'COUNT' }),
  /** Articles counted, spread over shards so that concurrent counts rarely touch the same item. */
  articleCountShard: (shard: number): TableKey => ({ pk: 'TERMCOUNT', sk: `ARTICLES#${String(shard).padStart(2, '0')}` }),
  /** Marks an article's terms as counted, so a retried ingest does not count them twice. */
  termsCounted: (articleId: string): TableKey => ({ pk: `ARTICLE#${articleId}`, sk: 'TERMS' }),
  digestState: (): TableKey => ({ pk: 'DIGEST', sk: 'STATE' }),
  digestPublished: (): TableKey => ({ pk: 'DIGEST', sk: 'PUBLISHED' }),
} as const;

export const storyPartition = (storyId: string) => `STORY#${storyId}`;
export const termPartition = (term: string) => `TERM#${term}`;

/** Recency-index partition under which every story's META item is listed. */
export const STORIES_BY_RECENCY = 'STORIES';

/** Shards of the article count (see keys.articleCountShard). */
export const ARTICLE_COUNT_SHARDS = 16;
