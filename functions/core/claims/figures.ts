import type { Token } from '../text/tokens';

/**
 * The figures a sentence states, each read as one value however it is written: "two million",
 * "2 million", "2,000,000" and "$2m" are all 2000000; "Sixty-one" is 61; "0.50" and ".5" are 0.5.
 * Claims compare figures by these values (claim features' `numbers`), so that "Two people were
 * killed" and "Three people were killed" differ in a figure, as "2 people" and "3 people" do, and
 * "61" restates "Sixty-one".
 */
export interface Figure {
  /** The value as a plain decimal string ("1200000", "0.2"); a number that is no decimal ("2.6.0", "1,2") as written. */
  value: string;
  /** Index of the figure's first token. */
  first: number;
  /** Index past its last token. */
  end: number;
}

// Maps, not objects: a word such as "constructor" must not reach Object.prototype.
const UNITS = numberWords({ one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 });
const TEENS = numberWords({
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS = numberWords({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const SCALES = numberWords({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9 });
/** The scales after a figure in digits, where a plural one is a scale too ("1.1 millions youths"). */
const DIGIT_SCALES: ReadonlyMap<string, number> = new Map([...SCALES, ...numberWords({ thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12 })]);
/** "$5m", "£2.5bn", "$300k": a scale written onto the figure, read only after a currency sign. */
const SUFFIXED = /^(\d+(?:\.\d+)?)(k|m|bn)$/;
const SUFFIX_SCALE = numberWords({ k: 1e3, m: 1e6, bn: 1e9 });
const DECIMAL = /^\d+(?:\.\d+)?$/;

/** The figures of a sentence, in order, from its tokens (`tokenize(text)`). */
export function readFigures(text: string, tokens: readonly Token[]): Figure[] {
  const figures: Figure[] = [];
  for (let i = 0; i < tokens.length; ) {
    const figure = tokens[i].isNumber ? digitFigure(text, tokens, i) : wordFigure(text, tokens, i) ?? suffixedFigure(text, tokens, i);
    if (figure) {
      figures.push(figure);
      i = figure.end;
    } else i += 1;
  }
  return figures;
}

/** "2.5", "1,200", ".20", "2.5 million"; "2.6.0" as written. */
function digitFigure(text: string, tokens: readonly Token[], i: number): Figure {
  const written = tokens[i].stem;
  if (!DECIMAL.test(written)) return { value: written, first: i, end: i + 1 };
  // ".20 parts per million": a decimal point with no digit before it
  const pointBefore = text[tokens[i].start - 1] === '.' && !/\d/.test(text[tokens[i].start - 2] ?? '') && !written.includes('.');
  const value = Number(pointBefore ? `0.${written}` : written);
  // the first figure of a range shares the scale written after the second ("$140-150 million")
  const scale = scaleAfter(text, tokens, i + 1, DIGIT_SCALES) ?? rangeScale(text, tokens, i);
  return scale ? { value: plain(value * scale.factor), first: i, end: scale.end } : { value: plain(value), first: i, end: i + 1 };
}

/** "Sixty-one", "two hundred and fifty", "three million", "two dozen"; never "one" on its own ("one of them"). */
function wordFigure(text: string, tokens: readonly Token[], i: number): Figure | undefined {
  if (inName(text, tokens, i)) return undefined;
  const first = smallNumber(text, tokens, i);
  if (!first) return undefined;
  let { value, end } = first;
  if (tokens[end]?.lower === 'hundred' && adjacent(text, tokens, end)) {
    value *= 100;
    end += 1;
    const andNext = tokens[end]?.lower === 'and' && adjacent(text, tokens, end) ? end + 1 : end;
    const rest = adjacent(text, tokens, andNext) ? smallNumber(text, tokens, andNext) : undefined;
    if (rest) ({ value, end } = { value: value + rest.value, end: rest.end });
  }
  if (tokens[end]?.lower === 'dozen' && adjacent(text, tokens, end)) {
    value *= 12;
    end += 1;
  }
  const scale = scaleAfter(text, tokens, end);
  if (scale) {
    value *= scale.factor;
    end = scale.end;
  }
  if (end === i + 1 && value === 1) return undefined;
  return { value: plain(value), first: i, end };
}

/**
 * A capitalised number word beside another capitalised word is part of a name ("Four Seasons", "the
 * Big Ten"); one that starts a sentence or a clause ("Two people...", "DAYTONA BEACH - Four people")
 * is a figure.
 */
function inName(text: string, tokens: readonly Token[], i: number): boolean {
  if (!tokens[i].isCapitalized) return false;
  const next = tokens[i + 1];
  if (next?.isCapitalized && adjacent(text, tokens, i + 1)) return true;
  const previous = tokens[i - 1];
  return previous !== undefined && previous.isCapitalized && /^\s+$/.test(text.slice(previous.start + previous.text.length, tokens[i].start));
}

/** A number word below a hundred: "seven", "fifteen", "forty", "forty-two", "forty two". */
function smallNumber(text: string, tokens: readonly Token[], i: number): { value: number; end: number } | undefined {
  const word = tokens[i]?.lower;
  if (word === undefined) return undefined;
  const unit = UNITS.get(word) ?? TEENS.get(word);
  if (unit !== undefined) return { value: unit, end: i + 1 };
  const tens = TENS.get(word);
  if (tens === undefined) return undefined;
  const next = tokens[i + 1]?.lower;
  const ones = next === undefined ? undefined : UNITS.get(next);
  if (ones !== undefined && adjacent(text, tokens, i + 1)) return { value: tens + ones, end: i + 2 };
  return { value: tens, end: i + 1 };
}

/** "$5m", "£2.5bn": only after a currency sign ("5m" alone may be five metres). */
function suffixedFigure(text: string, tokens: readonly Token[], i: number): Figure | undefined {
  const match = SUFFIXED.exec(tokens[i].lower);
  if (!match || !/[$£€]/.test(text[tokens[i].start - 1] ?? '')) return undefined;
  return { value: plain(Number(match[1]) * SUFFIX_SCALE.get(match[2])!), first: i, end: i + 1 };
}

/** The scale of a range's second figure ("140-150 million", "2 to 3 billion"), its end left where the first figure ends. */
function rangeScale(text: string, tokens: readonly Token[], i: number): { factor: number; end: number } | undefined {
  const first = tokens[i];
  const next = tokens[i + 1];
  if (!next) return undefined;
  const between = text.slice(first.start + first.text.length, next.start);
  const second = /^\s*[-–]\s*\$?$/.test(between) ? i + 1 : next.lower === 'to' && tokens[i + 2] ? i + 2 : undefined;
  if (second === undefined || !tokens[second].isNumber) return undefined;
  const scale = scaleAfter(text, tokens, second + 1);
  return scale ? { factor: scale.factor, end: i + 1 } : undefined;
}

/** "million" or "thousand" right after a figure. */
function scaleAfter(text: string, tokens: readonly Token[], i: number, scales: ReadonlyMap<string, number> = SCALES): { factor: number; end: number } | undefined {
  const factor = scales.get(tokens[i]?.lower ?? '');
  return factor !== undefined && adjacent(text, tokens, i) ? { factor, end: i + 1 } : undefined;
}

function numberWords(words: Record<string, number>): ReadonlyMap<string, number> {
  return new Map(Object.entries(words));
}

/** Token `i` follows token `i - 1` with only a space or a hyphen between them. */
function adjacent(text: string, tokens: readonly Token[], i: number): boolean {
  const previous = tokens[i - 1];
  const token = tokens[i];
  if (!previous || !token) return false;
  return /^(?:\s+|-)$/.test(text.slice(previous.start + previous.text.length, token.start));
}

/** A value as a plain decimal string, without the float noise of a scaling ("2.11 million" is 2110000, not 2110000.0000000002). */
function plain(value: number): string {
  return String(Number(value.toPrecision(12)));
}
