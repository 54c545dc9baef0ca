import type { Digest, DigestStory } from '../digest/build-digest';
import type { DigestChanges, StoryChanges } from './changes';
import { PUBLISHING_KEYS, atomPageName, feedPageName, sitePath, storyAnchor, storyDocumentPath, siteUrl } from './keys';
import { summarizeStory, type StorySummary } from './story-summary';

export const STORY_DOCUMENT_SCHEMA_VERSION = 1;

/**
 * The drill-down document of one story (digest/stories/<id>.json): the story exactly as the
 * digest holds it, its numbers, what changed in it in this version, and links to the rest.
 */
export interface StoryDocument {
  schemaVersion: typeof STORY_DOCUMENT_SCHEMA_VERSION;
  /** The digest version this document was written with. */
  digestVersion: number;
  generatedAt: string;
  summary: StorySummary;
  /** What changed in this story in `digestVersion`; absent when nothing did. */
  changes?: StoryChanges;
  links: {
    self: string;
    page: string;
    feed: string;
    atom: string;
    latest: string;
    snapshot: string;
  };
  story: DigestStory;
}

export interface StoryDocumentOptions {
  /** Base URL of the site (what serves digest/); links are relative to the document without it. */
  baseUrl?: string;
}

export function buildStoryDocument(digest: Digest, story: DigestStory, changes?: DigestChanges, options: StoryDocumentOptions = {}): StoryDocument {
  const storyChanges = changes?.stories.find((s) => s.storyId === story.id);
  // Without a base URL, links are relative to stories/<id>.json.
  const link = (path: string) => (options.baseUrl ? siteUrl(path, options.baseUrl) : `../${path}`);
  return {
    schemaVersion: STORY_DOCUMENT_SCHEMA_VERSION,
    digestVersion: digest.version,
    generatedAt: digest.generatedAt,
    summary: summarizeStory(story),
    ...(storyChanges ? { changes: storyChanges } : {}),
    links: {
      self: options.baseUrl ? siteUrl(storyDocumentPath(story.id), options.baseUrl) : `../${storyDocumentPath(story.id)}`,
      page: `${link('index.html')}#${storyAnchor(story.id)}`,
      feed: link(feedPageName(1)),
      atom: link(atomPageName(1)),
      latest: link(sitePath(PUBLISHING_KEYS.latest)),
      snapshot: link(sitePath(PUBLISHING_KEYS.version(digest.version))),
    },
    story,
  };
}

/**
 * The story documents to write for this version: every story that is new or changed (all of them
 * on the first publish, or when there is no diff). Documents of stories that left the digest stay
 * where they are, so older feed pages keep working links.
 */
export function storyDocumentsToWrite(digest: Digest, changes: DigestChanges | undefined, options: StoryDocumentOptions = {}): Array<{ key: string; document: StoryDocument }> {
  const changed = changes && changes.fromVersion !== undefined ? new Set(changes.stories.map((s) => s.storyId)) : undefined;
  return digest.stories
    .filter((story) => !changed || changed.has(story.id))
    .map((story) => ({ key: PUBLISHING_KEYS.story(story.id), document: buildStoryDocument(digest, story, changes, options) }));
}
