import { contentHash } from '../../functions/core/fingerprint/content-hash';
import { estimateContainment, estimateJaccard, lshBands, minhash } from '../../functions/core/fingerprint/minhash';
import { findNearDuplicate, headlinesAgree, isPageChrome, lateCopies, MIN_TEXT_SHINGLES, TITLE_IN_TEXT, titleInText, type FingerprintedArticle } from '../../functions/core/fingerprint/near-duplicate';
import { parseArticle } from '../../functions/core/parse/parse-article';
import { seedFiles } from '../support/seeds';

const seeds = seedFiles().map(({ name, bytes }) => parseArticle(bytes, { key: `inbox/${name}` }));
const bodyOf = (index: number) => seeds[index].paragraphs.join('\n');

describe('contentHash', () => {
  it('ignores white space, case and punctuation but not wording', () => {
    expect(contentHash('A title', ['One line.', 'Two  lines!'])).toBe(contentHash('a title', ['One line', 'two lines']));
    expect(contentHash('A title', ['One line.'])).not.toBe(contentHash('A title', ['One lime.']));
  });
});

describe('minhash', () => {
  it('estimates Jaccard near 1 for a copy-edited reprint and near 0 for independent reports', () => {
    const original = bodyOf(4);
    const edited = original.replace(/Pezeshkian/g, 'Pezeshkiyan').replace(/said/g, 'stated');
    expect(estimateJaccard(minhash(original), minhash(edited))).toBeGreaterThan(0.5);
    expect(estimateJaccard(minhash(bodyOf(1)), minhash(bodyOf(4)))).toBeLessThan(0.1);
  });

  it('estimates containment of a trimmed copy', () => {
    const paragraphs = seeds[4].paragraphs;
    const trimmed = paragraphs.slice(0, Math.ceil(paragraphs.length / 2)).join('\n');
    const full = minhash(paragraphs.join('\n'));
    const part = minhash(trimmed);
    expect(estimateJaccard(full, part)).toBeLessThan(0.7);
    expect(estimateContainment(full, part)).toBeGreaterThan(0.8);
  });

  it('puts near-duplicates in a shared LSH band', () => {
    const a = lshBands(minhash(bodyOf(4)));
    const b = lshBands(minhash(`${bodyOf(4)}\nOne extra closing line added by the syndicating outlet.`));
    expect(a.filter((band) => b.includes(band)).length).toBeGreaterThan(0);
  });

  it('links a reordered copy to the earliest candidate and ignores independent reports', () => {
    const reordered = [...seeds[4].paragraphs].reverse().join('\n');
    const candidates = [
      { id: 'independent', title: seeds[1].title, signature: minhash(bodyOf(1)), ingestedAt: '2025-01-01T00:00:00Z' },
      { id: 'original', title: seeds[4].title, signature: minhash(bodyOf(4)), ingestedAt: '2025-01-02T00:00:00Z' },
      { id: 'earlier-copy-of-original', title: seeds[4].title, signature: minhash(bodyOf(4)), ingestedAt: '2025-01-03T00:00:00Z', duplicateOf: 'original' },
    ];
    expect(findNearDuplicate({ title: seeds[4].title, signature: minhash(reordered) }, candidates)?.id).toBe('original');
    expect(findNearDuplicate({ title: seeds[3].title, signature: minhash(bodyOf(3)) }, candidates)).toBeUndefined();
  });
});

