import { MemoryObjectStore } from '../../functions/adapters/memory-object-store';
import { MemoryTableStore } from '../../functions/adapters/memory-table-store';
import { claimFeatures } from '../../functions/core/claims/claim-features';
import { claimsKnownByMentions } from '../../functions/core/claims/match-article-claims';
import { countriesForCapitals } from '../../functions/core/claims/entities';
import type { ArticleRecord, ClaimRecord, MentionRecord, StoryRecord } from '../../functions/core/records';
import { LISTED_MEMBERS, storySize } from '../../functions/core/stories/story-members';
import { RECENT_MEMBERS_READ } from '../../functions/ingest/ingest-article';
import { ingestObject } from '../../functions/ingest/ingest-object';
import { Ledger } from '../../functions/ledger/ledger';
import { DEFAULT_MAX_OBJECT_BYTES } from '../../functions/shared/resources';
import { seedSentences } from '../support/seeds';

const STORY = 's-large';
const at = (i: number) => new Date(Date.UTC(2025, 0, 17, 0, 0, i)).toISOString();

function article(i: number): ArticleRecord {
  return { id: `a${String(i).padStart(3, '0')}`, key: `inbox/${i}.txt`, source: `Outlet ${i}`, title: `Report ${i}`, ingestedAt: at(i), language: 'en', storyId: STORY, claimCount: 1 };
}

function claim(i: number): ClaimRecord {
  const statement = `Report ${i} says the treaty was signed in Moscow.`;
  return { id: `c-${article(i).id}-0`, storyId: STORY, text: statement, statement, features: claimFeatures(statement), createdAt: at(i) };
}

function mention(i: number, claimOf = i): MentionRecord {
  const { text } = claim(claimOf);
  return { claimId: claim(claimOf).id, storyId: STORY, articleId: article(i).id, source: `Outlet ${i}`, text, statement: text, claimIndex: 0, ingestedAt: at(i), similarity: 1, paragraph: 0, start: 0, end: text.length, negated: false };
}

/** A story of `size` members, each joining with one claim of its own (one revision each) and its entry. */
async function storyOf(size: number): Promise<Ledger> {
  const ledger = new Ledger(new MemoryTableStore());
  for (let i = 0; i < size; i += 1) {
    const story: StoryRecord = { id: STORY, headline: 'Report 0', createdAt: at(0), updatedAt: at(i), centroid: { treaty: 1 }, memberIds: Array.from({ length: i + 1 }, (_, k) => article(k).id) };
    expect(await ledger.commitStoryUpdate(story, i === 0 ? undefined : i, [claim(i)])).toBe(true);
    await ledger.saveMentions(STORY, [mention(i)], article(i), { vector: { treaty: 1, [`word${i}`]: 1 }, names: ['Moscow'] });
  }
  return ledger;
}

describe('a large story read bounded (Ledger.recentStorySnapshot)', () => {
  it('reads its first and newest members, the claims of its newest revisions, and counts the members left out', async () => {
    const ledger = await storyOf(10);
    const recent = await ledger.recentStorySnapshot(STORY, 3);
    const ids = (indexes: number[]) => indexes.map((i) => article(i).id);
    expect(recent?.story.memberIds).toHaveLength(10);
    expect(recent?.articles.map((a) => a.id)).toEqual(ids([0, 7, 8, 9]));
    expect([...recent!.memberTerms.keys()].sort()).toEqual(ids([0, 7, 8, 9]));
    expect(recent?.mentions.map((m) => m.articleId)).toEqual(ids([0, 7, 8, 9]));
    expect(recent?.claims.map((c) => c.id)).toEqual([7, 8, 9].map((i) => claim(i).id));
    expect(recent?.unreadMembers).toBe(6);
  });

  it('reads a story of at most that many members and one more as storySnapshot does', async () => {
    const ledger = await storyOf(4);
    const [whole, recent] = await Promise.all([ledger.storySnapshot(STORY), ledger.recentStorySnapshot(STORY, 3)]);
    expect(recent?.story).toEqual(whole?.story);
    expect(recent?.articles).toEqual(whole?.articles);
    expect(recent?.claims).toEqual(whole?.claims);
    expect(recent?.mentions).toEqual(whole?.mentions);
    expect(recent?.memberTerms).toEqual(whole?.memberTerms);
    expect(recent?.unreadMembers).toBeUndefined();
  });
});

