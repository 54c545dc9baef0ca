import { MemoryTableStore } from '../../functions/adapters/memory-table-store';
import type { Digest } from '../../functions/core/digest/build-digest';
import { minhash } from '../../functions/core/fingerprint/minhash';
import type { StoryRecord } from '../../functions/core/records';
import { DEFAULT_POLICY, type StoryPolicy } from '../../functions/core/stories/story-policy';
import { LISTED_MEMBERS, storySize, withMember } from '../../functions/core/stories/story-members';
import { normalize } from '../../functions/core/stories/term-vector';
import { handleS3Event } from '../../functions/ingest/handler';
import { foldStories, mergeStories } from '../../functions/ingest/merge-stories';
import { Ledger } from '../../functions/ledger/ledger';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { memoryPipeline, s3Event } from '../support/memory-pipeline';

/**
 * A story model of two features, so that the test controls which reports join: an article joins a
 * story when the likeness of its nearest member and that of its nearest headline add up to 0.9.
 */
const WORDS_AND_HEADLINE: StoryPolicy = {
  ...DEFAULT_POLICY,
  model: { features: ['nearestMember', 'nearestTitle'], mean: [0, 0], scale: [1, 1], weights: [10, 10], bias: -9, threshold: 0 },
};

/**
 * Three reports of one event (written for this test). The first two tell it in many of the same
 * words under unlike headlines, so the second opens a story of its own; the third is like both.
 */
const COLLAPSE = {
  name: 'collapse',
  title: 'Footbridge collapses into the Tarn in Albi',
  text: 'A pedestrian footbridge collapsed into the Tarn river in Albi on Sunday, throwing eleven walkers into the water.\n\nFirefighters pulled the walkers out of the river with inflatable boats, and the prosecutor in Toulouse opened a manslaughter inquiry.',
};
const INQUIRY = {
  name: 'inquiry',
  title: 'Prosecutor opens manslaughter inquiry',
  text: 'Eleven walkers fell into the Tarn river in Albi on Sunday when the pedestrian footbridge they were crossing collapsed.\n\nThe prosecutor in Toulouse opened a manslaughter inquiry; firefighters had pulled the walkers out with inflatable boats.',
};
const BOTH = {
  name: 'both',
  title: 'Albi footbridge collapse: prosecutor opens manslaughter inquiry',
  text: 'The collapse of a footbridge in Albi on Sunday threw eleven walkers into the Tarn river.\n\nMayor Stéphanie Guiraud said the bridge had been inspected last spring, and the prosecutor in Toulouse opened a manslaughter inquiry.',
};

/** A collapse and its inquiry told apart, and a summary of both: related reports, not pieces of one telling. */
const COLLAPSE_ALONE = {
  name: 'collapse-alone',
  title: 'Footbridge collapses over the Tarn river in Albi',
  text: 'A pedestrian footbridge collapsed into the Tarn river in Albi on Sunday morning, throwing eleven walkers into the water.\n\nFirefighters pulled the walkers from the river with inflatable boats; four were taken to hospital with hypothermia.',
};
const INQUIRY_ALONE = {
  name: 'inquiry-alone',
  title: 'Prosecutor opens manslaughter inquiry over corroded cables',
  text: 'The prosecutor in Toulouse opened a manslaughter inquiry into the engineering firm that inspected the cables last spring.\n\nMayor Stéphanie Guiraud said the inspection report had warned of corrosion and demanded the contractor explain the delay.',
};
const SUMMARY = {
  name: 'summary',
  title: 'Albi footbridge collapse: prosecutor opens inquiry over corroded cables',
  text: 'A pedestrian footbridge collapsed into the Tarn river in Albi on Sunday, throwing eleven walkers into the water; firefighters pulled them out with inflatable boats.\n\nThe prosecutor in Toulouse opened a manslaughter inquiry into the engineering firm that inspected the corroded cables, and Mayor Stéphanie Guiraud demanded the contractor explain the delay.',
};

