import { claimsTruncation } from '../core/claims/extract-claims';
import { claimsKnownByMentions, matchArticleClaims, type ArticleClaims } from '../core/claims/match-article-claims';
import { contentHash } from '../core/fingerprint/content-hash';
import { articleFingerprint, findNearDuplicate, isPageChrome, lateCopies, type Fingerprint } from '../core/fingerprint/near-duplicate';
import { lshBands, minhash } from '../core/fingerprint/minhash';
import type { ParsedArticle } from '../core/parse/article';
import type { ArticleRecord, StoryRecord } from '../core/records';
import { keepMember } from '../core/stories/kept-members';
import { storySize, withMember } from '../core/stories/story-members';
import { decideStory } from '../core/stories/story-model';
import { DEFAULT_POLICY, type StoryPolicy } from '../core/stories/story-policy';
import { articleEvidence, countedTerms, LEAD_HALF_PARAGRAPH, readArticleTerms, termsToLookUp, type ArticleEvidence } from '../core/stories/story-evidence';
import { candidateStory, type CandidateStory } from '../core/stories/story-link';
import { daysOutside, publicationRange } from '../core/stories/publication-range';
import { newStoryId } from '../core/stories/story-id';
import { MAX_SPLIT_MEMBERS, type MemberTerms } from '../core/stories/split';
import { addToCentroid, articleNames, articleTermVector, CENTROID_TERMS, topTerms, type TermVector } from '../core/stories/term-vector';
import type { BandReading, Ledger, StoredArticle } from '../ledger/ledger';
import { candidateStoryIds } from './candidate-stories';
import { findStoryPair, foldStories, foldTogether, mergeAlikeStories, mergeStories } from './merge-stories';
import { finishSplit, joinedStoryFrom, moveToBetterPart, splitIfTwoEvents, type JoinedStory } from './split-story';
import { survivingStory, survivingStoryRecord } from './surviving-story';

export interface ArticleInput {
  key: string;
  article: ParsedArticle;
  /** When the pipeline received it: the S3 event time, so a redelivered event decides the same way. */
  ingestedAt: string;
}

export interface IngestedArticle {
  status: 'ingested' | 'duplicate';
  articleId: string;
  storyId: string;
  duplicateOf?: string;
  derivedFrom?: string;
  newClaims: number;
  matchedClaims: number;
}

/** Near-duplicate candidates verified per article, strongest LSH agreement first. */
const MAX_DUPLICATE_CANDIDATES = 30;
const MAX_STORY_UPDATE_ATTEMPTS = 8;
/** Stories an article that opened one may fold together when it settles (see settleStory). */
const MAX_SETTLE_FOLDS = 4;

/**
 * Takes one parsed article into the ledger: exact and near duplicates, story, claims and mentions.
 * Every write is keyed deterministically and the article record is written last, so a retry after a
 * failure part-way converges to the state of a single successful run.
 */
