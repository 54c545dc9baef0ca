import { extractClaims, MAX_CLAIM_CHARACTERS } from '../../functions/core/claims/extract-claims';
import { INPUT_BOUNDS } from '../../functions/core/parse/bounds';
import { parseHtml } from '../../functions/core/parse/html';
import { parseArticle } from '../../functions/core/parse/parse-article';
import { articleTermVector } from '../../functions/core/stories/term-vector';
import { normalizeText } from '../../functions/core/text/normalize';
import { splitSentences } from '../../functions/core/text/sentences';
import { MAX_WORD_LENGTH, tokenize } from '../../functions/core/text/tokens';
import { GOOD_PARAGRAPH } from '../support/hostile-corpus';
import { rejectionOf } from '../support/rejection';

const encode = (text: string) => new TextEncoder().encode(text);


describe('Bound: word length', () => {
  it('reads a run of up to MAX_WORD_LENGTH letters as a word, and a longer one as none', () => {
    const longest = 'a'.repeat(MAX_WORD_LENGTH);
    const tokens = tokenize(`before ${longest} ${longest}b after`);
    expect(tokens.map((t) => t.lower)).toEqual(['before', longest, 'after']);
  });

  it('keeps runs past the bound out of the story vector, whatever their length', () => {
    const vector = articleTermVector('Bridge closed', [`The bridge is closed ${'x'.repeat(200_000)} until spring.`]);
    expect(Object.keys(vector).every((term) => term.length <= MAX_WORD_LENGTH)).toBe(true);
    expect(Object.keys(vector)).toContain('bridg');
  });

  it('sets aside a body that has no word at all', () => {
    const rejection = rejectionOf(encode(`One huge word\n${'a'.repeat(300_000)}`));
    expect(rejection.code).toBe('no-article-text');
    expect(rejection.reason).toContain(`more than ${MAX_WORD_LENGTH} letters`);
  });
});

describe('Bound: Unicode normalisation', () => {
  it('cuts a run of combining marks to 30 and keeps the letter', () => {
    const text = normalizeText(`a${'\u0301\u0316'.repeat(50_000)} end`);
    expect(text.length).toBeLessThan(40);
    expect(text.endsWith(' end')).toBe(true);
  });

  it('drops control characters and bidirectional marks, embeddings and isolates', () => {
    expect(normalizeText('Pu\u200etin\u0000 met \u202eXi\u202c in\u2066 Moscow\u2069.\u0007')).toBe('Putin met Xi in Moscow.');
  });
});

describe('Bound: sentences', () => {
  it('splits a paragraph with a long run of end punctuation', () => {
    const spans = splitSentences(`It broke${'!'.repeat(200_000)} Then it held.`);
    expect(spans).toHaveLength(2);
    expect(spans[1].text).toBe('Then it held.');
    // and without a space after it, as scraped pages run sentences together
    const joined = splitSentences(`It broke${'.'.repeat(200_000)}Then it held.`);
    expect(joined.map((s) => s.text.slice(-10))).toEqual(['.'.repeat(10), 'n it held.']);
    expect(splitSentences(`It broke${'.'.repeat(200_000)}x`)).toHaveLength(1);
  });

  it('splits a paragraph of many abbreviations', () => {
    const spans = splitSentences(`${'Mr. '.repeat(50_000)}Smith left. He came back.`);
    expect(spans.map((s) => s.text.slice(-10))).toEqual(['Smith left.', 'came back.'].map((s) => s.slice(-10)));
  });

  it('takes no sentence longer than MAX_CLAIM_CHARACTERS as a claim', () => {
    const long = `The council approved the budget ${'; '.repeat(MAX_CLAIM_CHARACTERS)} after a debate.`;
    expect(extractClaims([long])).toEqual([]);
    expect(extractClaims([GOOD_PARAGRAPH]).length).toBeGreaterThan(0);
  });
});

