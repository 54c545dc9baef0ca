import { daysOutside } from '../../functions/core/stories/publication-range';
import { addToCentroid, articleTermVector, cosine, CENTROID_TERMS, mergeCentroids } from '../../functions/core/stories/term-vector';

const quake = articleTermVector('Earthquake strikes northern Chile', ['A magnitude 7 earthquake struck northern Chile on Monday, damaging homes in Iquique.']);
const quake2 = articleTermVector('Strong quake hits Chile', ['An earthquake of magnitude 7 hit northern Chile, officials in Iquique said, damaging homes.']);
const merger = articleTermVector('Oracle buys Sun Microsystems', ['Oracle agreed to buy Sun Microsystems for 7.4 billion dollars on Monday.']);

describe('story time ranges and centroids', () => {
  it('counts the days between an article and a story\'s reports, 0 inside the range or undated', () => {
    const story = { publishedFrom: '2025-03-03T08:00:00Z', publishedTo: '2025-03-04T20:00:00Z' };
    expect(daysOutside('2025-03-09T20:00:00Z', story)).toBeCloseTo(5, 6);
    expect(daysOutside('2025-03-01T08:00:00Z', story)).toBeCloseTo(2, 6);
    expect(daysOutside('2025-03-04T00:00:00Z', story)).toBe(0);
    expect(daysOutside(undefined, story)).toBe(0);
    expect(daysOutside('2025-03-09T20:00:00Z', {})).toBe(0);
  });

  it('finds reports of one event alike and of another not', () => {
    expect(cosine(quake, quake2)).toBeGreaterThan(cosine(quake, merger) + 0.2);
  });

  it('keeps centroids bounded and normalised as stories grow', () => {
    let centroid = {};
    for (let i = 0; i < 30; i += 1) centroid = addToCentroid(centroid, i, articleTermVector(`Story ${i}`, [`Unique words number ${i} alpha${i} beta${i} gamma${i} delta${i}.`]));
    expect(Object.keys(centroid).length).toBeLessThanOrEqual(CENTROID_TERMS);
    expect(cosine(centroid, centroid)).toBeCloseTo(1, 6);
  });
});

describe('term vectors of words that are also Object properties', () => {
  it('scores articles about a "constructor" and "toString" like any others', () => {
    const a = articleTermVector('Constructor wins the toString prize', ['The constructor of the valueOf bridge won the prize on Monday.']);
    const b = articleTermVector('Bridge constructor wins prize', ['A constructor won the prize for the valueOf bridge.']);
    expect(Object.values(a).every(Number.isFinite)).toBe(true);
    const similarity = cosine(a, b);
    expect(Number.isFinite(similarity)).toBe(true);
    expect(similarity).toBeGreaterThan(0.3);
    const merged = mergeCentroids(a, 1, b, 1);
    expect(Object.values(merged).every(Number.isFinite)).toBe(true);
    expect(cosine(merged, a)).toBeGreaterThan(similarity);
  });
});
