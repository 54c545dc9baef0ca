import type { Digest } from '../digest/build-digest';
import type { DigestNotice } from '../../ports/notifier';
import { describeCounts, describeStoryChanges, type ChangeKind, type DigestChanges, type StoryChanges } from './changes';
import { PUBLISHING_KEYS, siteUrl, sitePath } from './keys';
import { clip } from './story-summary';

/**
 * The SNS message sent after each publish: a pointer to the new version and a short account of what
 * changed, always under SNS's 256 KB limit, with attributes subscribers can filter on.
 */

/** SNS's limit on a message with its attributes (256 KiB). */
export const SNS_MAX_BYTES = 256 * 1024;
/** Kept free below the limit for the subject, attribute overhead and the envelope's own fields. */
const SAFETY_MARGIN_BYTES = 4 * 1024;
/** The storyIds attribute lists at most this many bytes of ids (the message has them all). */
export const STORY_IDS_ATTRIBUTE_MAX_BYTES = 1024;
/** SNS subjects: ASCII, no line breaks, under 100 characters. */
export const SUBJECT_MAX_CHARS = 99;

export type AttributeDataType = 'String' | 'String.Array' | 'Number';

/**
 * How each attribute must be sent to SNS (MessageAttributes[name].DataType). changeKinds and
 * storyIds are String.Array (JSON arrays) so that a filter policy such as
 * `{"changeKinds": ["new-dispute"]}` or `{"storyIds": ["s-..."]}` matches any element.
 */
export const NOTIFICATION_ATTRIBUTE_TYPES = {
  kind: 'String',
  version: 'Number',
  changeKinds: 'String.Array',
  storyIds: 'String.Array',
  storyIdsComplete: 'String',
} as const satisfies Record<string, AttributeDataType>;

export type NotificationAttributes = { [K in keyof typeof NOTIFICATION_ATTRIBUTE_TYPES]: string };

export interface DigestNotification extends DigestNotice {
  attributes: NotificationAttributes;
  attributeTypes: Record<keyof NotificationAttributes, AttributeDataType>;
}

export interface NotificationKeys {
  latest: string;
  /** The immutable snapshot of this version. */
  snapshot: string;
  feed: string;
  atom: string;
  page: string;
  story: (storyId: string) => string;
  /** Base URL of the site serving digest/: the message then carries URLs beside the keys. */
  baseUrl?: string;
}

/** A story's changes in the message. */
export interface NotificationStory {
  storyId: string;
  headline: string;
  document: string;
  kinds: ChangeKind[];
  text: string;
  newArticles: Array<{ source: string; title: string }>;
  newClaims: Array<{ claimId: string; text: string; outlets: number; independentOutlets: number }>;
  corroborationChanges: Array<{ claimId: string; text: string; independentOutlets: { from: number; to: number }; outlets: { from: number; to: number }; addedOutlets: string[] }>;
  newDisputes: Array<{ claimId: string; text: string; kind: string; by?: string; detail?: string }>;
  /** Entries left out of each list to keep the message small. */
  omitted?: Partial<Record<'newArticles' | 'newClaims' | 'corroborationChanges' | 'newDisputes' | 'addedOutlets', number>>;
}

export interface NotificationMessage {
  type: 'digest-published';
  version: number;
  previousVersion?: number;
  generatedAt: string;
  /** Bucket keys of the new documents. */
  latest: string;
  snapshot: string;
  feed: string;
  atom: string;
  page: string;
  urls?: { latest: string; snapshot: string; feed: string; atom: string; page: string };
  stories: number;
  claims: number;
  summary: string;
  changes: {
    kinds: ChangeKind[];
    counts: DigestChanges['counts'];
    stories: NotificationStory[];
    removedStories: Array<{ storyId: string; headline: string; mergedInto?: string }>;
    /** Stories left out of the lists above to keep the message small. */
    omitted?: { stories?: number; removedStories?: number };
  };
}

interface Limits {
  /** Entries kept per list of a story (new claims, corroboration changes...). */
  perList: number;
  /** Characters kept per text (claim, headline, title). */
  text: number;
}

/** Tried in order: the first that lists every changed story is used, else the last one, with as many stories as fit. */
const ATTEMPTS: Limits[] = [
  { perList: 100, text: 1000 },
  { perList: 20, text: 300 },
  { perList: 10, text: 200 },
  { perList: 5, text: 160 },
  { perList: 3, text: 120 },
  { perList: 1, text: 100 },
  { perList: 0, text: 80 },
];

