import { parseArticle } from '../../functions/core/parse/parse-article';
import { removeBoilerplate } from '../../functions/core/parse/boilerplate';
import { withoutSiteName } from '../../functions/core/parse/site-name';
import { outletName } from '../../functions/core/parse/outlet-name';
import { rejectionOf } from '../support/rejection';
import { seedFiles } from '../support/seeds';

const encode = (text: string) => new TextEncoder().encode(text);
const BODY = 'The city council approved the new budget on Tuesday after a long debate about school funding and road repairs.';


describe('parseArticle: text and markdown', () => {
  it('takes the first non-empty line as the headline and the rest as the body', () => {
    const article = parseArticle(encode(`\n\nCouncil passes budget\n\n${BODY}\n`), { key: 'inbox/budget.txt' });
    expect(article.title).toBe('Council passes budget');
    expect(article.paragraphs).toEqual([BODY]);
    expect(article.format).toBe('text');
    expect(article.language).toBe('en');
  });

  it('skips a one-word section label above the headline', () => {
    const article = parseArticle(encode(`Politics\n\nCouncil passes budget\n\n${BODY}`), { key: 'inbox/a.txt' });
    expect(article.title).toBe('Council passes budget');
  });

  it('uses the first sentence when the first line is a paragraph, not a headline', () => {
    const long = `${BODY} ${BODY}`;
    const article = parseArticle(encode(long), { key: 'inbox/a.txt' });
    expect(article.title).toBe(BODY.replace(/\.$/, ''));
    expect(article.paragraphs[0]).toBe(long);
  });

  it('marks a first line written as a sentence (a standfirst) as standing in for a missing headline', () => {
    const standfirst = parseArticle(encode(`Councillors praise a budget covering schools, roads and parks.\n\n${BODY}`), { key: 'inbox/a.txt' });
    expect(standfirst).toMatchObject({ title: 'Councillors praise a budget covering schools, roads and parks', titleFromText: true });
    expect(parseArticle(encode(`Council passes budget\n\n${BODY}`), { key: 'inbox/a.txt' }).titleFromText).toBeUndefined();
    expect(parseArticle(encode(`Trump Stays Banned on Facebook. Keep It That Way.\n\n${BODY}`), { key: 'inbox/a.txt' }).titleFromText).toBeUndefined();
    expect(parseArticle(encode(`Talks resume in the U.S.\n\n${BODY}`), { key: 'inbox/a.txt' }).titleFromText).toBeUndefined();
    expect(parseArticle(encode(`${BODY} ${BODY}`), { key: 'inbox/a.txt' }).titleFromText).toBe(true);
    expect(parseArticle(encode(JSON.stringify({ body: BODY })), { key: 'inbox/a.json' }).titleFromText).toBe(true);
  });

  it('skips a photo caption above the headline', () => {
    const article = parseArticle(encode(`The mayor (left) and the treasurer at City Hall on Tuesday.\n\nCouncil passes budget\n\n${BODY}`), { key: 'inbox/a.txt' });
    expect(article.title).toBe('Council passes budget');
  });

  it('strips markdown markup', () => {
    const article = parseArticle(encode(`# Council passes budget\n\nThe **city council** approved [the budget](http://x.test) on Tuesday after a long debate.`), { key: 'inbox/a.md' });
    expect(article.title).toBe('Council passes budget');
    expect(article.paragraphs[0]).toBe('The city council approved the budget on Tuesday after a long debate.');
  });

  it('normalises typographic quotes and invisible characters', () => {
    const article = parseArticle(encode(`Headline\n\nHe said \u201Cno\u201D to the mayor\u2019s plan\u200B and left the meeting early that day.`), { key: 'inbox/a.txt' });
    expect(article.paragraphs[0]).toBe(`He said "no" to the mayor's plan and left the meeting early that day.`);
  });

  it('takes the outlet from S3 metadata, else from inbox/<source>/ in the key', () => {
    expect(parseArticle(encode(`Headline\n\n${BODY}`), { key: 'inbox/a.txt', metadata: { source: 'Daily Planet' } }).source).toBe('Daily Planet');
    expect(parseArticle(encode(`Headline\n\n${BODY}`), { key: 'inbox/the-herald/a.txt' }).source).toBe('the-herald');
    expect(parseArticle(encode(`Headline\n\n${BODY}`), { key: 'inbox/a.txt' }).source).toBeUndefined();
  });

  it('reads a dateline date but not an event date inside the story', () => {
    expect(parseArticle(encode(`Headline\n\nMOSCOW, Jan. 17, 2025 — ${BODY}`), { key: 'inbox/a.txt' }).publishedAt).toBe('2025-01-17T00:00:00.000Z');
    expect(parseArticle(encode(`Headline\n\nThe treaty was signed on January 17, 2025 in Moscow by both presidents after talks.`), { key: 'inbox/a.txt' }).publishedAt).toBeUndefined();
    expect(parseArticle(encode(`Headline\n\n${BODY}`), { key: 'inbox/a.txt', metadata: { 'published-at': '2025-01-18T10:00:00Z' } }).publishedAt).toBe('2025-01-18T10:00:00.000Z');
  });

  it('marks non-English text', () => {
    const article = parseArticle(encode('Le conseil adopte le budget\n\nLe conseil municipal a adopté le nouveau budget mardi après un long débat sur les écoles et les routes de la ville.'), { key: 'inbox/a.txt' });
    expect(article.language).toBe('fr');
  });
});

