import { MemoryTableStore } from '../../functions/adapters/memory-table-store';
import type { Digest } from '../../functions/core/digest/build-digest';
import { contentHash } from '../../functions/core/fingerprint/content-hash';
import { minhash } from '../../functions/core/fingerprint/minhash';
import { parseArticle } from '../../functions/core/parse/parse-article';
import type { StoryRecord } from '../../functions/core/records';
import { shouldMerge } from '../../functions/core/stories/merge';
import { mergeAlikeStories } from '../../functions/ingest/merge-stories';
import { finishSplit, splitIfTwoEvents } from '../../functions/ingest/split-story';
import { Ledger } from '../../functions/ledger/ledger';
import { centroidOf, planSplit, SPLIT_STORIES_THRESHOLD, type StoryMember } from '../../functions/core/stories/split';
import { articleNames, articleTermVector, cosine, normalize, topTerms, CENTROID_TERMS, type TermVector } from '../../functions/core/stories/term-vector';
import { similarityMatrix } from '../../functions/core/stories/bisect';

const COMMON_TERMS = ['klitschko', 'heavyweight', 'title', 'champion', 'fight', 'round', 'belt', 'ibf', 'wbo', 'boxing'];
import { handleS3Event } from '../../functions/ingest/handler';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { digestSchemaErrors } from '../support/digest-schema';
import { memoryPipeline, s3Event } from '../support/memory-pipeline';
import { eventArticles, JOINS_ON_TOPIC, type EventArticle } from '../support/two-events';

const member = (article: EventArticle): StoryMember => {
  const paragraphs = article.text.split('\n\n');
  return { id: article.name, vector: topTerms(articleTermVector(article.title, paragraphs), CENTROID_TERMS), names: articleNames(article.title, paragraphs) };
};

describe('similarityMatrix', () => {
  it('gives every pair the cosine that cosine() gives it, to the last bit', () => {
    let random = 5;
    const next = () => (random = (Math.imul(random, 1103515245) + 12345) >>> 0) / 2 ** 32;
    // words and numbers ("2025": integer-like keys come first in a vector's key order), vectors of
    // equal and unequal sizes, one with no terms
    const words = [...Array.from({ length: 40 }, (_, k) => `w${k}`), '2025', '17', '3'];
    const vectors: TermVector[] = Array.from({ length: 30 }, (_, i) =>
      // each vector's terms in an order of its own, so that the order of the sum matters
      i === 7 ? {} : normalize(Object.fromEntries(words.filter(() => next() < 0.3).sort(() => next() - 0.5).map((w) => [w, next() - 0.1]))),
    );
    const matrix = similarityMatrix(vectors);
    // cosine(a, b) for the earlier member a, as the matrix has always been filled
    vectors.forEach((_, i) => vectors.forEach((_, j) => expect(matrix[i][j]).toBe(i === j ? 1 : Math.max(0, cosine(vectors[Math.min(i, j)], vectors[Math.max(i, j)])))));
  });
});

