import {
  bernoulliKl,
  fitTermWeights,
  packTermWeights,
  termWeight,
  unpackTermWeights,
  weightedAgreement,
} from '../../functions/core/claims/term-weights';

/** `count` copies of one labelled pair of term sets. */
const pairs = (count: number, a: string[], b: string[], same: boolean) => Array.from({ length: count }, () => ({ a, b, same }));

describe('fitTermWeights', () => {
  it('weighs a word whose sharing marks the same claim above a word shared by different claims alike', () => {
    // Prepare: "deal" is shared by same-claim pairs and missing on one side of different-claim pairs;
    // "said" is shared by every pair, same claim or not
    const data = [
      ...pairs(10, ['deal', 'said'], ['deal', 'said'], true),
      ...pairs(10, ['deal', 'said'], ['said', 'storm'], false),
    ];
    // Act
    const table = fitTermWeights(data, { minPairs: 2, keep: 10, smoothing: 1 });
    // Assess
    expect(termWeight(table, 'deal')).toBeGreaterThan(1);
    expect(termWeight(table, 'said')).toBeCloseTo(0, 10);
  });

  it('gives words seen in fewer pairs than minPairs the median weight of the words kept', () => {
    const data = [
      ...pairs(6, ['deal'], ['deal'], true),
      ...pairs(6, ['deal'], ['talk'], false),
      ...pairs(6, ['said'], ['said'], true),
      ...pairs(6, ['said'], ['said'], false),
      ...pairs(1, ['rare'], ['rare'], true),
    ];
    const table = fitTermWeights(data, { minPairs: 3, keep: 10, smoothing: 1 });
    expect(table.weights.has('rare')).toBe(false);
    expect([...table.weights.keys()].sort()).toEqual(['deal', 'said', 'talk']);
    const kept = [...table.weights.values()].sort((x, y) => x - y);
    expect(termWeight(table, 'rare')).toBe(kept[1]);
  });

  it('keeps only the `keep` words seen in the most pairs', () => {
    const data = [...pairs(5, ['often'], ['often'], true), ...pairs(3, ['seldom'], ['other'], false)];
    const table = fitTermWeights(data, { minPairs: 1, keep: 1, smoothing: 1 });
    expect([...table.weights.keys()]).toEqual(['often']);
  });
});

describe('bernoulliKl', () => {
  it('is zero for equal rates and grows as they part', () => {
    expect(bernoulliKl(0.3, 0.3)).toBe(0);
    expect(bernoulliKl(0.9, 0.5)).toBeGreaterThan(bernoulliKl(0.6, 0.5));
  });
});

describe('weightedAgreement', () => {
  it('measures shared and missing weight on each side', () => {
    // Prepare: a = {deal: 2, signed: 1}, b = {deal: 2, storm: 3}; only "deal" is stated on both sides
    const result = weightedAgreement([2, 1], [2, 3], ['deal', 'signed'], ['deal', 'storm'], [1, 0], [1, 0]);
    // Assess
    expect(result.cosine).toBeCloseTo(4 / Math.sqrt(5 * 13), 10);
    expect(result.coveredMin).toBeCloseTo(2 / 5, 10);
    expect(result.coveredMax).toBeCloseTo(2 / 3, 10);
    expect(result.missingMax).toBeCloseTo(Math.log1p(3), 10);
  });

  it('counts a word stated by a related word as covered, though not in the exact cosine', () => {
    const result = weightedAgreement([1], [1], ['praise'], ['hail'], [1], [1]);
    expect(result.cosine).toBe(0);
    expect(result.coveredMin).toBe(1);
    expect(result.missingMax).toBe(0);
  });

  it('is all zero when no term weighs anything', () => {
    expect(weightedAgreement([0], [0], ['a'], ['b'], [0], [0])).toEqual({ cosine: 0, coveredMin: 0, coveredMax: 0, missingMax: 0 });
  });
});

describe('packTermWeights', () => {
  it('round-trips a table through its compact source form, weights to three decimals', () => {
    const table = { weights: new Map([['deal', 1.23456], ['said', 0.0001]]), fallback: 0.5 };
    const back = unpackTermWeights(packTermWeights(table));
    expect([...back.weights.entries()]).toEqual([['deal', 1.235], ['said', 0]]);
    expect(back.fallback).toBe(0.5);
  });

  it('unpacks an empty table', () => {
    expect(unpackTermWeights({ fallback: 0, terms: '', weights: [] }).weights.size).toBe(0);
  });
});
