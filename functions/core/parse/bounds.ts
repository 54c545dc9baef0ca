/**
 * How much of one input the pipeline reads. Every stage after decoding works on what these bounds
 * let through, so that any upload within the size limit ends ingested or set aside in bounded time
 * and memory: an article longer than the bounds is ingested on its first part and marked truncated;
 * a page too deep or too large for Readability is read as flat text. docs/hostile-input.md lists
 * them with the measured worst case per hostile class (`BENCH_ONLY=hostile npm run bench`).
 */
export const INPUT_BOUNDS = {
  /**
   * Characters of text read from a plain-text, Markdown or JSON body, or from a flattened page, before
   * normalisation and boilerplate removal (which cost ~0.2 s per million characters). Four times the
   * article bound, so that furniture stripped from the top does not leave the article short.
   */
  readCharacters: 400_000,
  /** Characters of article text kept: about 16,000 words, longer than long-form journalism runs. */
  articleCharacters: 100_000,
  /** Sentences of article text kept: twice the longest article of the dev story sets (258; p99.9 175). */
  articleSentences: 500,
  /** Characters of a headline; a longer first line is body text, and a longer title is cut at a word. */
  titleCharacters: 300,
  /** Characters of an outlet name, URL or date from metadata or the document; a longer one is left out. */
  fieldCharacters: 2_048,
  /**
   * Elements of a page given to the DOM and Readability (a table counting as five), whose cost
   * grows with elements (up to about 0.1 ms of CPU each in the shapes measured) and, along one chain, faster than the square of the
   * depth (200 levels: 0.4 s, 500: 2.9 s; 60,000 overflow the stack). Pages past a bound are read
   * as flat text.
   */
  domElements: 10_000,
  /** Attributes of a page given to the DOM (a few per element on real pages; the DOM costs ~5 µs each). */
  domAttributes: 50_000,
  domDepth: 128,
  /** Levels of nesting in a JSON article (an article nests two or three; JSON.parse costs grow with depth). */
  jsonDepth: 64,
} as const;