describe('planSplit', () => {
  it('splits a story whose members are two events, keeping the part of its first member', () => {
    const plan = planSplit([...eventArticles('bern', 7), ...eventArticles('mannheim', 7)].map(member));
    expect(plan?.keep.sort()).toEqual(eventArticles('bern', 7).map((a) => a.name).sort());
    expect(plan?.move.sort()).toEqual(eventArticles('mannheim', 7).map((a) => a.name).sort());
  });

  it('gives the story to the part that holds its first member, whichever event that is', () => {
    const bern = eventArticles('bern', 7);
    const mannheim = eventArticles('mannheim', 7);
    const plan = planSplit([mannheim[0], bern[0], ...bern.slice(1), ...mannheim.slice(1)].map(member));
    // The story was opened by a Mannheim report: that part keeps the story.
    expect(plan?.keep).toContain('mannheim-1');
    expect(plan?.move.sort()).toEqual(bern.map((a) => a.name).sort());
  });

  it('splits alike parts when each has names of its own that most of its members use', () => {
    // Ten shared terms, then each event's own five; every member also has two words of its own.
    const vector = (own: string[], i: number) => normalize(Object.fromEntries([...COMMON_TERMS, ...own, `only${i}a`, `only${i}b`].map((t) => [t, 1])));
    const bern = ['bern', 'thompson', 'swiss', 'july', 'stadium'];
    const mannheim = ['mannheim', 'rahman', 'german', 'december', 'arena'];
    const first = Array.from({ length: 7 }, (_, i) => ({ id: `a${i}`, vector: vector(bern, i), names: ['klitschko', 'bern', 'thompson'] }));
    const second = Array.from({ length: 7 }, (_, i) => ({ id: `b${i}`, vector: vector(mannheim, 7 + i), names: ['klitschko', 'mannheim', 'rahman'] }));
    const alike = cosine(centroidOf(first.map((m) => m.vector)), centroidOf(second.map((m) => m.vector)));
    expect(alike).toBeGreaterThan(0.55);
    expect(alike).toBeLessThan(SPLIT_STORIES_THRESHOLD);
    expect(planSplit([...first, ...second])?.move.sort()).toEqual(second.map((m) => m.id));
    // The same wording, but every name used on both sides: one event whose reports tell different
    // parts of it (the shooting; the charge), not two events.
    const shared = (m: StoryMember) => ({ ...m, names: ['klitschko', 'bern', 'thompson', 'mannheim', 'rahman'] });
    expect(planSplit([...first, ...second].map(shared))).toBeUndefined();
  });

  it('tells two events apart when the two least alike reports are of one event', () => {
    // Two reports of the first event are long and mostly about other things: each is further from
    // the other than from any report of the second event, so a split seeded with them would cut
    // the first event in two. Weighing every pair of members finds the events.
    const vector = (terms: string[]) => normalize(Object.fromEntries(terms.map((t) => [t, 1])));
    const padding = (tag: string) => Array.from({ length: 24 }, (_, k) => `${tag}${k}`);
    const first = Array.from({ length: 7 }, (_, i) => ({ id: `a${i}`, vector: vector([...COMMON_TERMS, 'bern', 'thompson', 'swiss', `only${i}`, ...(i < 2 ? padding(`aside${i}-`) : [])]), names: ['bern', 'thompson'] }));
    const second = Array.from({ length: 7 }, (_, i) => ({ id: `b${i}`, vector: vector([...COMMON_TERMS, 'mannheim', 'rahman', 'german', `only${7 + i}`]), names: ['mannheim', 'rahman'] }));
    const plan = planSplit([...first, ...second]);
    expect(plan?.keep.sort()).toEqual(first.map((m) => m.id));
    expect(plan?.move.sort()).toEqual(second.map((m) => m.id));
  });

  it('does not split one event, nor a second event with fewer reports than a part needs', () => {
    expect(planSplit(eventArticles('bern', 14).map(member))).toBeUndefined();
    expect(planSplit([...eventArticles('bern', 8), ...eventArticles('mannheim', 5)].map(member))).toBeUndefined();
  });
});

const keyOf = (article: EventArticle) => `inbox/${article.name}.txt`;
const bodyOf = (article: EventArticle) => new TextEncoder().encode(`${article.title}\n\n${article.text}`);

async function ingest(pipeline: ReturnType<typeof memoryPipeline>, articles: readonly EventArticle[]) {
  for (const article of articles) {
    await pipeline.objects.put(keyOf(article), bodyOf(article), 'text/plain');
    await handleS3Event(s3Event([{ key: keyOf(article), eventTime: pipeline.nextEventTime() }]), pipeline.deps);
  }
}

/** The id the pipeline gives a report uploaded by `ingest` (its content hash). */
function articleIdOf(article: EventArticle): string {
  const parsed = parseArticle(bodyOf(article), { key: keyOf(article) });
  return contentHash(parsed.title, parsed.paragraphs);
}

const latest = (pipeline: ReturnType<typeof memoryPipeline>) => JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(DIGEST_KEYS.latest)!.body)) as Digest;
const sourcesOf = (story: Digest['stories'][number]) => story.articles.map((a) => a.source).sort();

