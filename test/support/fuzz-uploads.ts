import fc from 'fast-check';
import { GOOD_PARAGRAPH, utf16le } from './hostile-corpus';

/**
 * fast-check generators of uploads for the fuzz suite (test/unit/fuzz-ingest.test.ts): text built
 * from the pieces hostile inputs are made of (long tokens, runs of punctuation, quotes and numbers,
 * invisible and control characters, mixed scripts), HTML with generated structure (nesting depth,
 * attribute counts, unclosed and stray tags), JSON of right and wrong shapes, each encoded in one
 * of the encodings uploads arrive in, under a key and content type that may not match the content.
 */

export interface Upload {
  key: string;
  contentType?: string;
  bytes: Uint8Array;
}

const WORDS = [
  'the', 'council', 'approved', 'budget', 'on', 'Tuesday', 'after', 'a', 'long', 'debate', 'Putin', 'Iran', 'said', 'not', 'never', 'bridge',
  'cracks', 'reported', 'Reuters', 'AFP', 'percent', 'million', 'January', '17', '2025', 'Mr.', 'U.S.', 'who', 'which', 'and', 'but', 'denied',
  'according', 'to', 'officials', 'constructor', '__proto__', 'toString', 'hasOwnProperty', "Iran's", 'drones', 'deal', 'signed', 'Moscow',
];

/** A run of one character: long tokens, quote, bracket and punctuation runs, combining marks. */
const run = fc
  .tuple(fc.constantFrom('a', 'Z', 'é', 'ж', '中', 'ب', '🙂', '1', '"', "'", '.', '!', '?', '(', '[', ']', '![', '*', '_', '`', '<', '&', '-', ',', ' ', '\n', '\u0301'), fc.integer({ min: 2, max: 20_000 }))
  .map(([unit, length]) => unit.repeat(length));

const invisible = fc.constantFrom('\u200b', '\u200e', '\u202e', '\u2066', '\u061c', '\u0000', '\u0007', '\u001b', '\u0085', '\u00ad', '\ufeff', '\r', '\r\n', '\n\n', '\t', '\u2028', '\f');

const number = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
  fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 60 }).map((groups) => groups.map((g) => String(g).padStart(3, '0')).join(',')),
  fc.constantFrom('$69 billion', '3.5 percent', '20-year', 'hundreds of drones', '1,000 troops', 'January 17, 2025', 'last year'),
);

const piece = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom('. ', '? ', '! ', '... ', '." ', '"', ', ', '; ', ' — ', '\n') },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: run },
  { weight: 2, arbitrary: invisible },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** Text of words, punctuation and the hostile pieces above. */
export const text = fc.array(piece, { maxLength: 300 }).map((pieces) => pieces.join(' '));

/** Many short claim-like sentences, up to several thousand. */
const sentences = fc
  .tuple(fc.integer({ min: 1, max: 4_000 }), fc.constantFrom(' ', '\n', '\r\n', '\n\n'))
  .map(([count, separator]) => Array.from({ length: count }, (_, i) => `Inspector ${i} reported ${i % 97} new cracks on bridge ${i % 13} to the council.`).join(separator));

const articleText = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(text, text).map(([title, body]) => `${title}\n\n${body}`) },
  { weight: 1, arbitrary: fc.tuple(text, sentences).map(([title, body]) => `${title}\n\n${body}`) },
  { weight: 1, arbitrary: fc.tuple(text, text).map(([noise, more]) => `Council passes budget\n\n${GOOD_PARAGRAPH} ${noise}\n${more}`) },
);

const TAGS = ['div', 'p', 'span', 'article', 'section', 'main', 'h1', 'h2', 'li', 'ul', 'a', 'b', 'i', 'table', 'tr', 'td', 'script', 'style', 'nav', 'aside', 'blockquote', 'pre', 'br', 'img', 'title', 'svg', 'template', 'noscript', 'meta'];
const tagName = fc.constantFrom(...TAGS);
const attribute = fc
  .tuple(fc.constantFrom('class', 'id', 'href', 'data-x', 'style', 'onclick', 'content', 'property', 'name'), fc.string({ maxLength: 24 }))
  .map(([name, value]) => `${name}="${value.replace(/"/g, '&quot;')}"`);
const attributes = fc.oneof(
  { weight: 5, arbitrary: fc.array(attribute, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 60_000 }).map((count) => Array.from({ length: count }, (_, i) => `a${i}=x`)) },
);
const textNode = fc.oneof(text, fc.constant(GOOD_PARAGRAPH), fc.constantFrom('&amp;', '&#x1F600;', '&#99999999;', '&nbsp;', '&bogus;', '<!--', '-->', '</div>', '<p', '<![CDATA['));

