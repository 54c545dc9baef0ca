import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestError } from '../../cli/manifest';
import { collectUploads } from '../../cli/upload';
import { parseArticle } from '../../functions/core/parse/parse-article';
import { decodeMetadataValue, encodeMetadataValue } from '../../functions/core/parse/metadata-value';
import { SEEDS_DIR, seedFiles } from '../support/seeds';

describe('collectUploads with a manifest', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'corroborate-manifest-'));
    mkdirSync(join(dir, 'wire'));
    writeFileSync(join(dir, 'a.txt'), 'A\n\nBody.');
    writeFileSync(join(dir, 'wire', 'b.txt'), 'B\n\nBody.');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const manifest = (value: unknown) => writeFileSync(join(dir, 'manifest.json'), typeof value === 'string' ? value : JSON.stringify(value));

  it('sends the outlet it names as metadata and does not upload the manifest itself', () => {
    manifest({ articles: { 'wire/b.txt': { source: 'Daily Planet', publishedAt: '2025-01-17', why: 'byline' } } });
    expect(collectUploads([dir], 'inbox/')).toEqual([
      { path: join(dir, 'a.txt'), key: 'inbox/a.txt' },
      { path: join(dir, 'wire', 'b.txt'), key: 'inbox/wire/b.txt', metadata: { source: 'Daily Planet', 'published-at': '2025-01-17' } },
    ]);
  });

  it('uploads a folder without a manifest as it is', () => {
    expect(collectUploads([dir], 'inbox/').map((item) => [item.key, item.metadata])).toEqual([
      ['inbox/a.txt', undefined],
      ['inbox/wire/b.txt', undefined],
    ]);
  });

  it('refuses a manifest that is not valid, or that names a file the folder does not hold', () => {
    manifest('{"articles": ');
    expect(() => collectUploads([dir])).toThrow(/manifest\.json is not valid JSON/);
    manifest({ articles: { 'a.txt': { outlet: 'X' } } });
    expect(() => collectUploads([dir])).toThrow(ManifestError);
    manifest({ articles: { 'c.txt': { source: 'X' } } });
    expect(() => collectUploads([dir])).toThrow(/names c\.txt, which is not in/);
  });
});

describe('the seeds manifest', () => {
  const items = collectUploads([SEEDS_DIR], 'inbox/');
  const sourceOf = (prefix: string) => items.find((item) => item.key.startsWith(`inbox/${prefix}`))?.metadata?.source;

  it('gives every seed an outlet, named only where the article names itself', () => {
    expect(items.map((item) => item.key)).toEqual(seedFiles().map((seed) => `inbox/${seed.name}`));
    expect(['000', '001', '002', '003', '004'].map(sourceOf)).toEqual(['Outlet A', 'Outlet B', 'Outlet C', 'Outlet D', 'Los Angeles Times']);
    const text = new TextDecoder().decode(seedFiles().find((seed) => seed.name.startsWith('004'))!.bytes);
    expect(text).toContain('promotional content from the Los Angeles Times');
  });

  it('reaches the parsed article as its source', () => {
    const item = items.find((i) => i.key.startsWith('inbox/004'))!;
    const seed = seedFiles().find((s) => s.name.startsWith('004'))!;
    expect(parseArticle(seed.bytes, { key: item.key, metadata: item.metadata }).source).toBe('Los Angeles Times');
  });
});

describe('metadata values outside ASCII', () => {
  it('travel as RFC 2047 encoded words and are read back as written', () => {
    expect(encodeMetadataValue('Daily Planet')).toBe('Daily Planet');
    const encoded = encodeMetadataValue('Süddeutsche Zeitung');
    expect(encoded).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    expect(decodeMetadataValue(encoded)).toBe('Süddeutsche Zeitung');
    expect(decodeMetadataValue('=?utf-8?Q?Le_Monde_=C3=A9dition?=')).toBe('Le Monde édition');
    expect(decodeMetadataValue('=?UTF-8?B?TMOp?= =?UTF-8?B?b24=?=')).toBe('Léon');
    expect(decodeMetadataValue('plain = text ?')).toBe('plain = text ?');
    expect(parseArticle(new TextEncoder().encode('Headline\n\nThe city council approved the new budget on Tuesday after a long debate.'), { key: 'inbox/a.txt', metadata: { Source: encoded } }).source).toBe('Süddeutsche Zeitung');
  });
});
