/**
 * A dateline opening a news report: the place in capitals, its state or country, a date, the
 * agency or station, then a dash ("BATON ROUGE -- ", "ALBUQUERQUE, N.M. — ", "MANCHESTER, IL
 * (KMOX) – ", "NEW YORK, Jan. 17, 2025 (Reuters) — "). It says where the report was filed, not
 * what happened, so a statement's main clause is read after it.
 *
 * The place is one to five words in capitals, the first of two letters or more and without
 * periods inside, so that "U.S. - Russia talks" and "A FIRE - BOMB attack" are not datelines;
 * what follows the dash starts a sentence (a capital, a figure or a quotation mark), and a single
 * hyphen has a space after it ("MIAMI-DADE COUNTY" is a place, not a dateline).
 */
const DATELINE =
  /^\p{Lu}[\p{Lu}'’]+(?:-\p{Lu}+)*\.?(?:[ \t]+\p{Lu}[\p{Lu}'’.-]*){0,4}(?:,[ \t]*\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2})?(?:,[ \t]*\p{L}+\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?(?:[ \t]*\([^()\n]{1,40}\))?(?:[ \t]*(?:--|—|–)[ \t]*|[ \t]*-[ \t]+)(?=["“‘'\p{Lu}\d])/u;

/** How many characters of `text` its opening dateline takes, with the space after it; 0 with none. */
function datelineLength(text: string): number {
  return DATELINE.exec(text)?.[0].length ?? 0;
}

/** `text` without its opening dateline. */
export function withoutDateline(text: string): string {
  return text.slice(datelineLength(text));
}
