import { Tokenizer } from 'htmlparser2';

/**
 * A page read in one linear pass of htmlparser2's tokenizer, with no DOM: how many elements and
 * attributes it has (which decides whether a DOM and Readability can afford it), and its text for
 * pages they cannot afford. Building a DOM costs time in the page's depth (a 400,000-deep page took minutes) and
 * Readability recurses once per level; the tokenizer keeps no stack.
 */

export interface MarkupSize {
  elements: number;
  attributes: number;
}

/**
 * Readability spends about five times as long on a table as on another element (10,000 sibling
 * tables: 2.4 s of CPU; 10,000 divs: 0.4 s), so a table counts as five.
 */
const TABLE_WEIGHT = 5;

/**
 * The page's start tags (a table weighing TABLE_WEIGHT) and attributes, counted until either passes
 * its limit (then counting stops: the answer is only "more").
 */
export function countMarkup(html: string, limits: MarkupSize): MarkupSize {
  const size = { elements: 0, attributes: 0 };
  const tokenizer: Tokenizer = new Tokenizer(
    { decodeEntities: false },
    callbacks({
      onopentagname(start, end) {
        size.elements += end - start === 5 && html.slice(start, end).toLowerCase() === 'table' ? TABLE_WEIGHT : 1;
        if (size.elements > limits.elements) tokenizer.pause();
      },
      onattribname() {
        size.attributes += 1;
        if (size.attributes > limits.attributes) tokenizer.pause();
      },
    }),
  );
  tokenizer.write(html);
  if (tokenizer.running) tokenizer.end();
  return size;
}

export interface FlatPage {
  /** The page's <title>, else its first <h1>. */
  title: string;
  /** Text in document order, a line per block element; what scripts, styles, frames and forms hold is left out. */
  lines: string[];
  /** The text went on past `maxCharacters`: only its first part was read. */
  cut: boolean;
}

// Elements whose content is never article text.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'select', 'textarea', 'head']);
// Elements that start a line of their own.
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/** The text of a page, read without a DOM: for pages too deep or too large for one. */
export function flattenHtml(html: string, maxCharacters: number): FlatPage {
  const parts: string[] = [];
  let length = 0;
  let title = '';
  let firstHeading = '';
  let tag = '';
  let skipping = 0;
  let where: 'body' | 'title' | 'h1' = 'body';
  let cut = false;
  const add = (text: string) => {
    if (skipping > 0 && where !== 'title') return;
    if (where === 'title') {
      if (title.length < maxCharacters) title += text;
    } else {
      if (where === 'h1' && firstHeading.length < maxCharacters) firstHeading += text;
      parts.push(text);
      length += text.length;
      if (length > maxCharacters) {
        cut = true;
        tokenizer.pause();
      }
    }
  };
  const open = (name: string) => {
    if (SKIPPED.has(name)) skipping += 1;
    if (name === 'title' && !title) where = 'title';
    else if (name === 'h1' && !firstHeading && skipping === 0) where = 'h1';
    if (BLOCKS.has(name)) parts.push('\n');
  };
  const tokenizer: Tokenizer = new Tokenizer(
    { decodeEntities: true },
    callbacks({
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
      },
      onopentagend() {
        open(tag);
      },
      onselfclosingtag() {
        open(tag);
        if (SKIPPED.has(tag)) skipping -= 1;
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (SKIPPED.has(name) && skipping > 0) skipping -= 1;
        if ((name === 'title' && where === 'title') || (name === 'h1' && where === 'h1')) where = 'body';
        if (BLOCKS.has(name)) parts.push('\n');
      },
      ontext(start, end) {
        add(html.slice(start, end));
      },
      ontextentity(codepoint) {
        add(String.fromCodePoint(codepoint));
      },
    }),
  );
  tokenizer.write(html);
  if (tokenizer.running) tokenizer.end();
  const lines = parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { title: (title || firstHeading).replace(/\s+/g, ' ').trim(), lines, cut };
}

type Callbacks = ConstructorParameters<typeof Tokenizer>[1];

/** The tokenizer calls every callback; those a pass does not need do nothing. */
function callbacks(used: Partial<Callbacks>): Callbacks {
  const ignore = () => undefined;
  return {
    onattribdata: ignore,
    onattribentity: ignore,
    onattribend: ignore,
    onattribname: ignore,
    oncdata: ignore,
    onclosetag: ignore,
    oncomment: ignore,
    ondeclaration: ignore,
    onend: ignore,
    onopentagend: ignore,
    onopentagname: ignore,
    onprocessinginstruction: ignore,
    onselfclosingtag: ignore,
    ontext: ignore,
    ontextentity: ignore,
    ...used,
  };
}