describe('parseArticle: HTML', () => {
  const html = `<!doctype html><html><head><title>Council passes budget | The Herald</title>
    <meta property="og:site_name" content="The Herald"><meta property="article:published_time" content="2025-01-17T08:00:00Z">
    <script>alert('x')</script></head><body><nav>Home | World | Sport</nav>
    <article><h1>Council passes budget</h1>
    <p>${BODY}</p><p>Members voted 7 to 2 in favour of the plan, which raises spending on schools by four percent next year.</p>
    <p onclick="steal()">The mayor said the vote was <b>a good day</b> for the city and its residents.</p>
    <iframe src="http://ads.test"></iframe><script>document.write('injected')</script></article>
    <footer>Copyright 2025 The Herald</footer></body></html>`;

  it('extracts the main content, title and metadata', () => {
    const article = parseArticle(encode(html), { key: 'inbox/a.html' });
    expect(article.format).toBe('html');
    expect(article.title).toContain('Council passes budget');
    expect(article.source).toBe('The Herald');
    expect(article.publishedAt).toBe('2025-01-17T08:00:00.000Z');
    expect(article.paragraphs).toContain(BODY);
    expect(article.paragraphs).toContain('The mayor said the vote was a good day for the city and its residents.');
  });

  it('keeps no script, frame or navigation text', () => {
    const text = parseArticle(encode(html), { key: 'inbox/a.html' }).paragraphs.join('\n');
    expect(text).not.toMatch(/alert|injected|steal|Home \| World/);
  });
});

describe('parseArticle: JSON', () => {
  it('accepts the documented shape', () => {
    const article = parseArticle(encode(JSON.stringify({ title: 'Council passes budget', body: BODY, source: 'Herald', publishedAt: '2025-01-17', url: 'https://herald.test/a' })), { key: 'inbox/a.json' });
    expect(article).toMatchObject({ title: 'Council passes budget', paragraphs: [BODY], source: 'Herald', url: 'https://herald.test/a', publishedAt: '2025-01-17T00:00:00.000Z', format: 'json' });
  });

  it('rejects broken JSON and the wrong shape with a reason', () => {
    expect(rejectionOf(encode('{"title": "x", '), 'inbox/a.json').code).toBe('invalid-json');
    const wrongShape = rejectionOf(encode(JSON.stringify({ title: 'x', tags: ['a'] })), 'inbox/a.json');
    expect(wrongShape.code).toBe('invalid-shape');
    expect(wrongShape.reason).toMatch(/body.*text.*content/);
  });
});

