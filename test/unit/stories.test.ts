import { assignStory, daysOutside, JOIN_STORY_THRESHOLD, MAX_DAYS_APART } from '../../functions/core/stories/assign-story';
import { addToCentroid, articleTermVector, cosine, CENTROID_TERMS, mergeCentroids } from '../../functions/core/stories/term-vector';

const quake = articleTermVector('Earthquake strikes northern Chile', ['A magnitude 7 earthquake struck northern Chile on Monday, damaging homes in Iquique.']);
const quake2 = articleTermVector('Strong quake hits Chile', ['An earthquake of magnitude 7 hit northern Chile, officials in Iquique said, damaging homes.']);
const merger = articleTermVector('Oracle buys Sun Microsystems', ['Oracle agreed to buy Sun Microsystems for 7.4 billion dollars on Monday.']);

describe('story assignment', () => {
  it('joins the most similar story when it is similar enough', () => {
    const decision = assignStory(quake2, [
      { id: 'merger', centroid: merger },
      { id: 'quake', centroid: quake },
    ]);
    expect(decision).toMatchObject({ kind: 'join', storyId: 'quake' });
  });

  it('opens a new story when nothing is close', () => {
    expect(cosine(merger, quake)).toBeLessThan(JOIN_STORY_THRESHOLD);
    expect(assignStory(merger, [{ id: 'quake', centroid: quake }])).toEqual({ kind: 'open', similar: [] });
  });

  it('joins a story only within days of its reports, however alike', () => {
    const story = { id: 'quake', centroid: quake, publishedFrom: '2025-03-03T08:00:00Z', publishedTo: '2025-03-04T20:00:00Z' };
    const daysAfter = (days: number) => new Date(Date.parse(story.publishedTo) + days * 86_400_000).toISOString();
    expect(daysOutside(daysAfter(MAX_DAYS_APART), story)).toBeCloseTo(MAX_DAYS_APART, 6);
    expect(assignStory(quake2, [story], daysAfter(MAX_DAYS_APART))).toMatchObject({ kind: 'join', storyId: 'quake' });
    expect(assignStory(quake2, [story], daysAfter(MAX_DAYS_APART + 1))).toEqual({ kind: 'open', similar: [] });
    // Inside the range, or with no date to go by, only likeness decides.
    expect(assignStory(quake2, [story], '2025-03-04T00:00:00Z')).toMatchObject({ kind: 'join' });
    expect(assignStory(quake2, [story])).toMatchObject({ kind: 'join' });
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
