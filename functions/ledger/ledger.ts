import type { MinHashSignature } from '../core/fingerprint/minhash';
import type { StorySnapshot, StoryStamp } from '../core/digest/build-digest';
import type { StoryState } from '../core/digest/digest-refresh';
import type { ArticleRecord, ClaimRecord, MentionRecord, StoryRecord } from '../core/records';
import type { MemberTerms } from '../core/stories/split';
import type { TermVector } from '../core/stories/term-vector';
import type { ArticleEvidence } from '../core/stories/story-evidence';
import { TABLE } from '../shared/resources';
import type { TableItem, TableKey, TableStore } from '../ports/table-store';
import { ARTICLE_COUNT_SHARDS, CLAIM_SORT_KEYS, keys, STORIES_BY_RECENCY, storyPartition, termPartition } from './keys';
import { CountedTerms, type TermStatistics } from '../core/stories/term-statistics';
import { PACKED_ATTRIBUTE, packFields, unpackFields } from './packed-fields';
import { storySize } from '../core/stories/story-members';

export type ObjectOutcome = 'ingested' | 'duplicate' | 'rejected';

export interface ObjectRecord {
  key: string;
  etag?: string;
  outcome: ObjectOutcome;
  articleId?: string;
  reason?: string;
  at: string;
}

export interface StoredArticle extends ArticleRecord {
  signature: MinHashSignature;
  /** Share of the headline's content words its text uses (see articleFingerprint); absent for a text too long to be chrome. */
  titleInText?: number;
}

/** A story as read from its partition. */
export interface StoredStory extends StorySnapshot {
  story: StoryRecord & StoryStamp & { revision: number };
  /** What the story keeps of its articles for splitting, by article id (absent for articles stored without it). */
  memberTerms: Map<string, MemberTerms>;
  /**
   * How many members the read left out (recentStorySnapshot): their mentions and terms are not in
   * it, nor the claims the story gained before its newest revisions.
   */
  unreadMembers?: number;
  /** Stories this one has absorbed (read whole only: storySnapshot, storyContents). */
  absorbed?: ReadonlySet<string>;
}

/** Stories whose centroid mentions a term, most recently opened first. */
export const STORIES_PER_TERM = 25;
/**
 * Article ids kept per LSH band item. A band value that many articles share (boilerplate, a wire
 * story reprinted everywhere) stops growing here: an article that reads the band full does not add
 * itself (concurrent writers may pass the limit by a few), so the item stays under 1 KB (one write
 * unit) and reading it costs the same at any corpus size. The ids kept are the earliest ones, i.e.
 * the originals that later copies are matched to, and a real copy shares many bands with its
 * original, so a full band costs no recall in practice.
 */
export const MAX_IDS_PER_BAND = 40;

/** What the LSH band items of an article say: the articles sharing its bands, and how full each band is. */
export interface BandReading {
  /** Article id -> number of the article's bands it is in. */
  sharing: Map<string, number>;
  /** Band -> ids it holds, for the bands that have an item. */
  held: Map<string, number>;
}
/** Term statistics as read from the table, with the counter items the read found. */
export interface StoredTermStatistics extends TermStatistics {
  readonly counters: ReadonlySet<string>;
}

/**
 * The story record's fields stored packed (see packFields): the centroid and the kept members' evidence
 * make up most of the record, and the member ids grow with the story. The META item is written in
 * a transaction (two write units per KB) with every article that joins.
 */
const PACKED_STORY_FIELDS = ['centroid', 'members', 'memberIds'] as const;

/**
 * The claims a story gains in one update are stored packed together, in one item (see
 * keys.storyClaims). They are written in the story's transaction, which bills two write units per
 * started KB of each item: an item per claim cost two units or more for each claim, where an
 * article's claims packed together take a few KB in all.
 */
const PACKED_CLAIMS_FIELDS = ['claims'] as const;

/**
 * Packed bytes a claims item holds at most, below DynamoDB's 400 KB per item. An update's claims
 * packed stay far below (tens of KB for an article's 300 claims at most) unless their text hardly
 * compresses or a merge brings thousands; claims beyond it go into further items (see packedClaims).
 */