describe('a story that turns out to be two events, in the pipeline', () => {
  const bern = eventArticles('bern', 8);
  const mannheim = eventArticles('mannheim', 8);
  let pipeline: ReturnType<typeof memoryPipeline>;
  let before: Digest;

  beforeAll(async () => {
    pipeline = memoryPipeline(undefined, JOINS_ON_TOPIC);
    await ingest(pipeline, bern.slice(0, 7));
    await ingest(pipeline, mannheim.slice(0, 5));
    before = latest(pipeline);
    await ingest(pipeline, mannheim.slice(5, 7));
  });

  it('first takes the second event into the first one’s story (a lone report looks like one more)', () => {
    expect(before.stories).toHaveLength(1);
    expect(before.stories[0].articles).toHaveLength(12);
  });

  it('splits it once the second event has enough reports of its own; the first event keeps the story id', () => {
    const digest = latest(pipeline);
    expect(digest.stories).toHaveLength(2);
    const first = digest.stories.find((s) => s.id === before.stories[0].id)!;
    const second = digest.stories.find((s) => s.id !== before.stories[0].id)!;
    expect(sourcesOf(first)).toEqual(bern.slice(0, 7).map((a) => a.name).sort());
    expect(sourcesOf(second)).toEqual(mannheim.slice(0, 7).map((a) => a.name).sort());
  });

  it('moves the articles, their mentions and their claims with them', async () => {
    const digest = latest(pipeline);
    for (const story of digest.stories) {
      const own = new Set(story.articles.map((a) => a.id));
      for (const claim of story.claims) {
        expect(claim.mentions.length).toBeGreaterThan(0);
        for (const mention of claim.mentions) expect(own.has(mention.articleId)).toBe(true);
      }
    }
    const second = digest.stories.find((s) => s.id !== before.stories[0].id)!;
    // "Rahman" is said only in Mannheim reports: its claims left with them.
    expect(second.claims.some((c) => /Rahman/.test(c.text))).toBe(true);
    expect(digest.stories.find((s) => s.id === before.stories[0].id)!.claims.some((c) => /Rahman/.test(c.text))).toBe(false);
    const articles = await pipeline.deps.ledger.findArticles(second.articles.map((a) => a.id));
    expect(new Set(articles.map((a) => a.storyId))).toEqual(new Set([second.id]));
    expect(second.splitFrom).toBe(before.stories[0].id);
    expect(digestSchemaErrors(digest)).toEqual([]);
    const [original] = await pipeline.deps.ledger.findStories([before.stories[0].id]);
    expect(original.splitOff).toBeUndefined();
    // Nothing of the moved articles is left behind in the first story's partition.
    const left = await pipeline.deps.ledger.storyContents(before.stories[0].id);
    const moved = new Set(second.articles.map((a) => a.id));
    expect(left!.articles.filter((a) => moved.has(a.id))).toEqual([]);
    expect(left!.mentions.filter((m) => moved.has(m.articleId))).toEqual([]);
  });

  it('sends later reports of each event to its own story', async () => {
    await ingest(pipeline, [mannheim[7], bern[7]]);
    const digest = latest(pipeline);
    expect(digest.stories).toHaveLength(2);
    expect(sourcesOf(digest.stories.find((s) => s.id === before.stories[0].id)!)).toEqual(bern.map((a) => a.name).sort());
    expect(sourcesOf(digest.stories.find((s) => s.id !== before.stories[0].id)!)).toEqual(mannheim.map((a) => a.name).sort());
  });
});

describe('two similar events with the shipped story model', () => {
  it('keeps the second event apart from its first report on: its names, places and figures differ', async () => {
    const pipeline = memoryPipeline();
    const bern = eventArticles('bern', 6);
    const mannheim = eventArticles('mannheim', 3);
    await ingest(pipeline, [...bern, ...mannheim]);
    const stories = latest(pipeline).stories;
    expect(stories.map(sourcesOf).sort()).toEqual([bern.map((a) => a.name).sort(), mannheim.map((a) => a.name).sort()].sort());
  });
});

/**
 * Bern and Mannheim reports until the story has split, and `lateCount` last Mannheim reports that
 * chose the story before the split (the choice is recorded first-writer-wins), not yet ingested.
 */
