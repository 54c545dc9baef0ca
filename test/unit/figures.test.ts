import { claimFeatures } from '../../functions/core/claims/claim-features';
import { figuresDiffer } from '../../functions/core/claims/claim-similarity';
import { readFigures } from '../../functions/core/claims/figures';
import { tokenize } from '../../functions/core/text/tokens';

const figures = (text: string) => readFigures(text, tokenize(text)).map((f) => f.value);
const measures = (text: string) => readFigures(text, tokenize(text)).map((f) => f.measure ?? '');

describe('readFigures', () => {
  it('reads one value however a figure is written', () => {
    for (const text of ['The storm left two million homes dark.', 'The storm left 2 million homes dark.', 'The storm left 2,000,000 homes dark.']) expect(figures(text)).toEqual(['2000000']);
    expect(figures('The deal is worth $2m, or £1.5bn over ten years.')).toEqual(['2000000', '1500000000', '10']);
    expect(figures('Sixty-one people were killed; sixty one were hurt.')).toEqual(['61', '61']);
    expect(figures('Ozone reached .20 parts per million, then 0.20 again and 0.2 later.')).toEqual(['0.2', '0.2', '0.2']);
    expect(figures('The bill passed with two hundred and fifty-three votes and two dozen abstentions.')).toEqual(['253', '24']);
    expect(figures('Shares rose $2.11 billion, with 1.1 millions sold.')).toEqual(['2110000000', '1100000']);
    expect(figures('The Orioles offered $140-150 million, the Nationals 2 to 3 billion.')).toEqual(['140000000', '150000000', '2000000000', '3000000000']);
  });

  it('keeps what is no figure out: "one" on its own, names, a scale without a currency', () => {
    expect(figures('One of the suspects fled, and one more was caught.')).toEqual([]);
    expect(figures('One million people marched.')).toEqual(['1000000']);
    expect(figures('He spoke at Four Seasons Total Landscaping, and the Big Ten met.')).toEqual([]);
    expect(figures('DAYTONA BEACH — Four people were shot.')).toEqual(['4']);
    expect(figures('The wall is 5m high.')).toEqual([]);
    // words that name properties of every JavaScript object are words
    expect(figures('the the bridge the approved constructor, toString and valueOf')).toEqual([]);
    // a version number stays as written: no value compares it with another
    expect(figures('The 2.6.0 kernel shipped.')).toEqual(['2.6.0']);
  });

  it('reads what a figure measures: a share, money, a duration, a length, or a count of the noun after it', () => {
    expect(measures('Fletcher, a three-term congressman, had 57 percent of the vote.')).toEqual(['count', 'percent']);
    expect(measures('He had 88,747 votes, or 57 per cent, and $30.50 a share, up 2%, 48 cents higher.')).toEqual(['count', 'percent', 'money', 'percent', 'money']);
    expect(measures('A 20-year treaty, 24 hours, 90 miles, 200,000 acres and 20 new moons at 10,310.04.')).toEqual(['time', 'time', 'length', 'area', 'count', '']);
    expect(measures('In 1999 a 2001 agreement sent 2000 troops.')).toEqual(['time', 'time', 'count']);
  });
});

describe('figuresDiffer', () => {
  const differ = (a: string, b: string) => figuresDiffer(claimFeatures(a), claimFeatures(b));

  it('tells figures of one thing apart, in words or in digits', () => {
    expect(differ('Police arrested two suspects after the robbery.', 'Police arrested three suspects after the robbery.')).toBe(true);
    expect(differ('The storm left two million homes without power.', 'The storm left 3 million homes without power.')).toBe(true);
    // the unit unsaid could be anything
    expect(differ('The index closed at 927.', 'The index closed at 9,240 points.')).toBe(true);
    // two counts may count one thing in other words
    expect(differ('Police arrested 12 protesters.', 'Police arrested 40 demonstrators.')).toBe(true);
  });

  it('does not set figures of different measures against each other, nor one figure written two ways', () => {
    expect(differ('He could get seven years in prison.', 'The charges carry $1.25 million in fines.')).toBe(false);
    expect(differ('Sixty-one people were killed in the worst day in a year.', '61 people were killed in the bloodiest 24 hours in a year.')).toBe(false);
    expect(differ('Ozone reached .20 parts per million.', 'Ozone reached 0.20 parts per million.')).toBe(false);
    expect(differ('The company will cut 1.2 million jobs.', 'The company will cut 1,200,000 jobs.')).toBe(false);
  });
});