const MAX_PACKED_CLAIMS_BYTES = 300_000;

/**
 * What the story's entry for an article keeps packed: its mentions of the story's claims, and its
 * terms for splitting. One item per article, where a mention item each cost a write unit at least.
 */
const PACKED_ENTRY_FIELDS = ['mentions', 'termVector', 'names', 'evidence'] as const;

/**
 * Packed fields an entry holds at most. DynamoDB items hold 400 KB; an article's mentions packed
 * stay far below (tens of KB for its 300 claims at most) unless its text hardly compresses, and then
 * each mention is an item of its own instead (see mentionsOf).
 */
const MAX_PACKED_ENTRY_BYTES = 300_000;

/**
 * One transaction holds the story META and up to this many items of new claims (DynamoDB allows
 * 100 items), of this many packed bytes in all (it allows 4 MB, and the META may take 400 KB).
 */
const MAX_CLAIM_ITEMS_PER_TRANSACTION = 99;
const MAX_CLAIM_BYTES_PER_TRANSACTION = 3_000_000;

/**
 * The pipeline's memory, in domain terms, over any TableStore. Record shapes are stored as they are,
 * beside their keys, but for the bulky fields of story records and stories' article entries, and
 * the claims a story gains in one update, stored packed (see packFields); `revision` guards
 * read-modify-write updates.
 */
export class Ledger {
  constructor(private readonly table: TableStore) {}

  async findObject(key: string): Promise<ObjectRecord | undefined> {
    return strip<ObjectRecord>(await this.table.get(keys.object(key)));
  }

  async recordObject(record: ObjectRecord): Promise<void> {
    await this.table.putAll([{ ...keys.object(record.key), ...record }]);
  }

  async findArticle(articleId: string): Promise<StoredArticle | undefined> {
    return strip<StoredArticle>(await this.table.get(keys.article(articleId)));
  }

  async findArticles(articleIds: readonly string[]): Promise<StoredArticle[]> {
    if (articleIds.length === 0) return [];
    return (await this.table.batchGet(articleIds.map(keys.article))).map((item) => strip<StoredArticle>(item)!);
  }

  /**
   * Records which story an article goes to before it joins it, first writer wins: a retried or
   * concurrently redelivered ingest of the same article then joins the same story, instead of
   * choosing again in a corpus that has changed meanwhile. Returns the story to use.
   */
  async chooseStoryOnce(articleId: string, storyId: string): Promise<string> {
    if (await this.table.putIfAbsent({ ...keys.storyChoice(articleId), storyId })) return storyId;
    const recorded = await this.table.get(keys.storyChoice(articleId));
    return String(recorded?.storyId ?? storyId);
  }

  /** Points committed articles at the story that now holds them (after a merge). */
  async moveArticles(articleIds: readonly string[], storyId: string): Promise<void> {
    const moved = (await this.findArticles(articleIds)).filter((article) => article.storyId !== storyId).map((article) => ({ ...keys.article(article.id), ...article, storyId }));
    if (moved.length > 0) await this.table.putAll(moved);
  }

  /**
   * Points one committed article at story `to`, only if its record still names story `from`: an
   * ingest following its story into a merge must not undo a split that moved the article meanwhile.
   * Returns the story the record names afterwards.
   */
  async moveArticleFrom(articleId: string, from: string, to: string): Promise<string> {
    if (from === to || (await this.table.setIfUnset(keys.article(articleId), 'storyId', to, from))) return to;
    return (await this.findArticle(articleId))?.storyId ?? from;
  }

  /**
   * Commits an article: written last, so a retried ingest that finds it knows the work is done.
   * First writer wins: two ingests of one article at the same moment (the same text uploaded twice)
   * keep one record, so every later decision about the article sees one ingestion time. Returns the
   * record that is committed.
   */
  async commitArticle(article: StoredArticle): Promise<StoredArticle> {
    if (await this.table.putIfAbsent({ ...keys.article(article.id), ...article })) return article;
    return (await this.findArticle(article.id)) ?? article;
  }

  async readBands(bands: readonly string[]): Promise<BandReading> {
    return bandReading(await this.table.batchGet(bands.map(keys.lshBand)));
  }

