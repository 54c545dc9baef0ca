import { claimFeatures } from '../../functions/core/claims/claim-features';
import { claimSimilarity, SAME_CLAIM_THRESHOLD } from '../../functions/core/claims/claim-similarity';
import { extractClaims } from '../../functions/core/claims/extract-claims';
import { findRewriteOrigin } from '../../functions/core/claims/rewrite';

const similarity = (a: string, b: string) => claimSimilarity(claimFeatures(a), claimFeatures(b));

describe('extractClaims', () => {
  it('keeps declarative sentences with their exact spans and skips questions and fragments', () => {
    const paragraphs = ['The council approved the budget on Tuesday by seven votes to two. What happens next?', 'Read more.', 'Officials said the new rules would take effect in March next year.'];
    const claims = extractClaims(paragraphs);
    expect(claims.map((c) => c.text)).toEqual(['The council approved the budget on Tuesday by seven votes to two.', 'Officials said the new rules would take effect in March next year.']);
    for (const claim of claims) expect(paragraphs[claim.paragraph].slice(claim.start, claim.end)).toBe(claim.text);
  });
});

describe('claimSimilarity', () => {
  it('matches the same fact in other words', () => {
    expect(similarity('Putin praised the deal as a real breakthrough.', 'Putin hailed the agreement as a real breakthrough.')).toBeGreaterThanOrEqual(SAME_CLAIM_THRESHOLD);
    expect(similarity('Iran has supplied Russia with Shahed drones.', 'Iran provided Russia with Shahed drones, officials said.')).toBeGreaterThanOrEqual(SAME_CLAIM_THRESHOLD);
  });

  it('keeps different facts apart', () => {
    expect(similarity('The treaty will run for 20 years.', 'The treaty will run for 10 years.')).toBeLessThan(SAME_CLAIM_THRESHOLD);
    expect(similarity('Putin praised the deal as a real breakthrough.', 'Iran joined the BRICS bloc last year.')).toBeLessThan(SAME_CLAIM_THRESHOLD);
    expect(similarity('Moscow supplied weapons to Tehran.', 'Moscow has not supplied weapons to Tehran.')).toBeLessThan(similarity('Moscow supplied weapons to Tehran.', 'Moscow supplied weapons to Tehran last year.'));
  });
});

describe('findRewriteOrigin', () => {
  const earlier = Array.from({ length: 8 }, (_, i) => ({ claimId: `c${i}`, articleId: 'original', claimIndex: i }));

  it('names the article whose claims this one restates in order', () => {
    expect(findRewriteOrigin(['c0', 'c1', undefined, 'c3', 'c4', 'c6'], earlier, 'new')).toBe('original');
  });

  it('does not call shared facts in a different order a rewrite', () => {
    expect(findRewriteOrigin(['c6', 'c1', 'c4', 'c0', 'c7', 'c2'], earlier, 'new')).toBeUndefined();
    expect(findRewriteOrigin(['c0', undefined, undefined, undefined, undefined, undefined, 'c1', undefined], earlier, 'new')).toBeUndefined();
  });
});