async function splitWithLateReports(lateCount = 1) {
  const pipeline = memoryPipeline(undefined, JOINS_ON_TOPIC);
  const bern = eventArticles('bern', 7);
  const mannheim = eventArticles('mannheim', 7 + lateCount);
  await ingest(pipeline, [...bern, ...mannheim.slice(0, 7)]);
  const parent = latest(pipeline).stories.find((s) => !s.splitFrom)!;
  const part = latest(pipeline).stories.find((s) => s.splitFrom)!;
  const lates = mannheim.slice(7);
  for (const late of lates) await pipeline.deps.ledger.chooseStoryOnce(articleIdOf(late), parent.id);
  return { pipeline, bern, mannheim, parent, part, late: lates[0], lates };
}

describe('an article still being ingested when its story splits', () => {
  it('moves afterwards to the part it fits better', async () => {
    const { pipeline, bern, mannheim, parent, part, late } = await splitWithLateReports();
    await ingest(pipeline, [late]);
    const digest = latest(pipeline);
    expect(sourcesOf(digest.stories.find((s) => s.id === parent.id)!)).toEqual(bern.map((a) => a.name).sort());
    const holder = digest.stories.find((s) => s.articles.some((a) => a.source === late.name))!;
    expect(holder.id).toBe(part.id);
    expect(sourcesOf(holder)).toEqual(mannheim.map((a) => a.name).sort());
    expect(holder.claims.flatMap((c) => c.mentions).some((m) => m.source === late.name)).toBe(true);
  });

  it('still moves when another article joins the story between its read and its move', async () => {
    const { pipeline, mannheim, parent, part, late } = await splitWithLateReports();
    // The first attempt to move the late report out of the story meets a newer revision of it, as
    // when another report joins at that moment.
    const ledger = pipeline.deps.ledger;
    const commit = ledger.commitStoryUpdate.bind(ledger);
    let raced = 0;
    ledger.commitStoryUpdate = async (story, revision, claims) => {
      if (story.id === parent.id && story.splitOff?.joins && raced === 0) {
        raced += 1;
        const [{ revision: now, ...record }] = await ledger.findStories([parent.id]);
        await commit(record, now, []);
      }
      return commit(story, revision, claims);
    };
    await ingest(pipeline, [late]);
    expect(raced).toBe(1);
    const holder = latest(pipeline).stories.find((s) => s.articles.some((a) => a.source === late.name))!;
    expect(holder.id).toBe(part.id);
    expect(sourcesOf(holder)).toEqual(mannheim.map((a) => a.name).sort());
  });
});

describe('an article moving to its part while another ingest moves a report out of the story', () => {
  it('finishes that move and still moves itself, instead of staying behind in the other event', async () => {
    // Two Mannheim reports chose the story before it split. The first stays in it for now (split
    // off for its ingest), as if its own move were still to come.
    const { pipeline, bern, mannheim, parent, part, lates: [staying, late] } = await splitWithLateReports(2);
    const ledger = pipeline.deps.ledger;
    pipeline.deps.storyPolicy = { ...JOINS_ON_TOPIC, split: false };
    await ingest(pipeline, [staying]);
    pipeline.deps.storyPolicy = JOINS_ON_TOPIC;
    expect((await ledger.findArticle(articleIdOf(staying)))?.storyId).toBe(parent.id);
    // When the late report's move is first committed, the other report's move has just marked
    // the story (and not finished): the late report's commit meets that newer revision.
    const commit = ledger.commitStoryUpdate.bind(ledger);
    let marked = 0;
    ledger.commitStoryUpdate = async (story, revision, claims) => {
      if (story.id === parent.id && story.splitOff?.memberIds.includes(articleIdOf(late)) && marked === 0) {
        marked += 1;
        const [{ revision: now, ...record }] = await ledger.findStories([parent.id]);
        const movedOut = articleIdOf(staying);
        await commit({ ...record, memberIds: record.memberIds.filter((id) => id !== movedOut), splitOff: { storyId: `${parent.id}-mover`, memberIds: [movedOut], joins: part.id } }, now, []);
      }
      return commit(story, revision, claims);
    };
    await ingest(pipeline, [late]);
    expect(marked).toBe(1);
    const digest = latest(pipeline);
    expect(sourcesOf(digest.stories.find((s) => s.id === parent.id)!)).toEqual(bern.map((a) => a.name).sort());
    const holder = digest.stories.find((s) => s.articles.some((a) => a.source === late.name))!;
    expect(holder.id).toBe(part.id);
    expect(sourcesOf(holder)).toEqual(mannheim.map((a) => a.name).sort());
  });
});