  /**
   * What an arriving article needs read first, in one batch: its own record, if a previous
   * delivery got that far, and its LSH bands, which find the copies it may be of.
   */
  async readArrival(articleId: string, bands: readonly string[]): Promise<{ existing?: StoredArticle; bands: BandReading }> {
    const articleKey = keys.article(articleId);
    const items = await this.table.batchGet([articleKey, ...bands.map(keys.lshBand)]);
    const record = items.find((item) => item.pk === articleKey.pk && item.sk === articleKey.sk);
    const existing = strip<StoredArticle>(record);
    return { ...(existing ? { existing } : {}), bands: bandReading(items.filter((item) => item !== record)) };
  }

  /** Lists the article in its bands, except those `reading` found full. */
  async addToBands(articleId: string, bands: readonly string[], reading: BandReading): Promise<void> {
    const open = bands.filter((band) => (reading.held.get(band) ?? 0) < MAX_IDS_PER_BAND);
    await this.table.addToSets(open.map((band) => ({ key: keys.lshBand(band), exists: reading.held.has(band) })), 'articleIds', articleId);
  }

  /**
   * Marks articles found to be copies after they were committed (see lateCopies): the entry in the
   * story, which the digest shows, then the article record, each only where no mark is yet (or the
   * mark being replaced is), so the first mark stays. The story is stamped every time: a retry after
   * a failure between the two writes still gets the change published.
   */
  async markCopies(copies: ReadonlyArray<{ articleId: string; storyId: string; originId: string; replacing?: string }>): Promise<void> {
    for (const { articleId, storyId, originId, replacing } of copies) {
      await this.table.setIfUnset(keys.storyArticle(storyId, articleId), 'duplicateOf', originId, replacing);
      await this.stampStory(storyId);
      await this.table.setIfUnset(keys.article(articleId), 'duplicateOf', originId, replacing);
    }
  }

  /** The corpus's statistics of `terms` (and the number of articles counted), in one batch read. */
  async termStatistics(terms: readonly string[]): Promise<StoredTermStatistics> {
    const shards = Array.from({ length: ARTICLE_COUNT_SHARDS }, (_, shard) => keys.articleCountShard(shard));
    const items = await this.table.batchGet([...shards, ...terms.map(keys.termCount)]);
    let articles = 0;
    const counts: Array<[string, number]> = [];
    for (const item of items) {
      if (item.pk === shards[0].pk) articles += Number(item.count ?? 0);
      else counts.push([item.pk.slice(keys.termCount('').pk.length), Number(item.count ?? 0)]);
    }
    return Object.assign(new CountedTerms({ articles, counts }), { counters: new Set(items.map((item) => itemKey(item))) });
  }

  /**
   * Counts an article's strongest terms into the statistics, at most once however often it is
   * retried. `read` is what termStatistics returned for the article: the counters it found.
   */
  async countTerms(articleId: string, terms: readonly string[], read: StoredTermStatistics): Promise<void> {
    const shard = parseInt(articleId.slice(0, 6), 16) % ARTICLE_COUNT_SHARDS || 0;
    const counters = [keys.articleCountShard(shard), ...terms.map(keys.termCount)];
    await this.table.countOnce({ ...keys.termsCounted(articleId) }, counters.map((key) => ({ key, exists: read.counters.has(itemKey(key)) })), 'count');
  }

  /** Candidate stories for an article: those sharing its strongest terms, ranked by how many. */
  async storyIdsForTerms(terms: readonly string[]): Promise<Map<string, number>> {
    const results = await Promise.all(terms.map((term) => this.table.query(termPartition(term), { descending: true, limit: STORIES_PER_TERM })));
    const hits = new Map<string, number>();
    for (const items of results) for (const item of items) hits.set(item.sk, (hits.get(item.sk) ?? 0) + 1);
    return hits;
  }

  async findStories(storyIds: readonly string[]): Promise<Array<StoryRecord & { revision: number }>> {
    if (storyIds.length === 0) return [];
    const items = await this.table.batchGet(storyIds.map(keys.storyMeta));
    return items.map((item) => strip<StoryRecord & { revision: number }>(unpackFields(item))!);
  }

