const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_PATTERN = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?`;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_PATTERN}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH_PATTERN}\\s+(\\d{4})\\b`, 'i');
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\b/;

/** An ISO timestamp for a date as publishers write it, or undefined when it is not a date. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{10,13}$/.test(trimmed)) {
    const epoch = Number(trimmed);
    return new Date(trimmed.length === 13 ? epoch : epoch * 1000).toISOString();
  }
  const parsed = Date.parse(trimmed);
  if (!Number.isNaN(parsed) && /\d{4}/.test(trimmed)) return new Date(parsed).toISOString();
  return findDate(trimmed);
}

/**
 * A date in a dateline at the very start of the body ("MOSCOW, Jan. 17, 2025 (Reuters) —").
 * Dates further into the text are usually the event's, not the publication's, and would make a
 * later rewrite look like the first report.
 */
export function datelineDate(body: string): string | undefined {
  const head = /^[^\n]{0,80}?(—|--| - )/.exec(body)?.[0];
  return head ? findDate(head) : undefined;
}

/** The first full calendar date written in the text. */
export function findDate(text: string): string | undefined {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const parsed = Date.parse(iso[0].includes('T') || iso[0].includes(' ') ? iso[0] : `${iso[0]}T00:00:00Z`);
    if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) return utcDate(Number(mdy[3]), monthIndex(mdy[1]), Number(mdy[2]));
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return utcDate(Number(dmy[3]), monthIndex(dmy[2]), Number(dmy[1]));
  return undefined;
}

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3)));
}

function utcDate(year: number, month: number, day: number): string | undefined {
  if (month < 0 || day < 1 || day > 31 || year < 1900 || year > 2200) return undefined;
  return new Date(Date.UTC(year, month, day)).toISOString();
}