/** Room kept in the budget for the `omitted` counts. */
const OMITTED_RESERVE_BYTES = 200;

export function buildNotification(digest: Digest, changes: DigestChanges, keys: Partial<NotificationKeys> = {}): DigestNotification {
  const k: NotificationKeys = {
    latest: keys.latest ?? PUBLISHING_KEYS.latest,
    snapshot: keys.snapshot ?? PUBLISHING_KEYS.version(digest.version),
    feed: keys.feed ?? PUBLISHING_KEYS.feedPage(1),
    atom: keys.atom ?? PUBLISHING_KEYS.atomPage(1),
    page: keys.page ?? PUBLISHING_KEYS.page,
    story: keys.story ?? PUBLISHING_KEYS.story,
    ...(keys.baseUrl ? { baseUrl: keys.baseUrl } : {}),
  };
  const summary = changes.fromVersion === undefined ? `first version: ${describeCounts(changes.counts)}` : describeCounts(changes.counts);
  const subject = notificationSubject(digest.version, summary);
  const attributes = notificationAttributes(digest, changes);
  const attributeBytes = Object.entries(attributes).reduce(
    (total, [name, value]) => total + bytes(name) + bytes(value) + bytes(NOTIFICATION_ATTRIBUTE_TYPES[name as keyof NotificationAttributes]),
    0,
  );
  const budget = SNS_MAX_BYTES - SAFETY_MARGIN_BYTES - bytes(subject) - attributeBytes;

  let message = '';
  for (const [i, limits] of ATTEMPTS.entries()) {
    const fitted = fitMessage(digest, changes, k, summary, limits, budget);
    message = fitted.message;
    if (fitted.complete || i === ATTEMPTS.length - 1) break;
  }
  return { subject, message, attributes, attributeTypes: { ...NOTIFICATION_ATTRIBUTE_TYPES } };
}

/** "corroborate digest v12: 2 new stories, 5 new claims": ASCII, at most 99 characters. */
export function notificationSubject(version: number, summary: string): string {
  const full = `corroborate digest v${version}: ${summary}`.replace(/[^\x20-\x7e]/g, '');
  if (full.length <= SUBJECT_MAX_CHARS) return full;
  const cut = full.slice(0, SUBJECT_MAX_CHARS - 3);
  const comma = cut.lastIndexOf(',');
  return `${comma > 20 ? cut.slice(0, comma) : cut.trimEnd()}...`;
}

function notificationAttributes(digest: Digest, changes: DigestChanges): NotificationAttributes {
  const ids = [...changes.stories.map((s) => s.storyId), ...changes.removedStories.map((s) => s.storyId)];
  const kept: string[] = [];
  for (const id of ids) {
    if (bytes(JSON.stringify([...kept, id])) > STORY_IDS_ATTRIBUTE_MAX_BYTES) break;
    kept.push(id);
  }
  return {
    kind: 'digest-published',
    version: String(digest.version),
    // SNS rejects empty attribute values and filter policies cannot match an empty array.
    changeKinds: JSON.stringify(changes.kinds.length > 0 ? changes.kinds : ['none']),
    storyIds: JSON.stringify(kept.length > 0 ? kept : ['none']),
    storyIdsComplete: kept.length === ids.length ? 'true' : 'false',
  };
}

/**
 * The message with as many changed and removed stories as fit in `budget` bytes (in digest order),
 * each serialized once: the cost is bounded by the budget, not by the size of the digest.
 */
function fitMessage(digest: Digest, changes: DigestChanges, keys: NotificationKeys, summary: string, limits: Limits, budget: number): { message: string; complete: boolean } {
  const base = notificationMessage(digest, changes, keys, summary);
  let used = bytes(JSON.stringify(base)) + OMITTED_RESERVE_BYTES;
  const stories: string[] = [];
  const removed: string[] = [];
  for (const s of changes.stories) {
    const entry = JSON.stringify(notificationStory(s, keys, limits));
    if (used + bytes(entry) + 1 > budget) break;
    used += bytes(entry) + 1;
    stories.push(entry);
  }
  if (stories.length === changes.stories.length) {
    for (const r of changes.removedStories) {
      const entry = JSON.stringify({ storyId: r.storyId, headline: clip(r.headline, limits.text), ...(r.mergedInto ? { mergedInto: r.mergedInto } : {}) });
      if (used + bytes(entry) + 1 > budget) break;
      used += bytes(entry) + 1;
      removed.push(entry);
    }
  }
  const omitted = {
    ...(changes.stories.length > stories.length ? { stories: changes.stories.length - stories.length } : {}),
    ...(changes.removedStories.length > removed.length ? { removedStories: changes.removedStories.length - removed.length } : {}),
  };
  const body: NotificationMessage = { ...base, changes: { ...base.changes, ...(Object.keys(omitted).length > 0 ? { omitted } : {}) } };
  // The story entries are already serialized: splice them into the placeholders.
  const message = JSON.stringify(body)
    .replace('"stories":["__STORIES__"]', () => `"stories":[${stories.join(',')}]`)
    .replace('"removedStories":["__REMOVED__"]', () => `"removedStories":[${removed.join(',')}]`);
  return { message, complete: Object.keys(omitted).length === 0 };
}