export async function ingestArticle(ledger: Ledger, input: ArticleInput, policy: StoryPolicy = DEFAULT_POLICY): Promise<IngestedArticle> {
  const { article, ingestedAt } = input;
  const id = contentHash(article.title, article.paragraphs);
  const signature = minhash(article.paragraphs.join('\n'));
  const bands = lshBands(signature);
  const { existing, bands: bandReading } = await ledger.readArrival(id, bands);
  if (existing) {
    // A retry of an ingest that failed after its commit may still owe what follows the commit: the
    // post-merge fix-up and the split check (a split, once started, may move this very article).
    const survivor = await survivingStory(ledger, existing.storyId);
    let storyId = survivor !== existing.storyId ? await ledger.moveArticleFrom(id, existing.storyId, survivor) : ((await ledger.findArticle(id))?.storyId ?? survivor);
    const snapshot = await ledger.recentStorySnapshot(storyId, RECENT_MEMBERS_READ);
    const stored = snapshot?.memberTerms.get(id);
    if (policy.split && snapshot && stored && !snapshot.story.splitOff?.memberIds.includes(id)) storyId = await splitIfTwoEventsNow(ledger, id, storyId, joinedStoryFrom(snapshot), stored.vector);
    // ...and the check for copies ingested at the same moment, which runs after the commit.
    await markLateCopies(ledger, existing, lshBands(existing.signature), []);
    return { status: 'duplicate', articleId: id, storyId, newClaims: 0, matchedClaims: 0 };
  }

  // Without the page-chrome mechanism every text reads as about its headline.
  const fingerprint = policy.pageChrome ? articleFingerprint(article.title, article.paragraphs, signature) : { title: article.title, signature, titleInText: 1 };
  const { duplicate, candidates } = await findDuplicateOf(ledger, id, bandReading, fingerprint);
  const content = storyContent(article, fingerprint, candidates, duplicate !== undefined);
  const vector = articleTermVector(content.title, content.paragraphs);
  const articleTerms = readArticleTerms(content.title, content.paragraphs, policy.lead ? LEAD_HALF_PARAGRAPH : Infinity);
  const statistics = await ledger.termStatistics(termsToLookUp(articleTerms));
  const evidence = articleEvidence(articleTerms, statistics, article.publishedAt);
  const terms = storedTerms(vector, content, evidence);
  const choice = duplicate ? { storyId: duplicate.storyId, alsoJoins: [] } : await chooseStory(ledger, id, vector, evidence, ingestedAt, policy);
  const { storyId, record: chosen } = await survivingStoryRecord(ledger, await ledger.chooseStoryOnce(id, choice.storyId));
  const record: ArticleRecord = {
    id,
    key: input.key,
    source: article.source ?? sourceFallback(input.key),
    title: article.title,
    ...(article.titleFromText ? { titleFromText: true } : {}),
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    ingestedAt,
    language: article.language,
    storyId,
    ...(duplicate ? { duplicateOf: duplicate.originId } : {}),
    claimCount: 0,
    ...(article.truncated ? { truncated: article.truncated } : {}),
  };

  const { claims, opened, joined } = await joinStory(ledger, record, vector, terms, content, storySize(chosen));
  record.claimCount = claims.mentions.length;
  const claimsCut = claimsTruncation(record.claimCount);
  if (claimsCut && !record.truncated) record.truncated = claimsCut;
  if (!duplicate && claims.derivedFrom) record.derivedFrom = claims.derivedFrom;
  await ledger.saveMentions(record.storyId, claims.mentions, record, terms);
  record.storyId = await settleStory(ledger, record, vector, evidence, opened, policy);
  const folded = await foldStories(ledger, record.storyId, policy.fold ? choice.alsoJoins : []);
  record.storyId = folded.storyId;
  await ledger.addToBands(id, bands, bandReading);
  await ledger.countTerms(id, countedTerms(articleTerms, statistics), statistics);
  const stored: StoredArticle = { ...record, signature, ...(fingerprint.titleInText === undefined ? {} : { titleInText: fingerprint.titleInText }) };
  const committed = await ledger.commitArticle(stored);
  const lateOrigin = await markLateCopies(ledger, committed, bands, candidates);
  if (lateOrigin) {
    record.duplicateOf = lateOrigin;
    delete record.derivedFrom;
  }
  // A merge that ran between settling and committing moved the story's articles before this one
  // was committed; point this one at the survivor too (a later merge finds it committed), unless a
  // split moved it elsewhere meanwhile.
  const final = await survivingStoryRecord(ledger, record.storyId);
  if (final.storyId !== record.storyId) record.storyId = await ledger.moveArticleFrom(id, record.storyId, final.storyId);
  // Stories just folded together were judged one event by this very article: nothing to split.
  if (policy.split && joined && joined.story.id === record.storyId && !folded.any) record.storyId = await splitIfTwoEventsNow(ledger, id, record.storyId, joined, terms.vector, final.record);
  return {
    status: 'ingested',
    articleId: id,
    storyId: record.storyId,
    ...(record.duplicateOf ? { duplicateOf: record.duplicateOf } : {}),
    ...(record.derivedFrom ? { derivedFrom: record.derivedFrom } : {}),
    newClaims: claims.newClaims.length,
    matchedClaims: claims.mentions.length - claims.newClaims.length,
  };
}

async function findDuplicateOf(ledger: Ledger, id: string, bands: BandReading, fingerprint: Fingerprint) {
  const candidates = await ledger.findArticles(duplicateCandidateIds(id, bands));
  const match = findNearDuplicate(fingerprint, candidates);
  return { duplicate: match ? { originId: match.duplicateOf ?? match.id, storyId: match.storyId } : undefined, candidates };
}

/** What the story and claims read of an article: a page whose text is its site's chrome is its headline, since the text says nothing of its event. */
function storyContent(article: ParsedArticle, fingerprint: Fingerprint, candidates: readonly StoredArticle[], isCopy: boolean): ParsedArticle {
  return !isCopy && isPageChrome(fingerprint, candidates) ? { ...article, paragraphs: [] } : article;
}

/** The articles sharing most of an article's LSH bands, the ones worth verifying as its originals or copies. */
function duplicateCandidateIds(id: string, bands: BandReading): string[] {
  const hits = new Map(bands.sharing);
  hits.delete(id);
  return [...hits.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_DUPLICATE_CANDIDATES)
    .map(([candidate]) => candidate);
}

