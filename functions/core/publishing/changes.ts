import type { Digest, DigestClaim, DigestStory } from '../digest/build-digest';
import { claimLine } from '../digest/claim-headline';

/**
 * What changed between two digest versions: the "What's new" of a version. Pure; built from the
 * previous digest (as read back from `digest/latest.json` before it is replaced) and the new one.
 *
 * Documents read back may predate fields added later (disputes, quotes, entities), so every
 * optional or recently added field is read defensively.
 */

export type ChangeKind =
  /** A story that was not in the previous version. */
  | 'new-story'
  /** An article joined an existing story. */
  | 'new-article'
  /** A claim that was not in the story before. */
  | 'new-claim'
  /** A claim's outlets or independent count changed. */
  | 'corroboration'
  /** A claim became disputed, or gained another dispute. */
  | 'new-dispute'
  /** The story's headline changed. */
  | 'headline'
  /** A claim is no longer in the story. */
  | 'removed-claim'
  /** A story is no longer in the digest (merged into another, or no longer among the most recent). */
  | 'removed-story'
  /** Anything else about the story changed (e.g. quotations, entities). */
  | 'updated';

/** Order in which kinds are listed (most interesting first). */
export const CHANGE_KINDS: readonly ChangeKind[] = ['new-story', 'new-article', 'new-claim', 'corroboration', 'new-dispute', 'headline', 'removed-claim', 'removed-story', 'updated'];

export interface ClaimRef {
  claimId: string;
  /** The claim's headline (its exact text when the digest it is read from gives no headline). */
  text: string;
}

export interface NewClaim extends ClaimRef {
  outlets: string[];
  independentOutlets: number;
}

export interface CorroborationChange extends ClaimRef {
  outlets: { from: string[]; to: string[] };
  independentOutlets: { from: number; to: number };
  /** Outlets that now carry the claim and did not before, and the reverse. */
  addedOutlets: string[];
  removedOutlets: string[];
}

export interface NewDispute extends ClaimRef {
  kind: string;
  /** For a denial: who denies the claim. */
  by?: string;
  /** The denial's words or the conflicting claim's wording. */
  disputeText: string;
  detail?: string;
  outlets: string[];
  /** For a contradiction: the conflicting claim. */
  conflictingClaimId?: string;
}

export interface NewArticle {
  articleId: string;
  source: string;
  title: string;
  publishedAt?: string;
  duplicateOf?: string;
  derivedFrom?: string;
}

export interface StoryChanges {
  storyId: string;
  headline: string;
  isNew: boolean;
  /** Kinds present in this story's changes, in CHANGE_KINDS order. */
  kinds: ChangeKind[];
  headlineChanged?: { from: string; to: string };
  newArticles: NewArticle[];
  newClaims: NewClaim[];
  corroborationChanges: CorroborationChange[];
  newDisputes: NewDispute[];
  removedClaims: ClaimRef[];
  /** Something else in the story's document differs (quotations, entities, statements...). */
  otherChanges: boolean;
}

export interface RemovedStory {
  storyId: string;
  headline: string;
  /** The story of the new version that now holds all of its articles, when there is one. */
  mergedInto?: string;
}

export interface ChangeCounts {
  newStories: number;
  changedStories: number;
  newArticles: number;
  newClaims: number;
  corroborationChanges: number;
  newDisputes: number;
  removedClaims: number;
  removedStories: number;
}

export interface DigestChanges {
  /** The previous version, absent for the first publish (everything is new then). */
  fromVersion?: number;
  toVersion: number;
  /** When the previous version was generated, and this one. */
  since?: string;
  generatedAt: string;
  /** Every kind of change present, in CHANGE_KINDS order: empty when nothing changed. */
  kinds: ChangeKind[];
  counts: ChangeCounts;
  /** Stories with any change (new ones included), in the order of the new digest. */
  stories: StoryChanges[];
  removedStories: RemovedStory[];
}

