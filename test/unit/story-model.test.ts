import { KEPT_MEMBERS, keepMember, keptMembersOf } from '../../functions/core/stories/kept-members';
import { articleEvidence, countedTerms, COUNTED_TERMS, LEAD_HALF_PARAGRAPH, leadFactor, readArticleTerms, TERM_WEIGHT_CAP, termsToLookUp, type ArticleEvidence } from '../../functions/core/stories/story-evidence';
import { LINK_FEATURES, linkFeatures, otherCandidates, reweightedCosine, type CandidateStory } from '../../functions/core/stories/story-link';
import { decideStory, linkScore, scoreCandidates, type StoryModel } from '../../functions/core/stories/story-model';
import { STORY_MODEL } from '../../functions/core/stories/story-policy';
import { CountedTerms, NO_STATISTICS, termWeight } from '../../functions/core/stories/term-statistics';
import { cosine, normalize, type TermVector } from '../../functions/core/stories/term-vector';
import { trainLogistic } from '../../cli/eval/learners';
import { weightedQuantile } from '../../cli/eval/fit-story-model';
import { naiveClusters } from '../../cli/eval/naive-clusterer';

const evidenceOf = (title: string, text: string, publishedAt?: string, statistics = NO_STATISTICS): ArticleEvidence =>
  articleEvidence(readArticleTerms(title, [text]), statistics, publishedAt);

const quake = evidenceOf('Earthquake strikes northern Chile', 'A magnitude 7 earthquake struck northern Chile on Monday, damaging homes in Iquique.', '2025-03-03T08:00:00Z');
const quake2 = evidenceOf('Strong quake hits Chile', 'An earthquake of magnitude 7 hit northern Chile, officials in Iquique said, damaging homes.', '2025-03-03T12:00:00Z');
const merger = evidenceOf('Oracle buys Sun Microsystems', 'Oracle agreed to buy Sun Microsystems for 7.4 billion dollars on Monday.', '2025-03-03T09:00:00Z');
const story = (id: string, ...members: ArticleEvidence[]): CandidateStory => ({ id, size: members.length, members });
/** The link features of an article and a story that is its only candidate, uncontrasted. */
const linkAlone = (article: ArticleEvidence, candidate: CandidateStory) => linkFeatures(article, candidate, otherCandidates(article, [candidate], false, false)[0]);
const feature = (values: number[], name: (typeof LINK_FEATURES)[number]) => values[LINK_FEATURES.indexOf(name)];
/** One link feature, read for an article against a story of `members` that is its only candidate. */
const featureAgainst =
  (name: (typeof LINK_FEATURES)[number]) =>
  (article: ArticleEvidence, ...members: ArticleEvidence[]) =>
    feature(linkAlone(article, story('c', ...members)), name);

describe('term weights', () => {
  it('weigh a rare word above a common one before the corpus has read anything', () => {
    expect(termWeight('iquiqu', NO_STATISTICS)).toBeGreaterThan(termWeight('said', NO_STATISTICS));
  });

  it('fall for a word the corpus reads in many articles, whatever general English says', () => {
    const corpus = new CountedTerms();
    for (let i = 0; i < 200; i += 1) corpus.count(i % 2 === 0 ? ['biden', `topic${i}`] : [`topic${i}`]);
    expect(termWeight('biden', corpus)).toBeLessThan(termWeight('biden', NO_STATISTICS));
    expect(termWeight('iquiqu', corpus)).toBeGreaterThan(termWeight('biden', corpus));
  });
});

