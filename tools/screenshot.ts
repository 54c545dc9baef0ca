/**
 * docs/screenshot.png: the page (digest/index.html) that the pipeline publishes for the seed
 * articles, as Chromium shows it. Refresh it after changing the page or the pipeline:
 *
 *   npm run screenshot            (CORROBORATE_CHROMIUM=/path/to/chromium to use another browser)
 *
 * The seeds are uploaded one by one with their manifest's metadata, as `npm start` does, and each
 * S3 event goes to the real handler over in-process adapters (no Java, no emulator needed).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { collectUploads } from '../cli/upload';
import { MemoryObjectStore } from '../functions/adapters/memory-object-store';
import { MemoryTableStore } from '../functions/adapters/memory-table-store';
import { RecordingNotifier } from '../functions/adapters/recording-notifier';
import { PUBLISHING_KEYS } from '../functions/core/publishing/keys';
import { handleS3Event } from '../functions/ingest/handler';
import { Ledger } from '../functions/ledger/ledger';
import { BUCKET_PREFIXES, DEFAULT_MAX_OBJECT_BYTES } from '../functions/shared/resources';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshot.png');
const CHROMIUM = process.env.CORROBORATE_CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1100, height: 1250 };

async function publishSeedPage(): Promise<string> {
  const objects = new MemoryObjectStore();
  let clock = Date.parse('2025-01-17T18:00:00Z');
  const deps = {
    ledger: new Ledger(new MemoryTableStore()),
    objects,
    notifier: new RecordingNotifier(),
    maxObjectBytes: DEFAULT_MAX_OBJECT_BYTES,
    now: () => new Date(clock),
    siteUrl: 'https://digest.example.com/',
  };
  for (const item of collectUploads([join(ROOT, 'seeds')], BUCKET_PREFIXES.inbox)) {
    await objects.put(item.key, readFileSync(item.path), 'text/plain; charset=utf-8', item.metadata);
    const eventTime = new Date((clock += 60_000)).toISOString();
    await handleS3Event({ Records: [{ eventName: 'ObjectCreated:Put', eventTime, s3: { bucket: { name: 'corroborate' }, object: { key: encodeURIComponent(item.key).replace(/%2F/g, '/'), size: 1 } } }] }, deps);
  }
  const page = objects.objects.get(PUBLISHING_KEYS.page);
  if (!page) throw new Error('the pipeline published no page for the seeds');
  return new TextDecoder().decode(page.body);
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) or set CORROBORATE_CHROMIUM`);
  const html = await publishSeedPage();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: 'light' });
    await page.setContent(html, { waitUntil: 'load' });
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    // The first story's card, from its headline down: its claims, their corroboration and outlets.
    const card = await page.locator('article.story').first().boundingBox();
    if (!card) throw new Error('the page shows no story');
    await page.screenshot({ path: OUT, fullPage: true, clip: { x: 0, y: Math.max(0, card.y - 16), width: VIEWPORT.width, height: VIEWPORT.height } });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${OUT} (${Math.round(statSync(OUT).size / 1024)} KB, ${VIEWPORT.width}x${VIEWPORT.height})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
