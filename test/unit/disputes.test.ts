import { claimFeatures } from '../../functions/core/claims/claim-features';
import { matchArticleClaims } from '../../functions/core/claims/match-article-claims';
import { buildDigest, type DigestClaim } from '../../functions/core/digest/build-digest';
import type { ArticleRecord, ClaimRecord, MentionRecord } from '../../functions/core/records';
import { digestSchemaErrors } from '../support/digest-schema';

/** Ingests articles in order the way ingest-article does: each is matched against the claims before it. */
function story(articles: Array<{ id: string; source: string; paragraphs: string[]; publishedAt?: string }>) {
  const claims: ClaimRecord[] = [];
  const mentions: MentionRecord[] = [];
  const records: ArticleRecord[] = [];
  const at = '2025-01-20T00:00:00.000Z';
  for (const a of articles) {
    const article = { id: a.id.padEnd(20, '0'), source: a.source, ingestedAt: at, storyId: 's', ...(a.publishedAt ? { publishedAt: a.publishedAt } : {}) };
    const result = matchArticleClaims(article, a.paragraphs, claims);
    claims.push(...result.newClaims);
    mentions.push(...result.mentions);
    records.push({ ...article, key: `inbox/${a.id}`, title: a.id, language: 'en', claimCount: result.mentions.length });
  }
  const digest = buildDigest([{ story: { id: 's', headline: 'h', createdAt: at, updatedAt: at, centroid: {}, memberIds: [] }, articles: records, claims, mentions }], 1, at);
  expect(digestSchemaErrors(digest)).toEqual([]);
  return { claims, mentions, digest, story: digest.stories[0] };
}

const claimOf = (claims: readonly DigestClaim[], words: RegExp) => claims.find((c) => words.test(c.text))!;

/** One sentence from each of two outlets, in that order. */
const twoReports = (first: string, second: string) =>
  story([
    { id: 'a', source: 'Wire', paragraphs: [first] },
    { id: 'b', source: 'Daily', paragraphs: [second] },
  ]);

/** Each pair of sentences, as two outlets' reports, disputes nothing. */
const expectUndisputed = (pairs: ReadonlyArray<readonly [string, string]>) => {
  for (const [first, second] of pairs) expect(twoReports(first, second).claims.flatMap((c) => c.contradicts ?? [])).toEqual([]);
};

/** The second of two outlets' reports disputes the first, as `dispute` says. */
const expectDisputed = (first: string, second: string, dispute: { kind: string; ours: string; theirs: string }) => {
  const { claims } = twoReports(first, second);
  expect(claims[1].contradicts).toEqual([expect.objectContaining({ ...dispute, claimId: claims[0].id })]);
};