describe('article evidence', () => {
  it('keeps names, headline words and dates, and counts only the strongest terms', () => {
    expect(Object.keys(quake.names)).toEqual(expect.arrayContaining(['chile', 'iquiqu']));
    expect(Object.keys(quake.title)).toEqual(expect.arrayContaining(['earthquak', 'chile']));
    expect(quake.publishedAt).toBe('2025-03-03T08:00:00Z');
    expect(countedTerms(readArticleTerms('Earthquake strikes northern Chile', ['A magnitude 7 earthquake struck northern Chile on Monday, damaging homes in Iquique and Alto Hospicio, where roads cracked, walls fell and power failed.']), NO_STATISTICS)).toHaveLength(COUNTED_TERMS);
    expect(termsToLookUp(readArticleTerms('A', ['Words enough to read here and there.']))).not.toContain('a');
  });

  it('caps term weights, so that words one writer chose do not outweigh the words of the event', () => {
    // The corpus has read a few reports of the event; each new report adds words of its own that
    // nobody else uses, which an uncapped weight ranks above the event's.
    const corpus = new CountedTerms();
    for (let i = 0; i < 200; i += 1) corpus.count(i % 20 === 0 ? ['tara', 'reid', 'rehab', 'promis', `topic${i}`] : [`topic${i}`]);
    const first = readArticleTerms('Reid enters rehab', ['Tara Reid entered rehab at the Promises clinic. The unfunny, shrivelled bubblegum starlet was seen partying.']);
    const second = readArticleTerms('Tara Reid checks into rehab', ['Tara Reid has checked into Promises for rehab after a scary, skinny, loud appearance.']);
    const likeness = (cap: number) => cosine(articleEvidence(first, corpus, undefined, cap).terms, articleEvidence(second, corpus, undefined, cap).terms);
    expect(likeness(TERM_WEIGHT_CAP)).toBeGreaterThan(likeness(Infinity) + 0.05);
  });

  it('weighs the words of the headline and the lead above those of later paragraphs and trailing link lists', () => {
    const background = 'Lawmakers have debated the budget for months. Officials said more talks are planned.';
    const links = 'Related: Kagri council approves harbour dredging. Logri festival draws crowds.';
    const paragraphs = ['Tezo voters approved the Pami bridge levy on Tuesday.', background, background, background, background, background, background, links];
    const terms = readArticleTerms('Tezo approves bridge levy', paragraphs);
    expect(terms.counts.get('tezo')).toBe(2);
    expect(terms.lead.get('tezo')).toBe(1);
    expect(terms.lead.get('kagri')).toBeCloseTo(leadFactor(7), 9);
    expect(leadFactor(LEAD_HALF_PARAGRAPH)).toBeCloseTo(0.5, 9);
    expect(terms.lead.get('lawmak')).toBeGreaterThan(terms.lead.get('kagri')!);
    // Each of these words is used once and equally rare, so only where it is used tells them apart.
    const evidence = articleEvidence(terms, NO_STATISTICS).terms;
    expect(evidence.pami).toBeGreaterThan(evidence.kagri * 1.2);
    // Read flat (the `lead` ablation), the same words weigh the same.
    const flat = articleEvidence(readArticleTerms('Tezo approves bridge levy', paragraphs, Infinity), NO_STATISTICS).terms;
    expect(flat.pami).toBeCloseTo(flat.kagri, 9);
  });

  it('does not take weekdays and months for names: two unrelated reports of a Monday share no name', () => {
    const first = evidenceOf('Kagri logri', 'The council of Kagri said on Monday that the Logri bridge reopens in March.');
    const second = evidenceOf('Tezo pami', 'Officials in Tezo said the Pami festival starts on Monday.');
    expect(Object.keys(first.names).sort()).toEqual(['kagri', 'logri']);
    expect(feature(linkAlone(second, story('s', first)), 'nearestNames')).toBe(0);
  });
});

