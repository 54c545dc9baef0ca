import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Digest } from '../../functions/core/digest/build-digest';
import { diffDigests, type DigestChanges } from '../../functions/core/publishing/changes';
import { parseFeed } from '@rowanmanning/feed-parser';
import { atomPage } from '../../functions/core/publishing/atom';
import { buildFeedPages } from '../../functions/core/publishing/feed';
import { CONTENT_TYPES, PUBLISHING_KEYS } from '../../functions/core/publishing/keys';
import { renderPage } from '../../functions/core/publishing/page';
import { storyDocumentsToWrite } from '../../functions/core/publishing/story-document';
import { handleS3Event } from '../../functions/ingest/handler';
import { BUCKET_PREFIXES, DIGEST_KEYS } from '../../functions/shared/resources';
import { memoryPipeline, s3Event } from '../support/memory-pipeline';
import { seedFiles } from '../support/seeds';

jest.setTimeout(60_000);

/**
 * Debian's chromium (apt-get install chromium; .ci/run installs it on CI), or another Chromium-based
 * browser named by CORROBORATE_CHROMIUM (e.g. /usr/bin/google-chrome on GitHub's Ubuntu runners).
 * Nothing is downloaded here.
 */
const CHROMIUM = process.env.CORROBORATE_CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUT_DIR = join(__dirname, '..', '..', 'out');
const PAYLOAD = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
const HOSTILE_SOURCE = `Evil <img src=x onerror=alert(3)> Outlet`;

/**
 * The page of a digest built by the real pipeline (seed articles plus one hostile article whose
 * headline, text and outlet name carry markup), published with its feed and story documents,
 * served over HTTP and opened in headless Chromium.
 */
