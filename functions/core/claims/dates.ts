import { isNoun } from './nouns';
import { readFigures } from './figures';
import { tokenize } from '../text/tokens';

/**
 * Dates and quantities of a claim, resolved and normalised so that outlets can be compared:
 * "on Friday" and "on January 17" against the article's publication time, "20-year" as 20 years.
 */

export interface ResolvedDate {
  /** As written ("on Friday", "last year", "January 17, 2025"). */
  text: string;
  /** ISO calendar value at the precision the text gives: YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  /** Set when the value was worked out from the reference time (a weekday, "last year", a date without its year). */
  relativeTo?: 'publishedAt' | 'ingestedAt';
}

export interface Quantity {
  text: string;
  value: number;
  /** Singular unit ("year", "drone", "percent"); absent for a bare figure. */
  unit?: string;
  /** "hundreds of", "about", "more than": an order of magnitude or a bound, not an exact count. */
  approximate?: boolean;
}

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11 };
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const DATE_PATTERN = new RegExp(
  [
    `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, // January 17[, 2025]
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?\\b`, // 17 January [2025]
    `\\b(?:(last|next|this)\\s+|in\\s+|since\\s+)?${MONTH}(?:\\s+(\\d{4}))?\\b`, // last July, in February 2022
    `\\b(?:(last|next|this|on)\\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\\b`,
    `\\b(last|next|this|earlier this|later this)\\s+(year|month|week)\\b`,
    `\\b(yesterday|today|tomorrow)\\b`,
    `\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a)\\s+(years?|months?|weeks?|days?)\\s+ago\\b`,
    `\\b((?:19|20)\\d{2})\\b`,
  ].join('|'),
  'giu',
);

/** Dates in `text`, resolved against `reference` (the article's publication time, else its ingestion). */
export function resolveDates(text: string, reference: string | undefined, referenceKind: 'publishedAt' | 'ingestedAt'): ResolvedDate[] {
  const ref = reference ? new Date(reference) : undefined;
  const validRef = ref && !Number.isNaN(ref.getTime()) ? ref : undefined;
  const out: ResolvedDate[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const written = m[0];
    const relative = (value: string | undefined): void => {
      if (value) out.push({ text: written, value, relativeTo: referenceKind });
    };
    if (m[1] !== undefined) {
      // Month day [year]
      const month = monthIndex(m[1]);
      const day = Number(m[2]);
      if (m[3]) out.push({ text: written, value: iso(Number(m[3]), month, day) });
      else if (validRef) relative(iso(yearOfPast(validRef, month, day), month, day));
    } else if (m[4] !== undefined) {
      const month = monthIndex(m[5]);
      const day = Number(m[4]);
      if (m[6]) out.push({ text: written, value: iso(Number(m[6]), month, day) });
      else if (validRef) relative(iso(yearOfPast(validRef, month, day), month, day));
    } else if (m[8] !== undefined) {
      const month = monthIndex(m[8]);
      // "May" alone is too often the verb; a bare month needs a cue or a year.
      if (m[9]) out.push({ text: written, value: `${m[9]}-${pad(month + 1)}` });
      else if (validRef && (m[7] || /^(in|since)\s/i.test(written))) {
        const direction = m[7]?.toLowerCase();
        let year = validRef.getUTCFullYear();
        if (direction === 'next') year += month <= validRef.getUTCMonth() ? 1 : 0;
        else if (direction !== 'this' && month > validRef.getUTCMonth()) year -= 1;
        else if (direction === 'last' && month === validRef.getUTCMonth()) year -= 1;
        relative(`${year}-${pad(month + 1)}`);
      }
    } else if (m[11] !== undefined) {
      if (!validRef) continue;
      const target = WEEKDAYS.indexOf(m[11].toLowerCase());
      const current = validRef.getUTCDay();
      const before = text.slice(Math.max(0, (m.index ?? 0) - 14), m.index ?? 0);
      const direction = /(?:ahead of|before|until|next)\s*$/i.test(before) ? 'next' : m[10]?.toLowerCase();
      let delta = direction === 'next' ? ((target - current + 7) % 7 || 7) : -((current - target + 7) % 7);
      if (direction === 'last' && delta === 0) delta = -7;
      relative(isoDate(addDays(validRef, delta)));
    } else if (m[13] !== undefined) {
      if (!validRef) continue;
      const shift = /^last/i.test(m[12]) ? -1 : /^next/i.test(m[12]) ? 1 : 0;
      const unit = m[13].toLowerCase();
      if (unit === 'year') relative(String(validRef.getUTCFullYear() + shift));
      else if (unit === 'month') {
        const d = new Date(Date.UTC(validRef.getUTCFullYear(), validRef.getUTCMonth() + shift, 1));
        relative(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`);
      } else relative(isoDate(addDays(validRef, 7 * shift)));
    } else if (m[14] !== undefined) {
      if (!validRef) continue;
      const word = m[14].toLowerCase();
      relative(isoDate(addDays(validRef, word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0)));
    } else if (m[16] !== undefined) {
      if (!validRef) continue;
      const n = numberWord(m[15]) ?? 1;
      const unit = m[16].toLowerCase().replace(/s$/, '');
      if (unit === 'year') relative(String(validRef.getUTCFullYear() - n));
      else if (unit === 'month') {
        const d = new Date(Date.UTC(validRef.getUTCFullYear(), validRef.getUTCMonth() - n, 1));
        relative(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`);
      } else relative(isoDate(addDays(validRef, -(unit === 'week' ? 7 : 1) * n)));
    } else if (m[17] !== undefined) {
      // A bare year, unless it is a quantity ("2000 troops").
      const after = text.slice((m.index ?? 0) + written.length, (m.index ?? 0) + written.length + 12);
      if (/^\s+(?:troops|people|soldiers|drones|dollars|km|miles|tons|tonnes|units)\b/i.test(after)) continue;
      out.push({ text: written, value: m[17] });
    }
  }
  return out;
}