describe('link features', () => {
  it('see the same event as near and another as far, and count days to the nearest dated member', () => {
    const same = linkAlone(quake2, story('q', quake));
    const other = linkAlone(quake2, story('m', merger));
    expect(feature(same, 'nearestMember')).toBeGreaterThan(feature(other, 'nearestMember'));
    expect(feature(same, 'nearestTitle')).toBeGreaterThan(0);
    expect(feature(same, 'bothDated')).toBe(1);
    expect(feature(same, 'daysApart')).toBeCloseTo(Math.log1p(4 / 24), 6);
    const undated = evidenceOf('Strong quake hits Chile', 'An earthquake hit northern Chile.');
    expect(feature(linkAlone(undated, story('q', quake)), 'bothDated')).toBe(0);
  });

  it("say whether a member shares the article's figures: one week's claims agree, another week's disagree, and nothing to compare is neutral", () => {
    const thisWeek = evidenceOf('Jobless claims fall', 'Initial jobless claims fell to 385,000 last week, the Labor Department said.');
    const sameReport = evidenceOf('Jobless claims drop to a pandemic low', 'Claims for unemployment benefits dropped to 385000, the department reported.');
    const nextWeek = evidenceOf('Jobless claims fall again', 'Initial jobless claims fell to 376,000 last week, the Labor Department said.');
    const noFigures = evidenceOf('Jobless claims fall', 'Initial jobless claims fell again last week, the Labor Department said.');
    const figures = featureAgainst('figures');
    expect(figures(sameReport, thisWeek)).toBe(1);
    expect(figures(nextWeek, thisWeek)).toBe(-1);
    expect(figures(nextWeek, noFigures, thisWeek, sameReport)).toBe(-1);
    expect(figures(sameReport, nextWeek, thisWeek)).toBe(1);
    expect(figures(noFigures, thisWeek)).toBe(0);
    expect(figures(thisWeek, noFigures)).toBe(0);
  });
});

describe('weekdays', () => {
  it('are read from the headline and the text, once each, in any case and possessive', () => {
    const report = evidenceOf('Judge strikes down moratorium on Wednesday', "The ruling came two days after Monday's hearing. On WEDNESDAY the judge ruled.");
    expect(report.weekdays).toEqual(['monday', 'wednesday']);
    expect(evidenceOf('Judge strikes down moratorium', 'The ruling came after a hearing.').weekdays).toBeUndefined();
  });

  it("say how many of the members that name a weekday name one of the article's: the same ruling agrees, another week's ruling disagrees, a story of both is split, and nothing to compare is neutral", () => {
    const ruling = evidenceOf('Supreme Court ends eviction moratorium', 'The Supreme Court on Thursday ended the federal eviction moratorium.');
    const sameRuling = evidenceOf('Court strikes down eviction ban', 'A divided Supreme Court struck down the eviction ban late Thursday.');
    const judge = evidenceOf('Judge overturns eviction moratorium', 'A federal judge on Wednesday overturned the national eviction moratorium.');
    const undated = evidenceOf('Eviction moratorium ends', 'The federal eviction moratorium has ended.');
    const weekdays = featureAgainst('weekdays');
    expect(weekdays(sameRuling, ruling)).toBe(1);
    expect(weekdays(judge, ruling)).toBe(-1);
    expect(weekdays(judge, undated, ruling, sameRuling)).toBe(-1);
    expect(weekdays(sameRuling, judge, ruling)).toBe(0);
    // A story that has gathered a topic's events of three days agrees with a report of one of them only in part.
    const hearing = evidenceOf('Senators question eviction moratorium', 'Senators on Monday questioned the eviction moratorium.');
    expect(weekdays(sameRuling, judge, ruling, hearing)).toBeCloseTo(-1 / 3, 10);
    expect(weekdays(undated, ruling)).toBe(0);
    expect(weekdays(ruling, undated)).toBe(0);
  });
});

