import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { DynamoDbTableStore } from '../../functions/adapters/dynamodb-table-store';
import { MemoryTableStore } from '../../functions/adapters/memory-table-store';
import type { ArticleRecord, ClaimRecord, MentionRecord, StoryRecord } from '../../functions/core/records';
import type { ArticleEvidence } from '../../functions/core/stories/story-evidence';
import type { TermVector } from '../../functions/core/stories/term-vector';
import { claimFeatures } from '../../functions/core/claims/claim-features';
import { mergeStories } from '../../functions/ingest/merge-stories';
import { finishSplit } from '../../functions/ingest/split-story';
import { keys } from '../../functions/ledger/keys';
import { Ledger } from '../../functions/ledger/ledger';
import { PACKED_ATTRIBUTE, packFields } from '../../functions/ledger/packed-fields';
import type { TableStore } from '../../functions/ports/table-store';
import { createTableInput } from '../../functions/shared/table-definition';
import { TABLE } from '../../functions/shared/resources';
import { useLocalStack } from '../support/local-stack';

jest.setTimeout(120_000);

/** Term vectors with the shape of real ones: stems with weights written out in full. */
const vector = (prefix: string, size: number) => Object.fromEntries(Array.from({ length: size }, (_, i) => [`${prefix}term${i}`, 1 / Math.sqrt(i + 3)]));
const evidence = (n: number): ArticleEvidence => ({
  terms: vector(`m${n}`, 40),
  names: vector(`name${n}`, 10),
  title: vector(`title${n}`, 8),
  distinctTerms: 180 + n,
  ...(n % 2 === 0 ? { publishedAt: `2025-01-0${n + 1}T08:00:00.000Z` } : {}),
});
/** A story record; `constructor` is a stem like any other, which the document client cannot marshal as a map key. */
const story = (id: string, centroid: TermVector = { ...vector('c', 59), constructor: 0.125 }): StoryRecord => ({
  id,
  headline: 'Ministers agree on a harbour levy',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-03T00:00:00.000Z',
  centroid,
  memberIds: ['a1', 'a2', 'a3'],
  members: [evidence(0), evidence(1), evidence(2)],
  publishedFrom: '2025-01-01T08:00:00.000Z',
});

useLocalStack();

const article = (id: string, storyId: string): ArticleRecord => ({
  id,
  key: `inbox/${id}.txt`,
  source: 'Outlet A',
  title: 'Ministers agree on a harbour levy',
  ingestedAt: '2025-01-03T00:00:00.000Z',
  language: 'en',
  storyId,
  claimCount: 0,
});

const claim = (id: string, storyId: string): ClaimRecord => ({
  id,
  storyId,
  text: 'The levy will raise 40 million a year, the minister said.',
  statement: 'The levy will raise 40 million a year',
  features: { seq: ['the', 'levi', 'will', 'rais', '40', 'million', 'a', 'year'], terms: ['levi', 'rais', '40', 'million', 'year'], numbers: ['40'], names: [], negated: false },
  createdAt: '2025-01-03T00:00:00.000Z',
  quantities: [{ text: '40 million', value: 40_000_000 }],
});

/** A claim of its own wording, so that claim matching (a merge) tells it from the others. */
const worded = (id: string, storyId: string, statement: string): ClaimRecord => ({
  id,
  storyId,
  text: `${statement}, the minister said.`,
  statement,
  features: claimFeatures(statement),
  createdAt: '2025-01-03T00:00:00.000Z',
  negated: false,
});
/** A claim as an earlier release stored it: an item of its own, its word features packed or not. */
const legacyClaim = (c: ClaimRecord) => ({ ...keys.storyClaim(c.storyId, c.id), ...c });

