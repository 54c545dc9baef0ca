import type { Quantity, ResolvedDate } from '../claims/dates';
import type { ContradictionKind } from '../claims/disputes';
import { sameEntity, type EntityKind } from '../claims/entities';
import type { ArticleRecord, ClaimRecord, MentionRecord, StoryRecord } from '../records';
import { claimHeadline, claimLine } from './claim-headline';
import { originOf } from './independence';
import { buildQuoteGroups, type DigestQuoteGroup } from './quote-groups';
import { chooseHeadline } from './story-headline';

export const DIGEST_SCHEMA_VERSION = 3;

export interface DigestMention {
  articleId: string;
  source: string;
  text: string;
  /** The assertion on its own, when it differs from `text` (attribution or denial left out, subject restored). */
  statement?: string;
  /** Who the article says makes the claim. */
  attribution?: { source: string; cue: string; citing?: string };
  /** Quotations in the span, with who is quoted. */
  quotes?: Array<{ text: string; speaker?: string }>;
  /** The article reports a denial of the claim. */
  denial?: { by: string; text: string };
  /** Stated in the negative. */
  negated?: boolean;
  entities?: Array<{ text: string; key: string; kind: EntityKind }>;
  dates?: ResolvedDate[];
  quantities?: Quantity[];
}

export type DisputeKind = 'denial' | ContradictionKind;

/** Why a claim is disputed, and by whom. */
export interface DigestDispute {
  kind: DisputeKind;
  /** For a denial: who denies it, as the article puts it. */
  by?: string;
  /** The conflicting claim of the story (negation, number, date). */
  claimId?: string;
  /** The denial's words, or the conflicting claim's headline. */
  text: string;
  /** This claim's value and the conflicting one's (number, date, polarity). */
  ours?: string;
  theirs?: string;
  detail: string;
  /** Outlets that report the denial or the conflicting claim. */
  outlets: string[];
  mentions: Array<{ articleId: string; source: string; text: string }>;
  /** How many mentions the dispute has, when the digest shows only the first of them (see DigestBounds). */
  mentionCount?: number;
}

export interface DigestClaim {
  id: string;
  /** The exact words of the claim's first wording (a piece of its sentence when the sentence joins several claims). */
  text: string;
  /**
   * The claim as one line a reader can take in alone (see claimHeadline): what pages, feeds and
   * summaries show. A story carried over unchanged from a digest without it lacks it: read `text`.
   */
  headline?: string;
  outlets: string[];
  /** Outlets that reported it on their own: copies and rewrites count once, with their origin. */
  independentOutlets: number;
  firstReportedBy: { articleId: string; source: string; at: string };
  /** Earliest first; in the digest, at most DigestBounds.mentionsPerClaim of them. */
  mentions: DigestMention[];
  /** How many mentions the claim has, when the digest shows only the first of them; the story document shows all. */
  mentionCount?: number;
  /** The assertion the claim was matched on, when it differs from `text`. */
  statement?: string;
  /** Whether any article reports a denial of it or the story holds a conflicting claim. */
  disputed: boolean;
  disputes: DigestDispute[];
  /** People, places and bodies named, spelling variants merged. */
  entities?: Array<{ name: string; kind: EntityKind; variants?: string[] }>;
}

export interface DigestArticle {
  id: string;
  key: string;
  source: string;
  title: string;
  publishedAt?: string;
  duplicateOf?: string;
  derivedFrom?: string;
  /** Only the first part of the upload was read as the article, and why. */
  truncated?: string;
}

export interface DigestStory {
  id: string;
  /** Opaque; changes whenever anything stored about the story changes (compare for equality only). */
  revision: string;
  headline: string;
  /** The story this one was split from (its articles first joined that story). */
  splitFrom?: string;
  updatedAt: string;
  outlets: string[];
  articles: DigestArticle[];
  claims: DigestClaim[];
  /** Quotations grouped by speaker and wording across outlets, with the differences in wording. */
  quotes: DigestQuoteGroup[];
  /**
   * Present when the digest shows only part of the story's claims, mentions or quotation groups
   * (see DigestBounds): the whole story's numbers. The story document shows the whole story.
   */
  partial?: PartialStory;
}

