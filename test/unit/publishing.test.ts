import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parseHTML } from 'linkedom';
import digestSchema from '../../functions/core/digest/digest.schema.json';
import { DIGEST_SCHEMA_VERSION, type Digest, type DigestArticle, type DigestClaim, type DigestStory } from '../../functions/core/digest/build-digest';
import { diffDigests } from '../../functions/core/publishing/changes';
import feedSchema from '../../functions/core/publishing/feed.schema.json';
import { buildFeed, buildFeedPages, feedPageUrl, type JsonFeed } from '../../functions/core/publishing/feed';
import { escapeHtml, html, safeUrl } from '../../functions/core/publishing/html';
import { CONTENT_TYPES, PUBLISHING_KEYS } from '../../functions/core/publishing/keys';
import { SNS_MAX_BYTES, STORY_IDS_ATTRIBUTE_MAX_BYTES, buildNotification } from '../../functions/core/publishing/notification';
import { renderPage } from '../../functions/core/publishing/page';
import { buildStoryDocument, storyDocumentsToWrite } from '../../functions/core/publishing/story-document';
import storySchema from '../../functions/core/publishing/story.schema.json';
import { handleS3Event } from '../../functions/ingest/handler';
import type { DigestNotice } from '../../functions/ports/notifier';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { memoryPipeline, s3Event } from '../support/memory-pipeline';
import { seedFiles } from '../support/seeds';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
ajv.addSchema(digestSchema);
const validateFeed = ajv.compile(feedSchema);
const validateStory = ajv.compile(storySchema);