describe('digest/index.html in headless Chromium', () => {
  let digest: Digest;
  let changes: DigestChanges;
  let server: Server;
  let baseUrl: string;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const site = new Map<string, { body: string; contentType: string }>();

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does so on CI) or set CORROBORATE_CHROMIUM to a Chromium-based browser`);
    const pipeline = memoryPipeline();
    for (const seed of seedFiles()) {
      const key = `inbox/${seed.name}`;
      await pipeline.objects.put(key, seed.bytes, 'text/plain');
      await handleS3Event(s3Event([{ key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    }
    const hostile =
      `Harbour authority says ${PAYLOAD} the new ferry terminal opens in March\n\n` +
      `The harbour authority said on Monday that the new ferry terminal ${PAYLOAD} will open in March after two years of construction.\n\n` +
      `The terminal cost 40 million euros and can handle twelve ferries a day, the authority said.\n`;
    await pipeline.objects.put('inbox/ferry.txt', new TextEncoder().encode(hostile), 'text/plain', { source: HOSTILE_SOURCE });
    await handleS3Event(s3Event([{ key: 'inbox/ferry.txt', eventTime: pipeline.nextEventTime() }]), pipeline.deps);

    const read = (key: string) => JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(key)!.body)) as Digest;
    digest = read(DIGEST_KEYS.latest);
    changes = diffDigests(read(DIGEST_KEYS.version(digest.version - 1)), digest);

    // Publish as publish-digest.ts will: page, feed pages and story documents under digest/.
    const html = renderPage(digest, changes);
    const put = (key: string, body: string, contentType: string) => site.set(`/${key.slice(BUCKET_PREFIXES.digest.length)}`, { body, contentType });
    put(PUBLISHING_KEYS.page, html, CONTENT_TYPES.html);
    put(PUBLISHING_KEYS.latest, JSON.stringify(digest), CONTENT_TYPES.json);

    server = createServer((req, res) => {
      const doc = site.get(decodeURIComponent((req.url ?? '/').split('?')[0]));
      if (!doc) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': doc.contentType }).end(doc.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    for (const p of buildFeedPages(digest, changes, { homePageUrl: `${baseUrl}index.html`, feedUrl: `${baseUrl}feed.json`, maxItems: 10 })) {
      put(p.key, JSON.stringify(p.feed), CONTENT_TYPES.feed);
      const atom = atomPage(p);
      put(atom.key, atom.xml, CONTENT_TYPES.atom);
    }
    for (const d of storyDocumentsToWrite(digest, undefined)) put(d.key, JSON.stringify(d.document), CONTENT_TYPES.json);

    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'page.html'), html);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const response = await page.goto(`${baseUrl}index.html`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('shows the seed story: headline, outlet counts and a corroborated claim with its bar', async () => {
    const story = digest.stories.find((s) => s.articles.length === 5)!;
    const card = page.locator(`article.story`, { has: page.getByRole('heading', { level: 2, name: story.headline, exact: true }) });
    await expect(card.getByRole('heading', { level: 2 }).isVisible()).resolves.toBe(true);
    await expect(card.locator('.meta').innerText()).resolves.toContain('5 outlets · 5 articles (1 copy or rewrite)');
    const top = story.claims[0];
    const claim = card.locator('.claim').first();
    await expect(claim.locator('.claim-text').innerText()).resolves.toContain(top.headline);
    await expect(claim.locator('.counts').innerText()).resolves.toBe(`${top.independentOutlets} independent + ${top.outlets.length - top.independentOutlets} copy · ${top.outlets.length}/5 outlets`);
    await expect(claim.locator('.first-report').innerText()).resolves.toContain(`first reported by ${top.firstReportedBy.source}`);
    // The bar's independent and copy segments are drawn in proportion to the story's outlets.
    const widths = await claim.locator('.bar').evaluate((bar) => {
      const total = bar.getBoundingClientRect().width;
      return [...bar.querySelectorAll('.seg')].map((seg) => Math.round((5 * seg.getBoundingClientRect().width) / total));
    });
    expect(widths).toEqual([top.independentOutlets, top.outlets.length - top.independentOutlets]);
    await expect(card.locator('.sources tbody tr').count()).resolves.toBe(5);
  });

  it("shows what's new since the previous version", async () => {
    const section = page.locator('section.whats-new');
    await expect(section.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(`What's new in v${digest.version}`);
    await expect(section.locator('.summary').innerText()).resolves.toContain(`Since v${digest.version - 1}`);
    await expect(section.locator('.summary').innerText()).resolves.toContain('1 new story');
    expect(changes.counts.newStories).toBe(1);
  });

  it('renders hostile article text as text: nothing injected runs or becomes an element', async () => {
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    const counts = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    expect(counts).toEqual({ scripts: 0, images: 0, handlers: 0 });
    const hostile = page.locator('article.story', { hasText: 'ferry terminal' });
    await expect(hostile.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(`Harbour authority says ${PAYLOAD} the new ferry terminal opens in March`);
    // Its single-outlet claims are folded away; opening the <details> shows them (no script needed).
    await hostile.locator('details > summary').click();
    await expect(hostile.locator('.claim-text').allInnerTexts()).resolves.toEqual(expect.arrayContaining([expect.stringContaining(`ferry terminal ${PAYLOAD} will open`)]));
    await expect(hostile.locator('.sources td.outlet').innerText()).resolves.toBe(HOSTILE_SOURCE);
  });

  it('links to the feeds and the story documents, which resolve', async () => {
    const feedHref = await page.locator('link[rel=alternate][type="application/feed+json"]').getAttribute('href');
    const feed = await page.request.get(new URL(feedHref!, `${baseUrl}index.html`).toString());
    expect(feed.headers()['content-type']).toBe('application/feed+json');
    const jsonFeed = await feed.json();
    expect(jsonFeed.version).toBe('https://jsonfeed.org/version/1.1');
    const atomHref = await page.locator('link[rel=alternate][type="application/atom+xml"]').getAttribute('href');
    const atom = await page.request.get(new URL(atomHref!, `${baseUrl}index.html`).toString());
    expect(atom.headers()['content-type']).toBe('application/atom+xml');
    const parsed = parseFeed(await atom.text());
    expect(parsed.meta.type).toBe('atom');
    expect(parsed.items.map((item) => item.id)).toEqual(jsonFeed.items.map((item: { id: string }) => item.id));
    for (const link of await page.locator('.sources .doc a').all()) {
      const response = await page.request.get(new URL((await link.getAttribute('href'))!, `${baseUrl}index.html`).toString());
      expect(response.status()).toBe(200);
      expect((await response.json()).story.id).toMatch(/^s-/);
    }
  });

  it('fits the viewport width and saves a screenshot to out/page.png', async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const path = join(OUT_DIR, 'page.png');
    await page.screenshot({ path, fullPage: true });
    expect(existsSync(path)).toBe(true);
  });
});
