import { AsyncLocalStorage } from 'node:async_hooks';
import { buildDigest } from '../../functions/core/digest/build-digest';
import { handleS3Event } from '../../functions/ingest/handler';
import { ingestObject } from '../../functions/ingest/ingest-object';
import { publishDigest } from '../../functions/digest/publish-digest';
import { normalizeText } from '../../functions/core/text/normalize';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { digestSchemaErrors } from '../support/digest-schema';
import { holdFirstPut, memoryPipeline, s3Event } from '../support/memory-pipeline';
import { seedFiles } from '../support/seeds';
import type { Digest } from '../../functions/core/digest/build-digest';
import { formatSummary } from '../../cli/summary';

async function ingestSeeds(pipeline = memoryPipeline()) {
  for (const seed of seedFiles()) {
    const key = `inbox/${seed.name}`;
    await pipeline.objects.put(key, seed.bytes, 'text/plain');
    await handleS3Event(s3Event([{ key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
  }
  return pipeline;
}

function latestDigest(pipeline: ReturnType<typeof memoryPipeline>): Digest {
  return JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(DIGEST_KEYS.latest)!.body)) as Digest;
}

describe('the pipeline on the seed articles (in-process adapters)', () => {
  let pipeline: ReturnType<typeof memoryPipeline>;
  let digest: Digest;

  beforeAll(async () => {
    pipeline = await ingestSeeds();
    digest = latestDigest(pipeline);
  });

  it('groups all five articles into one story', () => {
    expect(digest.stories).toHaveLength(1);
    expect(digest.stories[0].articles).toHaveLength(5);
    expect(digest.stories[0].outlets).toHaveLength(5);
  });

  it('publishes a schema-valid digest whose version grows with each publish', () => {
    expect(digestSchemaErrors(digest)).toEqual([]);
    expect(digest.version).toBe(5);
    expect(pipeline.objects.objects.has(DIGEST_KEYS.version(5))).toBe(true);
    expect(pipeline.notifier.notices.map((n) => n.attributes.version)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('matches claims across outlets, with each mention the exact text of its article', () => {
    const story = digest.stories[0];
    const shared = story.claims.filter((claim) => claim.outlets.length >= 3);
    expect(shared.length).toBeGreaterThanOrEqual(3);
    const seedText = new Map(seedFiles().map((s) => [s.name.replace(/\.txt$/, ''), normalizeText(new TextDecoder().decode(s.bytes))]));
    for (const claim of story.claims) {
      for (const mention of claim.mentions) expect(seedText.get(mention.source)).toContain(mention.text);
    }
  });

  it('recognises the paraphrased rewrite (002 of 001) and counts it once', () => {
    const story = digest.stories[0];
    const byKey = new Map(story.articles.map((a) => [a.key, a]));
    const rewrite = byKey.get('inbox/002_1f40a0dbff97c612.txt')!;
    const original = byKey.get('inbox/001_f075c1c7607b0d07.txt')!;
    expect(rewrite.derivedFrom).toBe(original.id);
    const bothOnly = story.claims.find((c) => c.outlets.length === 2 && c.outlets.includes(rewrite.source) && c.outlets.includes(original.source));
    expect(bothOnly?.independentOutlets).toBe(1);
    const others = story.articles.filter((a) => a !== rewrite && a !== original);
    expect(others.every((a) => !a.derivedFrom && !a.duplicateOf)).toBe(true);
  });

  it('marks the drone-supply claim disputed: 003 and 004 report that Moscow and Tehran deny it', () => {
    const story = digest.stories[0];
    const source = (prefix: string) => story.articles.find((a) => a.key.startsWith(`inbox/${prefix}`))!.source;
    for (const prefix of ['003', '004']) {
      const disputed = story.claims.find((c) => c.mentions.some((m) => m.source === source(prefix) && m.denial));
      expect(disputed?.disputed).toBe(true);
      expect(disputed?.disputes).toContainEqual(expect.objectContaining({ kind: 'denial', by: 'Moscow and Tehran', outlets: expect.arrayContaining([source(prefix)]) }));
      expect(disputed?.statement ?? disputed?.text).toMatch(/drones/);
    }
    // 003's denial attaches to the supply claim that 001 and 002 report as fact.
    const supply = story.claims.find((c) => c.disputed && c.outlets.includes(source('001')));
    expect(supply?.outlets).toEqual(expect.arrayContaining([source('001'), source('003')]));
    expect(story.claims.filter((c) => c.disputed).every((c) => c.disputes.every((d) => d.kind === 'denial'))).toBe(true);
  });

  it('reads out as `npm start` prints it: counts in words, the disputed claim with who denies it', () => {
    const summary = formatSummary(digest, 2).split('\n');
    expect(summary[0]).toMatch(/^Digest v\d+ \(.+\): 1 story, 5 articles\.$/);
    expect(summary).toContain(`  ${digest.stories[0].claims.length} claims, ${digest.stories[0].claims.filter((c) => c.outlets.length > 1).length} reported by more than one outlet. Most corroborated:`);
    // Two claims shown, so the drones claim is listed under the disputed ones, with one claim, not "1 claims".
    expect(summary).toContain('  Disputed: 1 claim');
    expect(summary.join('\n')).toMatch(/Disputed: 1 claim\n {3}- .*drones.*\n {5}.*Moscow and Tehran/);
  });

  it("matches Lavrov's quotation across outlets with its speaker and shows how the wording differs", () => {
    const story = digest.stories[0];
    const lavrov = story.quotes.find((q) => /Lavrov/.test(q.speaker) && q.outlets.length >= 2);
    expect(lavrov?.speaker).toBe('Russian Foreign Minister Sergei Lavrov');
    expect(lavrov?.identical).toBe(false);
    expect(lavrov?.variants.some((v) => (v.added ?? []).concat(v.omitted ?? []).includes('treaty'))).toBe(true);
    const pezeshkian = story.quotes.find((q) => q.speaker === 'Pezeshkian' && /make chaos/.test(q.variants[0].text));
    expect(pezeshkian?.outlets).toHaveLength(2);
    expect(pezeshkian?.identical).toBe(true);
  });

  it('splits joined assertions into claims whose mentions are exact spans', () => {
    const story = digest.stories[0];
    const trump = story.claims.filter((c) => c.mentions.some((m) => m.text.startsWith('Trump, who withdrew')) || c.mentions.some((m) => m.statement === "Trump ordered the killing of one of Iran's top generals in 2020"));
    expect(trump).toHaveLength(2);
    const withdrew = trump.find((c) => c.mentions.some((m) => m.text.startsWith('Trump, who withdrew')))!;
    expect(withdrew.outlets.length).toBeGreaterThanOrEqual(2);
  });

  it('changes nothing, and publishes no new version, when the same objects are delivered again', async () => {
    const before = latestDigest(pipeline);
    const notices = pipeline.notifier.notices.length;
    for (const seed of seedFiles()) {
      const outcome = await handleS3Event(s3Event([{ key: `inbox/${seed.name}`, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
      expect(outcome.outcomes[0].status).toBe('already-processed');
    }
    expect(latestDigest(pipeline)).toEqual(before);
    expect(pipeline.notifier.notices).toHaveLength(notices);
    expect(await pipeline.deps.ledger.publishedVersion()).toBe(before.version);
  });

  it('counts the same content uploaded under another key once', async () => {
    const seed = seedFiles()[0];
    await pipeline.objects.put('inbox/copy of seed.txt', seed.bytes, 'text/plain');
    const { outcomes } = await handleS3Event(s3Event([{ key: 'inbox/copy of seed.txt', eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    expect(outcomes[0]).toMatchObject({ key: 'inbox/copy of seed.txt', status: 'duplicate' });
    expect(latestDigest(pipeline).stories[0].articles).toHaveLength(5);
  });
});

describe('a delivery that failed before its publish finished', () => {
  async function firstDeliveryFails(failingKey: string) {
    const pipeline = await ingestSeeds();
    const seed = seedFiles()[0];
    await pipeline.objects.put('inbox/again.txt', new TextEncoder().encode(`A late report\n\n${new TextDecoder().decode(seed.bytes)} The talks ended late on Friday evening in Moscow.`), 'text/plain');
    const event = s3Event([{ key: 'inbox/again.txt', eventTime: pipeline.nextEventTime() }]);
    const put = pipeline.objects.put.bind(pipeline.objects);
    const failing = jest.spyOn(pipeline.objects, 'put').mockImplementation(async (key, body, type, metadata) => {
      if (key === failingKey) throw new Error(`S3 is unavailable for ${key}`);
      return put(key, body, type, metadata);
    });
    await expect(handleS3Event(event, pipeline.deps)).rejects.toThrow(/unavailable/);
    failing.mockRestore();
    return { pipeline, event };
  }

  it.each([DIGEST_KEYS.version(6), DIGEST_KEYS.latest])('is published by the redelivery (first delivery failed writing %s)', async (failingKey) => {
    const { pipeline, event } = await firstDeliveryFails(failingKey);
    const versionBefore = latestDigest(pipeline).version;
    const { outcomes } = await handleS3Event(event, pipeline.deps);
    expect(outcomes[0].status).toBe('already-processed');
    const after = latestDigest(pipeline);
    expect(after.version).toBeGreaterThan(versionBefore);
    expect(after.stories.flatMap((s) => s.articles.map((a) => a.key))).toContain('inbox/again.txt');
    expect(pipeline.notifier.notices.at(-1)?.attributes.version).toBe(String(after.version));
    // Delivered once more, it publishes nothing new.
    await handleS3Event(event, pipeline.deps);
    expect(latestDigest(pipeline).version).toBe(after.version);
  });
});

describe('bad input', () => {
  it('is set aside with a findable reason, and does not stop the other records', async () => {
    const pipeline = memoryPipeline();
    const seed = seedFiles()[1];
    await pipeline.objects.put('inbox/broken.json', '{"title": ', 'application/json');
    await pipeline.objects.put('inbox/good.txt', seed.bytes, 'text/plain');
    await pipeline.objects.put('inbox/empty.txt', '', 'text/plain');
    const at = pipeline.nextEventTime();
    const { outcomes } = await handleS3Event(s3Event([{ key: 'inbox/broken.json', eventTime: at }, { key: 'inbox/good.txt', eventTime: at }, { key: 'inbox/empty.txt', eventTime: at }]), pipeline.deps);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'ingested', 'rejected']);
    expect(pipeline.objects.objects.has('inbox/broken.json')).toBe(false);
    expect(new TextDecoder().decode(pipeline.objects.objects.get('rejected/broken.json')!.body)).toBe('{"title": ');
    const record = JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get('rejected/broken.json.error.json')!.body));
    expect(record).toMatchObject({ key: 'inbox/broken.json', code: 'invalid-json' });
    expect(record.reason).toMatch(/not valid JSON/);
    // A redelivered event for a set-aside object is not processed again.
    const again = await handleS3Event(s3Event([{ key: 'inbox/broken.json', eventTime: at }]), pipeline.deps);
    expect(again.outcomes[0].status).toBe('already-processed');
  });

  it('checks the size limit before reading the object', async () => {
    const pipeline = memoryPipeline(100);
    await pipeline.objects.put('inbox/big.txt', 'x'.repeat(101), 'text/plain');
    const get = jest.spyOn(pipeline.objects, 'get');
    const { outcomes } = await handleS3Event(s3Event([{ key: 'inbox/big.txt', eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    expect(outcomes[0]).toMatchObject({ status: 'rejected', code: 'too-large' });
    expect(get).not.toHaveBeenCalledWith('inbox/big.txt');
  });

  it('rejects an event that is not an S3 event', async () => {
    await expect(handleS3Event({ hello: 'world' }, memoryPipeline().deps)).rejects.toThrow();
  });
});

describe('buildDigest', () => {
  it('counts copies and rewrites once with their origin', () => {
    const at = '2025-01-17T00:00:00.000Z';
    const article = (id: string, source: string, extra: object = {}) => ({ id, key: `inbox/${id}`, source, title: id, ingestedAt: at, language: 'en', storyId: 's', claimCount: 1, ...extra });
    const digest = buildDigest(
      [
        {
          story: { id: 's', headline: 'h', createdAt: at, updatedAt: at, centroid: {}, memberIds: [] },
          articles: [article('a', 'A'), article('b', 'B', { duplicateOf: 'a' }), article('c', 'C', { derivedFrom: 'b' }), article('d', 'D')],
          claims: [{ id: 'c1', storyId: 's', text: 't', features: { terms: [], numbers: [], names: [], negated: false }, createdAt: at }],
          mentions: ['a', 'b', 'c', 'd'].map((articleId, i) => ({ claimId: 'c1', storyId: 's', articleId, source: articleId.toUpperCase(), text: 't', claimIndex: i, ingestedAt: at, similarity: 1 })),
        },
      ],
      1,
      at,
    );
    expect(digest.stories[0].claims[0]).toMatchObject({ outlets: ['A', 'B', 'C', 'D'], independentOutlets: 2 });
    expect(digestSchemaErrors(digest)).toEqual([]);
  });
});

describe('publishing under concurrency', () => {
  it('ends with the newest version on the site even when an older publisher finishes last', async () => {
    const pipeline = memoryPipeline();
    const [first, second] = seedFiles();
    await pipeline.objects.put('inbox/a.txt', first.bytes, 'text/plain');
    await pipeline.objects.put('inbox/b.txt', second.bytes, 'text/plain');
    await handleS3Event(s3Event([{ key: 'inbox/a.txt', eventTime: pipeline.nextEventTime() }]), pipeline.deps);

    // Hold back the older publisher's writes to latest.json until the newer publisher is done.
    const held = holdFirstPut(pipeline.objects, DIGEST_KEYS.latest);
    const older = publishDigest(pipeline.deps);
    await new Promise((r) => setTimeout(r, 10));
    await handleS3Event(s3Event([{ key: 'inbox/b.txt', eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    held.release();
    await older;

    const latest = latestDigest(pipeline);
    expect(latest.version).toBe(await pipeline.deps.ledger.publishedVersion());
    expect(latest.stories.flatMap((s) => s.articles.map((a) => a.key)).sort()).toEqual(['inbox/a.txt', 'inbox/b.txt']);
  });
});

describe('publishing overtaken again and again', () => {
  it('ends with the newest version on the site when newer versions land during each of many catch-up rounds', async () => {
    const pipeline = memoryPipeline();
    const seeds = seedFiles();
    await pipeline.objects.put('inbox/first.txt', seeds[0].bytes, 'text/plain');
    await handleS3Event(s3Event([{ key: 'inbox/first.txt', eventTime: pipeline.nextEventTime() }]), pipeline.deps);

    // Every time the slow publisher is about to write latest.json, another publish completes first,
    // so each of its rounds finds a newer version recorded (as under 50 concurrent invocations).
    const slow = new AsyncLocalStorage<boolean>();
    const overtakes = 12;
    let overtaken = 0;
    const put = pipeline.objects.put.bind(pipeline.objects);
    jest.spyOn(pipeline.objects, 'put').mockImplementation(async (key, body, type, metadata) => {
      if (key === DIGEST_KEYS.latest && slow.getStore() && overtaken < overtakes) {
        overtaken += 1;
        await slow.exit(() => publishDigest(pipeline.deps));
      }
      return put(key, body, type, metadata);
    });
    await slow.run(true, () => publishDigest(pipeline.deps));

    expect(latestDigest(pipeline).version).toBe(await pipeline.deps.ledger.publishedVersion());
    expect(overtaken).toBe(overtakes);
  });
});

describe('publishing cost', () => {
  const reports = {
    'inbox/valley-times/dam.txt': 'Dam release floods Arun valley\n\nThe Arun valley flooded after the Kelvale dam opened its gates during heavy rain, forcing hundreds of residents from their homes. Officials said the dam released 40 million cubic metres of water.',
    'inbox/city-news/vote.txt': 'Harbour city elects new mayor\n\nVoters in Port Ellis elected Dana Moreau as mayor on Sunday, ending twelve years of rule by the Harbour Party. Turnout reached 61 percent, the highest in two decades.',
    'inbox/sports-desk/final.txt': 'Rovers win the cup final on penalties\n\nEastbury Rovers beat Westford United on penalties in the county cup final after a goalless draw. The Rovers goalkeeper saved two spot kicks in the shoot-out.',
    'inbox/river-post/dam.txt': 'Residents flee as Kelvale dam opens\n\nHundreds of residents of the Arun valley left their homes as the Kelvale dam opened its gates in heavy rain. The dam released 40 million cubic metres of water, officials said.',
  };

  async function upload(pipeline: ReturnType<typeof memoryPipeline>, key: keyof typeof reports) {
    await pipeline.objects.put(key, reports[key], 'text/plain');
  }

  it('reads from the ledger only the stories that changed since the last digest, and publishes what a full read would', async () => {
    const pipeline = memoryPipeline();
    for (const key of ['inbox/valley-times/dam.txt', 'inbox/city-news/vote.txt', 'inbox/sports-desk/final.txt'] as const) {
      await upload(pipeline, key);
      await handleS3Event(s3Event([{ key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    }
    expect(latestDigest(pipeline).stories).toHaveLength(3);

    const partitionReads = async (publish: () => Promise<unknown>) => {
      const before = pipeline.table.calls.query ?? 0;
      await publish();
      return (pipeline.table.calls.query ?? 0) - before;
    };
    // Nothing changed: every story is carried over from latest.json.
    expect(await partitionReads(() => publishDigest(pipeline.deps))).toBe(0);

    // One story grows (ingested without publishing): only that story is read again.
    await upload(pipeline, 'inbox/river-post/dam.txt');
    await ingestObject(pipeline.deps, { key: 'inbox/river-post/dam.txt', eventTime: pipeline.nextEventTime() });
    expect(await partitionReads(() => publishDigest(pipeline.deps))).toBe(1);
    const incremental = latestDigest(pipeline);
    expect([...(incremental.stories.find((s) => s.articles.length === 2)?.outlets ?? [])].sort()).toEqual(['river-post', 'valley-times']);

    // Without a digest to carry stories over from, all of them are read: same stories.
    await pipeline.objects.delete(DIGEST_KEYS.latest);
    expect(await partitionReads(() => publishDigest(pipeline.deps))).toBe(3);
    expect(latestDigest(pipeline).stories).toEqual(incremental.stories);
  });
});

describe('feed pages', () => {
  /** An article of made-up words no other article uses: every one is its own story. */
  function inventedArticle(n: number): string {
    const syllables = ['ka', 'lo', 'mi', 'ru', 'te', 'zo', 'pa', 'ne', 'vi', 'su', 'do', 'gri'];
    let k = 0;
    const word = () => {
      let value = n * 40 + (k += 1) + 20000;
      let text = '';
      for (; value > 0; value = Math.floor(value / syllables.length)) text += syllables[value % syllables.length];
      return text;
    };
    const sentence = () => `${word()} ${word()} said the ${word()} ${word()} had ${word()} ${n + 2} ${word()} on Monday.`;
    return `${word()} ${word()} ${word()}\n\n${sentence()} ${sentence()} ${sentence()}`;
  }

  it('rewrites older pages only when what they list changed', async () => {
    const pipeline = memoryPipeline();
    for (let n = 0; n < 55; n += 1) {
      const key = `inbox/outlet-${n}/story.txt`;
      await pipeline.objects.put(key, inventedArticle(n), 'text/plain');
      await handleS3Event(s3Event([{ key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    }
    expect(pipeline.objects.objects.has('digest/feed-2.json')).toBe(true);
    const written: string[] = [];
    const put = pipeline.objects.put.bind(pipeline.objects);
    jest.spyOn(pipeline.objects, 'put').mockImplementation(async (key, body, type, metadata) => {
      written.push(key);
      return put(key, body, type, metadata);
    });
    // Nothing new: page 1 is rewritten (it names the version), page 2 is left as it is.
    await publishDigest(pipeline.deps);
    expect(written).toContain('digest/feed.json');
    expect(written).toContain('digest/atom.xml');
    expect(written).not.toContain('digest/feed-2.json');
    expect(written).not.toContain('digest/atom-2.xml');
    // An older Atom page that is missing (as before Atom was published) is written again.
    await pipeline.objects.delete('digest/atom-2.xml');
    written.length = 0;
    await publishDigest(pipeline.deps);
    expect(written).toContain('digest/atom-2.xml');
    expect(written).not.toContain('digest/feed-2.json');
    // A new story pushes one item from page 1 onto page 2: both are rewritten.
    written.length = 0;
    await pipeline.objects.put('inbox/outlet-new/story.txt', inventedArticle(1000), 'text/plain');
    await handleS3Event(s3Event([{ key: 'inbox/outlet-new/story.txt', eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    expect(written).toEqual(expect.arrayContaining(['digest/feed.json', 'digest/feed-2.json']));
  });
});

describe('copies ingested at the same moment as their original', () => {
  it('are known as copies in the ledger and the digest, and are not counted as independent', async () => {
    const pipeline = memoryPipeline();
    const seed = seedFiles()[4];
    const text = new TextDecoder().decode(seed.bytes);
    const uploads = [
      { key: 'inbox/original.txt', body: text },
      { key: 'inbox/edited.txt', body: text.replace(/said/g, 'stated') },
      { key: 'inbox/reordered.txt', body: [text.split('\n')[0], ...text.split('\n').slice(1).reverse()].join('\n') },
    ];
    for (const upload of uploads) await pipeline.objects.put(upload.key, upload.body, 'text/plain');
    const events = uploads.map((upload) => s3Event([{ key: upload.key, eventTime: pipeline.nextEventTime() }]));
    await Promise.all(events.map((event) => handleS3Event(event, pipeline.deps)));
    await publishDigest(pipeline.deps);

    const [story] = latestDigest(pipeline).stories;
    const byKey = new Map(story.articles.map((a) => [a.key, a]));
    const originalId = byKey.get('inbox/original.txt')!.id;
    expect(byKey.get('inbox/original.txt')!.duplicateOf).toBeUndefined();
    expect(byKey.get('inbox/edited.txt')!.duplicateOf).toBe(originalId);
    expect(byKey.get('inbox/reordered.txt')!.duplicateOf).toBe(originalId);
    expect((await pipeline.deps.ledger.findArticle(byKey.get('inbox/edited.txt')!.id))?.duplicateOf).toBe(originalId);
    for (const claim of story.claims) expect(claim.independentOutlets).toBe(1);
  });
});

describe('pages whose text is their site chrome', () => {
  it('are not copies of each other and are grouped by their headlines, with no claims from the notice', async () => {
    const pipeline = memoryPipeline();
    const notice = [
      'Sign in using your station profile.',
      'By submitting your registration information, you agree to our Terms of Service and Privacy Policy.',
      'Already have an account? We have sent a confirmation email to your address. Please check your email and click on the link to activate your account.',
      'Thank you for registering! We look forward to seeing you on our website frequently.',
    ].join('\n\n');
    const headlines = ['Four people shot at a birthday party in southeast Atlanta', 'City council approves new budget for Savannah schools', 'Wildfire forces evacuation of mountain town near Boulder'];
    for (const [i, title] of headlines.entries()) {
      const key = `inbox/page-${i}.json`;
      await pipeline.objects.put(key, JSON.stringify({ title, text: notice, source: 'station.example' }), 'application/json');
      await handleS3Event(s3Event([{ key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    }
    const digest = latestDigest(pipeline);
    const articles = digest.stories.flatMap((story) => story.articles);
    expect(articles).toHaveLength(3);
    expect(articles.filter((a) => a.duplicateOf)).toEqual([]);
    expect(digest.stories).toHaveLength(3);
    // The first page cannot know yet that its text is chrome; the later ones make no claim of it.
    const claimed = digest.stories.flatMap((story) => story.claims.flatMap((claim) => claim.mentions.map((m) => m.articleId)));
    for (const article of articles.slice(0)) if (article.key !== 'inbox/page-0.json') expect(claimed).not.toContain(article.id);
  });
});
