import { formatSummary } from '../../cli/summary';
import { DIGEST_SCHEMA_VERSION, type Digest, type DigestClaim, type DigestStory } from '../../functions/core/digest/build-digest';
import { boundStory, type DigestBounds } from '../../functions/core/digest/digest-bounds';
import type { StoryDocument } from '../../functions/core/publishing/story-document';
import { summarizeStory } from '../../functions/core/publishing/story-summary';
import { publishDigest } from '../../functions/digest/publish-digest';
import { handleS3Event } from '../../functions/ingest/handler';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { PUBLISHING_KEYS } from '../../functions/core/publishing/keys';
import { digestSchemaErrors } from '../support/digest-schema';
import { holdFirstPut, memoryPipeline, s3Event } from '../support/memory-pipeline';
import { seedFiles } from '../support/seeds';

const BOUNDS: DigestBounds = { claimsPerStory: 3, disputedClaimsPerStory: 1, mentionsPerClaim: 2, quoteGroupsPerStory: 1 };

function claim(id: string, outlets: string[], extra: Partial<DigestClaim> = {}): DigestClaim {
  return {
    id,
    text: `Claim ${id}.`,
    outlets,
    independentOutlets: outlets.length,
    firstReportedBy: { articleId: `a-${outlets[0]}`, source: outlets[0], at: '2025-01-10T08:00:00.000Z' },
    mentions: outlets.map((o) => ({ articleId: `a-${o}`, source: o, text: `Claim ${id} in ${o}.` })),
    disputed: false,
    disputes: [],
    ...extra,
  };
}

function story(claims: DigestClaim[], quoteGroups = 0): DigestStory {
  const outlets = [...new Set(claims.flatMap((c) => c.outlets))];
  return {
    id: 's1',
    revision: '1.0',
    headline: 'A story',
    updatedAt: '2025-01-10T09:00:00.000Z',
    outlets,
    articles: outlets.map((o) => ({ id: `a-${o}`, key: `inbox/${o}.txt`, source: o, title: `By ${o}` })),
    claims,
    quotes: Array.from({ length: quoteGroups }, (_, i) => ({ speaker: `Speaker ${i}`, outlets: ['A'], identical: true, variants: [{ articleId: 'a-A', source: 'A', claimId: 'c0', text: `Quote ${i}` }] })),
  };
}

const denial = (outlets: string[]) => ({ disputed: true, disputes: [{ kind: 'denial' as const, by: 'Moscow', text: 'Moscow denies it', detail: 'Moscow denies it', outlets, mentions: outlets.map((o) => ({ articleId: `a-${o}`, source: o, text: 'Moscow denies it' })) }] });

describe('boundStory', () => {
  it('returns a story within the bounds as it is', () => {
    const small = story([claim('c0', ['A', 'B']), claim('c1', ['A'])], 1);
    expect(boundStory(small, BOUNDS)).toBe(small);
  });

  it('shows the first claims, disputed ones past them up to their own bound, the earliest mentions, and the whole story\'s numbers', () => {
    const whole = story(
      [
        claim('c0', ['A', 'B', 'C', 'D']),
        claim('c1', ['A', 'B']),
        claim('c2', ['A']),
        claim('c3', ['B'], denial(['B', 'C', 'D'])),
        claim('c4', ['C']),
        claim('c5', ['D'], denial(['D'])),
      ],
      3,
    );
    const shown = boundStory(whole, BOUNDS);
    expect(shown.claims.map((c) => c.id)).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(shown.claims[0].mentions.map((m) => m.source)).toEqual(['A', 'B']);
    expect(shown.claims[0]).toMatchObject({ mentionCount: 4, outlets: ['A', 'B', 'C', 'D'] });
    expect(shown.claims[1].mentionCount).toBeUndefined();
    expect(shown.claims[3].disputes[0]).toMatchObject({ mentionCount: 3, outlets: ['B', 'C', 'D'] });
    expect(shown.claims[3].disputes[0].mentions).toHaveLength(2);
    expect(shown.quotes).toHaveLength(1);
    expect(shown.partial).toEqual({ claims: 6, corroborated: 2, independentlyCorroborated: 2, disputed: 2, quoteGroups: 3 });
    expect(shown.articles).toEqual(whole.articles);
    // what a page or a feed says about the story is what it says about the whole story
    expect(summarizeStory(shown)).toEqual(summarizeStory(whole));
    // bounding what is bounded changes nothing
    expect(boundStory(shown, BOUNDS)).toBe(shown);
    // and `npm start` prints the whole story's numbers
    const printed = formatSummary({ schemaVersion: DIGEST_SCHEMA_VERSION, version: 1, generatedAt: '2025-01-10T09:00:00.000Z', stories: [shown] }, 2);
    expect(printed).toContain('6 claims, 2 reported by more than one outlet');
    expect(printed).toContain('Disputed: 2 claims');
  });

  it('marks a story whose only cut is mentions, or a quotation group\'s variants', () => {
    const shown = boundStory(story([claim('c0', ['A', 'B', 'C'])]), BOUNDS);
    expect(shown.claims).toHaveLength(1);
    expect(shown.partial).toMatchObject({ claims: 1 });
    const quoted = story([claim('c0', ['A'])], 1);
    quoted.quotes[0].variants = ['A', 'B', 'C'].map((source) => ({ articleId: `a-${source}`, source, claimId: 'c0', text: 'Quote' }));
    const group = boundStory(quoted, BOUNDS).quotes[0];
    expect(group.variants.map((v) => v.source)).toEqual(['A', 'B']);
    expect(group.variantCount).toBe(3);
  });
});

