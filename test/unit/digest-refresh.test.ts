import { DIGEST_SCHEMA_VERSION, storyRevision, type Digest, type DigestStory } from '../../functions/core/digest/build-digest';
import { isDigestCurrent, planDigestRefresh, type StoryState } from '../../functions/core/digest/digest-refresh';

const at = '2025-01-20T00:00:00.000Z';
const state = (id: string, revision: number, stamp: number, extra: Partial<StoryState> = {}): StoryState => ({ id, revision, stamp, ...extra });
const entry = (story: StoryState): DigestStory => ({ id: story.id, revision: storyRevision(story), headline: story.id, updatedAt: at, outlets: [], articles: [], claims: [], quotes: [] });
const digestOf = (...stories: StoryState[]): Digest => ({ schemaVersion: DIGEST_SCHEMA_VERSION, version: 7, generatedAt: at, stories: stories.map(entry) });

describe('planDigestRefresh', () => {
  it('carries over the entries of unchanged stories and reads the others again', () => {
    const [a, b, c] = [state('a', 2, 5), state('b', 1, 1), state('c', 1, 0)];
    const published = digestOf(a, b);
    const { carried, toRead } = planDigestRefresh(['c', 'b', 'a'], [c, state('b', 1, 2), a], published);
    expect(carried.map((s) => s.id)).toEqual(['a']);
    expect(toRead).toEqual(['c', 'b']);
  });

  it('reads a story merged away again (it leaves the digest), and everything when no digest of this schema exists', () => {
    const a = state('a', 2, 5);
    expect(planDigestRefresh(['a'], [{ ...a, mergedInto: 'b' }], digestOf(a)).toRead).toEqual(['a']);
    expect(planDigestRefresh(['a'], [a], { ...digestOf(a), schemaVersion: DIGEST_SCHEMA_VERSION - 1 }).toRead).toEqual(['a']);
    expect(planDigestRefresh(['a'], [a], undefined).toRead).toEqual(['a']);
  });
});

describe('isDigestCurrent', () => {
  const [a, b] = [state('a', 2, 5), state('b', 1, 1)];

  it('is true when every story is published at its current revision', () => {
    expect(isDigestCurrent(['b', 'a'], [a, b], digestOf(a, b))).toBe(true);
  });

  it('is false when a story changed, appeared, or there is nothing published of this schema', () => {
    expect(isDigestCurrent(['b', 'a'], [a, state('b', 1, 2)], digestOf(a, b))).toBe(false);
    expect(isDigestCurrent(['b', 'a'], [a, state('b', 2, 1)], digestOf(a, b))).toBe(false);
    expect(isDigestCurrent(['c', 'b', 'a'], [a, b, state('c', 1, 0)], digestOf(a, b))).toBe(false);
    expect(isDigestCurrent(['a'], [a], undefined)).toBe(false);
    expect(isDigestCurrent(['a'], [a], { ...digestOf(a), schemaVersion: DIGEST_SCHEMA_VERSION - 1 })).toBe(false);
  });

  it('is false while the digest still shows a story merged away or no longer among the most recent', () => {
    expect(isDigestCurrent(['b', 'a'], [a, { ...b, mergedInto: 'a' }], digestOf(a, b))).toBe(false);
    expect(isDigestCurrent(['a'], [a], digestOf(a, b))).toBe(false);
  });

  it('is true once a story merged away has left the digest', () => {
    expect(isDigestCurrent(['b', 'a'], [a, { ...b, mergedInto: 'a' }], digestOf(a))).toBe(true);
  });
});