/**
 * After the article is committed: marks the copies that it and articles ingested at the same
 * moment missed in each other (see lateCopies), re-reading its bands. Articles `read` before the
 * commit are not read again. Returns the original when the article itself is found a copy.
 */
async function markLateCopies(ledger: Ledger, article: StoredArticle, bands: readonly string[], read: readonly StoredArticle[]): Promise<string | undefined> {
  const ids = duplicateCandidateIds(article.id, await ledger.readBands(bands));
  const known = new Map(read.map((candidate) => [candidate.id, candidate]));
  const sharing = [...ids.filter((id) => known.has(id)).map((id) => known.get(id)!), ...(await ledger.findArticles(ids.filter((id) => !known.has(id))))];
  const copies = lateCopies(article, sharing);
  await ledger.markCopies(copies.map((copy) => ({ articleId: copy.article.id, storyId: copy.article.storyId, originId: copy.originId, ...(copy.replacing ? { replacing: copy.replacing } : {}) })));
  return copies.find((copy) => copy.article.id === article.id)?.originId;
}

/** The story the article joins or opens, and the other stories it also joins (StoryDecision.alsoJoins). */
async function chooseStory(ledger: Ledger, articleId: string, vector: TermVector, evidence: ArticleEvidence, ingestedAt: string, policy: StoryPolicy): Promise<{ storyId: string; alsoJoins: readonly string[] }> {
  const decision = await scoreCandidateStories(ledger, vector, evidence, policy);
  return decision.kind === 'open' ? { storyId: newStoryId(articleId, ingestedAt), alsoJoins: [] } : decision;
}

/** The story decision over the candidate stories found through the term index. */
async function scoreCandidateStories(ledger: Ledger, vector: TermVector, evidence: ArticleEvidence, policy: StoryPolicy, excluding?: string) {
  const found = await ledger.findStories(await candidateStoryIds(ledger, vector, excluding));
  // Terms still point at stories merged away: score their survivors instead.
  const survivors = await ledger.findStories([...new Set(found.filter((s) => s.mergedInto).map((s) => s.mergedInto!))]);
  const stories = [...new Map([...found.filter((s) => !s.mergedInto), ...survivors.filter((s) => !s.mergedInto && s.id !== excluding)].map((s) => [s.id, s])).values()];
  const candidates: CandidateStory[] = stories
    .filter((story) => policy.windowDays === undefined || daysOutside(evidence.publishedAt, story) <= policy.windowDays)
    .map(candidateStory);
  return decideStory(evidence, candidates, policy.model);
}

/**
 * After the article's mentions are written: if its story was merged away meanwhile, or if it opened
 * a story while other invocations opened or filled stories of the same event, fold the stories
 * together, the newer into the older, until none the article would join is left apart (articles of
 * one event arriving at once each open a story and pair off in separate merges otherwise). Returns
 * the story that finally holds the article.
 */
async function settleStory(ledger: Ledger, article: ArticleRecord, vector: TermVector, evidence: ArticleEvidence, opened: boolean, policy: StoryPolicy): Promise<string> {
  const [own] = await ledger.findStories([article.storyId]);
  if (own?.mergedInto) return mergeStories(ledger, article.storyId, own.mergedInto);
  if (!opened || !own) return article.storyId;
  let storyId = article.storyId;
  for (let fold = 0; fold < MAX_SETTLE_FOLDS; fold += 1) {
    const decision = await scoreCandidateStories(ledger, vector, evidence, policy, storyId);
    if (decision.kind === 'open') return storyId;
    const pair = await findStoryPair(ledger, storyId, decision.storyId);
    if (!pair) return storyId;
    storyId = await foldTogether(ledger, ...pair);
  }
  return storyId;
}

/**
 * Splits the story the article is in when it has become two events, and folds the part split off
 * into a story of its event opened meanwhile; or, when the story split while this article was being
 * ingested, moves the article to the part it fits better. Returns the story that holds the article.
 */
async function splitIfTwoEventsNow(ledger: Ledger, articleId: string, storyId: string, joined: JoinedStory, vector: TermVector, current?: StoryRecord & { revision: number }): Promise<string> {
  const splitOff = await splitIfTwoEvents(ledger, joined);
  if (!splitOff) return moveToBetterPart(ledger, articleId, storyId, vector, current);
  await mergeAlikeStories(ledger, splitOff);
  return survivingStory(ledger, (await ledger.findArticle(articleId))?.storyId ?? storyId);
}