/** A generated element tree. */
const tree = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textNode,
    fc.tuple(tagName, attributes, fc.array(tie('node'), { maxLength: 5 }), fc.boolean()).map(([tag, attrs, children, closed]) => `<${[tag, ...attrs].join(' ')}>${children.join('')}${closed ? `</${tag}>` : ''}`),
  ),
}));

/** One tag nested `depth` deep around some content, closed or not. */
const chain = fc
  .tuple(tagName, fc.integer({ min: 1, max: 3_000 }), tree.node, fc.boolean())
  .map(([tag, depth, inner, closed]) => `<${tag}>`.repeat(depth) + inner + (closed ? `</${tag}>`.repeat(depth) : ''));

/** Many sibling elements, past the DOM bound or not. */
const siblings = fc.tuple(tagName, fc.integer({ min: 1, max: 15_000 })).map(([tag, count]) => `<${tag}>x</${tag}>`.repeat(count));

const html = fc
  .tuple(fc.array(fc.oneof({ weight: 4, arbitrary: tree.node }, { weight: 1, arbitrary: chain }, { weight: 1, arbitrary: siblings }), { maxLength: 4 }), fc.boolean())
  .map(([parts, wrapped]) => (wrapped ? `<!doctype html><html><head><title>Council passes budget</title></head><body>${parts.join('')}</body></html>` : parts.join('')));

const jsonBody = fc.oneof(text, fc.array(text, { maxLength: 8 }), html, fc.constant(GOOD_PARAGRAPH), fc.jsonValue());
const json = fc.oneof(
  { weight: 4, arbitrary: fc.record({ title: fc.oneof(text, fc.jsonValue()), body: jsonBody, source: fc.oneof(text, fc.jsonValue()), publishedAt: fc.oneof(text, fc.constant('2025-01-17T10:00:00Z')), url: text }, { requiredKeys: [] }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }).map((depth) => `{"title":"x","body":${JSON.stringify(GOOD_PARAGRAPH)},"extra":${'['.repeat(depth)}${']'.repeat(depth)}}`) },
  { weight: 1, arbitrary: fc.tuple(fc.json(), fc.nat()).map(([value, cut]) => value.slice(0, cut % (value.length + 1))) },
);

type Encoding = 'utf-8' | 'utf-8 BOM' | 'utf-16le BOM' | 'utf-16be BOM' | 'utf-16le' | 'latin-1';

function encode(content: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-16le BOM') return utf16le(content);
  if (encoding === 'utf-16be BOM') {
    const le = utf16le(content);
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return le;
  }
  if (encoding === 'utf-16le') return utf16le(content).subarray(2);
  if (encoding === 'latin-1') return Uint8Array.from(content, (c) => c.charCodeAt(0) & 0xff);
  const bytes = new TextEncoder().encode(content);
  return encoding === 'utf-8 BOM' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
}

const encoding = fc.constantFrom<Encoding>('utf-8', 'utf-8', 'utf-8', 'utf-8 BOM', 'utf-16le BOM', 'utf-16be BOM', 'utf-16le', 'latin-1');
/** Bytes overwritten at random places: invalid sequences, stray NULs, a binary signature at the start. */
const damage = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 });

const EXTENSIONS = ['txt', 'md', 'html', 'htm', 'json', 'TXT', 'pdf', 'bin', 'constructor', ''];
const CONTENT_TYPES = [undefined, 'application/octet-stream', 'text/plain; charset=utf-8', 'text/html', 'application/json', 'text/markdown', 'image/png', 'application/ld+json'];

/** An upload of any format, encoding, key and content type. */
export const upload: fc.Arbitrary<Upload> = fc
  .tuple(fc.oneof(articleText, html, json), encoding, damage, fc.constantFrom(...EXTENSIONS), fc.constantFrom(...CONTENT_TYPES), fc.nat({ max: 999 }))
  .map(([content, how, hits, extension, contentType, n]) => {
    const bytes = encode(content, how);
    for (const [at, value] of hits) if (bytes.length > 0) bytes[at % bytes.length] = value;
    return { key: `inbox/fuzz/${n}${extension ? `.${extension}` : ''}`, ...(contentType ? { contentType } : {}), bytes };
  });

/** FUZZ_SEED and FUZZ_RUNS (runs per property) from the environment: a fixed seed and `defaultRuns` by default. */
export function fuzzSettings(defaultRuns: number): { seed: number; numRuns: number } {
  const seed = Number(process.env.FUZZ_SEED ?? 19);
  const numRuns = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${process.env.FUZZ_SEED}`);
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`FUZZ_RUNS must be a whole number of at least 1, not ${process.env.FUZZ_RUNS}`);
  return { seed, numRuns };
}