describe('outlet names', () => {
  const json = (fields: Record<string, string>) => encode(JSON.stringify({ title: 'Council passes budget', body: BODY, ...fields }));

  it('names an outlet given by its web address by its host, however the address is written', () => {
    for (const source of ['philly.com', 'philly.com:80', 'Philly.com', 'www.philly.com', 'https://www.philly.com/news/', 'http://philly.com:80']) {
      expect(parseArticle(json({ source }), { key: 'inbox/a.json' }).source).toBe('philly.com');
    }
    expect(parseArticle(json({}), { key: 'inbox/philly.com:80/a.json' }).source).toBe('philly.com');
    expect(parseArticle(json({ url: 'http://www.Philly.com:80/news/a' }), { key: 'inbox/a.json' }).source).toBe('philly.com');
    expect(outletName('chicago.suntimes.com:80')).toBe('chicago.suntimes.com');
  });

  it('keeps any other name as written', () => {
    for (const source of ['The Herald', 'Outlet A', 'Reuters', 'New York Post (Opinion)', 'localhost:8080', '10.0.0.1']) {
      expect(parseArticle(json({ source }), { key: 'inbox/a.json' }).source).toBe(source);
    }
  });
});

describe('site names in titles', () => {
  const json = (fields: Record<string, string>) => encode(JSON.stringify({ body: BODY, ...fields }));

  it("cuts the site's name and tagline from a page title, naming the site by its source or its address", () => {
    const fromSource = parseArticle(json({ title: '1 dead, 3 injured in Shreveport shooting - KSLA News 12 Shreveport, Louisiana News Weather & Sports', source: 'ksla.com:80' }), { key: 'inbox/a.json' });
    expect(fromSource.title).toBe('1 dead, 3 injured in Shreveport shooting');
    const fromAddress = parseArticle(json({ title: 'Woman, 29, charged in shooting at Smithfield sports bar :: WRAL.com', url: 'https://www.wral.com/news/a' }), { key: 'inbox/a.json' });
    expect(fromAddress.title).toBe('Woman, 29, charged in shooting at Smithfield sports bar');
    const named = parseArticle(json({ title: 'Council passes budget after long debate | The Herald', source: 'The Herald' }), { key: 'inbox/a.json' });
    expect(named.title).toBe('Council passes budget after long debate');
  });

  it('keeps a title that does not name the site, or whose headline would be under three words', () => {
    expect(withoutSiteName('Ukraine war - live updates', ['bbc.co.uk'])).toBe('Ukraine war - live updates');
    expect(withoutSiteName('Ukraine war - live updates - BBC News', ['bbc.co.uk'])).toBe('Ukraine war - live updates');
    expect(withoutSiteName('Trump - Reuters poll finds support slipping', ['reuters.com'])).toBe('Trump - Reuters poll finds support slipping');
    // A subdomain names a section; the site is the label before the top-level domain.
    expect(withoutSiteName('Three shot in Brighton Park - Chicago police say', ['chicago.suntimes.com'])).toBe('Three shot in Brighton Park - Chicago police say');
    expect(withoutSiteName('Council passes budget - Herald', [undefined])).toBe('Council passes budget - Herald');
  });
});

describe('parseArticle: bad input', () => {
  it('rejects empty, blank, binary and mis-encoded objects with distinct reasons', () => {
    expect(rejectionOf(new Uint8Array()).code).toBe('empty');
    expect(rejectionOf(encode(' \n\t \n')).code).toBe('empty');
    expect(rejectionOf(encode('%PDF-1.7 binary stuff')).reason).toMatch(/PDF/);
    expect(rejectionOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])).reason).toMatch(/PNG/);
    expect(rejectionOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])).reason).toMatch(/ZIP/);
    expect(rejectionOf(new Uint8Array([0x48, 0x69, 0xc3, 0x28, 0x20, 0x74])).code).toBe('invalid-encoding');
    expect(rejectionOf(encode('Headline\n\nToo short.')).code).toBe('no-article-text');
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const text = `Council passes budget\n\n${BODY}`;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) utf16[2 + i * 2] = text.charCodeAt(i);
    expect(parseArticle(utf16, { key: 'inbox/a.txt' }).title).toBe('Council passes budget');
  });
});