/** The numbers of a whole story whose digest entry shows part of it. */
export interface PartialStory {
  claims: number;
  /** Claims reported by two or more outlets. */
  corroborated: number;
  /** Claims reported by two or more outlets on their own. */
  independentlyCorroborated: number;
  disputed: number;
  quoteGroups: number;
}

export interface Digest {
  schemaVersion: number;
  version: number;
  generatedAt: string;
  stories: DigestStory[];
}

/** Everything stored about one story, as read back for publishing. */
export interface StorySnapshot {
  story: StoryRecord & StoryStamp;
  articles: ArticleRecord[];
  claims: ClaimRecord[];
  mentions: MentionRecord[];
}

/**
 * Storage counters of a story: `revision` rises with every guarded update of the story record and
 * `stamp` with every other write to the story (mentions, articles), so the pair never repeats.
 */
export interface StoryStamp {
  revision?: number;
  stamp?: number;
}

export function storyRevision(story: StoryStamp): string {
  return `${story.revision ?? 0}.${story.stamp ?? 0}`;
}

export function buildDigest(snapshots: readonly StorySnapshot[], version: number, generatedAt: string, unchanged: readonly DigestStory[] = []): Digest {
  return assembleDigest([...unchanged, ...snapshots.filter((snapshot) => snapshot.articles.length > 0).map(buildStory)], version, generatedAt);
}

/** Stories built from snapshots now and stories carried over unchanged from an earlier digest, in digest order. */
function assembleDigest(built: DigestStory[], version: number, generatedAt: string): Digest {
  const stories = built
    .sort((a, b) => b.articles.length - a.articles.length || (b.updatedAt < a.updatedAt ? -1 : b.updatedAt > a.updatedAt ? 1 : 0));
  return { schemaVersion: DIGEST_SCHEMA_VERSION, version, generatedAt, stories };
}

function buildStory(snapshot: StorySnapshot): DigestStory {
  const { story, articles, claims, mentions } = joinSameClaims(snapshot);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const mentionsByClaim = new Map<string, MentionRecord[]>();
  for (const mention of mentions) {
    if (!byId.has(mention.articleId)) continue;
    const list = mentionsByClaim.get(mention.claimId) ?? [];
    list.push(mention);
    mentionsByClaim.set(mention.claimId, list);
  }
  const present = claims.filter((claim) => mentionsByClaim.has(claim.id));
  const claimsById = new Map(present.map((claim) => [claim.id, claim]));
  const digestClaims = present
    .map((claim) => buildClaim(claim, mentionsByClaim.get(claim.id) ?? [], byId))
    .sort(
      (a, b) =>
        b.independentOutlets - a.independentOutlets ||
        b.mentions.length - a.mentions.length ||
        (a.firstReportedBy.at < b.firstReportedBy.at ? -1 : a.firstReportedBy.at > b.firstReportedBy.at ? 1 : a.id < b.id ? -1 : 1),
    );
  const sortedArticles = [...articles].sort((a, b) => (reportedAt(a) < reportedAt(b) ? -1 : reportedAt(a) > reportedAt(b) ? 1 : a.id < b.id ? -1 : 1));
  return {
    id: story.id,
    revision: storyRevision(story),
    headline: chooseHeadline(articles, story.centroid, story.headline),
    ...(story.splitFrom ? { splitFrom: story.splitFrom } : {}),
    updatedAt: story.updatedAt,
    outlets: distinct(sortedArticles.map((a) => a.source)),
    articles: sortedArticles.map((a) => ({
      id: a.id,
      key: a.key,
      source: a.source,
      title: a.title,
      ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}),
      ...(a.duplicateOf ? { duplicateOf: a.duplicateOf } : {}),
      ...(a.derivedFrom ? { derivedFrom: a.derivedFrom } : {}),
      ...(a.truncated ? { truncated: a.truncated } : {}),
    })),
    claims: addContradictions(digestClaims, claimsById),
    quotes: buildQuoteGroups(mentions.filter((m) => byId.has(m.articleId) && claimsById.has(m.claimId)), byId),
  };
}