  /**
   * What the publisher compares with the published digest: each story's revision and stamp, and
   * whether it merged away. One batch read of the stories' META and STAMP items; the records are
   * not unpacked.
   */
  async storyStates(storyIds: readonly string[]): Promise<StoryState[]> {
    if (storyIds.length === 0) return [];
    const items = await this.table.batchGet(storyIds.flatMap((id) => [keys.storyMeta(id), keys.storyStamp(id)]));
    const stamps = new Map(items.filter((item) => item.sk === keys.storyStamp('').sk).map((item) => [item.pk, item]));
    return items
      .filter((item) => item.sk === keys.storyMeta('').sk)
      .map((item) => ({
        id: String(item.id),
        revision: Number(item.revision),
        stamp: stampOf(item, stamps.get(item.pk)),
        ...(item.mergedInto ? { mergedInto: String(item.mergedInto) } : {}),
      }));
  }

  /**
   * The story's new META and the claims an article is the first to make, in one transaction guarded
   * by the META revision: two articles that bring the same new claim at the same moment cannot both
   * create it, because one of them fails here, re-reads the story and matches the other's claim. A
   * merge names the story it absorbs (`absorbedId`): a marker written in the same transaction tells a
   * retried merge that the survivor's count and centroid already hold it, which its bounded member
   * list cannot (StoredStory.absorbed).
   * The claims are packed into an item keyed by the new revision, which only the transaction that
   * writes that revision writes: a claims item is never written over by another update's.
   */
  async commitStoryUpdate(story: StoryRecord, expectedRevision: number | undefined, newClaims: readonly ClaimRecord[], absorbedId?: string): Promise<boolean> {
    // A record read back carries its stamp, which lives in the STAMP item, not in the record.
    const { stamp: _stamp, ...record } = story as StoryRecord & StoryStamp;
    const revision = (expectedRevision ?? 0) + 1;
    const meta = {
      ...keys.storyMeta(story.id),
      ...packFields(record, PACKED_STORY_FIELDS),
      revision,
      // A merged story leaves the recency index, and with it the digest.
      ...(story.mergedInto
        ? {}
        : { [TABLE.recencyIndex.partitionKey]: STORIES_BY_RECENCY, [TABLE.recencyIndex.sortKey]: `${story.updatedAt}#${story.id}` }),
    };
    const claimItems: TableItem[] = packedClaims(newClaims).map((packed, part) => ({ ...keys.storyClaims(story.id, revision, part), ...packed }));
    let taken = 0;
    for (let bytes = 0; taken < Math.min(claimItems.length, MAX_CLAIM_ITEMS_PER_TRANSACTION); taken += 1) {
      bytes += (claimItems[taken][PACKED_ATTRIBUTE] as Uint8Array).byteLength;
      if (taken > 0 && bytes > MAX_CLAIM_BYTES_PER_TRANSACTION) break;
    }
    const guarded = claimItems.slice(0, taken);
    const absorbed = absorbedId === undefined ? [] : [{ ...keys.storyAbsorbed(story.id, absorbedId), absorbedId }];
    if (!(await this.table.transactPut(meta, expectedRevision, [...guarded, ...absorbed]))) return false;
    // Past the transaction's limits (claims that hardly compress) the remaining claims go in unguarded.
    if (claimItems.length > guarded.length) {
      await this.table.putAll(claimItems.slice(guarded.length));
      await this.stampStory(story.id);
    }
    return true;
  }

  /**
   * The article's entry in the story, holding its mentions of the story's claims. The entry keeps
   * the article's term vector and names too: a story is split by its members' (see planSplit), read
   * with the story in one query.
   */
  async saveMentions(storyId: string, mentions: readonly MentionRecord[], article: ArticleRecord, terms: MemberTerms | undefined): Promise<void> {
    const key = keys.storyArticle(storyId, article.id);
    const withTerms = { ...article, ...(terms ? { termVector: terms.vector, names: terms.names, ...(terms.evidence ? { evidence: terms.evidence } : {}) } : {}) };
    const entry = packFields({ ...withTerms, mentions }, PACKED_ENTRY_FIELDS);
    if ((entry[PACKED_ATTRIBUTE] as Uint8Array).byteLength <= MAX_PACKED_ENTRY_BYTES) await this.table.putAll([{ ...key, ...entry }]);
    else {
      await this.table.putAll([
        ...mentions.map((mention) => ({ ...keys.mention(storyId, mention.claimId, mention.articleId, mention.claimIndex), ...mention })),
        { ...key, ...packFields(withTerms, PACKED_ENTRY_FIELDS) },
      ]);
    }
    await this.stampStory(storyId);
  }