/** A model of one feature: an article joins a story whose nearest member has a likeness of at least 0.3. */
const WORDS_AT_LEAST_0_3: StoryPolicy = {
  ...DEFAULT_POLICY,
  model: { features: ['nearestMember'], mean: [0], scale: [1], weights: [10], bias: -3, threshold: 0 },
};

const latest = (pipeline: ReturnType<typeof memoryPipeline>) => JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(DIGEST_KEYS.latest)!.body)) as Digest;

async function ingest(pipeline: ReturnType<typeof memoryPipeline>, article: { name: string; title: string; text: string }) {
  const key = `inbox/${article.name}.txt`;
  await pipeline.objects.put(key, new TextEncoder().encode(`${article.title}\n\n${article.text}`), 'text/plain');
  await handleS3Event(s3Event([{ key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
}

describe('an article that joins two stories of one event', () => {
  it('folds them into one, the older story keeping its id', async () => {
    const pipeline = memoryPipeline(undefined, WORDS_AND_HEADLINE);
    await ingest(pipeline, COLLAPSE);
    await ingest(pipeline, INQUIRY);
    const apart = latest(pipeline);
    // The premise: the first two reports share too little to join.
    expect(apart.stories).toHaveLength(2);
    const older = apart.stories.find((story) => story.articles.some((article) => article.source === 'collapse'))!;

    await ingest(pipeline, BOTH);
    const digest = latest(pipeline);
    expect(digest.stories).toHaveLength(1);
    expect(digest.stories[0].id).toBe(older.id);
    expect(digest.stories[0].articles.map((article) => article.source).sort()).toEqual(['both', 'collapse', 'inquiry']);
    // The claims of the story folded in are matched with the survivor's: the inquiry, which all
    // three report, is one claim of three outlets.
    const outlets = digest.stories[0].claims.map((claim) => [...claim.outlets].sort().join(' '));
    expect(outlets).toContain('both collapse inquiry');
  });

  it('leaves them apart with folding switched off (the ablation `--ablate fold`)', async () => {
    const pipeline = memoryPipeline(undefined, { ...WORDS_AND_HEADLINE, fold: false });
    for (const article of [COLLAPSE, INQUIRY, BOTH]) await ingest(pipeline, article);
    expect(latest(pipeline).stories).toHaveLength(2);
  });
});

describe('an article that joins two stories whose reports are unlike each other', () => {
  it('joins the likelier and leaves the other apart: it may bridge two related events', async () => {
    const pipeline = memoryPipeline(undefined, WORDS_AT_LEAST_0_3);
    for (const article of [COLLAPSE_ALONE, INQUIRY_ALONE, SUMMARY]) await ingest(pipeline, article);
    const stories = latest(pipeline).stories.map((story) => story.articles.map((article) => article.source).sort());
    expect(stories).toHaveLength(2);
    expect(stories).toContainEqual(['collapse-alone']);
  });
});

describe('foldStories', () => {
  const centroid = normalize({ footbridge: 1, albi: 1, tarn: 1, collapse: 1 });
  const story = (id: string, createdAt: string, extra: Partial<StoryRecord> = {}): StoryRecord => ({ id, headline: id, createdAt, updatedAt: createdAt, centroid, memberIds: [`article-of-${id}`], ...extra });

  it('folds each story into the older one, but never a part into the story it was split from', async () => {
    const ledger = new Ledger(new MemoryTableStore());
    for (const record of [story('s-2-joined', '2025-01-02'), story('s-1-older', '2025-01-01'), story('s-3-part', '2025-01-03', { splitFrom: 's-1-older' })]) {
      await ledger.commitStoryUpdate(record, undefined, []);
    }
    expect(await foldStories(ledger, 's-2-joined', ['s-1-older', 's-3-part'])).toEqual({ storyId: 's-1-older', any: true });
    const [joined, older, part] = await Promise.all(['s-2-joined', 's-1-older', 's-3-part'].map(async (id) => (await ledger.findStories([id]))[0]));
    expect(joined.mergedInto).toBe('s-1-older');
    expect(older.mergedInto).toBeUndefined();
    expect(older.memberIds.sort()).toEqual(['article-of-s-1-older', 'article-of-s-2-joined']);
    expect(part.mergedInto).toBeUndefined();
    expect(await foldStories(ledger, 's-1-older', [])).toEqual({ storyId: 's-1-older', any: false });
  });

  it('leaves where it is an article that a split moved out of the survivor when the merge runs again', async () => {
    const ledger = new Ledger(new MemoryTableStore());
    await ledger.commitStoryUpdate(story('s-1-into', '2025-01-01'), undefined, []);
    await ledger.commitStoryUpdate(story('s-2-from', '2025-01-02', { memberIds: ['moved-on', 'stays'] }), undefined, []);
    await ledger.commitStoryUpdate(story('s-3-part', '2025-01-03', { splitFrom: 's-1-into', memberIds: [] }), undefined, []);
    const article = (id: string, storyId: string) => ({ id, key: `inbox/${id}.txt`, source: 'outlet', title: id, ingestedAt: '2025-01-02T00:00:00.000Z', language: 'en', storyId, claimCount: 0 });
    for (const id of ['moved-on', 'stays']) {
      await ledger.saveMentions('s-2-from', [], article(id, 's-2-from'), undefined);
      await ledger.commitArticle({ ...article(id, 's-2-from'), signature: minhash(id) });
    }
    expect(await mergeStories(ledger, 's-2-from', 's-1-into')).toBe('s-1-into');
    // A split of the survivor moves one of them on, to a part that stands.
    await ledger.saveMentions('s-3-part', [], article('moved-on', 's-3-part'), undefined);
    await ledger.moveArticles(['moved-on'], 's-3-part');
    await ledger.removeMovedArticles('s-1-into', ['moved-on']);

    // The merge runs again (a retry, or an article that chose the absorbed story).
    expect(await mergeStories(ledger, 's-2-from', 's-1-into')).toBe('s-1-into');

    expect((await ledger.findArticle('moved-on'))?.storyId).toBe('s-3-part');
    expect((await ledger.storySnapshot('s-1-into'))?.articles.map((a) => a.id)).toEqual(['stays']);
    expect((await ledger.storySnapshot('s-3-part'))?.articles.map((a) => a.id)).toEqual(['moved-on']);
  });

  it('folds a story in once, however many articles join the survivor before a retried merge', async () => {
    const ledger = new Ledger(new MemoryTableStore());
    await ledger.commitStoryUpdate(story('s-1-large', '2025-01-01', { memberIds: ['first'], memberCount: 1 }), undefined, []);
    await ledger.commitStoryUpdate(story('s-2-small', '2025-01-02', { memberIds: ['small-1', 'small-2'], memberCount: 2 }), undefined, []);
    expect(await mergeStories(ledger, 's-2-small', 's-1-large')).toBe('s-1-large');
    // More articles join than the record lists: the absorbed story's members drop off the list.
    for (let i = 0; i < LISTED_MEMBERS; i += 1) {
      const [current] = await ledger.findStories(['s-1-large']);
      expect(await ledger.commitStoryUpdate({ ...current, ...withMember(current, `later-${i}`) }, current.revision, [])).toBe(true);
    }
    const [before] = await ledger.findStories(['s-1-large']);
    expect(before.memberIds).not.toContain('small-1');
    expect(storySize(before)).toBe(3 + LISTED_MEMBERS);
    // A retry of the merge (or an article still pointed at the absorbed story) finds it folded in.
    expect(await mergeStories(ledger, 's-2-small', 's-1-large')).toBe('s-1-large');
    const [after] = await ledger.findStories(['s-1-large']);
    expect(after.revision).toBe(before.revision);
    expect(storySize(after)).toBe(3 + LISTED_MEMBERS);
  });
});
