import { handleS3Event } from '../../functions/ingest/handler';
import { DIGEST_KEYS } from '../../functions/shared/resources';
import { memoryPipeline, s3Event } from '../support/memory-pipeline';
import { utf16le } from '../support/hostile-corpus';
import { seedFiles } from '../support/seeds';
import type { Digest } from '../../functions/core/digest/build-digest';
import type { ObjectIngestOutcome } from '../../functions/ingest/ingest-object';

const encoder = new TextEncoder();
const ARTICLE = new TextDecoder().decode(seedFiles()[4].bytes);



/**
 * Each kind of hostile or broken input goes through the handler next to a good article: it is
 * either ingested correctly or set aside with a reason, and the good article is never affected.
 */
const CASES: Array<{ name: string; key: string; body: Uint8Array; expect: 'ingested' | 'rejected'; code?: string }> = [
  { name: 'empty object', key: 'inbox/empty.txt', body: new Uint8Array(), expect: 'rejected', code: 'empty' },
  { name: 'white space only', key: 'inbox/blank.txt', body: encoder.encode(' \n\t\r\n  '), expect: 'rejected', code: 'empty' },
  { name: 'PDF', key: 'inbox/report.pdf', body: encoder.encode('%PDF-1.7\n1 0 obj'), expect: 'rejected', code: 'binary' },
  { name: 'PNG', key: 'inbox/photo.png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), expect: 'rejected', code: 'binary' },
  { name: 'zip', key: 'inbox/bundle.zip', body: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), expect: 'rejected', code: 'binary' },
  { name: 'invalid UTF-8', key: 'inbox/latin1.txt', body: new Uint8Array([...encoder.encode('Caf'), 0xe9, ...encoder.encode(' au lait: the council approved the budget on Tuesday evening.')]), expect: 'rejected', code: 'invalid-encoding' },
  { name: 'UTF-16 with BOM', key: 'inbox/utf16.txt', body: utf16le(`Council passes budget\n\nThe city council approved the new budget on Tuesday after a long debate about school funding.`), expect: 'ingested' },
  { name: 'one enormous line', key: 'inbox/one-line.txt', body: encoder.encode(`Headline\n\n${ARTICLE.replace(/\n+/g, ' ').repeat(20)}`), expect: 'ingested' },
  {
    name: 'HTML full of scripts, frames and event handlers',
    key: 'inbox/page.html',
    body: encoder.encode(`<html><head><script>alert(1)</script></head><body onload="steal()"><iframe src="https://evil.test"></iframe><article><h1>Council passes budget <img src=x onerror=alert(2)></h1><p>The city council approved the new budget on Tuesday after a long debate about school funding and road repairs.</p><p onclick="x()">Members voted seven to two in favour of the plan, which raises school spending.</p><script>document.write('<b>owned</b>')</script></article></body></html>`),
    expect: 'ingested',
  },
  { name: 'JSON of the wrong shape', key: 'inbox/wrong.json', body: encoder.encode(JSON.stringify({ headline: 'x', items: [1, 2, 3] })), expect: 'rejected', code: 'invalid-shape' },
  { name: 'broken JSON', key: 'inbox/broken.json', body: encoder.encode('{"title": "x", "body": '), expect: 'rejected', code: 'invalid-json' },
  {
    name: 'non-English text',
    key: 'inbox/fr.txt',
    body: encoder.encode('Le conseil adopte le budget\n\nLe conseil municipal a adopté mardi le nouveau budget après un long débat sur le financement des écoles et des routes.'),
    expect: 'ingested',
  },
  { name: 'a key with spaces, unicode and +', key: 'inbox/the herald/Café + notes (2).txt', body: encoder.encode(`Council passes budget\n\nThe city council approved the new budget on Tuesday after a long debate about school funding.`), expect: 'ingested' },
];