describe('Bound: article length', () => {
  it(`keeps the first ${INPUT_BOUNDS.articleSentences} sentences of a longer article and says so`, () => {
    const sentences = Array.from({ length: 3000 }, (_, i) => `Inspector ${i} reported new cracks on the bridge.`);
    const article = parseArticle(encode(`Cracks found\n\n${sentences.join(' ')}`), { key: 'inbox/a.txt' });
    const kept = article.paragraphs.flatMap((p) => splitSentences(p));
    expect(kept).toHaveLength(INPUT_BOUNDS.articleSentences);
    expect(kept[kept.length - 1].text).toBe(`Inspector ${INPUT_BOUNDS.articleSentences - 1} reported new cracks on the bridge.`);
    expect(article.truncated).toBe(`the article was cut to its first ${INPUT_BOUNDS.articleSentences} sentences`);
  });

  it(`keeps at most ${INPUT_BOUNDS.articleCharacters} characters, cut at a sentence end`, () => {
    const sentence = `The long report lists ${'every crack on every span of the old bridge, '.repeat(5)}in detail.`;
    const paragraph = Array.from({ length: 10 }, () => sentence).join(' ');
    const article = parseArticle(encode(`Long report\n\n${Array.from({ length: 60 }, () => paragraph).join('\n\n')}`), { key: 'inbox/a.txt' });
    expect(article.paragraphs.join('').length).toBeLessThanOrEqual(INPUT_BOUNDS.articleCharacters);
    expect(article.paragraphs[article.paragraphs.length - 1].endsWith('detail.')).toBe(true);
    expect(article.truncated).toBe(`the article was cut to its first ${INPUT_BOUNDS.articleCharacters} characters`);
  });

  it(`reads only the first ${INPUT_BOUNDS.readCharacters} characters of a longer text and says so`, () => {
    const article = parseArticle(encode(`Short lines\n\n${'vote\n'.repeat(200_000)}`), { key: 'inbox/a.txt' });
    expect(article.truncated).toBe(`only the first ${INPUT_BOUNDS.readCharacters} characters of the text were read`);
  });

  it('leaves an article within the bounds unmarked', () => {
    const article = parseArticle(encode(`Council passes budget\n\n${GOOD_PARAGRAPH}`), { key: 'inbox/a.txt' });
    expect(article.truncated).toBeUndefined();
    expect(article.paragraphs).toEqual([GOOD_PARAGRAPH]);
  });

  it('cuts a title past the bound at a word, and leaves out a field past its bound', () => {
    const json = JSON.stringify({ title: 'Budget '.repeat(1000), body: GOOD_PARAGRAPH, source: 'x'.repeat(INPUT_BOUNDS.fieldCharacters + 1), url: 'https://news.example/budget' });
    const article = parseArticle(encode(json), { key: 'inbox/a.json' });
    expect(article.title.length).toBeLessThanOrEqual(INPUT_BOUNDS.titleCharacters);
    expect(article.title).toMatch(/^(Budget )+Budget\.\.\.$/);
    expect(article.source).toBe('news.example');
  });
});

describe('Bound: page structure', () => {
  const article = `<article><h1>Council passes budget</h1><p>${GOOD_PARAGRAPH}</p></article>`;

  it('reads a page within the bounds through Readability', () => {
    const page = parseHtml(`<html><body><nav><a href="/">Home</a></nav>${article}</body></html>`);
    expect(page.flattened).toBeUndefined();
    expect(page.paragraphs).toContain(GOOD_PARAGRAPH);
    expect(page.paragraphs).not.toContain('Home');
  });

  it.each([
    ['nested deeper than the bound', `${'<div>'.repeat(INPUT_BOUNDS.domDepth + 1)}${article}${'</div>'.repeat(INPUT_BOUNDS.domDepth + 1)}`, `nest more than ${INPUT_BOUNDS.domDepth} deep`],
    ['nested 60,000 deep', `${'<div>'.repeat(60_000)}${article}`, 'elements'],
    ['with more elements than the bound', `${'<span>x</span>'.repeat(INPUT_BOUNDS.domElements)}${article}`, `more than ${INPUT_BOUNDS.domElements} elements`],
    ['with more attributes than the bound', `<div ${Array.from({ length: INPUT_BOUNDS.domAttributes + 1 }, (_, i) => `a${i}=x`).join(' ')}></div>${article}`, 'attributes'],
  ])('reads a page %s as flat text, scripts and styles left out', (_, body, why) => {
    const page = parseHtml(`<html><head><title>Budget &amp; schools</title><style>p{}</style></head><body><script>var x = "<p>no</p>";</script>${body}</body></html>`);
    expect(page.flattened).toContain(why);
    expect(page.title).toBe('Budget & schools');
    expect(page.paragraphs).toContain(GOOD_PARAGRAPH);
    expect(page.paragraphs.join(' ')).not.toMatch(/var x|p\{\}/);
  });

  it.each([
    ['<nav>', '</nav>'],
    ['<template>', '</template>'],
    ['words only, no markup', ''],
  ])('reads %s under an .html key without throwing', (markup, close) => {
    expect(rejectionOf(encode(markup), 'inbox/a.html').code).toBe('no-article-text');
    expect(parseArticle(encode(`${markup}${close}<p>${GOOD_PARAGRAPH}</p>`), { key: 'inbox/a.html' }).paragraphs.join(' ')).toContain(GOOD_PARAGRAPH);
  });

  it('sets aside JSON nested deeper than any article', () => {
    const rejection = rejectionOf(encode(`{"title":"x","body":"${GOOD_PARAGRAPH.replace(/"/g, '\\"')}","extra":${'['.repeat(100)}${']'.repeat(100)}}`), 'inbox/a.json');
    expect(rejection.code).toBe('invalid-shape');
    expect(rejection.reason).toContain(`more than ${INPUT_BOUNDS.jsonDepth} levels`);
  });
});