describe('claimsKnownByMentions', () => {
  it('knows a claim the snapshot lacks by its earliest mention there, and adds none it has', () => {
    // Article 5 and article 9 report claim 2, whose record the bounded read left out.
    const known = claimsKnownByMentions([claim(9)], [mention(9, 2), mention(5, 2), mention(9)]);
    expect(known).toHaveLength(1);
    expect(known[0]).toMatchObject({ id: claim(2).id, storyId: STORY, statement: claim(2).statement, createdAt: at(5), negated: false });
    // as the article's own claims are read: a capital stands for its country
    expect(known[0].features).toEqual(claimFeatures(countriesForCapitals(claim(2).statement!)));
  });
});

describe('joining a story larger than the members an article reads', () => {
  // Every report tells the seed event: a different selection of the seed articles' sentences.
  const sentences = seedSentences();
  let random = 11;
  const pick = () => sentences[(random = (Math.imul(random, 1103515245) + 12345) >>> 0) % sentences.length];
  const OLD_CLAIM = 'Officials in Tehran said the pipeline to the Caspian port of Astara will carry gas from 2027 onwards.';

  it('reads what it reads of a story of any size, and still joins an old claim that recent reports repeat', async () => {
    const table = new MemoryTableStore();
    const objects = new MemoryObjectStore();
    const deps = { ledger: new Ledger(table), objects, maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES };
    const upload = async (i: number, extra: string[] = []) => {
      const key = `inbox/report-${i}.txt`;
      const body = [`Report ${i} on the Russia-Iran treaty`, ...Array.from({ length: 10 }, pick), ...extra].join('\n\n');
      await objects.put(key, new TextEncoder().encode(body), 'text/plain');
      const bytes = table.returnedItems.bytes;
      const outcome = await ingestObject(deps, { key, eventTime: at(i) });
      if (!('articleId' in outcome) || !outcome.articleId || !('storyId' in outcome)) throw new Error(`report ${i} was not ingested`);
      return { ...outcome, kbRead: (table.returnedItems.bytes - bytes) / 1024 };
    };
    const first = await upload(0, [OLD_CLAIM]);
    const size = RECENT_MEMBERS_READ + 12;
    // reads[n]: KB read by the report that joins the story when it holds n members
    const reads: number[] = [0];
    for (let n = 1; n < size; n += 1) {
      const report = await upload(n, n === size - 6 || n === size - 1 ? [OLD_CLAIM] : []);
      expect(report.storyId).toBe(first.storyId);
      reads.push(report.kbRead);
    }
    const mean = (from: number) => (reads[from] + reads[from + 1] + reads[from + 2]) / 3;
    // Read whole, the partition grows with every member (about 4 KB each)...
    expect(mean(RECENT_MEMBERS_READ - 2)).toBeGreaterThan(mean(RECENT_MEMBERS_READ - 32) + 60);
    // ...read bounded, past RECENT_MEMBERS_READ + 1 members, it does not.
    expect(Math.abs(mean(size - 3) - mean(RECENT_MEMBERS_READ + 2))).toBeLessThan(8);
    // The old claim's record is outside the newest revisions read: the reports that repeat it join it
    // through its mentions that are read, rather than make it anew.
    const snapshot = await deps.ledger.storySnapshot(first.storyId);
    const oldClaims = snapshot!.claims.filter((c) => c.text.includes('Astara'));
    expect(oldClaims).toHaveLength(1);
    expect(oldClaims[0].createdAt).toBe(at(0));
    expect(snapshot!.mentions.filter((m) => m.claimId === oldClaims[0].id)).toHaveLength(3);
    // The record counts every member but lists only its first and newest, as every join rewrites it.
    expect(storySize(snapshot!.story)).toBe(size);
    expect(snapshot!.articles).toHaveLength(size);
    expect(snapshot!.story.memberIds).toHaveLength(LISTED_MEMBERS);
    expect(snapshot!.story.memberIds[0]).toBe(first.articleId);
  }, 120_000);
});