describe('boilerplate removal', () => {
  it('drops page furniture, captions, credits and promotional trailers', () => {
    const kept = removeBoilerplate([
      'The talks ended without agreement late on Sunday night.',
      'Advertisement',
      'SEE ALSO: Five things to know about the talks',
      'The minister (left) and her counterpart meet in Geneva on March 3.',
      'Both sides said they would meet again next month in Vienna.',
      'Share via',
      'Jane Doe writes for the Associated Press.',
      'More to Read',
      'Sign up for our newsletter',
      'Another promoted story nobody asked for.',
    ]);
    expect(kept).toEqual(['The talks ended without agreement late on Sunday night.', 'Both sides said they would meet again next month in Vienna.']);
  });

  it('takes the controls of a video or a photo out of the paragraph they were scraped into', () => {
    const kept = removeBoilerplate([
      'Skip Ad Ad Loading... x Embed x Share A man started a fire in his apartment on Wednesday.',
      'CLOSE Skip in Skip x Embed x Share A fifth person died Sunday from her injuries.',
      'Buy Photo Two adults in a car were also wounded. (Photo: The Detroit News)Buy Photo',
      'Skip Ad',
      'Buy Photo',
      'Close friends said he was quiet.',
      'Share prices fell on Monday.',
      'Skip Jones said he saw the car.',
    ]);
    expect(kept).toEqual([
      'A man started a fire in his apartment on Wednesday.',
      'A fifth person died Sunday from her injuries.',
      'Two adults in a car were also wounded. (Photo: The Detroit News)',
      'Close friends said he was quiet.',
      'Share prices fell on Monday.',
      'Skip Jones said he saw the car.',
    ]);
  });

  it("takes out what a video or audio player asks of a reader who lacks its software, and keeps reports about software", () => {
    const kept = removeBoilerplate([
      'Please enable Javascript to watch this video',
      "Sorry, your browser doesn't support Flash , needs a Flash update , or has Flash disabled. You need Flash to watch this video. EMBED </>More News Videos Officers filled the room on Tuesday.",
      'You need the latest version of the Adobe Flash Player to view the video related to this article. Download Now.',
      'Please enable JavaScript to view the comments powered by Disqus.',
      'Your browser does not support the audio element.',
      'Please enable Javascript to watch this video Three people were shot near the park.',
      'Microsoft said users need to update Internet Explorer to close the flaw.',
      'You need to enable JavaScript-free browsing, the security researcher told reporters.',
      'Enable Javascript, the company urged its customers in a statement.',
      'Your browser does not support every site yet, Google warned.',
    ]);
    expect(kept).toEqual([
      'Officers filled the room on Tuesday.',
      'Three people were shot near the park.',
      'Microsoft said users need to update Internet Explorer to close the flaw.',
      'You need to enable JavaScript-free browsing, the security researcher told reporters.',
      'Enable Javascript, the company urged its customers in a statement.',
      'Your browser does not support every site yet, Google warned.',
    ]);
  });

  it('removes the furniture in the seed articles without losing their reporting', () => {
    const seeds = seedFiles().map(({ name, bytes }) => ({ name, article: parseArticle(bytes, { key: `inbox/${name}` }) }));
    const allText = seeds.flatMap((s) => s.article.paragraphs).join('\n');
    for (const furniture of ['SEE ALSO', 'Advertisement', 'Click to comment', 'To Top', 'Share via', 'More to Read', 'Sign up for', 'Photo by', 'promotional content']) {
      expect(allText).not.toContain(furniture);
    }
    expect(seeds.find((s) => s.name.startsWith('002'))!.article.title).toBe('Iran and Russia forge 20-year strategic pact amid intensified western sanctions');
    expect(allText).toContain('Russia built Iran\'s first nuclear plant that was launched in 2013 and is building two more nuclear reactors there.');
  });
});
