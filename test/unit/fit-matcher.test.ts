import { claimFeatures } from '../../functions/core/claims/claim-features';
import { claimMatch, sameClaimModel, SHIPPED_MATCHER } from '../../functions/core/claims/claim-similarity';
import { balancedWeights, chooseThreshold, FIT_OPTIONS, fitMatcher, type PairItem, type PairLogits, uncasedPair } from '../../cli/eval/fit-matcher';

const item = (set: string, label: number, a = 'The council met.', b = 'The council met.'): PairItem => ({ a: claimFeatures(a), b: claimFeatures(b), label, set });
const logits = (same: number): PairLogits => ({ same, graded: 0, numbersDiffer: false, polarityDiffers: false });

describe('chooseThreshold', () => {
  it('puts the threshold between the log-odds of the two classes', () => {
    // Prepare: positives at log-odds 1 and above, negatives at 0 and below
    const pairs = [-1, -0.5, 0, 1, 1.5, 2].map((z, i) => ({ item: item('msrp', i >= 3 ? 1 : 0), logits: logits(z) }));
    // Act
    const threshold = chooseThreshold(pairs, 0, 'accuracy');
    // Assess
    expect(threshold).toBeGreaterThan(0);
    expect(threshold).toBeLessThanOrEqual(1);
  });

  it('counts each set once, whatever its size', () => {
    // A large set wants the threshold above 1, a small one below 1; each set weighs the same, so the
    // threshold is not simply the large set's.
    const large = [0.5, 0.8, 1.2, 1.5].flatMap((z) => Array.from({ length: 25 }, () => ({ item: item('large', z > 1.3 ? 1 : 0), logits: logits(z) })));
    const small = [0.5, 0.8, 1.2, 1.5].map((z) => ({ item: item('small', z > 0.6 ? 1 : 0), logits: logits(z) }));
    const both = chooseThreshold([...large, ...small], 0, 'accuracy');
    const largeAlone = chooseThreshold(large, 0, 'accuracy');
    expect(largeAlone).toBeGreaterThan(1.2);
    expect(both).toBeLessThan(largeAlone);
  });
});

describe('balancedWeights', () => {
  it('gives every set the same total weight', () => {
    const items = [item('a', 1), item('a', 0), item('a', 1), item('b', 0)];
    const weights = balancedWeights(items);
    expect(weights).toEqual([2 / 3, 2 / 3, 2 / 3, 2]);
  });
});

describe('lower-cased pairs', () => {
  it('marks a sentence with letters but no capital as uncased, and only then', () => {
    expect(claimFeatures('aide in new wikileaks email we need to clean this up').uncased).toBe(true);
    expect(claimFeatures('The council met on Tuesday.').uncased).toBeUndefined();
    expect(claimFeatures('2020 - 2021').uncased).toBeUndefined();
  });

  it('sends a pair of lower-cased sentences to the lower-cased model, any other pair to the main one', () => {
    const model = SHIPPED_MATCHER.model;
    const lower = claimFeatures('iran signs treaty with russia');
    const cased = claimFeatures('Iran signs treaty with Russia.');
    expect(model.uncased).toBeDefined();
    expect(sameClaimModel(model, lower, lower)).toBe(model.uncased);
    expect(sameClaimModel(model, lower, cased)).toBe(model);
    expect(uncasedPair(item('t', 1, 'iran signs treaty', 'iran signs a treaty'))).toBe(true);
    expect(uncasedPair(item('t', 1, 'iran signs treaty', 'Iran signs a treaty'))).toBe(false);
  });
});

describe('fitMatcher', () => {
  it('learns from the pairs it is given to tell restatements from other claims', () => {
    // Prepare: restatements (same subject and verb, other order) and unrelated sentences
    const subjects = ['council', 'minister', 'court', 'company', 'union', 'mayor', 'army', 'bank', 'school', 'team'];
    const verbs = ['approved the budget', 'signed the treaty', 'raised the rates', 'closed the plant', 'won the vote'];
    const items: PairItem[] = [];
    subjects.forEach((s, i) => verbs.forEach((v, j) => {
      items.push(item('train', 1, `The ${s} ${v} on Monday.`, `On Monday the ${s} ${v}.`));
      items.push(item('train', 0, `The ${s} ${v} on Monday.`, `The ${subjects[(i + 3) % 10]} ${verbs[(j + 2) % 5]} last week.`));
    }));
    const options = { ...FIT_OPTIONS, trees: { ...FIT_OPTIONS.trees, trees: 10, minLeaf: 5 } };
    // Act
    const matcher = fitMatcher(items, options);
    // Assess: pairs never seen
    expect(claimMatch(claimFeatures('The parliament passed the law on Friday.'), claimFeatures('On Friday the parliament passed the law.'), matcher).same).toBe(true);
    expect(claimMatch(claimFeatures('The parliament passed the law on Friday.'), claimFeatures('The police arrested a suspect last week.'), matcher).same).toBe(false);
  });
});