describe('the time of day', () => {
  it('is the first one the report names, headline first, in minutes after midnight, whatever its spelling', () => {
    const report = evidenceOf('Man shot in Englewood', 'Police were called around 11:45 p.m. Sunday. He died at 2 a.m. at the hospital.');
    expect(report.timeOfDay).toBe(23 * 60 + 45);
    expect(evidenceOf('Man shot at 2:30AM in Englewood', 'Police were called around 11:45 p.m. Sunday.').timeOfDay).toBe(150);
    expect(evidenceOf('Man shot in Englewood', 'Police were called at 12:05 a.m. on Sunday.').timeOfDay).toBe(5);
    expect(evidenceOf('Man shot in Englewood', 'Police were called on Sunday night.').timeOfDay).toBeUndefined();
  });

  it("counts for joining as far as the members that name one are within an hour of the article's, around midnight too, and never against", () => {
    const night = evidenceOf('Two shot outside bar', 'Two men were shot outside a bar at about 11:30 p.m. Saturday.');
    const sameNight = evidenceOf('Two wounded in shooting', 'The shooting happened shortly after midnight, at 12:15 a.m., police said.');
    const morning = evidenceOf('Man shot outside store', 'A man was shot outside a store at 9 a.m. Saturday.');
    const untimed = evidenceOf('Two wounded in shooting', 'Two men were wounded in a shooting, police said.');
    const times = featureAgainst('timeOfDay');
    expect(times(sameNight, night)).toBe(1);
    // A follow-up's lead may name another moment (a hearing, a vigil): disagreement is not held against joining.
    expect(times(morning, night)).toBe(0);
    expect(times(sameNight, night, morning)).toBe(0);
    expect(times(sameNight, night, night, morning)).toBeCloseTo(1 / 3);
    expect(times(sameNight, night, untimed)).toBe(1);
    expect(times(untimed, night)).toBe(0);
  });
});