/** What the story keeps of the article, for splitting it later: the vector bounded like a centroid, and the names. */
function storedTerms(vector: TermVector, article: ParsedArticle, evidence: ArticleEvidence): MemberTerms {
  return { vector: topTerms(vector, CENTROID_TERMS), names: articleNames(article.title, article.paragraphs), evidence };
}

/**
 * Members of a large story whose entries a joining article reads: the newest, as many as a split
 * plans with (MAX_SPLIT_MEMBERS), and the first. Their mentions and the claims of the story's newest
 * revisions (as many) are what the article's claims are matched against, together with the older
 * claims those mentions still report (claimsKnownByMentions). A story of up to this many members
 * and one more is read whole.
 */
export const RECENT_MEMBERS_READ = MAX_SPLIT_MEMBERS;

/**
 * Adds the article to its story and creates the claims it is the first to make, as one optimistic
 * step on the story's revision; on a conflict the story is re-read and the claims matched again.
 * The story is read through recentStorySnapshot, bounded past RECENT_MEMBERS_READ + 1 members, so
 * that joining it costs the same however many reports a breaking event draws; `knownSize`, its
 * members as last read, spares a small story the read of its record first.
 */
async function joinStory(
  ledger: Ledger,
  article: ArticleRecord,
  vector: TermVector,
  terms: MemberTerms,
  parsed: ParsedArticle,
  knownSize: number,
): Promise<{ claims: ArticleClaims; opened: boolean; joined?: JoinedStory }> {
  let size = knownSize;
  for (let attempt = 0; attempt < MAX_STORY_UPDATE_ATTEMPTS; attempt += 1) {
    const snapshot = await ledger.recentStorySnapshot(article.storyId, RECENT_MEMBERS_READ, size);
    size = storySize(snapshot?.story);
    const current = snapshot?.story;
    if (current?.mergedInto) {
      article.storyId = await mergeStories(ledger, current.id, current.mergedInto);
      continue;
    }
    if (current?.splitOff) {
      // The members it marks are no longer in the story; move them before the mark is written over.
      await finishSplit(ledger, current.id);
      continue;
    }
    const storyClaims = snapshot?.unreadMembers ? [...snapshot.claims, ...claimsKnownByMentions(snapshot.claims, snapshot.mentions)] : (snapshot?.claims ?? []);
    const claims = matchArticleClaims(article, parsed.paragraphs, storyClaims, snapshot?.mentions ?? []);
    // An earlier try got this far; make sure its term index writes happened too. (One that joined a
    // story that more than LISTED_MEMBERS - 1 articles have joined since finds itself no longer
    // listed, and is counted again: a retry comes within minutes, and a story gains that many
    // reports that fast only at the peak of a breaking event.)
    if (current?.memberIds.includes(article.id)) {
      await ledger.indexStoryTerms(article.storyId, Object.keys(current.centroid));
      const joined = joinedStoryFrom(snapshot!, { id: article.id, terms });
      return { claims, opened: current.memberIds[0] === article.id, joined };
    }
    const centroid = addToCentroid(current?.centroid ?? {}, storySize(current), vector);
    const story: StoryRecord = {
      id: article.storyId,
      headline: current?.headline ?? parsed.title,
      createdAt: current?.createdAt ?? article.ingestedAt,
      updatedAt: current && current.updatedAt > article.ingestedAt ? current.updatedAt : article.ingestedAt,
      centroid,
      ...withMember(current, article.id),
      members: terms.evidence ? keepMember(current?.members ?? [], terms.evidence) : (current?.members ?? []),
      ...publicationRange([current?.publishedFrom, current?.publishedTo, article.publishedAt]),
      ...(current?.splitFrom ? { splitFrom: current.splitFrom } : {}),
      ...(current?.splitInto ? { splitInto: current.splitInto } : {}),
    };
    if (await ledger.commitStoryUpdate(story, current?.revision, claims.newClaims)) {
      const known = new Set(Object.keys(current?.centroid ?? {}));
      await ledger.indexStoryTerms(article.storyId, Object.keys(centroid).filter((term) => !known.has(term)));
      const memberTerms = new Map(snapshot?.memberTerms ?? []).set(article.id, terms);
      const unread = snapshot?.unreadMembers ? { unreadMembers: snapshot.unreadMembers } : {};
      return { claims, opened: current === undefined, joined: { story, revision: (current?.revision ?? 0) + 1, memberTerms, ...unread } };
    }
  }
  throw new Error(`story ${article.storyId} kept changing under concurrent updates`);
}

/** Without a named outlet, the file name is the most specific thing that tells articles apart. */
function sourceFallback(key: string): string {
  const file = key.split('/').pop() ?? key;
  return file.replace(/\.[a-z0-9]+$/i, '') || key;
}
