/**
 * Unicode normalisation reorders a run of combining marks in time quadratic in its length (100,000
 * marks: 3.5 s); no script stacks more than a few on one letter. Runs are cut to 30 marks, as the
 * Stream-Safe Text Format of Unicode Annex #15 bounds them.
 */
const LONG_MARK_RUN = /(\p{M}{30})\p{M}+/gu;
/**
 * Invisible characters that only split words or steer display: control characters (not tab, line
 * feed or carriage return), zero-width spaces and joiners, soft hyphens, byte-order marks and the
 * bidirectional marks, embeddings and isolates (which can also make a digest read otherwise than it is).
 */
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

/**
 * Canonical text form used everywhere after decoding: typographic variants of the same character
 * would otherwise split fingerprints and claim matches between outlets with different house styles.
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(LONG_MARK_RUN, '$1')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010\u2011\u2012]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/^ +| +$/gm, '');
}

/** Paragraphs of a normalised text: non-empty lines. */
export function splitParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** A line without its surrounding space and the list marker it may open with ("- Share via", ">>Download ..."): site furniture often comes as a list item. */
export function withoutListMarker(line: string): string {
  return line.trim().replace(/^[-–—•*·|>]+\s*/, '');
}