describe('other candidates', () => {
  it('count another event as a rival of the story an article reports, and a second piece of the same event only as another candidate', () => {
    const peru = evidenceOf('Earthquake strikes southern Peru', 'A magnitude 6 earthquake struck southern Peru near Arequipa, damaging homes.');
    const [ownStory, piece] = otherCandidates(quake2, [story('q', quake), story('p', quake), story('r', peru)]);
    expect(ownStory.otherBest).toBeGreaterThan(ownStory.rivalBest);
    expect(ownStory.rivalBest).toBeGreaterThan(0);
    expect(piece.otherBest).toBeCloseTo(ownStory.otherBest, 9);
  });

  it('weigh the words an article shares with every candidate below those it shares with one, so that what tells its event apart decides', () => {
    // Three Lexington shootings reported by one site: the site's dateline and the shooting words are
    // in every candidate, the street and the victim's name in one.
    const report = (street: string, victim: string) =>
      evidenceOf(`Man shot on ${street}`, `LEXINGTON, Ky. (LEX 18) Police say ${victim} was shot on ${street} and taken to hospital with a gunshot wound.`);
    const gunbow = report('Gunbow Court', 'Ramsey Allen');
    const followUp = evidenceOf('Victim of Gunbow Court shooting identified', 'LEXINGTON, Ky. (LEX 18) The coroner identified Ramsey Allen, shot on Gunbow Court, as police continue to investigate.');
    const candidates = [story('g', gunbow), story('b', report('Belmont Drive', 'Robert Durrum')), story('h', report('Honey Jay Court', 'David Jones'))];
    const [own, other] = otherCandidates(followUp, candidates);
    const plain = candidates.map((candidate) => feature(linkAlone(followUp, candidate), 'nearestMember'));
    expect(own.nearestDistinct / other.nearestDistinct).toBeGreaterThan(plain[0] / plain[1]);
    // With one candidate there is nothing to contrast: every word weighs the same.
    expect(otherCandidates(followUp, [candidates[0]])[0].nearestDistinct).toBeCloseTo(plain[0], 9);
  });

  it('measure the two nearest members under the same weights, when the candidates have been contrasted', () => {
    const report = (street: string, victim: string) =>
      evidenceOf(`Man shot on ${street}`, `LEXINGTON, Ky. (LEX 18) Police say ${victim} was shot on ${street} and taken to hospital with a gunshot wound.`);
    const gunbow = report('Gunbow Court', 'Ramsey Allen');
    const gunbowAgain = evidenceOf('Gunbow Court shooting leaves man hurt', 'LEXINGTON, Ky. (LEX 18) A man was shot on Gunbow Court on Sunday night, police say.');
    const followUp = evidenceOf('Victim of Gunbow Court shooting identified', 'LEXINGTON, Ky. (LEX 18) The coroner identified Ramsey Allen, shot on Gunbow Court, as police continue to investigate.');
    const candidates = [story('g', gunbow, gunbowAgain), story('b', report('Belmont Drive', 'Robert Durrum')), story('h', report('Honey Jay Court', 'David Jones'))];
    const others = otherCandidates(followUp, candidates);
    const contrasted = candidates.map((candidate, i) => feature(linkFeatures(followUp, candidate, others[i]), 'nearestTwo'));
    const plain = candidates.map((candidate) => feature(linkAlone(followUp, candidate), 'nearestTwo'));
    expect(contrasted[0]).toBeCloseTo(others[0].nearestTwoDistinct!, 9);
    expect(contrasted[0] / contrasted[1]).toBeGreaterThan(plain[0] / plain[1]);
    // One member: the mean of the two nearest is the nearest.
    expect(contrasted[1]).toBeCloseTo(others[1].nearestDistinct, 9);
    // With one candidate there is nothing to contrast.
    const [alone] = otherCandidates(followUp, [candidates[0]]);
    expect(feature(linkFeatures(followUp, candidates[0], alone), 'nearestTwo')).toBeCloseTo(plain[0], 9);
    // A model that reads nearestTwo without nearestDistinct still scores it as it was fitted: contrasted.
    const twoOnly: StoryModel = { features: ['nearestTwo'], mean: [0], scale: [1], weights: [1], bias: 0, threshold: 0 };
    const scored = scoreCandidates(followUp, candidates, twoOnly).find((candidate) => candidate.story.id === 'g')!;
    expect(feature(scored.values, 'nearestTwo')).toBeCloseTo(contrasted[0], 9);
  });

  it("read each candidate's plain likeness once: the nearest member's, and the mean of the two nearest", () => {
    const sameDay = evidenceOf('Chile quake damages homes', 'The magnitude 7 earthquake in northern Chile damaged homes in Iquique on Monday.');
    const [own, unrelated] = otherCandidates(quake2, [story('q', merger, quake, sameDay), story('m', merger)]);
    const [toQuake, toSameDay] = [cosine(quake2.terms, quake.terms), cosine(quake2.terms, sameDay.terms)];
    expect(own.nearest).toBeCloseTo(Math.max(toQuake, toSameDay), 12);
    expect(own.nearestTwo).toBeCloseTo((toQuake + toSameDay) / 2, 12);
    expect(unrelated.nearestTwo).toBeCloseTo(cosine(quake2.terms, merger.terms), 12);
    expect(feature(linkFeatures(quake2, story('q', merger, quake, sameDay), own), 'nearestMember')).toBe(own.nearest);
  });

  it('give the likeness to the running centroid, or to the nearest member when a story has none', () => {
    const withCentroid = linkAlone(quake2, { ...story('q', quake), centroid: merger.terms });
    expect(feature(withCentroid, 'centroid')).toBeLessThan(feature(withCentroid, 'nearestMember'));
    const without = linkAlone(quake2, story('q', quake));
    expect(feature(without, 'centroid')).toBe(feature(without, 'nearestMember'));
  });
});