const mention = (claimId: string, articleId: string, storyId: string, claimIndex: number): MentionRecord => ({
  claimId,
  storyId,
  articleId,
  source: 'Outlet A',
  text: 'The levy will raise 40 million a year, the minister said.',
  claimIndex,
  ingestedAt: '2025-01-03T00:00:00.000Z',
  similarity: 0.9,
  attribution: { source: 'the minister', key: 'minist', cue: 'said' },
  quantities: [{ text: '40 million', value: 40_000_000 }],
});
const legacyMention = (m: MentionRecord) => ({ ...keys.mention(m.storyId, m.claimId, m.articleId, m.claimIndex), ...m });

/** The ledger's story records over both table adapters: what one writes, the other would read the same. */
describe.each([
  ['memory', async () => new MemoryTableStore()],
  [
    'DynamoDB Local',
    async () => {
      const client = new DynamoDBClient({});
      const name = `ledger-${Math.random().toString(36).slice(2)}`;
      await client.send(new CreateTableCommand(createTableInput(name)));
      return new DynamoDbTableStore(name, client);
    },
  ],
] as Array<[string, () => Promise<TableStore>]>)('Ledger story records (%s)', (_, newTable) => {
  let table: TableStore;
  let ledger: Ledger;
  beforeAll(async () => {
    table = await newTable();
    ledger = new Ledger(table);
  });

  it('stores the bulky fields packed and reads the record back as written', async () => {
    const record = story('packed');
    expect(await ledger.commitStoryUpdate(record, undefined, [])).toBe(true);

    const item = (await table.get(keys.storyMeta('packed')))!;
    expect(item[PACKED_ATTRIBUTE]).toBeInstanceOf(Uint8Array);
    expect(item).not.toHaveProperty('centroid');
    expect(item).not.toHaveProperty('members');
    expect(item).not.toHaveProperty('memberIds');
    expect((item[PACKED_ATTRIBUTE] as Uint8Array).byteLength).toBeLessThan(JSON.stringify(record).length / 2);

    const [found] = await ledger.findStories(['packed']);
    expect(found).toEqual({ ...record, revision: 1 });
    expect((await ledger.storyContents('packed'))?.story).toEqual({ ...record, revision: 1 });
  });

  it('reads a record stored with its fields unpacked, and packs it at its next update', async () => {
    // Unpacked, a centroid holding the stem `constructor` could not be stored at all.
    const record = story('unpacked', vector('c', 60));
    await table.putAll([
      { ...keys.storyMeta('unpacked'), ...record, revision: 4, [TABLE.recencyIndex.partitionKey]: 'STORIES', [TABLE.recencyIndex.sortKey]: `${record.updatedAt}#unpacked` },
    ]);
    expect(await ledger.findStories(['unpacked'])).toEqual([{ ...record, revision: 4 }]);
    expect((await ledger.storySnapshot('unpacked'))?.story).toEqual({ ...record, revision: 4 });

    const updated = { ...record, memberIds: [...record.memberIds, 'a4'], members: [...record.members!, evidence(3)] };
    expect(await ledger.commitStoryUpdate(updated, 3, [])).toBe(false);
    expect(await ledger.commitStoryUpdate(updated, 4, [])).toBe(true);
    expect((await table.get(keys.storyMeta('unpacked')))!).not.toHaveProperty('centroid');
    expect(await ledger.findStories(['unpacked'])).toEqual([{ ...updated, revision: 5 }]);
  });

  it('keeps the stamp in an item of its own, read back with the story state and contents', async () => {
    expect(await ledger.commitStoryUpdate(story('stamped'), undefined, [])).toBe(true);
    expect(await ledger.storyStates(['stamped', 'absent'])).toEqual([{ id: 'stamped', revision: 1, stamp: 0 }]);

    await ledger.saveMentions('stamped', [], article('a1', 'stamped'), undefined);
    await ledger.saveMentions('stamped', [], article('a2', 'stamped'), undefined);
    expect(await ledger.storyStates(['stamped'])).toEqual([{ id: 'stamped', revision: 1, stamp: 2 }]);
    expect((await ledger.storyContents('stamped'))?.story.stamp).toBe(2);
    expect(await table.get(keys.storyMeta('stamped'))).not.toHaveProperty('stamp');
    expect((await table.get(keys.storyStamp('stamped')))?.stamp).toBe(2);
  });

  it('adds the stamp a record kept itself to its stamp item, until the record is next written', async () => {
    const record = story('legacy', vector('c', 60));
    await table.putAll([{ ...keys.storyMeta('legacy'), ...record, revision: 2, stamp: 3, mergedInto: 'elsewhere' }]);
    expect(await ledger.storyStates(['legacy'])).toEqual([{ id: 'legacy', revision: 2, stamp: 3, mergedInto: 'elsewhere' }]);
    await ledger.saveMentions('legacy', [], article('a1', 'legacy'), undefined);
    expect(await ledger.storyStates(['legacy'])).toEqual([{ id: 'legacy', revision: 2, stamp: 4, mergedInto: 'elsewhere' }]);

    // The record as read back (stamp included) written again: the revision moves, the old counter goes.
    const [read] = await ledger.findStories(['legacy']);
    const { revision, ...rest } = read;
    expect(await ledger.commitStoryUpdate({ ...rest, mergedInto: undefined }, revision, [])).toBe(true);
    expect(await table.get(keys.storyMeta('legacy'))).not.toHaveProperty('stamp');
    expect(await ledger.storyStates(['legacy'])).toEqual([{ id: 'legacy', revision: 3, stamp: 1 }]);
  });

  it('stores the claims of an update packed in one item, and each article\'s mentions and terms packed in its entry, and reads them back as written', async () => {
    const claims = [claim('c1', 'entries'), claim('c2', 'entries')];
    expect(await ledger.commitStoryUpdate({ ...story('entries'), memberIds: ['a1', 'a2'] }, undefined, claims)).toBe(true);
    const terms = { vector: { ...vector('t', 30), constructor: 0.5 }, names: ['harbour', 'constructor'], evidence: evidence(1) };
    const mentions = [mention('c2', 'a1', 'entries', 0), mention('c1', 'a1', 'entries', 1)];
    await ledger.saveMentions('entries', mentions, article('a1', 'entries'), terms);
    await ledger.saveMentions('entries', [], article('a2', 'entries'), undefined);

    const claimItems = await table.query('STORY#entries', { skPrefix: 'CLAIM' });
    expect(claimItems.map((item) => item.sk)).toEqual([keys.storyClaims('entries', 1, 0).sk]);
    expect(claimItems[0][PACKED_ATTRIBUTE]).toBeInstanceOf(Uint8Array);
    expect(Object.keys(claimItems[0]).sort()).toEqual([PACKED_ATTRIBUTE, 'pk', 'sk']);
    const entry = (await table.get(keys.storyArticle('entries', 'a1')))!;
    expect(entry).not.toHaveProperty('termVector');
    expect(entry[PACKED_ATTRIBUTE]).toBeInstanceOf(Uint8Array);
    expect(entry).not.toHaveProperty('mentions');
    expect(await table.query(`STORY#entries`, { skPrefix: 'MENTION#' })).toEqual([]);

    expect(await ledger.storyClaims('entries')).toEqual(claims);
    const contents = (await ledger.storyContents('entries'))!;
    expect(contents.claims).toEqual(claims);
    expect(contents.articles).toEqual([article('a1', 'entries'), article('a2', 'entries')]);
    expect(contents.memberTerms).toEqual(new Map([['a1', terms]]));
    // In the order of claim, article and position, as mention items of their own would list.
    expect(contents.mentions).toEqual([mentions[1], mentions[0]]);
  });

  it('reads claims and article entries stored unpacked', async () => {
    const claims = [claim('c1', 'old-entries')];
    const terms = { vector: vector('t', 30), names: ['harbour'], evidence: evidence(1) };
    const mentions = [mention('c1', 'a1', 'old-entries', 0), mention('c1', 'a1', 'old-entries', 1)];
    await table.putAll([
      { ...keys.storyMeta('old-entries'), ...story('old-entries', vector('c', 60)), memberIds: ['a1'], revision: 1 },
      { ...keys.storyClaim('old-entries', 'c1'), ...claims[0] },
      { ...keys.storyArticle('old-entries', 'a1'), ...article('a1', 'old-entries'), termVector: terms.vector, names: terms.names, evidence: terms.evidence },
      ...mentions.map(legacyMention),
    ]);
    expect(await ledger.storyClaims('old-entries')).toEqual(claims);
    const contents = (await ledger.storyContents('old-entries'))!;
    expect(contents.claims).toEqual(claims);
    expect(contents.articles).toEqual([article('a1', 'old-entries')]);
    expect(contents.memberTerms).toEqual(new Map([['a1', terms]]));
    expect(contents.mentions).toEqual(mentions);

    // Saved again (an ingest retried), the entry holds the article's mentions: the items are left out.
    await ledger.saveMentions('old-entries', [mentions[1]], article('a1', 'old-entries'), terms);
    expect((await ledger.storyContents('old-entries'))!.mentions).toEqual([mentions[1]]);
  });

  it('removes moved articles with their mentions, whichever way they are stored', async () => {
    await ledger.commitStoryUpdate({ ...story('moving'), memberIds: ['a1', 'a2', 'a3'] }, undefined, []);
    await ledger.saveMentions('moving', [mention('c1', 'a1', 'moving', 0)], article('a1', 'moving'), undefined);
    await ledger.saveMentions('moving', [mention('c1', 'a2', 'moving', 0)], article('a2', 'moving'), undefined);
    await table.putAll([{ ...keys.storyArticle('moving', 'a3'), ...article('a3', 'moving') }, legacyMention(mention('c1', 'a3', 'moving', 0)), legacyMention(mention('c2', 'a3', 'moving', 1))]);
    expect((await ledger.storyContents('moving'))!.mentions.map((m) => m.articleId)).toEqual(['a1', 'a2', 'a3', 'a3']);

    await ledger.removeMovedArticles('moving', ['a2', 'a3']);
    const contents = (await ledger.storyContents('moving'))!;
    expect(contents.articles.map((a) => a.id)).toEqual(['a1']);
    expect(contents.mentions).toEqual([mention('c1', 'a1', 'moving', 0)]);
    expect(await table.query('STORY#moving', { skPrefix: 'MENTION#' })).toEqual([]);
  });

  it('stores the mentions of an article whose text hardly compresses as items of their own, and reads them back', async () => {
    // 300 claims of 1,400 characters that deflate cannot shrink much: more than an item can hold packed.
    const mentions = Array.from({ length: 300 }, (_, i) => ({ ...mention(`c${String(i).padStart(3, '0')}`, 'a1', 'large', i), text: randomBytes(1_050).toString('base64') }));
    const terms = { vector: vector('t', 30), names: ['harbour'], evidence: evidence(1) };
    await ledger.commitStoryUpdate({ ...story('large'), memberIds: ['a1'] }, undefined, []);
    await ledger.saveMentions('large', mentions, article('a1', 'large'), terms);

    expect(await table.query('STORY#large', { skPrefix: 'MENTION#' })).toHaveLength(300);
    expect(await table.get(keys.storyArticle('large', 'a1'))).not.toHaveProperty('mentions');
    const contents = (await ledger.storyContents('large'))!;
    expect(contents.mentions).toEqual(mentions);
    expect(contents.memberTerms).toEqual(new Map([['a1', terms]]));

    await ledger.removeMovedArticles('large', ['a1']);
    expect(await table.query('STORY#large', { skPrefix: 'MENTION#' })).toEqual([]);
  });

  it('reads a story\'s claims in claim id order, packed and stored one per item alike', async () => {
    const [c1, c10, c2, c3, c4] = ['c1', 'c10', 'c2', 'c3', 'c4'].map((id) => claim(id, 'mixed'));
    // One as stored before claims were packed at all, one with its word features packed.
    await table.putAll([legacyClaim(c3), { ...keys.storyClaim('mixed', 'c10'), ...packFields(c10, ['features']) }]);
    expect(await ledger.commitStoryUpdate(story('mixed'), undefined, [c4, c1])).toBe(true);
    // A commit that loses the race writes no claims.
    expect(await ledger.commitStoryUpdate(story('mixed'), undefined, [claim('c0', 'mixed')])).toBe(false);
    expect(await ledger.commitStoryUpdate(story('mixed'), 1, [])).toBe(true);
    expect(await ledger.commitStoryUpdate(story('mixed'), 2, [c2])).toBe(true);

    expect((await table.query('STORY#mixed', { skPrefix: 'CLAIM' })).map((item) => item.sk)).toEqual([
      'CLAIM#c10',
      'CLAIM#c3',
      keys.storyClaims('mixed', 1, 0).sk,
      keys.storyClaims('mixed', 3, 0).sk,
    ]);
    // As items of their own, sorted by `CLAIM#<id>`, would list: c10 before c2.
    expect(await ledger.storyClaims('mixed')).toEqual([c1, c10, c2, c3, c4]);
    expect((await ledger.storyContents('mixed'))!.claims).toEqual([c1, c10, c2, c3, c4]);
    expect((await ledger.storySnapshot('mixed'))!.claims).toEqual([c1, c10, c2, c3, c4]);
  });

  it('packs the claims of an article whose text hardly compresses into several items, each within the item limit', async () => {
    // 300 claims of 1,400 characters that deflate cannot shrink much: more than one item can hold packed.
    const claims = Array.from({ length: 300 }, (_, i) => ({ ...claim(`c-large-${i}`, 'large-claims'), text: randomBytes(1_050).toString('base64') }));
    expect(await ledger.commitStoryUpdate({ ...story('large-claims'), memberIds: ['a1'] }, undefined, claims)).toBe(true);

    const items = await table.query('STORY#large-claims', { skPrefix: 'CLAIM' });
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((item) => item.sk.startsWith('CLAIMS#') && (item[PACKED_ATTRIBUTE] as Uint8Array).byteLength < 400_000)).toBe(true);
    const byId = [...claims].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await ledger.storyClaims('large-claims')).toEqual(byId);
  });

  it('writes the claims items past the transaction\'s 4 MB in after it, and stamps the story', async () => {
    // About 4.3 MB packed: more than a transaction takes (4 MB).
    const claims = Array.from({ length: 4_000 }, (_, i) => ({ ...claim(`c-huge-${String(i).padStart(4, '0')}`, 'huge-claims'), text: randomBytes(1_050).toString('base64') }));
    expect(await ledger.commitStoryUpdate({ ...story('huge-claims'), memberIds: ['a1'] }, undefined, claims)).toBe(true);

    const items = await table.query('STORY#huge-claims', { skPrefix: 'CLAIMS#' });
    const bytes = items.map((item) => (item[PACKED_ATTRIBUTE] as Uint8Array).byteLength);
    expect(bytes.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(4_000_000);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(300_000);
    expect(await ledger.storyClaims('huge-claims')).toEqual(claims);
    expect(await ledger.storyStates(['huge-claims'])).toEqual([{ id: 'huge-claims', revision: 1, stamp: 1 }]);
  });

  it('moves claims stored either way to the story a merge folds them into', async () => {
    const levy = worded('c-from-1', 'm-from', 'The harbour levy will raise 40 million a year');
    const ferry = worded('c-from-2', 'm-from', 'The ferry terminal closes for two weeks in March');
    const strike = worded('c-from-3', 'm-from', 'Dock workers announced a strike for Friday');
    const levyAgain = worded('c-into-1', 'm-into', 'The harbour levy will raise 40 million a year');
    const tunnel = worded('c-into-2', 'm-into', 'Engineers inspected the tunnel under the river');
    // The absorbed story is the later one (see survivorOf).
    expect(await ledger.commitStoryUpdate({ ...story('m-from'), createdAt: '2025-01-02T00:00:00.000Z', memberIds: ['f1'] }, undefined, [levy, ferry])).toBe(true);
    await table.putAll([legacyClaim(strike)]);
    const fromMentions = [mention(levy.id, 'f1', 'm-from', 0), mention(ferry.id, 'f1', 'm-from', 1), mention(strike.id, 'f1', 'm-from', 2)];
    await ledger.saveMentions('m-from', fromMentions, article('f1', 'm-from'), { vector: vector('t', 30), names: [] });
    expect(await ledger.commitStoryUpdate({ ...story('m-into'), memberIds: ['i1'] }, undefined, [tunnel, levyAgain])).toBe(true);
    await ledger.saveMentions('m-into', [mention(levyAgain.id, 'i1', 'm-into', 0)], article('i1', 'm-into'), { vector: vector('t', 30), names: [] });

    expect(await mergeStories(ledger, 'm-from', 'm-into')).toBe('m-into');
    const into = (await ledger.storySnapshot('m-into'))!;
    // The levy matched the survivor's own claim; the ferry and the strike are new to it.
    expect(into.claims).toEqual([{ ...ferry, storyId: 'm-into' }, { ...strike, storyId: 'm-into' }, levyAgain, tunnel]);
    expect(into.mentions.filter((m) => m.articleId === 'f1').map((m) => m.claimId)).toEqual([ferry.id, strike.id, levyAgain.id]);
    expect(into.story.memberIds).toEqual(['i1', 'f1']);
    // Merged again (a retry), nothing is written twice.
    expect(await mergeStories(ledger, 'm-from', 'm-into')).toBe('m-into');
    expect((await ledger.storyClaims('m-into')).map((c) => c.id)).toEqual([ferry.id, strike.id, levyAgain.id, tunnel.id]);
  });

  it('moves the claims of the articles a split moves, stored either way, to the new story', async () => {
    const kept = worded('c-kept', 'sp', 'The harbour levy will raise 40 million a year');
    const movedOld = worded('c-moved-old', 'sp', 'Dock workers announced a strike for Friday');
    const movedPacked = worded('c-moved-packed', 'sp', 'The ferry terminal closes for two weeks in March');
    await table.putAll([legacyClaim(movedOld)]);
    expect(await ledger.commitStoryUpdate({ ...story('sp'), memberIds: ['k1', 'm1'] }, undefined, [movedPacked, kept])).toBe(true);
    await ledger.saveMentions('sp', [mention(kept.id, 'k1', 'sp', 0)], article('k1', 'sp'), { vector: vector('k', 30), names: [] });
    const moving = [mention(movedOld.id, 'm1', 'sp', 0), mention(movedPacked.id, 'm1', 'sp', 1)];
    await ledger.saveMentions('sp', moving, article('m1', 'sp'), { vector: vector('m', 30), names: [] });
    const [current] = await ledger.findStories(['sp']);
    const { revision, ...record } = current;
    expect(await ledger.commitStoryUpdate({ ...record, memberIds: ['k1'], splitOff: { storyId: 'sp-part', memberIds: ['m1'] } }, revision, [])).toBe(true);

    await finishSplit(ledger, 'sp');
    const part = (await ledger.storySnapshot('sp-part'))!;
    expect(part.claims).toEqual([
      { ...movedOld, storyId: 'sp-part' },
      { ...movedPacked, storyId: 'sp-part' },
    ]);
    expect(part.mentions).toEqual(moving.map((m) => ({ ...m, storyId: 'sp-part' })));
    const rest = (await ledger.storySnapshot('sp'))!;
    expect(rest.story.splitOff).toBeUndefined();
    // The story keeps its claims; only mentions of its members are shown.
    expect(rest.claims.map((c) => c.id)).toEqual([kept.id, movedOld.id, movedPacked.id]);
    expect(rest.mentions).toEqual([mention(kept.id, 'k1', 'sp', 0)]);
  });
});
