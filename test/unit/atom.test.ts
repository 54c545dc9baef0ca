import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Digest, DigestStory } from '../../functions/core/digest/build-digest';
import { atomPage } from '../../functions/core/publishing/atom';
import { diffDigests } from '../../functions/core/publishing/changes';
import { buildFeedPages, type JsonFeed } from '../../functions/core/publishing/feed';
import { PUBLISHING_KEYS } from '../../functions/core/publishing/keys';
import { handleS3Event } from '../../functions/ingest/handler';
import { memoryPipeline, s3Event } from '../support/memory-pipeline';
import { seedFiles } from '../support/seeds';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const FEED_OPTIONS = { homePageUrl: 'https://news.example/index.html', feedUrl: 'https://news.example/feed.json', maxItems: 2 };

function story(id: string, headline: string, updatedAt: string): DigestStory {
  return { id, revision: '1.0', headline, updatedAt, outlets: ['Daily Planet'], articles: [{ id: `a-${id}`, key: `inbox/${id}.txt`, source: 'Daily Planet', title: headline }], claims: [], quotes: [] };
}

function digest(stories: DigestStory[]): Digest {
  return { schemaVersion: 2, version: 1, generatedAt: '2025-01-30T00:00:00.000Z', stories };
}

/** rel -> href of the feed-level links, as any XML reader sees them. */
function feedLinks(xml: string): Record<string, string> {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  const links = [parsed.feed.link].flat() as Array<{ rel: string; href: string }>;
  return Object.fromEntries(links.map((l) => [l.rel, l.href]));
}

describe('the Atom feed', () => {
  it('is published beside feed.json as application/atom+xml: Atom 1.0 with the same entries and ids', async () => {
    const pipeline = memoryPipeline();
    for (const seed of seedFiles().slice(0, 2)) {
      await pipeline.objects.put(`inbox/${seed.name}`, seed.bytes, 'text/plain', { source: `Outlet ${seed.name.slice(2, 3)}` });
      await handleS3Event(s3Event([{ key: `inbox/${seed.name}`, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    }
    const stored = pipeline.objects.objects.get(PUBLISHING_KEYS.atomPage(1))!;
    expect(stored.contentType).toBe('application/atom+xml');
    const xml = decode(stored.body);
    expect(XMLValidator.validate(xml)).toBe(true);
    const atom = parseFeed(xml);
    const json = JSON.parse(decode(pipeline.objects.objects.get(PUBLISHING_KEYS.feedPage(1))!.body)) as JsonFeed;
    expect(atom.meta).toEqual({ type: 'atom', version: '1.0' });
    expect(atom.self).toBe('https://digest.example.test/atom.xml');
    expect(atom.items.length).toBeGreaterThan(0);
    expect(atom.items.map((i) => [i.id, i.title, i.url])).toEqual(json.items.map((i) => [i.id, i.title, i.url]));
    expect(atom.items.map((i) => i.updated?.toISOString())).toEqual(json.items.map((i) => i.date_modified));
    expect(atom.items[0].content).toContain('independent');
    expect(atom.items[0].content).toContain('Outlet 0');
  });

  it('carries any headline as text: markup escaped, characters XML cannot hold dropped', () => {
    const hostile = 'Tom & Jerry <script>alert(1)</script> "quoted" \u0001bell';
    const [page] = buildFeedPages(digest([story('s1', hostile, '2025-01-20T10:00:00.000Z')]), undefined, FEED_OPTIONS);
    const { xml } = atomPage(page);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script>');
    expect(parseFeed(xml).items[0].title).toBe('Tom & Jerry <script>alert(1)</script> "quoted" bell');
  });

  it('pages as feed.json does: atom.xml, atom-2.xml... linked by rel="next", every entry reachable once', () => {
    const stories = [0, 1, 2, 3, 4].map((i) => story(`s${i}`, `Headline ${i}`, `2025-01-2${i}T10:00:00.000Z`));
    const v1 = digest(stories);
    const pages = buildFeedPages(v1, diffDigests(undefined, v1), FEED_OPTIONS).map(atomPage);
    expect(pages.map((p) => p.key)).toEqual(['digest/atom.xml', 'digest/atom-2.xml', 'digest/atom-3.xml']);
    const byUrl = new Map(pages.map((p) => [p.url, p.xml]));
    const seen: string[] = [];
    for (let xml = byUrl.get('https://news.example/atom.xml'); xml; xml = byUrl.get(feedLinks(xml).next ?? '')) {
      expect(XMLValidator.validate(xml)).toBe(true);
      seen.push(...parseFeed(xml).items.map((i) => i.id ?? ''));
    }
    expect(seen).toEqual(['s4', 's3', 's2', 's1', 's0'].map((s) => `story:${s}`));
    expect(feedLinks(pages[1].xml)).toMatchObject({ self: 'https://news.example/atom-2.xml', first: 'https://news.example/atom.xml', previous: 'https://news.example/atom.xml', next: 'https://news.example/atom-3.xml' });
  });
});