describe('the story decision', () => {
  const model: StoryModel = {
    features: ['nearestMember', 'otherBest'],
    mean: [0.2, 0.1],
    scale: [0.1, 0.1],
    weights: [2, -1],
    bias: -1,
    threshold: 0,
  };

  it('scores standardised features with the fitted weights', () => {
    const values = LINK_FEATURES.map(() => 0);
    values[LINK_FEATURES.indexOf('nearestMember')] = 0.5;
    values[LINK_FEATURES.indexOf('otherBest')] = 0.3;
    expect(linkScore(model, values)).toBeCloseTo(-1 + 2 * 3 - 1 * 2, 9);
  });

  it('holds each feature within the range the model was fitted on', () => {
    const sized: StoryModel = { features: ['nearestMember', 'storySize'], mean: [0.2, 0.5], scale: [0.1, 0.5], lower: [0, 0], upper: [1, Math.log(3)], weights: [2, -1], bias: 0, threshold: 0 };
    const values = (size: number) => {
      const v = LINK_FEATURES.map(() => 0);
      v[LINK_FEATURES.indexOf('nearestMember')] = 0.4;
      v[LINK_FEATURES.indexOf('storySize')] = Math.log(size);
      return v;
    };
    // Within the range the size counts; beyond it a story of 15 scores as one of 3.
    expect(linkScore(sized, values(2))).toBeGreaterThan(linkScore(sized, values(3)));
    expect(linkScore(sized, values(15))).toBeCloseTo(linkScore(sized, values(3)), 9);
    const { lower, upper, ...unbounded } = sized;
    expect(linkScore(unbounded, values(15))).toBeLessThan(linkScore(unbounded, values(3)));
  });

  it('joins the best candidate that reaches the threshold, and otherwise opens a story', () => {
    expect(decideStory(quake2, [story('m', merger), story('q', quake)], model)).toMatchObject({ kind: 'join', storyId: 'q' });
    expect(decideStory(merger, [story('q', quake)], model)).toMatchObject({ kind: 'open' });
    expect(decideStory(merger, [], model)).toEqual({ kind: 'open' });
  });

  it('names the other candidates that reach the threshold too, pieces of the same event, for the join to fold in', () => {
    const alone: StoryModel = { ...model, features: ['nearestMember'], mean: [0.2], scale: [0.1], weights: [2] };
    expect(decideStory(quake2, [story('q1', quake), story('m', merger), story('q2', quake)], alone)).toEqual({ kind: 'join', storyId: 'q1', score: expect.any(Number), alsoJoins: ['q2'] });
    expect(decideStory(quake2, [story('q', quake), story('m', merger)], alone)).toMatchObject({ kind: 'join', storyId: 'q', alsoJoins: [] });
  });

  it('ranks candidates best first and breaks ties by id', () => {
    const ranked = scoreCandidates(quake2, [story('b', quake), story('a', quake), story('m', merger)], model);
    expect(ranked.map((c) => c.story.id)).toEqual(['a', 'b', 'm']);
  });

  it('with the shipped model, joins a report of the same event and not one of another', () => {
    expect(decideStory(quake2, [story('q', quake)], STORY_MODEL)).toMatchObject({ kind: 'join', storyId: 'q' });
    expect(decideStory(merger, [story('q', quake)], STORY_MODEL)).toMatchObject({ kind: 'open' });
  });
});

describe('kept members', () => {
  it('keep the first member and the newest, bounded however large the story grows', () => {
    const members = Array.from({ length: 20 }, (_, i) => evidenceOf(`Report ${i}`, `Words of report number ${i}.`, `2025-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`));
    const kept = members.reduce<ArticleEvidence[]>((all, member) => keepMember(all, member), []);
    expect(kept).toHaveLength(KEPT_MEMBERS);
    expect(kept[0]).toBe(members[0]);
    expect(kept.slice(1)).toEqual(members.slice(20 - (KEPT_MEMBERS - 1)));
    expect(keptMembersOf(['0', 'x', '1'], (id) => (id === 'x' ? undefined : members[Number(id)]))).toEqual([members[0], members[1]]);
  });
});