/** The year that puts month/day at or before the reference (news reports the past), allowing a week ahead. */
function yearOfPast(ref: Date, month: number, day: number): number {
  const year = ref.getUTCFullYear();
  const candidate = Date.UTC(year, month, day);
  return candidate > ref.getTime() + 7 * 86_400_000 ? year - 1 : year;
}

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(lower);
  return full >= 0 ? full : (MONTH_ABBR[lower] ?? 0);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${pad(month + 1)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, dozen: 12,
};

function numberWord(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (/^\d+$/.test(lower)) return Number(lower);
  return NUMBER_WORDS[lower];
}

const SCALE: Record<string, number> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9 };

const QUANTITY_PATTERN = new RegExp(
  [
    // $69 billion, 1,000 troops, 20-year, 3.5 percent, 20 years
    `(about|around|nearly|almost|more than|over|at least|some|up to|fewer than|less than)?\\s*([$€£])?\\b(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s*(million|billion|trillion|thousand|hundred|bn|m)\\b)?(?:(-|\\s+)([a-z]+(?:-[a-z]+)?))?(%)?`,
    // twenty years, two nuclear reactors, sixty-one people, two million homes (number words then a unit)
    `\\b((?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|thousand|dozen)(?:\\s+(?:hundred|thousand|million|billion))?)(-|\\s+)(?:(?:more|new|other|top|key|main|major|additional|nuclear|military|separate|further)\\s+)*([a-z]+)`,
    // hundreds of drones
    `\\b(dozens|hundreds|thousands|millions|billions)\\s+of\\s+([a-z]+)`,
  ].join('|'),
  'giu',
);