/** Links each contradiction both ways: the later claim names the earlier one, the digest shows both. */
function addContradictions(digestClaims: DigestClaim[], claims: ReadonlyMap<string, ClaimRecord>): DigestClaim[] {
  const byId = new Map(digestClaims.map((claim) => [claim.id, claim]));
  for (const claim of digestClaims) {
    for (const c of claims.get(claim.id)?.contradicts ?? []) {
      const other = byId.get(c.claimId);
      if (!other || other === claim) continue;
      const link = (from: DigestClaim, to: DigestClaim, ours: string, theirs: string) => {
        if (from.disputes.some((d) => d.claimId === to.id && d.kind === c.kind)) return;
        from.disputes.push({
          kind: c.kind,
          claimId: to.id,
          text: claimLine(to),
          ours,
          theirs,
          detail: describeConflict(c.kind, ours, theirs, to.outlets),
          outlets: to.outlets,
          mentions: to.mentions.map((m) => ({ articleId: m.articleId, source: m.source, text: m.text })),
        });
        from.disputed = true;
      };
      link(claim, other, c.ours, c.theirs);
      link(other, claim, c.theirs, c.ours);
    }
  }
  return digestClaims;
}

function describeConflict(kind: ContradictionKind, ours: string, theirs: string, outlets: readonly string[]): string {
  const who = outlets.join(', ');
  if (kind === 'negation') return theirs === 'negative' ? `${who} report${outlets.length === 1 ? 's' : ''} the opposite: that it is not so` : `${who} report${outlets.length === 1 ? 's' : ''} the opposite: that it is so`;
  return `${kind === 'date' ? 'another date' : 'another figure'}: ${ours} here, ${theirs} according to ${who}`;
}

function buildClaim(claim: ClaimRecord, mentions: MentionRecord[], articles: ReadonlyMap<string, ArticleRecord>): DigestClaim {
  const ordered = [...mentions].sort((a, b) => {
    const at = reportedAt(articles.get(a.articleId)!);
    const bt = reportedAt(articles.get(b.articleId)!);
    return at < bt ? -1 : at > bt ? 1 : a.articleId < b.articleId ? -1 : a.claimIndex - b.claimIndex;
  });
  const first = articles.get(ordered[0].articleId)!;
  const independentSources = new Set(ordered.map((m) => articles.get(originOf(m.articleId, articles))?.source ?? m.source));
  const entities = mergeEntities(ordered);
  const wording = ordered.find((m) => m.text === claim.text && (m.statement ?? m.text) === (claim.statement ?? claim.text)) ?? ordered[0];
  return {
    id: claim.id,
    text: claim.text,
    headline: claimHeadline({ ...wording, text: claim.text }),
    outlets: distinct(ordered.map((m) => m.source)),
    independentOutlets: independentSources.size,
    firstReportedBy: { articleId: first.id, source: first.source, at: reportedAt(first) },
    mentions: ordered.map(digestMention),
    ...(claim.statement && claim.statement !== claim.text ? { statement: claim.statement } : {}),
    ...denials(ordered),
    ...(entities.length > 0 ? { entities } : {}),
  };
}

function digestMention(m: MentionRecord): DigestMention {
  return {
    articleId: m.articleId,
    source: m.source,
    text: m.text,
    ...(m.statement && m.statement !== m.text ? { statement: m.statement } : {}),
    ...(m.attribution ? { attribution: { source: m.attribution.source, cue: m.attribution.cue, ...(m.attribution.citing ? { citing: m.attribution.citing } : {}) } } : {}),
    ...(m.quotes && m.quotes.length > 0 ? { quotes: m.quotes.map((q) => ({ text: q.text, ...(q.speaker ? { speaker: q.speaker } : {}) })) } : {}),
    ...(m.denial ? { denial: { by: m.denial.by, text: m.denial.text } } : {}),
    ...(m.negated ? { negated: true } : {}),
    ...(m.entities && m.entities.length > 0 ? { entities: m.entities.map((e) => ({ text: e.text, key: e.key, kind: e.kind })) } : {}),
    ...(m.dates && m.dates.length > 0 ? { dates: m.dates } : {}),
    ...(m.quantities && m.quantities.length > 0 ? { quantities: m.quantities } : {}),
  };
}