/** The changes from `previous` (undefined for the first publish) to `next`. */
export function diffDigests(previous: Digest | undefined, next: Digest): DigestChanges {
  const previousStories = new Map<string, DigestStory>();
  for (const story of storiesOf(previous)) previousStories.set(story.id, story);
  const nextStories = storiesOf(next);
  const nextIds = new Set(nextStories.map((s) => s.id));

  const stories: StoryChanges[] = [];
  for (const story of nextStories) {
    const changes = diffStory(previousStories.get(story.id), story);
    if (changes.kinds.length > 0) stories.push(changes);
  }

  // Where an article of a story that left the digest is now: all in one story means a merge.
  const storyOfArticle = new Map<string, string>();
  for (const story of nextStories) for (const article of articlesOf(story)) storyOfArticle.set(article.id, story.id);
  const removedStories: RemovedStory[] = [];
  for (const story of previousStories.values()) {
    if (nextIds.has(story.id)) continue;
    const homes = new Set(articlesOf(story).map((a) => storyOfArticle.get(a.id)));
    const [home] = homes;
    removedStories.push({ storyId: story.id, headline: str(story.headline), ...(homes.size === 1 && home !== undefined ? { mergedInto: home } : {}) });
  }

  const counts: ChangeCounts = {
    newStories: stories.filter((s) => s.isNew).length,
    changedStories: stories.filter((s) => !s.isNew).length,
    newArticles: sum(stories, (s) => s.newArticles.length),
    newClaims: sum(stories, (s) => s.newClaims.length),
    corroborationChanges: sum(stories, (s) => s.corroborationChanges.length),
    newDisputes: sum(stories, (s) => s.newDisputes.length),
    removedClaims: sum(stories, (s) => s.removedClaims.length),
    removedStories: removedStories.length,
  };
  const present = new Set<ChangeKind>(stories.flatMap((s) => s.kinds));
  if (removedStories.length > 0) present.add('removed-story');
  return {
    ...(previous ? { fromVersion: previous.version, since: previous.generatedAt } : {}),
    toVersion: next.version,
    generatedAt: next.generatedAt,
    kinds: CHANGE_KINDS.filter((k) => present.has(k)),
    counts,
    stories,
    removedStories,
  };
}

/** The changes of one story of the new version (`previous` undefined when it is new). */
export function diffStory(previous: DigestStory | undefined, next: DigestStory): StoryChanges {
  const isNew = previous === undefined;
  const before = new Map<string, DigestClaim>();
  for (const claim of claimsOf(previous)) before.set(claim.id, claim);
  const previousArticles = new Set(articlesOf(previous).map((a) => a.id));

  const newArticles: NewArticle[] = articlesOf(next)
    .filter((a) => !previousArticles.has(a.id))
    .map((a) => ({
      articleId: a.id,
      source: str(a.source),
      title: str(a.title),
      ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
      ...(a.duplicateOf ? { duplicateOf: a.duplicateOf } : {}),
      ...(a.derivedFrom ? { derivedFrom: a.derivedFrom } : {}),
    }));

  const newClaims: NewClaim[] = [];
  const corroborationChanges: CorroborationChange[] = [];
  const newDisputes: NewDispute[] = [];
  for (const claim of claimsOf(next)) {
    const old = before.get(claim.id);
    const outlets = stringList(claim.outlets);
    const independent = num(claim.independentOutlets);
    if (!old) newClaims.push({ claimId: claim.id, text: claimLine(claim), outlets, independentOutlets: independent });
    else {
      const oldOutlets = stringList(old.outlets);
      const oldIndependent = num(old.independentOutlets);
      if (oldIndependent !== independent || !sameSet(oldOutlets, outlets)) {
        corroborationChanges.push({
          claimId: claim.id,
          text: claimLine(claim),
          outlets: { from: oldOutlets, to: outlets },
          independentOutlets: { from: oldIndependent, to: independent },
          addedOutlets: outlets.filter((o) => !oldOutlets.includes(o)),
          removedOutlets: oldOutlets.filter((o) => !outlets.includes(o)),
        });
      }
    }
    const known = new Set(disputesOf(old).map(disputeKey));
    for (const dispute of disputesOf(claim)) {
      if (known.has(disputeKey(dispute))) continue;
      newDisputes.push({
        claimId: claim.id,
        text: claimLine(claim),
        kind: dispute.kind,
        ...(dispute.by ? { by: dispute.by } : {}),
        disputeText: dispute.text,
        ...(dispute.detail ? { detail: dispute.detail } : {}),
        outlets: dispute.outlets,
        ...(dispute.claimId ? { conflictingClaimId: dispute.claimId } : {}),
      });
    }
  }
  const nextClaimIds = new Set(claimsOf(next).map((c) => c.id));
  const removedClaims: ClaimRef[] = [...before.values()].filter((c) => !nextClaimIds.has(c.id)).map((c) => ({ claimId: c.id, text: claimLine(c) }));

  const headlineChanged = previous && str(previous.headline) !== str(next.headline) ? { from: str(previous.headline), to: str(next.headline) } : undefined;
  const present = new Set<ChangeKind>();
  if (isNew) present.add('new-story');
  if (!isNew && newArticles.length > 0) present.add('new-article');
  if (newClaims.length > 0) present.add('new-claim');
  if (corroborationChanges.length > 0) present.add('corroboration');
  if (newDisputes.length > 0) present.add('new-dispute');
  if (headlineChanged) present.add('headline');
  if (removedClaims.length > 0) present.add('removed-claim');
  const otherChanges = !isNew && present.size === 0 && stableJson(previous) !== stableJson(next);
  if (otherChanges) present.add('updated');
  return {
    storyId: next.id,
    headline: str(next.headline),
    isNew,
    kinds: CHANGE_KINDS.filter((k) => present.has(k)),
    ...(headlineChanged ? { headlineChanged } : {}),
    newArticles,
    newClaims,
    corroborationChanges,
    newDisputes,
    removedClaims,
    otherChanges,
  };
}