describe('disputes', () => {
  it('marks a claim disputed when another outlet reports a denial of it, naming who denies it', () => {
    const { story: s } = story([
      { id: 'a', source: 'Wire', paragraphs: ['Iran has supplied Russia with Shahed drones for its strikes on Ukraine, Ukrainian officials said.'] },
      { id: 'b', source: 'Daily', paragraphs: ['Kyiv says Iran has supplied Russia with Shahed drones for its strikes on Ukraine, which Tehran has denied.'] },
    ]);
    const drones = claimOf(s.claims, /Shahed/);
    expect(drones.outlets).toEqual(['Wire', 'Daily']);
    expect(drones.disputed).toBe(true);
    expect(drones.disputes).toEqual([expect.objectContaining({ kind: 'denial', by: 'Tehran', text: 'which Tehran has denied', outlets: ['Daily'] })]);
    const daily = drones.mentions.find((m) => m.source === 'Daily')!;
    expect(daily.denial).toEqual({ by: 'Tehran', text: 'which Tehran has denied' });
    expect(daily.text).toContain('which Tehran has denied');
  });

  it('links a claim and its negation both ways instead of counting one as corroborating the other', () => {
    const { story: s, claims } = story([
      { id: 'a', source: 'Wire', paragraphs: ['The agreement includes a mutual defense clause for both countries.'] },
      { id: 'b', source: 'Daily', paragraphs: ['The agreement does not include a mutual defense clause for both countries.'] },
    ]);
    expect(s.claims).toHaveLength(2);
    expect(claims[1].contradicts).toEqual([expect.objectContaining({ claimId: claims[0].id, kind: 'negation', ours: 'negative', theirs: 'positive' })]);
    const positive = claimOf(s.claims, /includes a mutual/);
    const negative = claimOf(s.claims, /does not include/);
    expect(positive.outlets).toEqual(['Wire']);
    expect(positive.disputes).toEqual([expect.objectContaining({ kind: 'negation', claimId: negative.id, outlets: ['Daily'] })]);
    expect(negative.disputes).toEqual([expect.objectContaining({ kind: 'negation', claimId: positive.id, outlets: ['Wire'] })]);
  });

  it('marks a negation disputed only when it negates what the other claim asserts', () => {
    const restored = story([
      { id: 'a', source: 'Wire', paragraphs: ['Communications in the region will be fully restored by December 31, France Telecom said.'] },
      { id: 'b', source: 'Daily', paragraphs: ['Communications in the region will not be fully restored by December 31, the ministry said.'] },
    ]);
    expect(restored.claims[1].contradicts).toEqual([expect.objectContaining({ kind: 'negation', claimId: restored.claims[0].id })]);
    // the same stance in other words, a negation inside a condition, a negation both quote, a
    // negation in a phrase of its own: nothing is disputed
    for (const [first, second] of [
      ["Taiwan's president on Sunday vowed to defend the island from China's rising pressure for reunification.", "Taiwan's president said the island would not bow to China's rising pressure for reunification."],
      ['To pass this bill in the next couple of weeks would materially increase the risk that the economy would stall out.', "If they don't pass this bill in the next couple of weeks it will materially increase the risk that the economy would stall out."],
      ['Their injuries were not life threatening, police said.', 'All three victims were taken to the hospital with non-life-threatening injuries, police said.'],
      ['Hochul is considering using the National Guard to fill staffing shortages, as workers are unlikely to meet a Monday deadline.', 'Hochul is considering using the National Guard to fill staffing shortages with workers losing their jobs for not meeting a Monday deadline.'],
      ['President Biden has decided against appointing a commission to investigate the attack on the Capitol.', 'President Biden has no plans to create a commission to investigate the attack on the Capitol.'],
      // a contrast ("not A, but B"), an idiom, and a contraction written without its apostrophe
      ['Investigators believe the source was probably a combination of people inside the White House.', 'Investigators believe the source was not one person, but probably a combination of people inside the White House.'],
      ['Reid, 33, has a reputation as one who parties long and hard, more so when she was photographed on the red carpet.', 'Reid, 33, has a reputation as one who parties long and hard, none more so when she was photographed on the red carpet.'],
      ["I can't speak for the first death but in this case it looks like a lack of experience, the sheriff said.", 'I cant speak for the first death but in this case it looks like a lack of experience, the sheriff said.'],
    ]) {
      const { claims, story: s } = twoReports(first, second);
      expect(claims.flatMap((c) => c.contradicts ?? [])).toEqual([]);
      expect(s.claims.filter((c) => c.disputed)).toEqual([]);
    }
  });

  it('reports a conflicting figure for the same subject and predicate, with who says what', () => {
    const { story: s } = story([
      { id: 'a', source: 'Wire', paragraphs: ['The new treaty between Russia and Iran will run for 20 years, the Kremlin said.'] },
      { id: 'b', source: 'Daily', paragraphs: ['The new treaty between Russia and Iran will run for 25 years, Iranian officials said.'] },
      { id: 'c', source: 'Post', paragraphs: ['Russia and Iran signed a new treaty in Moscow after talks between their leaders.'] },
    ]);
    const twenty = claimOf(s.claims, /20 years/);
    const twentyFive = claimOf(s.claims, /25 years/);
    expect(twenty.disputes).toEqual([expect.objectContaining({ kind: 'number', claimId: twentyFive.id, ours: '20 years', theirs: '25 years', outlets: ['Daily'] })]);
    expect(twentyFive.disputes[0]).toMatchObject({ kind: 'number', ours: '25 years', theirs: '20 years', outlets: ['Wire'] });
    expect(claimOf(s.claims, /signed a new treaty/).disputed).toBe(false);
  });

  it('compares figures of one kind and of one holder only, and no bound or estimate with an exact figure', () => {
    expectUndisputed([
      // another unit, and a bound or an estimate
      ['Deputies found the 3-month-old girl with a gunshot wound at the home on Elm Street.', 'Deputies found the girl with a gunshot wound at the home on Elm Street at 7 p.m.'],
      ['The governor announced $139 million in new spending to stop the surge in shootings.', 'The governor announced about $138 million in new spending to stop the surge in shootings.'],
      ['The child was shot about 8:20 p.m. on the 600 block of 46th Place in Benning Ridge.', 'The child was shot at 8:18 p.m. on the 600 block of 46th Place in Benning Ridge.'],
      // the figures of two people, named, described, or the names whose verbs they follow
      ["Tiarah Poyau, 22, was killed during the J'Ouvert celebration in Brooklyn.", "Tyreke Borel, 17, was killed during the J'Ouvert celebration in Brooklyn."],
      ['A shooting in the Austin neighborhood fatally wounded a 17-year-old boy.', 'A shooting in the Austin neighborhood fatally wounded a 33-year-old man.'],
      ['Shy Ely scored 23 points for the Purple Aces in the quarterfinal on Thursday night.', 'Ty Lawson added 16 points for the Tar Heels in the quarterfinal on Thursday night.'],
      ['The Boston Red Sox have made first baseman Mark Teixeira an eight-year, $200 million offer.', 'The Washington Nationals made first baseman Mark Teixeira an eight-year, $160 million offer.'],
    ]);
    expectDisputed('Shawndell Partin, 36, was charged with aggravated riot and obstructing official business.', 'Shawndell Partin, 26, was charged with aggravated riot and obstructing official business.', { kind: 'number', ours: '26', theirs: '36' });
    // a time of day is one figure
    expectDisputed('The 17-year-old victim was pronounced dead at Mount Sinai Hospital at 1:35 a.m.', 'The victim was pronounced dead at Mount Sinai Hospital at 1:19 a.m.', { kind: 'number', ours: '1:19 a.m.', theirs: '1:35 a.m.' });
    expectDisputed('Deputy Ortiz was shot to death outside an apartment in the 12000 block of East 223rd Street.', 'Ortiz was shot to death outside an apartment complex in the 12500 block of East 223rd Street.', { kind: 'number', ours: '12500 block', theirs: '12000 block' });
  });

  it('reads figures written in words: a count in words disputes another, and the same figure in words and digits is one claim', () => {
    expectDisputed('Two people were killed in the shooting on Main Street on Saturday, police said.', 'Three people were killed in the shooting on Main Street on Saturday, police said.', { kind: 'number', ours: 'Three people', theirs: 'Two people' });
    expectDisputed('The storm left two million homes without power across the state.', 'The storm left three million homes without power across the state.', { kind: 'number', ours: 'three million homes', theirs: 'two million homes' });
    for (const [first, second] of [
      ['Sixty-one people were killed across Afghanistan on Tuesday.', '61 people were killed across Afghanistan on Tuesday.'],
      ['Ozone levels reached .20 parts per million in the valley on Monday.', 'Ozone levels reached 0.20 parts per million in the valley on Monday.'],
      ['The company will cut 1.2 million jobs by the end of the year.', 'The company will cut 1,200,000 jobs by the end of the year.'],
    ]) {
      const { claims, mentions } = twoReports(first, second);
      expect(claims).toHaveLength(1);
      expect(mentions.map((m) => m.claimId)).toEqual([claims[0].id, claims[0].id]);
    }
  });

  it('reads a date as holding a figure only when it states the figure whole, and no date as a figure', () => {
    // "two" is the figure 2, which "Oct. 11, 2013" does not state
    const { claims } = story([
      { id: 'a', source: 'Wire', publishedAt: '2016-09-01T12:00:00Z', paragraphs: ['The two were embroiled in a divorce, filed by Faith Green on Oct. 11, 2013, and again this past Aug. 11.'] },
      { id: 'b', source: 'Daily', publishedAt: '2016-09-01T12:00:00Z', paragraphs: ['Public records show the couple were involved in a divorce, which was filed by Faith Green on Oct. 11, 2013, and again on Aug. 11, 2016.'] },
    ]);
    expect(claims.flatMap((c) => c.contradicts ?? [])).toEqual([]);
    // nor is the day of a date a figure to set against another ("all four" against "April 7")
    expectUndisputed([['A preliminary hearing for all four is scheduled for April 14 before Hoots.', 'He is scheduled for a preliminary hearing April 7 before Hoots.']]);
  });

  it('compares figures only where they stand in one place of their sentences', () => {
    // a batting average and an age, a total and the price of one item, a game's points and a
    // career's, a boy's age and his father's: other measures of one subject, not other figures
    expectUndisputed([
      ['After being acquired from the Braves, Teixeira hit .358 with 13 homers and 43 RBIs in 54 games with the Angels.', 'Teixeira, 28, was acquired from the Braves and hit 13 home runs and 43 RBIs in 54 games with the Angels.'],
      ['Jackson pleaded guilty Wednesday to charges that he spent $750,000 in campaign cash on personal items.', 'Jackson pleaded guilty Wednesday to using campaign cash to buy personal items including a $43,000 Rolex watch.'],
      ["Doug McDermott scored 23 points and became the school's all-time leader in points scored.", "Doug McDermott became the school's all-time scoring leader with 2,117 points."],
      ['The officers were trying to stop Christopher Few, father of 6-year-old Jeremy Mardis, after a car chase.', 'The officers are accused of shooting Mardis and wounding his 25-year-old father Christopher Few after a car chase.'],
    ]);
    // the same place: the word before the figure, or the word after it
    expectDisputed('The other victims ranged in age from 19 to 47, police said.', 'The victims ranged in age from 21 to 46, police said.', { kind: 'number', ours: '21', theirs: '19' });
    expectDisputed("Thursday's shooting deaths bring Louisville's homicide total to 106 for the year.", "The two deaths Thursday raise Louisville's homicide total to 104 for the year.", { kind: 'number', ours: '104', theirs: '106' });
  });

  it('shows a conflicting bare figure without the word that follows it', () => {
    const { story: s } = story([
      { id: 'a', source: 'Wire', paragraphs: ['Crane 33 at the Port of Long Beach collapsed onto a container ship on Tuesday, officials said.'] },
      { id: 'b', source: 'Daily', paragraphs: ['Crane 36 at the Port of Long Beach collapsed onto a container ship on Tuesday, officials said.'] },
    ]);
    const crane = claimOf(s.claims, /Crane 33/);
    expect(crane.disputes).toEqual([expect.objectContaining({ kind: 'number', ours: '33', theirs: '36', detail: 'another figure: 33 here, 36 according to Daily' })]);
  });

  it('reports a conflicting date only when both dates are known, not worked out from an upload time', () => {
    const published = [
      { id: 'a', source: 'Wire', publishedAt: '2025-01-18T08:00:00Z', paragraphs: ['Putin and Pezeshkian signed the treaty in Moscow on January 17.'] },
      { id: 'b', source: 'Daily', publishedAt: '2025-01-18T08:00:00Z', paragraphs: ['Putin and Pezeshkian signed the treaty in Moscow on January 16.'] },
    ];
    const dated = story(published).story;
    expect(claimOf(dated.claims, /January 17/).disputes[0]).toMatchObject({ kind: 'date', ours: '2025-01-17', theirs: '2025-01-16' });
    const undated = story(published.map(({ publishedAt: _omit, ...rest }) => rest)).story;
    expect(undated.claims.every((c) => !c.disputed)).toBe(true);
    // a year in one place of its sentence against a year in another is two dates, not two for one
    expectDisputed('Voters in 2009 approved a $3 million bond to buy the waterfront properties.', 'Palmer voters in 2010 approved a $3 million bond to buy the waterfront properties.', { kind: 'date', ours: '2010', theirs: '2009' });
    const rolls = twoReports(
      "The secretary of state removed 100,000 names from Georgia's voter rolls, the first major cleaning of the rolls following the 2020 election.",
      "The secretary of state removed 100,000 names from Georgia's voter rolls, the first major cleaning of the rolls in the state since 2019.",
    );
    expect(rolls.claims.flatMap((c) => c.contradicts ?? [])).toEqual([]);
  });

  it('matches one speaker\'s quotation across outlets and shows the wording differences', () => {
    const { story: s } = story([
      { id: 'a', source: 'Wire', paragraphs: ['"The treaty is constructive in nature and is aimed at strengthening our capabilities," Russian Foreign Minister Sergei Lavrov said.'] },
      { id: 'b', source: 'Daily', paragraphs: ['Lavrov said the treaty "is constructive in nature and aimed at strengthening the capabilities of Russia."'] },
      { id: 'c', source: 'Post', paragraphs: ['"The treaty is constructive in nature and is aimed at strengthening our capabilities," Iranian officials said.'] },
    ]);
    const lavrov = s.quotes.find((q) => /Lavrov/.test(q.speaker))!;
    expect(lavrov.speaker).toBe('Russian Foreign Minister Sergei Lavrov');
    expect(lavrov.outlets).toEqual(['Wire', 'Daily']);
    expect(lavrov.identical).toBe(false);
    expect(lavrov.variants[1]).toMatchObject({ source: 'Daily', omitted: expect.arrayContaining(['the', 'treaty', 'our']), added: expect.arrayContaining(['russia']) });
    // Another speaker with the same words is another quotation.
    expect(s.quotes.find((q) => q.speaker === 'Iranian officials')?.outlets).toEqual(['Post']);
  });

  it('keeps spelling variants of one person together in the claim entities', () => {
    const { story: s } = story([
      { id: 'a', source: 'Wire', paragraphs: ['Iranian President Masud Pezeshkian signed the treaty with Vladimir Putin in Moscow on Friday.'] },
      { id: 'b', source: 'Daily', paragraphs: ['Iranian President Masoud Pezeshkian signed the treaty with Vladimir Putin in Moscow on Friday.'] },
    ]);
    expect(s.claims).toHaveLength(1);
    const pezeshkian = s.claims[0].entities!.find((e) => /Pezeshkian/.test(e.name))!;
    expect(pezeshkian.kind).toBe('person');
    expect([pezeshkian.name, ...(pezeshkian.variants ?? [])].sort()).toEqual(['Masoud Pezeshkian', 'Masud Pezeshkian']);
  });
});