describe('a report that finished while its story was being split', () => {
  it('follows the part split off, also when another article joins the story at the move', async () => {
    const pipeline = memoryPipeline(undefined, JOINS_ON_TOPIC);
    const ledger = pipeline.deps.ledger;
    const commit = ledger.commitStoryUpdate.bind(ledger);
    const bumpRevision = async (storyId: string) => {
      const [{ revision, ...record }] = await ledger.findStories([storyId]);
      await commit(record, revision, []);
    };
    // While the reports arrive, every split finds the story changed (as if another report had just
    // joined), so all 14 stay in one story; then one ingest splits it, the way the ingest of the
    // 13th report did before the 14th had stored its terms.
    let holdSplits = true;
    let raced = 0;
    ledger.commitStoryUpdate = async (story, revision, claims) => {
      if (story.splitOff && !story.splitOff.joins && holdSplits) await bumpRevision(story.id);
      // The splitter's move of the 14th report meets a newer revision once.
      if (story.splitOff?.joins && raced === 0) {
        raced += 1;
        await bumpRevision(story.id);
      }
      return commit(story, revision, claims);
    };
    const bern = eventArticles('bern', 7);
    const mannheim = eventArticles('mannheim', 7);
    await ingest(pipeline, [...bern, ...mannheim]);
    const lastId = articleIdOf(mannheim[6]);
    const storyId = (await ledger.findArticle(lastId))!.storyId;
    const snapshot = (await ledger.storySnapshot(storyId))!;
    expect(snapshot.story.memberIds).toHaveLength(14);

    holdSplits = false;
    const unplanned = new Map(snapshot.memberTerms);
    unplanned.delete(lastId);
    const partId = await splitIfTwoEvents(ledger, { story: snapshot.story, revision: snapshot.story.revision, memberTerms: unplanned });

    expect(partId).toBeDefined();
    expect(raced).toBe(1);
    expect((await ledger.findArticle(lastId))?.storyId).toBe(partId);
    const [part] = await ledger.findStories([partId!]);
    expect(part.memberIds).toHaveLength(7);
  });
});

describe('a split that another article races', () => {
  it('is decided again on the story read afresh when another article joined since it was read', async () => {
    const pipeline = memoryPipeline(undefined, JOINS_ON_TOPIC);
    const ledger = pipeline.deps.ledger;
    const commit = ledger.commitStoryUpdate.bind(ledger);
    // While the reports arrive no split gets through, so all 14 stay in one story.
    let holdSplits = true;
    ledger.commitStoryUpdate = async (story, revision, claims) => (story.splitOff && holdSplits ? false : commit(story, revision, claims));
    const bern = eventArticles('bern', 7);
    const mannheim = eventArticles('mannheim', 7);
    await ingest(pipeline, [...bern, ...mannheim]);
    const storyId = (await ledger.findArticle(articleIdOf(mannheim[6])))!.storyId;
    const read = (await ledger.storySnapshot(storyId))!;
    expect(read.story.memberIds).toHaveLength(14);
    // Another article's update lands after this ingest read the story.
    const [{ revision, ...record }] = await ledger.findStories([storyId]);
    await commit(record, revision, []);
    holdSplits = false;

    const partId = await splitIfTwoEvents(ledger, { story: read.story, revision: read.story.revision, memberTerms: read.memberTerms });

    expect(partId).toBeDefined();
    const [part] = await ledger.findStories([partId!]);
    expect(part.memberIds.length + (await ledger.findStories([storyId]))[0].memberIds.length).toBe(14);
    expect((await ledger.findArticle(articleIdOf(mannheim[6])))?.storyId).toBe(partId);
  });

  it('is not undone by an ingest that follows the story it committed to into a merge', async () => {
    const pipeline = memoryPipeline();
    const ledger = pipeline.deps.ledger;
    const [report] = eventArticles('bern', 1);
    await ingest(pipeline, [report]);
    const id = articleIdOf(report);
    const committedTo = (await ledger.findArticle(id))!.storyId;
    // A split moves the article to another story; the story it committed to is then merged away.
    await ledger.moveArticles([id], 'story-split-off');
    expect(await ledger.moveArticleFrom(id, committedTo, 'story-survivor')).toBe('story-split-off');
    expect((await ledger.findArticle(id))?.storyId).toBe('story-split-off');
    // Where its record still names the merged story, it follows the merge.
    expect(await ledger.moveArticleFrom(id, 'story-split-off', 'story-survivor')).toBe('story-survivor');
    expect((await ledger.findArticle(id))?.storyId).toBe('story-survivor');
  });
});