describe('page chrome (a site notice crawled as the text of every page)', () => {
  const notice = 'Sign in using your profile. By submitting your registration information, you agree to our Terms of Service and Privacy Policy. Already have an account? We have sent a confirmation email. Please check your email and click on the link to activate your account.';
  const page = (id: string, title: string, text = notice) => ({ id, title, signature: minhash(text), titleInText: titleInText(title, [text]), ingestedAt: '2025-01-01T00:00:00Z' });
  const first = page('first', '4 people shot in southeast Atlanta');

  it('is no copy of another page under another headline, and is read as chrome', () => {
    const second = page('second', 'Sheriff wounded in Habersham shootout released from hospital');
    expect(second.signature.shingleCount).toBeLessThan(MIN_TEXT_SHINGLES);
    expect(second.titleInText).toBeLessThan(TITLE_IN_TEXT);
    expect(findNearDuplicate(second, [first])).toBeUndefined();
    expect(isPageChrome(second, [first])).toBe(true);
  });

  it('is a copy when the headline agrees too', () => {
    const again = page('again', 'UPDATE: 4 people shot in southeast Atlanta');
    expect(headlinesAgree(again.title, first.title)).toBe(true);
    expect(findNearDuplicate(again, [first])?.id).toBe('first');
    expect(isPageChrome(again, [first])).toBe(false);
  });

  it('leaves a short text about its headline to its likeness: an update under a new headline is a copy', () => {
    const brief = 'Police in Atlanta said four people were shot on Memorial Drive late on Sunday. Two of them are in critical condition at Grady Memorial Hospital. Officers are looking for a dark sedan seen leaving the scene, and ask anyone with information to call Crime Stoppers.';
    const report = page('report', 'Four shot on Memorial Drive in Atlanta', brief);
    const update = page('update', 'Two in critical condition after Sunday shooting', `${brief} The victims have not been named.`);
    expect(update.titleInText).toBeGreaterThanOrEqual(TITLE_IN_TEXT);
    expect(findNearDuplicate(update, [report])?.id).toBe('report');
    expect(isPageChrome(update, [report])).toBe(false);
  });

  it('leaves long texts to their likeness alone: a reprint under a new headline is a copy, and no text of an article is chrome', () => {
    const article = page('article', seeds[4].title, bodyOf(4));
    const retitled = page('retitled', 'Regional leaders meet', `${bodyOf(4)}\n${bodyOf(4).split(' ').reverse().join(' ')}`);
    expect(retitled.signature.shingleCount).toBeGreaterThanOrEqual(MIN_TEXT_SHINGLES);
    expect(findNearDuplicate(retitled, [article])?.id).toBe('article');
    expect(isPageChrome(retitled, [article])).toBe(false);
    expect(isPageChrome(page('other', seeds[1].title, bodyOf(1)), [article])).toBe(false);
  });
});

describe('lateCopies (copies ingested at the same moment, checked after the commit)', () => {
  const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();
  const { title } = seeds[4];
  const original: FingerprintedArticle = { id: 'original', title, signature: minhash(bodyOf(4)), ingestedAt: at(1) };
  const edited: FingerprintedArticle = { id: 'edited', title, signature: minhash(bodyOf(4).replace(/said/g, 'stated')), ingestedAt: at(2) };
  const trimmed: FingerprintedArticle = { id: 'trimmed', title, signature: minhash(seeds[4].paragraphs.slice(0, Math.ceil(seeds[4].paragraphs.length / 2)).join('\n')), ingestedAt: at(3) };
  const independent: FingerprintedArticle = { id: 'independent', title: seeds[1].title, signature: minhash(bodyOf(1)), ingestedAt: at(0) };
  const marks = (found: ReturnType<typeof lateCopies>) => found.map((m) => [m.article.id, m.originId, m.replacing]);

  it('marks the later of two copies, whichever of them checks', () => {
    expect(marks(lateCopies(edited, [original, independent]))).toEqual([['edited', 'original', undefined]]);
    expect(marks(lateCopies(original, [edited, independent]))).toEqual([['edited', 'original', undefined]]);
  });

  it('reads containment from the copy towards the original, so a trimmed copy is found from either side', () => {
    expect(marks(lateCopies(original, [trimmed]))).toEqual([['trimmed', 'original', undefined]]);
    expect(marks(lateCopies(trimmed, [original]))).toEqual([['trimmed', 'original', undefined]]);
  });

  it('leaves independent reports and marked articles alone, and never points an article at itself or back', () => {
    expect(lateCopies(independent, [original, edited])).toEqual([]);
    expect(lateCopies(original, [{ ...edited, duplicateOf: 'original' }])).toEqual([]);
    // The original was committed after the edited copy and took it as its original: no mark back.
    expect(lateCopies(edited, [{ ...original, duplicateOf: 'edited' }])).toEqual([]);
  });

  it('moves copies of an article found to be a copy on to its original', () => {
    const found = lateCopies(edited, [original, { ...trimmed, duplicateOf: 'edited' }]);
    expect(marks(found)).toEqual([
      ['edited', 'original', undefined],
      ['trimmed', 'original', 'edited'],
    ]);
    // Seen from the original: the edited copy is marked, and the copy that points at it moves along.
    expect(marks(lateCopies(original, [edited, { ...trimmed, duplicateOf: 'edited' }]))).toEqual([
      ['edited', 'original', undefined],
      ['trimmed', 'original', 'edited'],
    ]);
  });
});