/** The message without its story lists (placeholders that `fitMessage` fills). */
function notificationMessage(digest: Digest, changes: DigestChanges, keys: NotificationKeys, summary: string): NotificationMessage {
  return {
    type: 'digest-published',
    version: digest.version,
    ...(changes.fromVersion !== undefined ? { previousVersion: changes.fromVersion } : {}),
    generatedAt: digest.generatedAt,
    latest: keys.latest,
    snapshot: keys.snapshot,
    feed: keys.feed,
    atom: keys.atom,
    page: keys.page,
    ...(keys.baseUrl
      ? {
          urls: {
            latest: siteUrl(sitePath(keys.latest), keys.baseUrl),
            snapshot: siteUrl(sitePath(keys.snapshot), keys.baseUrl),
            feed: siteUrl(sitePath(keys.feed), keys.baseUrl),
            atom: siteUrl(sitePath(keys.atom), keys.baseUrl),
            page: siteUrl(sitePath(keys.page), keys.baseUrl),
          },
        }
      : {}),
    stories: digest.stories.length,
    claims: digest.stories.reduce((total, story) => total + (story.partial?.claims ?? story.claims?.length ?? 0), 0),
    summary,
    changes: {
      kinds: changes.kinds,
      counts: changes.counts,
      stories: ['__STORIES__' as unknown as NotificationStory],
      removedStories: ['__REMOVED__' as unknown as NotificationMessage['changes']['removedStories'][number]],
    },
  };
}

function notificationStory(s: StoryChanges, keys: NotificationKeys, limits: Limits): NotificationStory {
  const omitted: NonNullable<NotificationStory['omitted']> = {};
  const take = <T, U>(list: readonly T[], name: keyof NonNullable<NotificationStory['omitted']>, map: (t: T) => U): U[] => {
    if (list.length > limits.perList) omitted[name] = (omitted[name] ?? 0) + list.length - limits.perList;
    return list.slice(0, limits.perList).map(map);
  };
  const text = (t: string) => clip(t, limits.text);
  const story: NotificationStory = {
    storyId: s.storyId,
    headline: text(s.headline),
    document: keys.baseUrl ? siteUrl(sitePath(keys.story(s.storyId)), keys.baseUrl) : keys.story(s.storyId),
    kinds: s.kinds,
    text: describeStoryChanges(s),
    newArticles: take(s.newArticles, 'newArticles', (a) => ({ source: text(a.source), title: text(a.title) })),
    newClaims: take(s.newClaims, 'newClaims', (c) => ({ claimId: c.claimId, text: text(c.text), outlets: c.outlets.length, independentOutlets: c.independentOutlets })),
    corroborationChanges: take(s.corroborationChanges, 'corroborationChanges', (c) => ({
      claimId: c.claimId,
      text: text(c.text),
      independentOutlets: c.independentOutlets,
      outlets: { from: c.outlets.from.length, to: c.outlets.to.length },
      addedOutlets: take(c.addedOutlets, 'addedOutlets', (o) => text(o)),
    })),
    newDisputes: take(s.newDisputes, 'newDisputes', (d) => ({
      claimId: d.claimId,
      text: text(d.text),
      kind: d.kind,
      ...(d.by ? { by: text(d.by) } : {}),
      ...(d.detail ? { detail: text(d.detail) } : {}),
    })),
  };
  return Object.keys(omitted).length > 0 ? { ...story, omitted } : story;
}

const encoder = new TextEncoder();

/** UTF-8 size, which is what SNS counts. */
function bytes(text: string): number {
  return encoder.encode(text).length;
}