  /**
   * Deletes a story's entries of articles that a split moved to another story, and the mentions of
   * theirs that are items of their own (see storyContents).
   */
  async removeMovedArticles(storyId: string, articleIds: readonly string[]): Promise<void> {
    const moved = new Set(articleIds);
    const mentionItems = await this.table.query(storyPartition(storyId), { skPrefix: MENTION_PREFIX });
    await this.table.deleteAll([
      ...articleIds.map((articleId) => keys.storyArticle(storyId, articleId)),
      ...mentionItems.filter((item) => moved.has(String(item.articleId))).map((item) => ({ pk: item.pk, sk: item.sk })),
    ]);
  }

  /**
   * Marks the story as changed after writes outside its guarded record update, so a publisher that
   * kept the story from an earlier digest (same revision and stamp) reads it again. The counter is
   * an item of its own: an update is billed by the size of the whole item, and the story record is
   * several KB where the stamp item is a few bytes.
   */
  private async stampStory(storyId: string): Promise<void> {
    await this.table.increment(keys.storyStamp(storyId), 'stamp', 1);
  }

  async indexStoryTerms(storyId: string, terms: readonly string[]): Promise<void> {
    await this.table.putAll(terms.map((term) => ({ ...keys.storyTerm(term, storyId), storyId })));
  }

  async storyClaims(storyId: string): Promise<ClaimRecord[]> {
    return claimsOf(await this.table.query(storyPartition(storyId), { skPrefix: CLAIM_SORT_KEYS.either }));
  }

  async recentStoryIds(limit: number): Promise<string[]> {
    // The index projects keys only: the story id is read from the partition key.
    return (await this.table.queryRecent(STORIES_BY_RECENCY, limit)).map((item) => item.pk.slice(storyPartition('').length));
  }

  /**
   * One partition read: the story, its articles, claims and mentions, and its articles' term
   * vectors. Articles a split is moving to another story are left out with their mentions (their
   * items stay in the partition until the move is done, which deletes them); so are claims only
   * they made, when the digest is built.
   */
  async storySnapshot(storyId: string): Promise<StoredStory | undefined> {
    const contents = await this.storyContents(storyId);
    if (!contents) return undefined;
    const leaving = new Set(contents.story.splitOff?.memberIds ?? []);
    if (leaving.size === 0) return contents;
    return {
      ...contents,
      articles: contents.articles.filter((article) => !leaving.has(article.id)),
      mentions: contents.mentions.filter((mention) => !leaving.has(mention.articleId)),
    };
  }

  /**
   * The story as storySnapshot reads it, but bounded however large the story grows: its record, the
   * entries (mentions and terms) of the members it lists (its first and its `recent` newest, see
   * listedMembers), and the claims it gained at its `recent` newest revisions; `unreadMembers` counts
   * the members left out. A few batched reads, where storySnapshot reads every entry of the
   * partition. A story of at most `recent` + 1 members is read whole (storySnapshot), without reading
   * its record first when `knownSize` (its members as the caller last read them) already says it is
   * that small.
   */
  async recentStorySnapshot(storyId: string, recent: number, knownSize?: number): Promise<StoredStory | undefined> {
    if (knownSize !== undefined && knownSize <= recent + 1) return this.storySnapshot(storyId);
    const metaKey = keys.storyMeta(storyId);
    const heads = await this.table.batchGet([metaKey, keys.storyStamp(storyId)]);
    const meta = heads.find((item) => item.sk === metaKey.sk);
    if (!meta) return undefined;
    const story = storyOfItems(meta, heads.find((item) => item.sk !== metaKey.sk));
    if (storySize(story) <= recent + 1) return this.storySnapshot(storyId);
    // A record lists its first and newest members (listedMembers); one written before the list was
    // bounded lists every member.
    const ids = story.memberIds;
    const read = ids.length <= recent + 1 ? ids : [ids[0], ...ids.slice(-recent)];
    const [entries, claimItems] = await Promise.all([
      this.table.batchGet(read.map((id) => keys.storyArticle(storyId, id))),
      this.table.query(storyPartition(storyId), { skPrefix: CLAIM_SORT_KEYS.packed, descending: true, limit: recent }),
    ]);
    // in the order a query of the partition returns them
    const articleItems = inSortKeyOrder(entries.map(unpackFields), (item) => item.sk);
    return {
      story,
      articles: articleItems.map(articleOfEntry),
      claims: claimsOf([...claimItems].reverse()),
      mentions: mentionsOf([], articleItems),
      memberTerms: memberTermsOf(articleItems),
      unreadMembers: storySize(story) - read.length,
    };
  }