describe('stories around a split', () => {
  const centroid = normalize({ klitschko: 1, heavyweight: 1, rahman: 1, mannheim: 1 });
  const story = (id: string, createdAt: string, extra: Partial<StoryRecord> = {}): StoryRecord => ({ id, headline: id, createdAt, updatedAt: createdAt, centroid, memberIds: [`article-of-${id}`], ...extra });

  it('leaves alone, when a finisher that read the story late runs, an article a later split moved on', async () => {
    const ledger = new Ledger(new MemoryTableStore());
    const article = (id: string, storyId: string) => ({ id, key: `inbox/${id}.txt`, source: 'outlet', title: id, ingestedAt: '2025-01-02T00:00:00.000Z', language: 'en', storyId, claimCount: 0 });
    await ledger.commitStoryUpdate(story('s-1', '2025-01-01', { memberIds: ['moving', 'staying'], splitOff: { storyId: 's-2', memberIds: ['moving'] } }), undefined, []);
    for (const id of ['moving', 'staying']) {
      await ledger.saveMentions('s-1', [], article(id, 's-1'), undefined);
      await ledger.commitArticle({ ...article(id, 's-1'), signature: minhash(id) });
    }
    // A second finisher reads the story while the split is still marked on it...
    const readEarly = (await ledger.storyContents('s-1'))!;
    await finishSplit(ledger, 's-1');
    expect((await ledger.findArticle('moving'))?.storyId).toBe('s-2');
    // ...the part splits in its turn, moving the article on...
    await ledger.commitStoryUpdate(story('s-3', '2025-01-03', { memberIds: ['moving'], splitFrom: 's-2' }), undefined, []);
    await ledger.saveMentions('s-3', [], article('moving', 's-3'), undefined);
    await ledger.moveArticles(['moving'], 's-3');
    await ledger.removeMovedArticles('s-2', ['moving']);
    // ...and only then does the second finisher go on with what it read.
    const read = ledger.storyContents.bind(ledger);
    ledger.storyContents = async (id) => (id === 's-1' ? readEarly : read(id));
    await finishSplit(ledger, 's-1');
    ledger.storyContents = read;

    expect((await ledger.findArticle('moving'))?.storyId).toBe('s-3');
    expect((await ledger.storySnapshot('s-2'))?.articles.map((a) => a.id)).toEqual([]);
    expect((await ledger.storySnapshot('s-3'))?.articles.map((a) => a.id)).toEqual(['moving']);
  });

  it('never merges a story back into the one it was split from, however alike', () => {
    expect(shouldMerge(story('s-a', '2025-01-01'), story('s-b', '2025-01-02'))).toBe(true);
    expect(shouldMerge(story('s-a', '2025-01-01'), story('s-b', '2025-01-02', { splitFrom: 's-a' }))).toBe(false);
    expect(shouldMerge(story('s-b', '2025-01-02', { splitFrom: 's-a' }), story('s-a', '2025-01-01'))).toBe(false);
  });

  it('folds a split-off part into a story of the same event opened on its own meanwhile', async () => {
    const ledger = new Ledger(new MemoryTableStore());
    for (const record of [story('s-1-parent', '2025-01-01'), story('s-2-fragment', '2025-01-02'), story('s-3-part', '2025-01-03', { splitFrom: 's-1-parent' })]) {
      await ledger.commitStoryUpdate(record, undefined, []);
      await ledger.indexStoryTerms(record.id, Object.keys(record.centroid));
    }
    expect(await mergeAlikeStories(ledger, 's-3-part')).toBe('s-2-fragment');
    const [parent, fragment, part] = await ledger.findStories(['s-1-parent', 's-2-fragment', 's-3-part']);
    expect(parent.mergedInto).toBeUndefined();
    expect(fragment.mergedInto).toBeUndefined();
    expect(part.mergedInto).toBe('s-2-fragment');
  });
});