/** Denials reported by the claim's own mentions, one entry per denier. */
function denials(mentions: readonly MentionRecord[]): Pick<DigestClaim, 'disputed' | 'disputes'> {
  const byKey = new Map<string, DigestDispute>();
  for (const m of mentions) {
    if (!m.denial) continue;
    let dispute = byKey.get(m.denial.key);
    if (!dispute) {
      dispute = { kind: 'denial', by: m.denial.by, text: m.denial.text, detail: '', outlets: [], mentions: [] };
      byKey.set(m.denial.key, dispute);
    }
    if (!dispute.outlets.includes(m.source)) dispute.outlets.push(m.source);
    dispute.mentions.push({ articleId: m.articleId, source: m.source, text: m.denial.text });
  }
  const disputes = [...byKey.values()];
  for (const d of disputes) d.detail = `${d.by} den${/\band\b|,/.test(d.by ?? '') ? 'y' : 'ies'} it, as reported by ${d.outlets.join(', ')}`;
  return { disputed: disputes.length > 0, disputes };
}

/** Entities of all mentions, spelling variants and surname-only references merged. */
function mergeEntities(mentions: readonly MentionRecord[]): NonNullable<DigestClaim['entities']> {
  const groups: Array<{ keys: string[]; names: Map<string, number>; kind: EntityKind }> = [];
  for (const m of mentions) {
    for (const e of m.entities ?? []) {
      let group = groups.find((g) => g.keys.some((k) => sameEntity(k, e.key)));
      if (!group) groups.push((group = { keys: [], names: new Map(), kind: e.kind }));
      if (!group.keys.includes(e.key)) group.keys.push(e.key);
      group.names.set(e.text, (group.names.get(e.text) ?? 0) + 1);
      if (group.kind === 'other' && e.kind !== 'other') group.kind = e.kind;
    }
  }
  return groups.map((g) => {
    const names = [...g.names.entries()].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n);
    return { name: names[0], kind: g.kind, ...(names.length > 1 ? { variants: names.slice(1) } : {}) };
  });
}

/** Publication time when known, else when the pipeline first saw it. */
export function reportedAt(article: Pick<ArticleRecord, 'publishedAt' | 'ingestedAt'>): string {
  return article.publishedAt ?? article.ingestedAt;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Claims that a mention restates together (its `sameAs`) are one claim, shown under the earliest of
 * them: its mentions gather all of theirs, and what any of them contradicts is its contradiction.
 * Only mentions of the snapshot's own articles link claims.
 */
function joinSameClaims(snapshot: StorySnapshot): StorySnapshot {
  const articleIds = new Set(snapshot.articles.map((a) => a.id));
  const links = snapshot.mentions.filter((m) => m.sameAs && m.sameAs.length > 0 && articleIds.has(m.articleId));
  if (links.length === 0) return snapshot;
  const claimsById = new Map(snapshot.claims.map((c) => [c.id, c]));
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  const earlier = (a: ClaimRecord, b: ClaimRecord) => (a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id) ? a : b);
  for (const mention of links) {
    for (const other of mention.sameAs!) {
      const a = claimsById.get(root(mention.claimId));
      const b = claimsById.get(root(other));
      if (!a || !b || a === b) continue;
      const keep = earlier(a, b);
      parent.set(keep === a ? b.id : a.id, keep.id);
    }
  }
  if (parent.size === 0) return snapshot;
  const claims = snapshot.claims
    .filter((c) => !parent.has(c.id))
    .map((c) => {
      const joined = snapshot.claims.filter((o) => o !== c && root(o.id) === c.id);
      if (joined.length === 0 && !(c.contradicts ?? []).some((x) => parent.has(x.claimId))) return c;
      const contradicts = [c, ...joined].flatMap((o) => o.contradicts ?? []).map((x) => ({ ...x, claimId: root(x.claimId) })).filter((x) => x.claimId !== c.id);
      return { ...c, ...(contradicts.length > 0 ? { contradicts } : { contradicts: undefined }) };
    });
  const mentions = snapshot.mentions.map((m) => (parent.has(m.claimId) ? { ...m, claimId: root(m.claimId) } : m));
  return { ...snapshot, claims, mentions };
}
