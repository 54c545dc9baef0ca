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
  {
    name: 'huge-word',
    what: 'one run of letters without a space (quadratic in the stemmer)',
    key: 'inbox/huge-word.txt',
    build: (bytes) => filled(bytes, 'One huge word\n', 'a'),
  },
  {
    name: 'zero-width-word',
    what: 'letters joined by zero-width spaces: one word once normalised',
    key: 'inbox/zero-width.txt',
    build: (bytes) => filled(bytes, 'Zero width word\n\n', 'a\u200b'),
  },
  {
    name: 'nested-divs',
    what: '<div> nested as deep as fits (stack overflow in Readability)',
    key: 'inbox/nested.html',
    build: (bytes) => nested(bytes, '<html><body>', '<div>', `<p>${PARAGRAPH}</p>`, '</div>', '</body></html>'),
  },
  {
    name: 'flat-nodes',
    what: 'hundreds of thousands of sibling elements',
    key: 'inbox/flat.html',
    build: (bytes) => filled(bytes, '<html><body><article><h1>Council passes budget</h1>', '<p><b>vote</b> <i>now</i></p>', '</article></body></html>'),
  },
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
  {
    name: 'one-sentence',
    what: 'words without punctuation or line breaks: one paragraph, one sentence',
    key: 'inbox/one-sentence.txt',
    build: (bytes) => filled(bytes, 'A very long sentence\n\n', 'the council approved the budget and ', 'then adjourned.'),
  },
  {
    name: 'long-line',
    what: 'a real article repeated on one line',
    key: 'inbox/long-line.txt',
    build: (bytes) => filled(bytes, 'Council passes budget\n\n', `${PARAGRAPH} `),
  },
  {
    name: 'quote-run',
    what: 'quotation marks, open and closed, in one paragraph',
    key: 'inbox/quotes.txt',
    build: (bytes) => filled(bytes, 'Quotes everywhere\n\nShe said ', '"we will vote" and "they will not" then ', '"'),
  },
  {
    name: 'bare-quotes',
    what: 'nothing but quotation marks after a headline',
    key: 'inbox/bare-quotes.txt',
    build: (bytes) => filled(bytes, 'Bare quotes here\n\nThe council met. ', '"'),
  },
  {
    name: 'number-run',
    what: 'one number with thousands separators as long as fits',
    key: 'inbox/numbers.txt',
    build: (bytes) => filled(bytes, 'Numbers everywhere\n\nThe council spent 1', ',000', ' dollars on the bridge this year.'),
  },
  {
    name: 'numbers-and-units',
    what: 'figures with units and dates, tens of thousands of them',
    key: 'inbox/figures.txt',
    build: (bytes) => filled(bytes, 'Figures everywhere\n\n', 'About 1,200 troops and $69 billion on January 17, 2025, 3.5 percent in 20-year bonds; ', '.'),
  },
  {
    name: 'markdown-brackets',
    what: 'image and link openers that never close (quadratic Markdown stripping)',
    key: 'inbox/brackets.md',
    build: (bytes) => filled(bytes, '# Brackets\n\nThe council met and approved the budget on Tuesday. ', '![ ['),
  },
  {
    name: 'caption-brackets',
    what: 'square brackets full of agency names (backtracking caption rules)',
    key: 'inbox/captions.txt',
    build: (bytes) => filled(bytes, 'Captions\n\n', '[ap afp reuters pool photo '),
  },
  {
    name: 'json-paragraphs',
    what: 'a JSON body of one-word paragraphs',
    key: 'inbox/paragraphs.json',
    build: (bytes) => filled(bytes, '{"title":"Council passes budget","body":[', '"word",', '"end"]}'),
  },
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
  {
    name: 'combining-marks',
    what: 'one letter under a run of combining marks of alternating classes (Unicode reordering)',
    key: 'inbox/combining.txt',
    build: (bytes) => filled(bytes, 'Combining marks\n\nThe council met. a', '\u0301\u0316'),
  },
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
  {
    name: 'html-title',
    what: 'a <title> as long as fits',
    key: 'inbox/title.html',
    build: (bytes) => filled(bytes, '<html><head><title>', 'budget ', `</title></head><body><article><p>${PARAGRAPH}</p></article></body></html>`),
  },
  {
    name: 'short-lines',
    what: 'one-word lines: every line a paragraph for the boilerplate rules',
    key: 'inbox/lines.txt',
    build: (bytes) => filled(bytes, 'Council passes budget\n\n', 'vote\n'),
  },
  {
    name: 'carriage-returns',
    what: 'lines ended by a lone carriage return, with control characters and bidirectional marks',
    key: 'inbox/cr.txt',
    build: (bytes) => filled(bytes, 'Council passes budget\r\r', `${PARAGRAPH.replace(/ /g, ' \u202e')}\u0007\r`),
  },
  {
    name: 'untyped-html',
    what: 'markup under a .txt key with no content type, tag soup that never closes',
    key: 'inbox/soup.txt',
    build: (bytes) => filled(bytes, '<html><body><h1>Council passes budget</h1>', '<a href="x" <b <i title="'),
  },
];

/** The sample of this name. */
export function hostileSample(name: string): HostileSample {
  const sample = HOSTILE_SAMPLES.find((s) => s.name === name);
  if (!sample) throw new Error(`no hostile sample named ${name}`);
  return sample;
}

export { PARAGRAPH as GOOD_PARAGRAPH, utf16le };