/** The seed articles' pipeline, publishing within BOUNDS: upload a seed, ingest it, read what is published. */
function boundedSeeds() {
  const pipeline = memoryPipeline();
  const deps = { ...pipeline.deps, bounds: BOUNDS };
  const seeds = seedFiles();
  const upload = async (prefix: string) => {
    const seed = seeds.find((s) => s.name.startsWith(prefix))!;
    await pipeline.objects.put(`inbox/${seed.name}`, seed.bytes, 'text/plain');
    return s3Event([{ key: `inbox/${seed.name}`, eventTime: pipeline.nextEventTime() }]);
  };
  return {
    pipeline,
    deps,
    upload,
    ingest: async (prefix: string) => handleS3Event(await upload(prefix), deps),
    read: <T>(key: string) => JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(key)!.body)) as T,
  };
}

describe('publishing with bounds', () => {
  it('shows each story within the bounds in latest.json, writes whole stories in their documents, and tells what is new from whole stories', async () => {
    const { ingest, read } = boundedSeeds();

    for (const prefix of ['000', '001', '002']) await ingest(prefix);
    const [before] = read<Digest>(DIGEST_KEYS.latest).stories;
    const documentBefore = read<StoryDocument>(PUBLISHING_KEYS.story(before.id));
    await ingest('003');
    const latest = read<Digest>(DIGEST_KEYS.latest);
    const [shown] = latest.stories;
    const document = read<StoryDocument>(PUBLISHING_KEYS.story(shown.id));

    expect(digestSchemaErrors(latest)).toEqual([]);
    expect(shown.claims.length).toBeLessThanOrEqual(BOUNDS.claimsPerStory + BOUNDS.disputedClaimsPerStory);
    expect(shown.claims.every((c) => c.mentions.length <= BOUNDS.mentionsPerClaim)).toBe(true);
    expect(shown.claims.some((c) => c.mentionCount !== undefined)).toBe(true);
    // the document holds the whole story, and the digest entry its numbers
    expect(document.story.partial).toBeUndefined();
    expect(document.story.revision).toBe(shown.revision);
    expect(shown.partial?.claims).toBe(document.story.claims.length);
    expect(document.summary.claims).toBe(document.story.claims.length);
    expect(summarizeStory(shown).text).toBe(document.summary.text);
    // new claims are those the whole story did not hold before, whichever of them the digest shows
    const known = new Set(documentBefore.story.claims.map((c) => c.id));
    const gained = document.story.claims.filter((c) => !known.has(c.id)).map((c) => c.id);
    expect(gained.length).toBeGreaterThan(0);
    expect(document.changes?.newClaims.map((c) => c.claimId).sort()).toEqual(gained.sort());
    expect(document.changes?.removedClaims.map((c) => c.claimId).sort()).toEqual(documentBefore.story.claims.filter((c) => !document.story.claims.some((d) => d.id === c.id)).map((c) => c.id).sort());
  });

  it('leaves the whole story in its document when an overtaken publisher puts a newer version back', async () => {
    const { pipeline, deps, ingest, read } = boundedSeeds();
    for (const prefix of ['000', '001', '002']) await ingest(prefix);

    // The older publisher is held at its latest.json until a newer version is published.
    const held = holdFirstPut(pipeline.objects, DIGEST_KEYS.latest);
    const older = publishDigest(deps);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await ingest('003');
    held.release();
    await older;

    const [shown] = read<Digest>(DIGEST_KEYS.latest).stories;
    const document = read<StoryDocument>(PUBLISHING_KEYS.story(shown.id));
    expect(shown.partial).toBeDefined();
    expect(document.story.partial).toBeUndefined();
    expect(document.story.revision).toBe(shown.revision);
    expect(document.story.claims).toHaveLength(shown.partial!.claims);
  });
});
