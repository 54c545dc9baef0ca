/**
 * The nastiest inputs found for the ingest path, as small generators rather than files: each builds
 * an upload of about `bytes` bytes (never more) of one hostile class. The fuzz suite
 * (test/unit/fuzz-ingest.test.ts) keeps them as regression cases at small sizes, and the bench
 * (bench/hostile.ts) runs each at the size limit to measure the worst case.
 */

export interface HostileSample {
  /** Short name: the row of the bench table and the name of the regression test. */
  name: string;
  /** What makes it hostile, in a few words. */
  what: string;
  key: string;
  contentType?: string;
  build(bytes: number): Uint8Array;
}

const encoder = new TextEncoder();

/** `head`, then `unit` repeated, then `tail`, cut to at most `bytes` bytes of UTF-8. */
function filled(bytes: number, head: string, unit: string, tail = ''): Uint8Array {
  const room = bytes - encoder.encode(head + tail).length;
  const count = Math.max(1, Math.floor(room / encoder.encode(unit).length));
  return encoder.encode(head + unit.repeat(count) + tail);
}

/** `open` repeated n times, then the middle, then `close` repeated n times: as deep as fits. */
function nested(bytes: number, head: string, open: string, middle: string, close: string, tail: string): Uint8Array {
  const room = bytes - encoder.encode(head + middle + tail).length;
  const depth = Math.max(1, Math.floor(room / encoder.encode(open + close).length));
  return encoder.encode(head + open.repeat(depth) + middle + close.repeat(depth) + tail);
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i += 1) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const SENTENCES = [
  'The city council approved the new budget on Tuesday after a long debate about school funding.',
  'Members voted seven to two in favour of the plan, which raises school spending by 4 percent.',
  'Mayor Jane Ortiz said the vote was "a fair deal for every family in the city" and thanked staff.',
  'Opponents argued that the road repairs promised in 2023 had still not been carried out.',
];
const PARAGRAPH = SENTENCES.join(' ');