/** Figures with their units, normalised: "20-year" and "20 years" are both {value: 20, unit: "year"}. */
export function findQuantities(text: string, dates: readonly ResolvedDate[] = []): Quantity[] {
  const dateTexts = dates.map((d) => d.text);
  const out: Array<Quantity & { at: number }> = [];
  // a time of day is one figure ("8:20 p.m.", not 8 and 20), and "about" or "before" one is no exact time
  const times: Array<[number, number]> = [];
  for (const m of text.matchAll(TIME_OF_DAY)) {
    const value = minutesAfterMidnight(m);
    if (value === undefined) continue;
    const from = (m.index ?? 0) + m[0].indexOf(m[2], m[1]?.length ?? 0);
    times.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    out.push({ at: from, text: text.slice(from, (m.index ?? 0) + m[0].length).trim(), value, unit: TIME_OF_DAY_UNIT, ...(m[1] ? { approximate: true } : {}) });
  }
  for (const m of text.matchAll(QUANTITY_PATTERN)) {
    const at = m.index ?? 0;
    if (times.some(([start, end]) => at + m[0].length > start && at < end)) continue;
    const written = m[0].trim();
    if (m[3] !== undefined) {
      if (dateTexts.some((d) => d.includes(m[3]))) continue;
      let value = Number(m[3].replace(/,/g, ''));
      if (m[4]) value *= SCALE[m[4].toLowerCase()] ?? 1;
      const unitWord = m[6] && isUnit(m[6]) ? m[6].toLowerCase() : undefined;
      let unit: string | undefined;
      if (m[7]) unit = 'percent';
      else if (m[2]) unit = m[2] === '$' ? 'usd' : m[2] === '€' ? 'eur' : 'gbp';
      else if (unitWord) unit = singular(unitWord);
      if (unit === 'percent' || unit === 'per' || unit === 'per-cent') unit = 'percent';
      // A word after the figure that is not a unit ("33 at the port") is not part of the quantity.
      const textOut = m[6] && !unitWord ? written.replace(/(-|\s+)[a-z]+(?:-[a-z]+)?$/i, '') : written;
      out.push({ at, text: textOut, value, ...(unit ? { unit } : {}), ...(m[1] ? { approximate: true } : {}) });
    } else if (m[8] !== undefined) {
      const value = Number(readFigures(m[8], tokenize(m[8]))[0]?.value ?? NUMBER_WORDS[m[8].toLowerCase()]);
      const head = m[10].toLowerCase();
      if (!isUnit(head) || m[8].toLowerCase() === 'one') continue;
      out.push({ at, text: written, value, unit: singular(head) });
    } else if (m[11] !== undefined) {
      if (!isUnit(m[12])) continue;
      const scale = { dozens: 12, hundreds: 100, thousands: 1000, millions: 1e6, billions: 1e9 }[m[11].toLowerCase() as 'dozens'] ?? 1;
      out.push({ at, text: written, value: scale, unit: singular(m[12].toLowerCase()), approximate: true });
    }
  }
  return out.sort((a, b) => a.at - b.at).map(({ at: _at, ...quantity }) => quantity);
}

/** The first time of day a text names ("2:30 a.m.", "about 9 p.m."), in minutes after midnight; undefined when it names none. */
export function firstTimeOfDay(text: string): number | undefined {
  for (const m of text.matchAll(TIME_OF_DAY)) {
    const minutes = minutesAfterMidnight(m);
    if (minutes !== undefined) return minutes;
  }
  return undefined;
}

/** A TIME_OF_DAY match in minutes after midnight ("12:05 a.m." is 5); undefined when it is no clock time ("13 p.m."). */
function minutesAfterMidnight(m: RegExpMatchArray): number | undefined {
  const [hour, minute] = [Number(m[2]), Number(m[3] ?? 0)];
  if (hour < 1 || hour > 12 || minute > 59) return undefined;
  return (hour % 12) * 60 + minute + (m[4].toLowerCase() === 'p' ? 720 : 0);
}

/** The unit of a time of day: no word of prose, so that no sentence names it without a figure. */
export const TIME_OF_DAY_UNIT = 'time of day';
const TIME_OF_DAY = /\b(about|around|approximately|roughly|nearly|almost|(?:shortly |just |right )?(?:before|after)|until|by)?\s*\b(\d{1,2})(?:\s?:\s?(\d{2}))?\s*([ap])\.?\s?m\b\.?/gi;

/** A unit is what is counted or measured: a noun ("tonnes", "years", "drones"), never "at" or "killed". */
function isUnit(word: string): boolean {
  return /^(percent|per|per-cent)$/i.test(word) || isNoun(word);
}

function singular(word: string): string {
  if (word === 'percent' || word === 'per') return 'percent';
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us)$/.test(word)) return word;
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}