describe('fitting tools', () => {
  it('logistic regression finds the sign and the separating point of a feature', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [i / 100 - 1]);
    const labels = rows.map(([x]) => (x + 0.2 * Math.sin(x * 50) > 0.3 ? 1 : 0));
    const { weights: [weight], bias, mean: [mean], scale: [scale] } = trainLogistic(rows.map(([x]) => ({ x: Float64Array.of(x) })), labels, 1, rows.map(() => 1));
    expect(weight).toBeGreaterThan(0);
    // Where the log-odds cross 0, back in the feature's own units.
    const separatingPoint = mean - (bias * scale) / weight;
    expect(separatingPoint).toBeGreaterThan(0.1);
    expect(separatingPoint).toBeLessThan(0.5);
  });

  it('the range a feature is held in leaves out the outermost hundredth of the examples\' weight on each side', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ x: Float64Array.of(i) }));
    const even = rows.map(() => 1);
    expect(weightedQuantile(rows, even, 0, 0.01)).toBe(9);
    expect(weightedQuantile(rows, even, 0, 0.99)).toBe(989);
    // A set that weighs more moves the bounds toward its values.
    const heavyTail = rows.map((_, i) => (i >= 900 ? 10 : 1));
    expect(weightedQuantile(rows, heavyTail, 0, 0.5)).toBeGreaterThan(900);
  });

  it('the naive reference clusters two clear topics apart and respects its window', () => {
    const articles = [
      { text: 'earthquake chile iquique magnitude homes', publishedAt: '2025-03-03T00:00:00Z' },
      { text: 'oracle sun microsystems billion acquisition', publishedAt: '2025-03-03T00:00:00Z' },
      { text: 'earthquake chile iquique magnitude damage', publishedAt: '2025-03-04T00:00:00Z' },
      { text: 'earthquake chile iquique magnitude homes', publishedAt: '2025-04-30T00:00:00Z' },
      ...['parliament budget vote', 'football final score', 'storm flooding coast', 'election turnout record'].map((text) => ({ text, publishedAt: '2025-03-05T00:00:00Z' })),
    ];
    const labels = naiveClusters(articles, 0.3);
    expect(labels[0]).toBe(labels[2]);
    expect(labels[1]).not.toBe(labels[0]);
    expect(labels[3]).not.toBe(labels[0]);
    expect(naiveClusters(articles.map(({ text }) => ({ text })), 0.3)[3]).toBe(labels[0]);
  });
});

describe('reweightedCosine', () => {
  // The decision's inner loop computes the likeness under the candidates' word weights without
  // building the reweighted vector; it must give what building it gives, to the last bit, so that
  // the decision does not depend on how it is computed.
  const reweightThenCosine = (article: TermVector, member: TermVector, weight: (term: string) => number) => {
    const out: TermVector = {};
    for (const term in member) out[term] = member[term] * weight(term);
    return cosine(article, normalize(out));
  };
  // Terms in another order on each side, so that summing in the wrong order shows.
  const vector = (seed: number, size: number, reversed = false): TermVector => {
    const entries: Array<[string, number]> = [];
    for (let i = 0; i < size; i += 1) entries.push([`w${(seed * 7 + i * 13) % 50}`, (((seed + 1) * (i + 3)) % 11) / 10 + 0.05 + i / 97]);
    // A figure among the terms: integer-like keys come first in for-in order.
    if (size > 2) entries.push([String(1900 + (seed % 2)), 0.3]);
    return normalize(Object.fromEntries(reversed ? entries.reverse() : entries));
  };
  const weight = (term: string) => (term.length % 3) + 1 + (term.charCodeAt(term.length - 1) % 5) / 7;

  it('equals reweighting the member and taking the cosine, whichever side is shorter', () => {
    for (const [a, b] of [
      [40, 40],
      [12, 40],
      [40, 9],
      [1, 1],
    ]) {
      for (let seed = 0; seed < 6; seed += 1) {
        const article = normalize(Object.fromEntries(Object.entries(vector(seed, a)).map(([term, value]) => [term, value * weight(term)])));
        const member = vector(seed + 1, b, true);
        expect(reweightedCosine(article, member, weight)).toBe(reweightThenCosine(article, member, weight));
      }
    }
  });

  it('is 0 for a member without terms', () => {
    expect(reweightedCosine(vector(1, 10), {}, weight)).toBe(0);
  });
});