describe('claims joined through a mention that restates both', () => {
  it('shows two claims as one when a later outlet restates both, under the earlier one, with every outlet', () => {
    const { story: s, mentions } = story([
      { id: 'a', source: 'Wire', paragraphs: ["Trump ordered the killing of one of Iran's top generals in 2020."] },
      { id: 'b', source: 'Daily', paragraphs: ['In 2020, Trump ordered the assassination of Iranian Revolutionary Guards commander Qasem Soleimani in a US drone strike in Iraq, sparking outrage in Iran.'] },
      { id: 'c', source: 'Post', paragraphs: ['During his first term, Trump ordered the assassination of Iranian commander Qasem Soleimani in 2020.'] },
    ]);
    // the first two are worded too differently to match; the third restates both
    expect(mentions[1].claimId).not.toBe(mentions[0].claimId);
    expect(mentions[2].sameAs).toEqual([expect.any(String)]);
    expect(s.claims).toHaveLength(1);
    expect(s.claims[0].id).toBe(mentions[0].claimId);
    expect(s.claims[0].outlets).toEqual(['Wire', 'Daily', 'Post']);
  });

  it('never joins two claims that one article made', () => {
    const { story: s, mentions } = story([
      { id: 'a', source: 'Wire', paragraphs: ["Trump ordered the killing of one of Iran's top generals in 2020.", 'In 2020, Trump ordered the assassination of Iranian Revolutionary Guards commander Qasem Soleimani in a US drone strike in Iraq, sparking outrage in Iran.'] },
      { id: 'c', source: 'Post', paragraphs: ['During his first term, Trump ordered the assassination of Iranian commander Qasem Soleimani in 2020.'] },
    ]);
    expect(mentions[0].claimId).not.toBe(mentions[1].claimId);
    expect(mentions[2].sameAs).toBeUndefined();
    expect(s.claims).toHaveLength(2);
  });

  it('joins in the digest the claims a mention links, under the earlier one, and no other', () => {
    const at = '2025-01-20T00:00:00.000Z';
    const claim = (id: string, statement: string): ClaimRecord => ({ id, storyId: 's', text: statement, statement, features: claimFeatures(statement), createdAt: at, negated: false });
    const mention = (claimId: string, articleId: string, sameAs?: string[]): MentionRecord => ({ claimId, storyId: 's', articleId, source: articleId, text: 't', claimIndex: 0, ingestedAt: at, similarity: 1, ...(sameAs ? { sameAs } : {}) });
    const article = (id: string): ArticleRecord => ({ id, key: `inbox/${id}`, title: id, language: 'en', source: id, ingestedAt: at, storyId: 's', claimCount: 1 });
    const claims = [claim('c-a-0', 'Iran joined the bloc.'), claim('c-b-0', 'Iran joined the group.'), claim('c-b-1', 'Iran left the group.')];
    const digest = buildDigest(
      [{ story: { id: 's', headline: 'h', createdAt: at, updatedAt: at, centroid: {}, memberIds: [] }, articles: ['a', 'b', 'c'].map(article), claims, mentions: [mention('c-a-0', 'a'), mention('c-b-0', 'b'), mention('c-b-1', 'b'), mention('c-b-0', 'c', ['c-a-0'])] }],
      1,
      at,
    );
    // the link in the digest is honoured: c-b-0 joins the earlier c-a-0 (same moment: by id)
    const ids = digest.stories[0].claims.map((c) => c.id).sort();
    expect(ids).toEqual(['c-a-0', 'c-b-1']);
    expect(digest.stories[0].claims.find((c) => c.id === 'c-a-0')!.outlets.sort()).toEqual(['a', 'b', 'c']);
  });
});