describe('hostile and broken input, one category at a time', () => {
  it.each(CASES)('$name: $expect, without touching the good article beside it', async ({ key, body, expect: expected, code }) => {
    const pipeline = memoryPipeline();
    await pipeline.objects.put(key, body, 'application/octet-stream');
    await pipeline.objects.put('inbox/good.txt', seedFiles()[1].bytes, 'text/plain');
    const at = pipeline.nextEventTime();
    const { outcomes } = await handleS3Event(s3Event([{ key, eventTime: at }, { key: 'inbox/good.txt', eventTime: at }]), pipeline.deps);
    const [outcome, good] = outcomes as [ObjectIngestOutcome, ObjectIngestOutcome];
    expect(outcome.key).toBe(key);
    expect(outcome.status).toBe(expected);
    expect(good.status).toBe('ingested');
    const digest = JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(DIGEST_KEYS.latest)!.body)) as Digest;
    const keys = digest.stories.flatMap((s) => s.articles.map((a) => a.key));
    expect(keys).toContain('inbox/good.txt');
    if (expected === 'rejected') {
      expect(outcome).toMatchObject({ code });
      // Set aside with a findable reason; nothing of it reached the ledger or the digest.
      const relative = key.slice('inbox/'.length);
      expect(pipeline.objects.objects.get(`rejected/${relative}`)?.body).toEqual(body);
      const record = JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(`rejected/${relative}.error.json`)!.body));
      expect(record).toMatchObject({ key, code });
      expect(keys).not.toContain(key);
    } else {
      expect(keys).toContain(key);
    }
    // No markup from any input reaches a digest field.
    expect(JSON.stringify(digest)).not.toMatch(/<script|<iframe|onerror=|onload=|onclick=/i);
  });

  it('reads a non-English article but marks its language', async () => {
    const pipeline = memoryPipeline();
    const french = CASES.find((c) => c.name === 'non-English text')!;
    await pipeline.objects.put(french.key, french.body, 'text/plain');
    const { outcomes } = await handleS3Event(s3Event([{ key: french.key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    const articleId = (outcomes[0] as { articleId: string }).articleId;
    expect((await pipeline.deps.ledger.findArticle(articleId))?.language).toBe('fr');
  });
});

describe('uploads that once stalled the pipeline end ingested or set aside', () => {
  const HEADLINE = 'UTF-16 headline about a bridge';
  const SENTENCE = 'The old bridge over the river was closed on Monday after engineers found cracks in two of its supports.';
  const hugeWord = () => encoder.encode(`One huge word\n${'a'.repeat(3_000_000)}`);
  const nestedDivs = () => encoder.encode(`<html><body>${'<div class="c">'.repeat(60_000)}<p>${SENTENCE}</p>${'</div>'.repeat(60_000)}</body></html>`);
  const shortSentences = () => encoder.encode(`Thirty thousand sentences\n\n${Array.from({ length: 30_000 }, (_, i) => `Inspector ${i} reported crack ${i % 97} on the old bridge today.`).join(' ')}`);
  const utf16be = (text: string) => {
    const bytes = utf16le(text);
    for (let i = 0; i < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1], bytes[i]];
    return bytes;
  };

  async function ingestOne(key: string, body: Uint8Array) {
    const pipeline = memoryPipeline();
    await pipeline.objects.put(key, body, 'application/octet-stream');
    const { outcomes } = await handleS3Event(s3Event([{ key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
    return { pipeline, outcome: outcomes[0] };
  }

  it('sets aside a 3 MB word without a space, with a reason', async () => {
    const { outcome } = await ingestOne('inbox/huge-word.txt', hugeWord());
    expect(outcome).toMatchObject({ status: 'rejected', code: 'no-article-text' });
    expect((outcome as { reason: string }).reason).toContain('not read as a word');
  });

  it('reads 60,000 nested divs as flat text', async () => {
    const { pipeline, outcome } = await ingestOne('inbox/nested.html', nestedDivs());
    expect(outcome.status).toBe('ingested');
    const article = await pipeline.deps.ledger.findArticle((outcome as { articleId: string }).articleId);
    expect(article?.claimCount).toBe(1);
  });

  it.each([
    ['UTF-16 LE with a byte-order mark', utf16le(`${HEADLINE}\n\n${SENTENCE}\n`)],
    ['UTF-16 LE with a byte-order mark and CRLF', utf16le(`${HEADLINE}\r\n\r\n${SENTENCE}\r\n`)],
    ['UTF-16 BE with a byte-order mark', utf16be(`${HEADLINE}\n\n${SENTENCE}\n`)],
    ['UTF-8 with a byte-order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...encoder.encode(`${HEADLINE}\n\n${SENTENCE}\n`)])],
  ])('ingests %s with its headline', async (_, body) => {
    const { pipeline, outcome } = await ingestOne('inbox/encoded.txt', body);
    expect(outcome.status).toBe('ingested');
    expect((await pipeline.deps.ledger.findArticle((outcome as { articleId: string }).articleId))?.title).toBe(HEADLINE);
  });

  it('ingests 30,000 short sentences on their first part, and the record and the digest say so', async () => {
    const { pipeline, outcome } = await ingestOne('inbox/sentences.txt', shortSentences());
    expect(outcome).toMatchObject({ status: 'ingested', truncated: expect.stringContaining('first') });
    const article = await pipeline.deps.ledger.findArticle((outcome as { articleId: string }).articleId);
    expect(article?.truncated).toBe((outcome as { truncated: string }).truncated);
    const digest = JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(DIGEST_KEYS.latest)!.body)) as Digest;
    expect(digest.stories.flatMap((s) => s.articles).find((a) => a.key === 'inbox/sentences.txt')?.truncated).toBe(article?.truncated);
  });

  it('ingests a good article uploaded behind seven hostile ones', async () => {
    const pipeline = memoryPipeline();
    const uploads: Array<[string, Uint8Array]> = [
      ['inbox/1-huge-word.txt', hugeWord()],
      ['inbox/2-nested.html', nestedDivs()],
      ['inbox/3-utf16le.txt', utf16le(`${HEADLINE}\n\n${SENTENCE}\n`)],
      ['inbox/4-sentences.txt', shortSentences()],
      ['inbox/5-brackets.md', encoder.encode(`# Brackets\n\n${'![ ['.repeat(200_000)}`)],
      ['inbox/6-combining.txt', encoder.encode(`Combining marks\n\nThe council met. a${'\u0301\u0316'.repeat(200_000)}`)],
      ['inbox/7-tables.html', encoder.encode(`<html><body>${'<table>x</table>'.repeat(20_000)}<p>${SENTENCE}</p></body></html>`)],
      ['inbox/good.txt', seedFiles()[1].bytes],
    ];
    const statuses: string[] = [];
    for (const [key, body] of uploads) {
      await pipeline.objects.put(key, body, 'application/octet-stream');
      const { outcomes } = await handleS3Event(s3Event([{ key, eventTime: pipeline.nextEventTime() }]), pipeline.deps);
      statuses.push(outcomes[0].status);
    }
    expect(statuses.every((status) => status === 'ingested' || status === 'rejected' || status === 'duplicate')).toBe(true);
    expect(statuses[statuses.length - 1]).toBe('ingested');
    const digest = JSON.parse(new TextDecoder().decode(pipeline.objects.objects.get(DIGEST_KEYS.latest)!.body)) as Digest;
    expect(digest.stories.flatMap((s) => s.articles.map((a) => a.key))).toContain('inbox/good.txt');
  });
});