/** A dispute as read from a claim, whatever version of the digest it comes from. */
export interface DisputeView {
  kind: string;
  by?: string;
  claimId?: string;
  text: string;
  detail?: string;
  outlets: string[];
}

/**
 * The disputes of a claim: its `disputes` list when present, else a bare entry when it is only
 * flagged `disputed`. Tolerates claims from digests written before disputes existed.
 */
export function disputesOf(claim: DigestClaim | undefined): DisputeView[] {
  if (!claim) return [];
  const loose = claim as Partial<DigestClaim> & Record<string, unknown>;
  const list = Array.isArray(loose.disputes) ? (loose.disputes as unknown[]) : [];
  const views: DisputeView[] = [];
  for (const raw of list) {
    if (!raw || typeof raw !== 'object') continue;
    const d = raw as Record<string, unknown>;
    views.push({
      kind: typeof d.kind === 'string' && d.kind ? d.kind : 'dispute',
      ...(typeof d.by === 'string' && d.by ? { by: d.by } : {}),
      ...(typeof d.claimId === 'string' && d.claimId ? { claimId: d.claimId } : {}),
      text: str(d.text),
      ...(typeof d.detail === 'string' && d.detail ? { detail: d.detail } : {}),
      outlets: stringList(d.outlets),
    });
  }
  if (views.length === 0 && loose.disputed === true) views.push({ kind: 'dispute', text: '', outlets: [] });
  return views;
}

/** Whether the claim is disputed (by its flag or its disputes). */
export function isDisputed(claim: DigestClaim): boolean {
  return disputesOf(claim).length > 0;
}

function disputeKey(d: DisputeView): string {
  return JSON.stringify([d.kind, d.claimId ?? '', d.by ?? '', d.text]);
}

export function storiesOf(digest: Digest | undefined): DigestStory[] {
  return Array.isArray(digest?.stories) ? digest.stories.filter((s) => s && typeof s.id === 'string') : [];
}

export function claimsOf(story: DigestStory | undefined): DigestClaim[] {
  return Array.isArray(story?.claims) ? story.claims.filter((c) => c && typeof c.id === 'string') : [];
}

export function articlesOf(story: DigestStory | undefined): DigestStory['articles'] {
  return Array.isArray(story?.articles) ? story.articles.filter((a) => a && typeof a.id === 'string') : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

function sum<T>(items: readonly T[], f: (item: T) => number): number {
  return items.reduce((total, item) => total + f(item), 0);
}

/** JSON with object keys sorted, so that key order alone never counts as a change. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** "2 new stories, 5 new claims, 3 corroboration changes": the counts in words, or "no changes". */
export function describeCounts(counts: ChangeCounts): string {
  const parts: string[] = [];
  const add = (n: number, one: string, many: string) => {
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  };
  add(counts.newStories, 'new story', 'new stories');
  add(counts.newArticles, 'new article', 'new articles');
  add(counts.newClaims, 'new claim', 'new claims');
  add(counts.corroborationChanges, 'corroboration change', 'corroboration changes');
  add(counts.newDisputes, 'new dispute', 'new disputes');
  add(counts.removedClaims, 'claim removed', 'claims removed');
  add(counts.removedStories, 'story removed', 'stories removed');
  if (parts.length === 0 && counts.changedStories > 0) add(counts.changedStories, 'story updated', 'stories updated');
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

/** One line about one story's changes: "new story: 12 claims" or "2 new claims, 1 new dispute". */
export function describeStoryChanges(s: StoryChanges): string {
  const parts: string[] = [];
  if (s.isNew) parts.push(`new story with ${s.newClaims.length} claim${s.newClaims.length === 1 ? '' : 's'}`);
  else {
    if (s.newArticles.length > 0) parts.push(`${s.newArticles.length} new article${s.newArticles.length === 1 ? '' : 's'} (${distinct(s.newArticles.map((a) => a.source)).join(', ')})`);
    if (s.newClaims.length > 0) parts.push(`${s.newClaims.length} new claim${s.newClaims.length === 1 ? '' : 's'}`);
    if (s.corroborationChanges.length > 0) parts.push(`corroboration changed for ${s.corroborationChanges.length} claim${s.corroborationChanges.length === 1 ? '' : 's'}`);
  }
  if (s.newDisputes.length > 0) parts.push(`${s.newDisputes.length} new dispute${s.newDisputes.length === 1 ? '' : 's'}`);
  if (s.headlineChanged) parts.push('new headline');
  if (s.removedClaims.length > 0) parts.push(`${s.removedClaims.length} claim${s.removedClaims.length === 1 ? '' : 's'} removed`);
  if (parts.length === 0 && s.otherChanges) parts.push('updated');
  return parts.join(', ');
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
