import { chooseHeadline, type HeadlineArticle } from '../../functions/core/digest/story-headline';
import { parseArticle } from '../../functions/core/parse/parse-article';
import { addToCentroid, articleTermVector, type TermVector } from '../../functions/core/stories/term-vector';
import { seedFiles } from '../support/seeds';

const report = (id: string, title: string, minute: number, extra: Partial<HeadlineArticle> = {}): HeadlineArticle => ({ id, title, ingestedAt: `2025-01-17T12:${String(minute).padStart(2, '0')}:00.000Z`, ...extra });
const centroidOf = (...texts: string[]): TermVector => texts.reduce((c, text, i) => addToCentroid(c, i, articleTermVector(text, [])), {} as TermVector);

describe('chooseHeadline', () => {
  const centroid = centroidOf('Dam release floods Arun valley', 'Kelvale dam opens its gates and floods the Arun valley', 'Arun valley residents flee dam floods');

  it('takes the headline closest to what the story is about', () => {
    const articles = [report('a', 'Heavy rain in the north', 1), report('b', 'Kelvale dam release floods the Arun valley', 2)];
    expect(chooseHeadline(articles, centroid, 'fallback')).toBe('Kelvale dam release floods the Arun valley');
  });

  it('never takes a sentence of an article (standfirst or first sentence) while a headline exists', () => {
    const articles = [report('a', 'Kelvale dam opens its gates and floods the Arun valley', 1, { titleFromText: true }), report('b', 'Heavy rain in the north', 2)];
    expect(chooseHeadline(articles, centroid, 'fallback')).toBe('Heavy rain in the north');
    expect(chooseHeadline([articles[0]], centroid, 'fallback')).toBe('Kelvale dam opens its gates and floods the Arun valley');
  });

  it('changes only for a headline clearly closer to the story', () => {
    const articles = [report('a', 'Heavy rain in the north', 1), report('b', 'Kelvale dam release floods the Arun valley', 2)];
    expect(chooseHeadline(articles, centroid, 'fallback', 1)).toBe('Heavy rain in the north');
  });

  it('keeps the earliest of equally good headlines, and falls back without articles', () => {
    const unrelated = [report('b', 'Heavy rain in the north', 2), report('a', 'Storm warnings for the coast', 1)];
    expect(chooseHeadline(unrelated, centroid, 'fallback')).toBe('Storm warnings for the coast');
    expect(chooseHeadline([], centroid, 'fallback')).toBe('fallback');
  });
});

describe('the seed story headline', () => {
  const parsed = seedFiles().map((seed, i) => ({ name: seed.name, minute: i, article: parseArticle(seed.bytes, { key: `inbox/${seed.name}` }) }));

  it('marks the standfirst of 001 and the first sentence of 003 as not headlines', () => {
    expect(parsed.filter((p) => p.article.titleFromText).map((p) => p.name.slice(0, 3))).toEqual(['001', '003']);
  });

  it('is a real headline, the earliest unless another is clearly closer to the story; never the standfirst nor a first sentence', () => {
    const centroid = parsed.reduce((c, p, i) => addToCentroid(c, i, articleTermVector(p.article.title, p.article.paragraphs)), {} as TermVector);
    const articles = parsed.map((p) => report(p.name, p.article.title, p.minute, p.article.titleFromText ? { titleFromText: true } : {}));
    expect(chooseHeadline(articles, centroid, '', 0)).toBe('Russia and Iran sign a partnership treaty to deepen their ties in the face of Western sanctions');
    expect(chooseHeadline(articles, centroid, '')).toBe('Amid Biting Sanctions, Russia And Iran Sign Pact To Deepen Ties');
    // The standfirst arrives first: the first real headline still wins.
    expect(chooseHeadline(articles.slice(1), centroid, '')).toBe('Iran and Russia forge 20-year strategic pact amid intensified western sanctions');
  });

});