  /** Everything in the story's partition, former members included (what a split moves). */
  async storyContents(storyId: string): Promise<StoredStory | undefined> {
    const items = await this.table.query(storyPartition(storyId));
    const meta = items.find((item) => item.sk === keys.storyMeta('').sk);
    if (!meta) return undefined;
    const articleItems = items.filter((item) => item.sk.startsWith('ARTICLE#')).map(unpackFields);
    return {
      story: storyOfItems(meta, items.find((item) => item.sk === keys.storyStamp('').sk)),
      articles: articleItems.map(articleOfEntry),
      claims: claimsOf(items),
      mentions: mentionsOf(items, articleItems),
      memberTerms: memberTermsOf(articleItems),
      absorbed: new Set(items.filter((item) => item.sk.startsWith(keys.storyAbsorbed('', '').sk)).map((item) => String(item.absorbedId))),
    };
  }

  /** Records `version` as the newest published one; false when a newer one already is. */
  async markPublished(version: number): Promise<boolean> {
    return this.table.putIfGreater({ ...keys.digestPublished(), version }, 'version');
  }

  async publishedVersion(): Promise<number | undefined> {
    const item = await this.table.get(keys.digestPublished());
    return item ? Number(item.version) : undefined;
  }

  async nextDigestVersion(): Promise<number> {
    return this.table.increment(keys.digestState(), 'version', 1);
  }
}

function itemKey(key: TableKey): string {
  return `${key.pk}\u0000${key.sk}`;
}

const MENTION_PREFIX = 'MENTION#';

/** The story record from its META item, with its stamp (stampOf). */
function storyOfItems(meta: TableItem, stampItem: TableItem | undefined): StoryRecord & StoryStamp & { revision: number } {
  const stamp = stampOf(meta, stampItem);
  return { ...strip<StoryRecord & { revision: number }>(unpackFields(meta))!, ...(stamp > 0 ? { stamp } : {}) };
}

/** The article record a story entry holds (its mentions and terms left out). */
function articleOfEntry(item: TableItem): ArticleRecord {
  const { termVector: _vector, names: _names, evidence: _evidence, mentions: _mentions, ...article } = strip<
    ArticleRecord & { termVector?: TermVector; names?: string[]; evidence?: unknown; mentions?: unknown }
  >(item)!;
  return article;
}

/** What the entries keep of their articles for splitting, by article id. Entries stored before names were kept have none: such members never show names of their own. */
function memberTermsOf(entries: readonly TableItem[]): Map<string, MemberTerms> {
  return new Map(
    entries
      .filter((item) => item.termVector)
      .map((item) => [
        String(item.id),
        { vector: item.termVector as TermVector, names: (item.names as string[] | undefined) ?? [], ...(item.evidence ? { evidence: item.evidence as ArticleEvidence } : {}) },
      ]),
  );
}

/**
 * Claims packed for their items (see keys.storyClaims): all in one, unless that packs larger than an
 * item may hold, when they are halved until each part fits (one claim alone always is a part).
 */