function errors(validate: typeof validateFeed, document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const FEED_OPTIONS = { homePageUrl: 'https://news.example/index.html', feedUrl: 'https://news.example/feed.json', maxItems: 3 };
const PAYLOAD = `<script>alert(1)</script><img src=x onerror=alert(2)>`;

// ---- fixtures: small digests with exactly the differences each test needs ----

function article(id: string, source: string, extra: Partial<DigestArticle> = {}): DigestArticle {
  return { id, key: `inbox/${source}/${id}.txt`, source, title: `Title by ${source}`, ...extra };
}

function claim(id: string, outlets: string[], independentOutlets = outlets.length, extra: Partial<DigestClaim> = {}): DigestClaim {
  return {
    id,
    text: `Claim ${id} as worded by ${outlets[0]}.`,
    outlets,
    independentOutlets,
    firstReportedBy: { articleId: `a-${outlets[0]}`, source: outlets[0], at: '2025-01-10T08:00:00.000Z' },
    mentions: outlets.map((o) => ({ articleId: `a-${o}`, source: o, text: `Claim ${id} in ${o}.` })),
    disputed: false,
    disputes: [],
    ...extra,
  } as DigestClaim;
}

function story(id: string, updatedAt: string, outlets: string[], claims: DigestClaim[], extra: Partial<DigestStory> = {}): DigestStory {
  return {
    id,
    revision: '1.0',
    headline: `Headline of ${id}`,
    updatedAt,
    outlets,
    articles: outlets.map((o) => article(`${id}/${o}`, o, { publishedAt: '2025-01-10T07:00:00.000Z' })),
    claims,
    quotes: [],
    ...extra,
  } as DigestStory;
}

function digest(version: number, stories: DigestStory[], generatedAt = `2025-01-20T00:00:${String(version).padStart(2, '0')}.000Z`): Digest {
  return { schemaVersion: DIGEST_SCHEMA_VERSION, version, generatedAt, stories };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

// ---- a digest built by the real pipeline from the seed articles ----

let realDigests: Digest[] = [];

beforeAll(async () => {
  const pipeline = memoryPipeline();
  for (const seed of seedFiles()) {
    const key = `inbox/${seed.name}`;
    await pipeline.objects.put(key, seed.bytes, 'text/plain');
    await handleS3Event(s3Event([{ key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
  }
  realDigests = [1, 2, 3, 4, 5].map((v) => JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(DIGEST_KEYS.version(v))!.body)) as Digest);
});

describe('diffDigests', () => {
  const v1 = digest(1, [story('s1', '2025-01-20T00:00:01.000Z', ['A', 'B'], [claim('c1', ['A', 'B']), claim('c2', ['A'])])]);

  it('reports everything as new on the first publish', () => {
    const changes = diffDigests(undefined, v1);
    expect(changes.fromVersion).toBeUndefined();
    expect(changes.toVersion).toBe(1);
    expect(changes.kinds).toEqual(['new-story', 'new-claim']);
    expect(changes.counts).toMatchObject({ newStories: 1, newClaims: 2, changedStories: 0 });
    expect(changes.stories[0]).toMatchObject({ storyId: 's1', isNew: true });
    expect(changes.stories[0].newClaims.map((c) => c.claimId)).toEqual(['c1', 'c2']);
  });

  it('reports nothing when only the version moved', () => {
    const v2 = { ...clone(v1), version: 2, generatedAt: '2025-01-20T00:01:00.000Z' };
    const changes = diffDigests(v1, v2);
    expect(changes).toMatchObject({ fromVersion: 1, toVersion: 2, since: v1.generatedAt, kinds: [], stories: [], removedStories: [] });
    expect(Object.values(changes.counts).every((n) => n === 0)).toBe(true);
  });

  it('reports a new article, the claims it adds and the corroboration it changes (from -> to)', () => {
    const v2 = digest(2, [
      story('s1', '2025-01-20T00:00:02.000Z', ['A', 'B', 'C'], [claim('c1', ['A', 'B', 'C'], 2), claim('c2', ['A']), claim('c3', ['C'])]),
    ]);
    const changes = diffDigests(v1, v2);
    expect(changes.kinds).toEqual(['new-article', 'new-claim', 'corroboration']);
    const s = changes.stories[0];
    expect(s.isNew).toBe(false);
    expect(s.newArticles.map((a) => a.source)).toEqual(['C']);
    expect(s.newClaims.map((c) => c.claimId)).toEqual(['c3']);
    expect(s.corroborationChanges).toEqual([
      {
        claimId: 'c1',
        text: 'Claim c1 as worded by A.',
        outlets: { from: ['A', 'B'], to: ['A', 'B', 'C'] },
        independentOutlets: { from: 2, to: 2 },
        addedOutlets: ['C'],
        removedOutlets: [],
      },
    ]);
  });

  it('reports a dispute once, when it first appears', () => {
    const dispute = { kind: 'denial', by: 'The ministry', text: 'which the ministry denied', detail: 'The ministry denies it, as reported by B', outlets: ['B'], mentions: [{ articleId: 'a-B', source: 'B', text: 'which the ministry denied' }] };
    const v2 = clone(v1);
    v2.version = 2;
    Object.assign(v2.stories[0].claims[1], { disputed: true, disputes: [dispute] });
    const first = diffDigests(v1, v2);
    expect(first.kinds).toEqual(['new-dispute']);
    expect(first.stories[0].newDisputes).toEqual([
      { claimId: 'c2', text: 'Claim c2 as worded by A.', kind: 'denial', by: 'The ministry', disputeText: 'which the ministry denied', detail: 'The ministry denies it, as reported by B', outlets: ['B'] },
    ]);
    const v3 = { ...clone(v2), version: 3 };
    expect(diffDigests(v2, v3).kinds).toEqual([]);
  });

  it('reads digests written before claims carried disputes, and a bare `disputed` flag', () => {
    const old = clone(v1) as unknown as { stories: Array<{ claims: Array<Record<string, unknown>>; quotes?: unknown }> };
    for (const c of old.stories[0].claims) {
      delete c.disputed;
      delete c.disputes;
    }
    delete old.stories[0].quotes;
    const next = clone(v1);
    next.version = 2;
    (next.stories[0].claims[0] as unknown as Record<string, unknown>).disputes = undefined;
    next.stories[0].claims[0].disputed = true;
    const changes = diffDigests(old as unknown as Digest, next);
    expect(changes.stories[0].newDisputes).toEqual([{ claimId: 'c1', text: 'Claim c1 as worded by A.', kind: 'dispute', disputeText: '', outlets: [] }]);
    expect(changes.stories[0].kinds).toContain('new-dispute');
  });

  it('reports removed stories, and a merge when all their articles moved into one story', () => {
    const s2 = story('s2', '2025-01-20T00:00:01.000Z', ['D'], [claim('c9', ['D'])]);
    const s3 = story('s3', '2025-01-20T00:00:01.000Z', ['E'], [claim('c8', ['E'])]);
    const before = digest(1, [v1.stories[0], s2, s3]);
    const merged = clone(v1.stories[0]);
    merged.articles.push(s2.articles[0]);
    const after = digest(2, [merged]);
    const changes = diffDigests(before, after);
    expect(changes.removedStories).toEqual([
      { storyId: 's2', headline: 'Headline of s2', mergedInto: 's1' },
      { storyId: 's3', headline: 'Headline of s3' },
    ]);
    expect(changes.kinds).toEqual(['new-article', 'removed-story']);
    expect(changes.counts.removedStories).toBe(2);
  });

  it('reports a new headline, a removed claim, and other changes to the story', () => {
    const v2 = clone(v1);
    v2.version = 2;
    v2.stories[0].headline = 'A better headline';
    v2.stories[0].claims.pop();
    expect(diffDigests(v1, v2).stories[0]).toMatchObject({ kinds: ['headline', 'removed-claim'], headlineChanged: { from: 'Headline of s1', to: 'A better headline' }, removedClaims: [{ claimId: 'c2' }] });
    const v3 = clone(v1);
    v3.version = 3;
    v3.stories[0].quotes = [{ speaker: 'X', outlets: ['A'], identical: true, variants: [{ articleId: 'a-A', source: 'A', claimId: 'c1', text: 'quoted' }] }];
    expect(diffDigests(v1, v3).stories[0]).toMatchObject({ kinds: ['updated'], otherChanges: true });
  });

  it('follows the real pipeline: the fifth seed article brings new claims and more corroboration', () => {
    const [, , , v4, v5] = realDigests;
    const changes = diffDigests(v4, v5);
    expect(changes.fromVersion).toBe(4);
    expect(changes.stories).toHaveLength(1);
    const s = changes.stories[0];
    expect(s.newArticles).toHaveLength(1);
    expect(s.newClaims.length).toBeGreaterThan(0);
    expect(s.corroborationChanges.length).toBeGreaterThan(0);
    for (const c of s.corroborationChanges) {
      expect(c.outlets.to).toEqual(expect.arrayContaining(c.addedOutlets));
      expect(c.addedOutlets).toContain(s.newArticles[0].source);
    }
  });
});

describe('the JSON Feed', () => {
  const stories = [0, 1, 2, 3, 4, 5, 6].map((i) => story(`s${i}`, `2025-01-2${i}T10:00:00.000Z`, ['A', 'B'], [claim(`c${i}a`, ['A', 'B']), claim(`c${i}b`, ['A'])]));
  const v1 = digest(1, stories);

  it('is a valid JSON Feed 1.1, newest first, with the claims in its _corroborate extension', () => {
    const feed = buildFeed(v1, diffDigests(undefined, v1), FEED_OPTIONS);
    expect(errors(validateFeed, feed)).toEqual([]);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((i) => i.id)).toEqual(['story:s6', 'story:s5', 'story:s4']);
    const item = feed.items[0];
    expect(item).toMatchObject({ title: 'Headline of s6', date_modified: '2025-01-26T10:00:00.000Z', date_published: '2025-01-10T07:00:00.000Z', url: 'https://news.example/index.html#story-s6' });
    expect(item.summary).toBe('2 outlets, 2 claims: 1 reported by more than one outlet, 1 independently corroborated');
    expect(item.content_text).toContain('[2 independent / 2 outlets] Claim c6a as worded by A.');
    expect(item._corroborate.claims[0]).toEqual({
      id: 'c6a',
      text: 'Claim c6a as worded by A.',
      headline: 'Claim c6a as worded by A.',
      outlets: ['A', 'B'],
      independentOutlets: 2,
      firstReportedBy: { articleId: 'a-A', source: 'A', at: '2025-01-10T08:00:00.000Z' },
      disputed: false,
    });
    expect(item._corroborate.document).toBe('https://news.example/stories/s6.json');
    expect(item._corroborate.whatsNew).toMatchObject({ version: 1, kinds: ['new-story', 'new-claim'] });
  });

  it('is bounded per page, and every older item stays reachable through next_url', () => {
    const pages = buildFeedPages(v1, diffDigests(undefined, v1), FEED_OPTIONS);
    expect(pages.map((p) => p.key)).toEqual(['digest/feed.json', 'digest/feed-2.json', 'digest/feed-3.json']);
    expect(pages.map((p) => p.feed.items.length)).toEqual([3, 3, 1]);
    expect(pages[0].feed.next_url).toBe('https://news.example/feed-2.json');
    expect(pages[1].feed.next_url).toBe('https://news.example/feed-3.json');
    expect(pages[2].feed.next_url).toBeUndefined();
    for (const p of pages) {
      expect(errors(validateFeed, p.feed)).toEqual([]);
      expect(p.feed.feed_url).toBe(FEED_OPTIONS.feedUrl);
      expect(p.url).toBe(feedPageUrl(FEED_OPTIONS.feedUrl, p.page));
    }
    // Following next_url from feed.json reaches every story exactly once.
    const byUrl = new Map(pages.map((p) => [p.url, p.feed]));
    const seen: string[] = [];
    for (let feed: JsonFeed | undefined = byUrl.get(FEED_OPTIONS.feedUrl); feed; feed = feed.next_url ? byUrl.get(feed.next_url) : undefined) seen.push(...feed.items.map((i) => i.id));
    expect(seen).toEqual(['s6', 's5', 's4', 's3', 's2', 's1', 's0'].map((s) => `story:${s}`));
    // maxPages bounds the whole feed.
    expect(buildFeedPages(v1, undefined, { ...FEED_OPTIONS, maxPages: 2 }).flatMap((p) => p.feed.items)).toHaveLength(6);
  });

  it('keeps item ids stable across versions, keeps stories that left the digest, and never reuses an id', () => {
    const pages1 = buildFeedPages(v1, diffDigests(undefined, v1), FEED_OPTIONS);
    // v2: s0 and s1 left the digest, s7 is new.
    const v2 = digest(2, [...stories.slice(2), story('s7', '2025-01-28T10:00:00.000Z', ['C'], [claim('c7', ['C'])])]);
    const pages2 = buildFeedPages(v2, diffDigests(v1, v2), { ...FEED_OPTIONS, previousFeed: pages1.map((p) => p.feed) });
    const items = pages2.flatMap((p) => p.feed.items);
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['s7', 's6', 's5', 's4', 's3', 's2', 's1', 's0'].map((s) => `story:${s}`));
    const kept = items.find((i) => i.id === 'story:s0')!;
    const before = pages1.flatMap((p) => p.feed.items).find((i) => i.id === 'story:s0')!;
    expect(kept._corroborate.inDigest).toBe(false);
    expect({ ...kept, _corroborate: { ...kept._corroborate, inDigest: true } }).toEqual(before);
    // Unchanged stories keep their item exactly (same id, same dates).
    const s6Before = pages1[0].feed.items.find((i) => i.id === 'story:s6')!;
    const s6After = items.find((i) => i.id === 'story:s6')!;
    expect(s6After.date_modified).toBe(s6Before.date_modified);
    expect(s6After._corroborate.whatsNew).toEqual(s6Before._corroborate.whatsNew);
    for (const p of pages2) expect(errors(validateFeed, p.feed)).toEqual([]);
  });

  it('bumps date_modified when a story changes, even when its updatedAt did not move', () => {
    const feed1 = buildFeed(v1, diffDigests(undefined, v1), FEED_OPTIONS);
    const v2 = clone(v1);
    v2.version = 2;
    v2.generatedAt = '2025-02-01T00:00:00.000Z';
    v2.stories[6].claims[1] = claim('c6b', ['A', 'B'], 1);
    const changes = diffDigests(v1, v2);
    expect(changes.kinds).toEqual(['corroboration']);
    const feed2 = buildFeed(v2, changes, { ...FEED_OPTIONS, previousFeed: feed1 });
    const item = feed2.items.find((i) => i.id === 'story:s6')!;
    expect(Date.parse(item.date_modified)).toBeGreaterThan(Date.parse(feed1.items[0].date_modified));
    expect(item.date_modified).toBe('2025-02-01T00:00:00.000Z');
    expect(item._corroborate.whatsNew).toMatchObject({ version: 2, kinds: ['corroboration'], corroborationChanges: [{ claimId: 'c6b', independentOutlets: { from: 1, to: 1 }, addedOutlets: ['B'] }] });
    expect(item.tags).toEqual(['corroboration']);
    expect(feed2._corroborate.whatsNew).toEqual({ fromVersion: 1, kinds: ['corroboration'], text: '1 corroboration change' });
  });

  it('lists at most maxClaimsPerItem claims and counts the rest', () => {
    const big = digest(1, [story('big', '2025-01-20T00:00:00.000Z', ['A', 'B'], Array.from({ length: 40 }, (_, i) => claim(`k${i}`, ['A', 'B'])))]);
    const item = buildFeed(big, undefined, { ...FEED_OPTIONS, maxClaimsPerItem: 5 }).items[0];
    expect(item._corroborate.claims).toHaveLength(5);
    expect(item._corroborate.claimsOmitted).toBe(35);
    expect(item.content_text).toContain('… and 35 more claims: https://news.example/stories/big.json');
  });

  it('is valid for the real pipeline digest, and its HTML content escapes article text', () => {
    const real = clone(realDigests[4]);
    real.stories[0].claims[0].text = PAYLOAD;
    real.stories[0].claims[0].headline = PAYLOAD;
    const feed = buildFeed(real, diffDigests(realDigests[3], real), { ...FEED_OPTIONS, maxItems: 10 });
    expect(errors(validateFeed, feed)).toEqual([]);
    expect(feed.items[0].summary).toMatch(/^5 outlets \(1 copy or rewrite\), \d+ claims: \d+ reported by more than one outlet, \d+ independently corroborated/);
    expect(feed.items[0].content_html).not.toContain('<script');
    expect(feed.items[0].content_html).toContain(escapeHtml(PAYLOAD));
    expect(feed.items[0].content_text).toContain(PAYLOAD);
  });
});

describe('story documents', () => {
  it('validate against story.schema.json, with the story in the digest schema', () => {
    const [, , , v4, v5] = realDigests;
    const changes = diffDigests(v4, v5);
    const doc = buildStoryDocument(v5, v5.stories[0], changes);
    expect(errors(validateStory, doc)).toEqual([]);
    expect(doc.story).toEqual(v5.stories[0]);
    expect(doc.changes?.storyId).toBe(v5.stories[0].id);
    expect(doc.summary.outlets).toBe(5);
    expect(doc.links).toEqual({
      self: `../stories/${v5.stories[0].id}.json`,
      page: `../index.html#story-${v5.stories[0].id}`,
      feed: '../feed.json',
      atom: '../atom.xml',
      latest: '../latest.json',
      snapshot: '../versions/0000000005.json',
    });
    expect(buildStoryDocument(v5, v5.stories[0], undefined, { baseUrl: 'https://news.example' }).links.snapshot).toBe('https://news.example/versions/0000000005.json');
    const broken = { ...doc, story: { ...doc.story, claims: [{ id: 'x' }] } };
    expect(errors(validateStory, broken).length).toBeGreaterThan(0);
  });

  it('are written for new or changed stories only (all of them on the first publish)', () => {
    const a = story('sa', '2025-01-20T00:00:00.000Z', ['A'], [claim('ca', ['A'])]);
    const b = story('sb', '2025-01-20T00:00:00.000Z', ['B'], [claim('cb', ['B'])]);
    const v1 = digest(1, [a, b]);
    expect(storyDocumentsToWrite(v1, diffDigests(undefined, v1)).map((d) => d.key)).toEqual(['digest/stories/sa.json', 'digest/stories/sb.json']);
    const v2 = digest(2, [a, story('sb', '2025-01-21T00:00:00.000Z', ['B', 'C'], [claim('cb', ['B', 'C'])])]);
    const written = storyDocumentsToWrite(v2, diffDigests(v1, v2));
    expect(written.map((d) => d.key)).toEqual(['digest/stories/sb.json']);
    expect(written[0].document.digestVersion).toBe(2);
    expect(PUBLISHING_KEYS.story('a/b c')).toBe('digest/stories/a%2Fb%20c.json');
  });
});

describe('the SNS notification', () => {
  it('points to the new version, says what changed, and carries filterable attributes', () => {
    const [, , , v4, v5] = realDigests;
    const changes = diffDigests(v4, v5);
    const notice = buildNotification(v5, changes);
    const asPort: DigestNotice = notice;
    expect(asPort.subject).toMatch(/^corroborate digest v5: 1 new article, \d+ new claims?, \d+ corroboration changes?/);
    expect(notice.subject.length).toBeLessThanOrEqual(99);
    expect(notice.attributes).toEqual({
      kind: 'digest-published',
      version: '5',
      changeKinds: JSON.stringify(changes.kinds),
      storyIds: JSON.stringify([v5.stories[0].id]),
      storyIdsComplete: 'true',
    });
    expect(notice.attributeTypes).toMatchObject({ changeKinds: 'String.Array', storyIds: 'String.Array', kind: 'String' });
    const message = JSON.parse(notice.message);
    expect(message).toMatchObject({
      type: 'digest-published',
      version: 5,
      previousVersion: 4,
      latest: 'digest/latest.json',
      snapshot: 'digest/versions/0000000005.json',
      feed: 'digest/feed.json',
      atom: 'digest/atom.xml',
      page: 'digest/index.html',
      stories: 1,
      claims: v5.stories[0].claims.length,
    });
    expect(message.changes.stories[0]).toMatchObject({ storyId: v5.stories[0].id, document: `digest/stories/${v5.stories[0].id}.json` });
    expect(message.changes.stories[0].newClaims).toHaveLength(changes.stories[0].newClaims.length);
    expect(message.changes.omitted).toBeUndefined();
  });

  it('stays under 256 KB for a huge digest, counting what it leaves out', () => {
    const long = 'Officials said the long and winding claim about the thing went on at considerable length, '.repeat(12);
    const stories = Array.from({ length: 3000 }, (_, i) =>
      story(`story-with-a-rather-long-identifier-${String(i).padStart(5, '0')}`, '2025-01-20T00:00:00.000Z', ['A', 'B'], Array.from({ length: 20 }, (_, j) => claim(`c${i}-${j}`, ['A', 'B'], 2, { text: `${long} ${i}/${j} ünïcödé ✓` }))),
    );
    const huge = digest(1, stories);
    const changes = diffDigests(undefined, huge);
    expect(changes.counts.newClaims).toBe(60_000);
    const notice = buildNotification(huge, changes, { baseUrl: 'https://news.example' });
    const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
    const total = bytes(notice.message) + bytes(notice.subject) + Object.entries(notice.attributes).reduce((n, [k, v]) => n + bytes(k) + bytes(v) + 12, 0);
    expect(total).toBeLessThan(SNS_MAX_BYTES);
    const message = JSON.parse(notice.message);
    expect(message.changes.counts.newClaims).toBe(60_000);
    expect(message.changes.stories.length + (message.changes.omitted?.stories ?? 0)).toBe(3000);
    expect(message.changes.omitted.stories).toBeGreaterThan(0);
    expect(message.urls.latest).toBe('https://news.example/latest.json');
    const shown = message.changes.stories[0];
    expect(shown.newClaims.length + (shown.omitted?.newClaims ?? 0)).toBe(20);
    expect(bytes(notice.attributes.storyIds)).toBeLessThanOrEqual(STORY_IDS_ATTRIBUTE_MAX_BYTES);
    expect(JSON.parse(notice.attributes.storyIds).length).toBeGreaterThan(5);
    expect(notice.attributes.storyIdsComplete).toBe('false');
  });

  it('keeps the subject ASCII and short, and marks a publish with no changes', () => {
    const d = digest(3, [story('s', '2025-01-20T00:00:00.000Z', ['A'], [claim('c', ['A'])], { headline: 'Ünïcödé “quotes” — dashes' })]);
    const same = { ...clone(d), version: 4 };
    const notice = buildNotification(same, diffDigests(d, same));
    expect(notice.subject).toBe('corroborate digest v4: no changes');
    expect(notice.attributes.changeKinds).toBe('["none"]');
    expect(notice.attributes.storyIds).toBe('["none"]');
    const first = buildNotification(d, diffDigests(undefined, d));
    expect(first.subject).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('the HTML page', () => {
  function hostileDigest(): Digest {
    const s = story('evil', '2025-01-20T00:00:00.000Z', [PAYLOAD, 'B'], [
      claim('c1', [PAYLOAD, 'B'], 2, {
        text: `"><svg onload=alert(4)> ${PAYLOAD}`,
        headline: `${PAYLOAD} as a sentence.`,
        disputed: true,
        disputes: [{ kind: 'denial', by: PAYLOAD, text: PAYLOAD, detail: `${PAYLOAD} denies it`, outlets: ['B'], mentions: [{ articleId: 'a-B', source: 'B', text: PAYLOAD }] }],
      }),
    ], { headline: PAYLOAD });
    s.articles[0].title = `"><svg onload=alert(3)> ${PAYLOAD}`;
    s.quotes = [{ speaker: PAYLOAD, outlets: [PAYLOAD, 'B'], identical: true, variants: [{ articleId: 'a-B', source: 'B', claimId: 'c1', text: PAYLOAD }] }];
    return digest(1, [s]);
  }

  it('escapes & < > " and \' with one function, and templates escape what they interpolate', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(html`<p title="${'"x"'}">${PAYLOAD}</p>`.markup).toBe(`<p title="&quot;x&quot;">${escapeHtml(PAYLOAD)}</p>`);
    expect(html`<div>${html`<b>${'<i>'}</b>`}</div>`.markup).toBe('<div><b>&lt;i&gt;</b></div>');
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl('stories/x.json')).toBe('stories/x.json');
    expect(safeUrl('https://news.example/feed.json')).toBe('https://news.example/feed.json');
  });

  it('renders article text as text: no script, img or svg element, no event handler', () => {
    const d = hostileDigest();
    const page = renderPage(d, diffDigests(undefined, d));
    expect(page).not.toMatch(/<script|<img|<svg/i);
    const { document } = parseHTML(page);
    expect(document.querySelectorAll('script, img, svg, iframe, object').length).toBe(0);
    const withHandlers = [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')));
    expect(withHandlers).toEqual([]);
    expect(document.querySelector('article.story h2')!.textContent).toBe(PAYLOAD);
    expect(document.querySelector('.claim-text')!.textContent).toContain(`${PAYLOAD} as a sentence.`);
    expect(document.querySelector('.claim-text')!.getAttribute('title')).toBe(`"><svg onload=alert(4)> ${PAYLOAD}`);
    expect(document.querySelector('.dispute')!.textContent).toContain(`${PAYLOAD} denies it`);
    expect(document.querySelector('.sources tbody td:nth-child(2)')!.textContent).toBe(`"><svg onload=alert(3)> ${PAYLOAD}`);
  });

  it('renders stories, claims with their corroboration, sources and what is new', () => {
    const [, , , v4, v5] = realDigests;
    const changes = diffDigests(v4, v5);
    const page = renderPage(v5, changes);
    const { document } = parseHTML(page);
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(document.querySelector('title')!.textContent).toContain('(v5)');
    const alternates = [...document.querySelectorAll('link[rel="alternate"]')].map((l) => [l.getAttribute('type'), l.getAttribute('href')]);
    expect(alternates).toEqual([['application/feed+json', 'feed.json'], ['application/atom+xml', 'atom.xml']]);
    expect(document.querySelector('.masthead a[type="application/atom+xml"]')!.getAttribute('href')).toBe('atom.xml');
    expect(document.querySelector('.whats-new h2')!.textContent).toBe("What's new in v5");
    expect(document.querySelector('.whats-new .summary')!.textContent).toContain('Since v4');
    const s = v5.stories[0];
    expect(document.querySelector('article.story h2')!.textContent).toBe(s.headline);
    expect(document.querySelector('article.story .meta')!.textContent).toContain('5 outlets · 5 articles (1 copy or rewrite)');
    const top = s.claims[0];
    const first = document.querySelector('.claim')!;
    expect(first.querySelector('.claim-text')!.textContent).toContain(top.headline);
    // A claim read from a piece of a sentence reads as a sentence of its own; its exact words are its title.
    const piece = s.claims.find((c) => c.text === "ordered the killing of one of Iran's top generals in 2020")!;
    const pieceText = [...document.querySelectorAll('.claim-text')].find((p) => p.textContent!.includes('top generals'))!;
    expect(piece.headline).toBe("Trump ordered the killing of one of Iran's top generals in 2020.");
    expect(pieceText.textContent).toBe(piece.headline);
    expect(pieceText.getAttribute('title')).toBe(piece.text);
    expect(first.querySelector('.counts')!.textContent).toContain(`${top.independentOutlets} independent`);
    expect(first.querySelector('.counts')!.textContent).toContain(`${top.outlets.length}/5 outlets`);
    expect(first.querySelector('.first-report')!.textContent).toContain(`first reported by ${top.firstReportedBy.source}`);
    expect(document.querySelectorAll('.sources tbody tr').length).toBe(5);
    expect(document.querySelector('.sources')!.textContent).toContain('rewrite of');
    // Every claim is on the page with room for it; past the caps, the story document has the rest.
    expect(parseHTML(renderPage(v5, changes, { maxFoldedClaims: 1000 })).document.querySelectorAll('.claim').length).toBe(s.claims.length);
    const capped = parseHTML(renderPage(v5, changes, { maxListedClaims: 3, maxFoldedClaims: 5 })).document;
    expect(capped.querySelectorAll('.claim').length).toBe(8);
    expect(capped.querySelector('details')!.textContent).toContain(`… and ${s.claims.length - 8} more claims in the story document.`);
    expect(CONTENT_TYPES.html).toBe('text/html; charset=utf-8');
  });

  it('renders an empty digest and a first version', () => {
    const empty = digest(1, []);
    const page = renderPage(empty, diffDigests(undefined, empty));
    expect(page).toContain('No stories yet.');
    expect(page).toContain('First version of the digest: no changes.');
  });
});