export const HOSTILE_SAMPLES: readonly HostileSample[] = [
  repeated('huge-word', 'one run of letters without a space (quadratic in the stemmer)', 'inbox/huge-word.txt', 'One huge word\n', 'a'),
  repeated('zero-width-word', 'letters joined by zero-width spaces: one word once normalised', 'inbox/zero-width.txt', 'Zero width word\n\n', 'a\u200b'),
  {
    name: 'nested-divs',
    what: '<div> nested as deep as fits (stack overflow in Readability)',
    key: 'inbox/nested.html',
    build: (bytes) => nested(bytes, '<html><body>', '<div>', `<p>${PARAGRAPH}</p>`, '</div>', '</body></html>'),
  },
  repeated('flat-nodes', 'hundreds of thousands of sibling elements', 'inbox/flat.html', '<html><body><article><h1>Council passes budget</h1>', '<p><b>vote</b> <i>now</i></p>', '</article></body></html>'),
  {
    name: 'many-attributes',
    what: 'one element carrying as many attributes as fit',
    key: 'inbox/attributes.html',
    build: (bytes) => {
      const head = `<html><body><article><h1>Council passes budget</h1><p>${PARAGRAPH}</p><div `;
      const tail = `>${PARAGRAPH}</div></article></body></html>`;
      const room = bytes - encoder.encode(head + tail).length;
      const parts: string[] = [];
      let used = 0;
      for (let i = 0; ; i += 1) {
        const attribute = `data-a${i}="x" `;
        if (used + attribute.length > room) break;
        parts.push(attribute);
        used += attribute.length;
      }
      return encoder.encode(head + parts.join('') + tail);
    },
  },
  {
    name: 'short-sentences',
    what: 'an article of short claim-like sentences to the size limit',
    key: 'inbox/sentences.txt',
    build: (bytes) => {
      const head = 'Council passes budget\n\n';
      const room = bytes - head.length;
      const lines: string[] = [];
      let used = 0;
      for (let i = 0; ; i += 1) {
        const sentence = `Inspector ${i} reported ${i % 97} new cracks on bridge ${i % 13} to the council. `;
        if (used + sentence.length > room) break;
        lines.push(i % 8 === 7 ? `${sentence}\n` : sentence);
        used += sentence.length + (i % 8 === 7 ? 1 : 0);
      }
      return encoder.encode(head + lines.join(''));
    },
  },
  {
    name: 'clause-chains',
    what: 'sentences joining fifteen clauses each: a dozen claims per sentence',
    key: 'inbox/clauses.txt',
    build: (bytes) => {
      const who = ['mayor', 'board', 'council', 'union', 'court', 'governor', 'agency', 'panel', 'city', 'bank', 'school', 'police', 'port'];
      const did = ['signed the bill', 'set the rate', 'passed the plan', 'ended the strike', 'upheld the ban', 'cut the tax', 'closed the road'];
      const sentence = (k: number) => `${Array.from({ length: 15 }, (_, i) => `the ${who[(i + k) % who.length]} ${did[(i * 3 + k) % did.length]}`).join(', and ')}. `;
      const text = Array.from({ length: 91 }, (_, k) => sentence(k).replace(/^t/, 'T')).join('');
      return filled(bytes, 'Council passes budget\n\n', text);
    },
  },
  repeated('one-sentence', 'words without punctuation or line breaks: one paragraph, one sentence', 'inbox/one-sentence.txt', 'A very long sentence\n\n', 'the council approved the budget and ', 'then adjourned.'),
  repeated('long-line', 'a real article repeated on one line', 'inbox/long-line.txt', 'Council passes budget\n\n', `${PARAGRAPH} `),
  repeated('quote-run', 'quotation marks, open and closed, in one paragraph', 'inbox/quotes.txt', 'Quotes everywhere\n\nShe said ', '"we will vote" and "they will not" then ', '"'),
  repeated('bare-quotes', 'nothing but quotation marks after a headline', 'inbox/bare-quotes.txt', 'Bare quotes here\n\nThe council met. ', '"'),
  repeated('number-run', 'one number with thousands separators as long as fits', 'inbox/numbers.txt', 'Numbers everywhere\n\nThe council spent 1', ',000', ' dollars on the bridge this year.'),
  repeated('numbers-and-units', 'figures with units and dates, tens of thousands of them', 'inbox/figures.txt', 'Figures everywhere\n\n', 'About 1,200 troops and $69 billion on January 17, 2025, 3.5 percent in 20-year bonds; ', '.'),
  repeated('markdown-brackets', 'image and link openers that never close (quadratic Markdown stripping)', 'inbox/brackets.md', '# Brackets\n\nThe council met and approved the budget on Tuesday. ', '![ ['),
  repeated('caption-brackets', 'square brackets full of agency names (backtracking caption rules)', 'inbox/captions.txt', 'Captions\n\n', '[ap afp reuters pool photo '),
  repeated('json-paragraphs', 'a JSON body of one-word paragraphs', 'inbox/paragraphs.json', '{"title":"Council passes budget","body":[', '"word",', '"end"]}'),
  {
    name: 'json-deep',
    what: 'a JSON article with an extra field nested as deep as fits',
    key: 'inbox/deep.json',
    build: (bytes) => nested(bytes, `{"title":"Council passes budget","body":${JSON.stringify(PARAGRAPH)},"extra":`, '[', '0', ']', '}'),
  },
  {
    name: 'json-html-body',
    what: 'a JSON body of HTML markup nested as deep as fits',
    key: 'inbox/html-body.json',
    build: (bytes) => nested(bytes, '{"title":"Council passes budget","body":"', '<div>', JSON.stringify(`<p>${PARAGRAPH}</p>`).slice(1, -1), '</div>', '"}'),
  },
  repeated('combining-marks', 'one letter under a run of combining marks of alternating classes (Unicode reordering)', 'inbox/combining.txt', 'Combining marks\n\nThe council met. a', '\u0301\u0316'),
  {
    name: 'utf16le-text',
    what: 'UTF-16 LE with a byte-order mark, a real article repeated',
    key: 'inbox/utf16le.txt',
    build: (bytes) => utf16le(`Council passes budget\n\n${`${PARAGRAPH}\n`.repeat(Math.max(1, Math.floor((bytes / 2 - 30) / (PARAGRAPH.length + 1))))}`),
  },
  {
    name: 'readability-bound',
    what: 'just under the element bound, in chains 32 deep: the dearest page Readability still reads',
    key: 'inbox/chains.html',
    build: (bytes) => {
      const chain = `${'<div>'.repeat(31)}<p>Inspectors found new cracks, the council said.</p>${'</div>'.repeat(31)}`;
      const chains = Math.min(Math.floor(9_990 / 32), Math.floor((bytes - 200) / chain.length));
      return encoder.encode(`<html><body><article><h1>Council passes budget</h1>${chain.repeat(Math.max(1, chains))}</article></body></html>`);
    },
  },
  repeated('html-title', 'a <title> as long as fits', 'inbox/title.html', '<html><head><title>', 'budget ', `</title></head><body><article><p>${PARAGRAPH}</p></article></body></html>`),
  repeated('short-lines', 'one-word lines: every line a paragraph for the boilerplate rules', 'inbox/lines.txt', 'Council passes budget\n\n', 'vote\n'),
  repeated('carriage-returns', 'lines ended by a lone carriage return, with control characters and bidirectional marks', 'inbox/cr.txt', 'Council passes budget\r\r', `${PARAGRAPH.replace(/ /g, ' \u202e')}\u0007\r`),
  repeated('untyped-html', 'markup under a .txt key with no content type, tag soup that never closes', 'inbox/soup.txt', '<html><body><h1>Council passes budget</h1>', '<a href="x" <b <i title="'),
];

/** A sample made of `head`, then `unit` repeated to the size asked for, then `tail`. */
function repeated(name: string, what: string, key: string, head: string, unit: string, tail = ''): HostileSample {
  return { name, what, key, build: (bytes) => filled(bytes, head, unit, tail) };
}

/** The sample of this name. */
export function hostileSample(name: string): HostileSample {
  const sample = HOSTILE_SAMPLES.find((s) => s.name === name);
  if (!sample) throw new Error(`no hostile sample named ${name}`);
  return sample;
}

export { PARAGRAPH as GOOD_PARAGRAPH, utf16le };