function packedClaims(claims: readonly ClaimRecord[]): Array<Record<string, unknown>> {
  if (claims.length === 0) return [];
  const packed = packFields({ claims }, PACKED_CLAIMS_FIELDS);
  if (claims.length === 1 || (packed[PACKED_ATTRIBUTE] as Uint8Array).byteLength <= MAX_PACKED_CLAIMS_BYTES) return [packed];
  const half = Math.ceil(claims.length / 2);
  return [...packedClaims(claims.slice(0, half)), ...packedClaims(claims.slice(half))];
}

/**
 * A story's claims: those its packed items hold, and claims stored as items of their own
 * (`CLAIM#<id>`, by an earlier release), in the order of those items' sort keys, i.e. of claim id,
 * whichever way each is stored. A claim id is created once per story, so no two items should hold
 * the same; if they did, the one written last (packed, then the higher revision) is the one read,
 * as an item per claim would have been written over.
 */
function claimsOf(items: readonly TableItem[]): ClaimRecord[] {
  const byId = new Map<string, ClaimRecord>();
  for (const item of items.filter((item) => item.sk.startsWith(CLAIM_SORT_KEYS.single))) {
    const claim = strip<ClaimRecord>(unpackFields(item))!;
    byId.set(claim.id, claim);
  }
  // Items come in sort key order, i.e. of revision.
  for (const item of items.filter((item) => item.sk.startsWith(CLAIM_SORT_KEYS.packed))) {
    for (const claim of unpackFields(item).claims as ClaimRecord[]) byId.set(claim.id, claim);
  }
  return inSortKeyOrder([...byId.values()], (claim) => keys.storyClaim(claim.storyId, claim.id).sk);
}

/**
 * A story's mentions: those its entries hold, and mentions stored as items of their own
 * (`MENTION#<claim>#<article>#<n>`: an article's too large to pack, or stored so by an earlier
 * release), which count only for an article whose entry holds none. In the order of those items'
 * sort keys, whichever way each is stored: claim, article, position.
 */
function mentionsOf(items: readonly TableItem[], entries: readonly TableItem[]): MentionRecord[] {
  const held = entries.filter((entry) => Array.isArray(entry.mentions));
  const inEntries = new Set(held.map((entry) => String(entry.id)));
  const mentions = [
    ...held.flatMap((entry) => entry.mentions as MentionRecord[]),
    ...items.filter((item) => item.sk.startsWith(MENTION_PREFIX) && !inEntries.has(String(item.articleId))).map((item) => strip<MentionRecord>(item)!),
  ];
  return inSortKeyOrder(mentions, (mention) => keys.mention(mention.storyId, mention.claimId, mention.articleId, mention.claimIndex).sk);
}

/** Records in the order DynamoDB returns the items of `sortKey` (byte order of ASCII keys), whichever way each is stored. */
function inSortKeyOrder<T>(records: readonly T[], sortKey: (record: T) => string): T[] {
  return records.map((record) => [sortKey(record), record] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, record]) => record);
}

/**
 * A story's stamp: its STAMP item's counter, plus the counter that story records kept themselves
 * before the stamp had an item of its own. That one no longer moves and is dropped when the record
 * is next written, which moves the revision; until then it stays in the sum, so that a story's pair
 * of revision and stamp never repeats one already published.
 */
function stampOf(meta: TableItem, stamp: TableItem | undefined): number {
  return Number(meta.stamp ?? 0) + Number(stamp?.stamp ?? 0);
}

/** The record without its storage keys. */
function strip<T>(item: TableItem | undefined): T | undefined {
  if (!item) return undefined;
  const record: Record<string, unknown> = { ...item };
  for (const attribute of [TABLE.partitionKey, TABLE.sortKey, TABLE.recencyIndex.partitionKey, TABLE.recencyIndex.sortKey]) delete record[attribute];
  return record as T;
}

/** Which articles share the bands read, and how many ids each band holds. */
function bandReading(items: readonly TableItem[]): BandReading {
  const sharing = new Map<string, number>();
  const held = new Map<string, number>();
  for (const item of items) {
    const ids = (item.articleIds as Set<string> | undefined) ?? new Set<string>();
    held.set(item.pk.slice(keys.lshBand('').pk.length), ids.size);
    for (const id of ids) sharing.set(id, (sharing.get(id) ?? 0) + 1);
  }
  return { sharing, held };
}
