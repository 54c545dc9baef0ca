import { claimFeatures } from '../../functions/core/claims/claim-features';
import { figuresDiffer } from '../../functions/core/claims/claim-similarity';
import { readFigures } from '../../functions/core/claims/figures';
import { tokenize } from '../../functions/core/text/tokens';

const figures = (text: string) => readFigures(text, tokenize(text)).map((f) => f.value);

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
});

describe('figuresDiffer', () => {
  const differ = (a: string, b: string) => figuresDiffer(claimFeatures(a).numbers, claimFeatures(b).numbers);

  it('tells figures apart, in words or in digits', () => {
    expect(differ('Police arrested two suspects after the robbery.', 'Police arrested three suspects after the robbery.')).toBe(true);
    expect(differ('The storm left two million homes without power.', 'The storm left 3 million homes without power.')).toBe(true);
  });

  it('does not set one figure written two ways against itself', () => {
    expect(differ('Sixty-one people were killed in the worst day in a year.', '61 people were killed in the bloodiest 24 hours in a year.')).toBe(false);
    expect(differ('Ozone reached .20 parts per million.', 'Ozone reached 0.20 parts per million.')).toBe(false);
    expect(differ('The company will cut 1.2 million jobs.', 'The company will cut 1,200,000 jobs.')).toBe(false);
  });
});
