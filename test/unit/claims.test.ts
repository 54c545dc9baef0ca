import { claimFeatures } from '../../functions/core/claims/claim-features';
import { claimMatch, claimSimilarity, SAME_CLAIM_THRESHOLD } from '../../functions/core/claims/claim-similarity';
import { extractClaims } from '../../functions/core/claims/extract-claims';
import { alignRewrite, findRewriteOrigin, REWRITE_ALIGNMENT_FLOOR } from '../../functions/core/claims/rewrite';
import { mainClause, matchArticleClaims, matchingCore } from '../../functions/core/claims/match-article-claims';
import { countriesForLeaders } from '../../functions/core/claims/entities';
import type { ClaimRecord, MentionRecord } from '../../functions/core/records';
import { parseArticle } from '../../functions/core/parse/parse-article';
import { seedFiles } from '../support/seeds';

const similarity = (a: string, b: string) => claimSimilarity(claimFeatures(a), claimFeatures(b));
/** An article of story "s", its id and source from `id`, as matchArticleClaims reads one. */
const article = (id: string) => ({ id: id.padEnd(20, '0'), source: id, ingestedAt: '2025-01-20T00:00:00.000Z', storyId: 's' });

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

describe('claimSimilarity (learned matcher)', () => {
  it('meets synonyms, reordered clauses and the passive voice', () => {
    expect(similarity('Russia and Iran signed a treaty on Friday in Moscow.', 'On Friday in Moscow, Russia and Iran signed a pact.')).toBeGreaterThanOrEqual(SAME_CLAIM_THRESHOLD);
    expect(similarity('The United States supplied Ukraine with air defence systems.', 'Ukraine was provided with air defence systems by the United States.')).toBeGreaterThanOrEqual(SAME_CLAIM_THRESHOLD);
    expect(similarity('Officials praised the agreement between the two countries.', 'The deal between the two countries was hailed by officials.')).toBeGreaterThanOrEqual(SAME_CLAIM_THRESHOLD);
  });

  it('keeps different actors, dates and figures apart', () => {
    expect(similarity('Police arrested 12 protesters outside parliament on Monday.', 'Police arrested 40 protesters outside parliament on Monday.')).toBeLessThan(SAME_CLAIM_THRESHOLD);
    expect(similarity('The ceasefire took effect on 3 March 2024.', 'The ceasefire took effect on 30 March 2024.')).toBeLessThan(SAME_CLAIM_THRESHOLD);
    expect(similarity('Microsoft agreed to buy Activision for $69 billion.', 'Google agreed to buy Fitbit for $2.1 billion.')).toBeLessThan(SAME_CLAIM_THRESHOLD);
    // figures in words are figures
    expect(similarity('Police arrested two suspects after the robbery at the jewelry store.', 'Police arrested three suspects after the robbery at the jewelry store.')).toBeLessThan(SAME_CLAIM_THRESHOLD);
    expect(similarity('Sixty-one people were killed across Afghanistan on Tuesday.', '61 people were killed across Afghanistan on Tuesday.')).toBeGreaterThanOrEqual(SAME_CLAIM_THRESHOLD);
  });

  it('stays in [0, 1], is symmetric, and compares records stored without a word sequence', () => {
    const a = claimFeatures('Putin praised the deal as a real breakthrough.');
    const b = claimFeatures('Putin hailed the agreement as a real breakthrough.');
    expect(claimSimilarity(a, b)).toBeCloseTo(claimSimilarity(b, a), 10);
    const legacy = { terms: a.terms, numbers: a.numbers, names: a.names, negated: a.negated };
    const score = claimSimilarity(legacy, b);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
    expect(claimSimilarity(claimFeatures(''), b)).toBeLessThan(SAME_CLAIM_THRESHOLD);
  });

  it('keeps the stored features small', () => {
    const features = claimFeatures('Iranian President Masoud Pezeshkian and Russian President Vladimir Putin signed a 20-year strategic partnership treaty in Moscow on Friday, deepening military and economic ties.');
    expect(JSON.stringify(features).length).toBeLessThan(700);
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

  it('counts a sentence for the earlier article that states a claim it could have joined, whichever claim it joined', () => {
    // sentences 1 and 3 joined a third article's wordings ('x1', 'x3') of claims the original states too
    expect(findRewriteOrigin(['c0', 'x1', undefined, 'x3', 'c4', 'c6'], earlier, 'new')).toBeUndefined();
    expect(findRewriteOrigin(['c0', 'x1', undefined, 'x3', 'c4', 'c6'], earlier, 'new', [['c0'], ['x1', 'c1'], [], ['x3', 'c3'], ['c4'], ['c6']])).toBe('original');
  });
});

describe('alignRewrite', () => {
  const earlier = Array.from({ length: 8 }, (_, i) => ({ claimId: `c${i}`, articleId: 'original', claimIndex: i }));
  /** Similarity of the article's sentence to an origin mention, from a table of pairs (0 elsewhere). */
  const table = (pairs: Record<string, number>) => (sentence: number, mention: { claimId: string }) => pairs[`${sentence}:${mention.claimId}`] ?? 0;

  it('places an unmatched sentence of a rewrite against the origin sentence between its neighbours', () => {
    const alignment = alignRewrite(['c0', 'c1', undefined, 'c3', 'c4', undefined], earlier, 'new', [], table({ '2:c2': 0.3, '5:c5': 0.28, '5:c7': 0.26 }));
    expect(alignment?.origin).toBe('original');
    expect(alignment?.aligned.map(({ sentence, mention, similarity }) => [sentence, mention.claimId, similarity])).toEqual([
      [2, 'c2', 0.3],
      [5, 'c5', 0.28],
    ]);
  });

  it('aligns in order and one to one, for the largest summed similarity', () => {
    // c3 alone is the likelier partner of sentence 2, but c2 then c3 place both sentences
    const alignment = alignRewrite(['c0', 'c1', undefined, undefined, 'c4', 'c5'], earlier, 'new', [], table({ '2:c2': 0.3, '2:c3': 0.45, '3:c3': 0.3 }));
    expect(alignment?.aligned.map(({ sentence, mention }) => [sentence, mention.claimId])).toEqual([
      [2, 'c2'],
      [3, 'c3'],
    ]);
  });

  it('does not place a sentence outside its stretch, below the floor, or on a claim the article matched already', () => {
    // sentence 2 sits between the origin's c1 and c3: c6 is elsewhere in the origin
    expect(alignRewrite(['c0', 'c1', undefined, 'c3', 'c4'], earlier, 'new', [], table({ '2:c6': 0.9 }))?.aligned).toEqual([]);
    expect(alignRewrite(['c0', 'c1', undefined, 'c3', 'c4'], earlier, 'new', [], table({ '2:c2': REWRITE_ALIGNMENT_FLOOR - 0.01 }))?.aligned).toEqual([]);
    // c2 is matched by sentence 5 (out of order, so not an anchor): not free for sentence 2
    expect(alignRewrite(['c0', 'c1', undefined, 'c3', 'c4', 'c2'], earlier, 'new', [], table({ '2:c2': 0.4 }))?.aligned).toEqual([]);
  });

  it('aligns nothing when the article rewrites no earlier one', () => {
    expect(alignRewrite(['c6', 'c1', undefined, 'c0', 'c7', 'c2'], earlier, 'new', [], table({ '2:c3': 0.9 }))).toBeUndefined();
  });
});

describe('matchArticleClaims on a retry', () => {
  it('decides as the first attempt did when the story already holds the claims and mentions that attempt wrote', () => {
    const claims: ClaimRecord[] = [];
    const mentions: MentionRecord[] = [];
    seedFiles().forEach((file, i) => {
      const { paragraphs } = parseArticle(file.bytes, { key: `inbox/${file.name}` });
      const seed = { ...article(`seed${i}`), source: file.name };
      const first = matchArticleClaims(seed, paragraphs, claims, mentions);
      const retry = matchArticleClaims(seed, paragraphs, [...claims, ...first.newClaims], [...mentions, ...first.mentions]);
      expect(retry.mentions.map((m) => m.claimId)).toEqual(first.mentions.map((m) => m.claimId));
      expect(retry.newClaims).toEqual(first.newClaims);
      claims.push(...first.newClaims);
      mentions.push(...first.mentions);
    });
  });
});

describe('matchArticleClaims on a rewrite', () => {
  const original = [
    'The Kremlin earlier said that the treaty will enhance the military-political and trade-economic relations between Tehran and Moscow, though the specifics remain undisclosed.',
    'Pezeshkian said the two countries were entering a new chapter in relations, especially in trade.',
    'The leaders said the two countries would intensify cooperation across a range of areas including politics, security, trade, transport and energy.',
    'Both countries have increased their trade activities in response to Western sanctions.',
    'Since Russia’s invasion of Ukraine in February 2022, Moscow has viewed Iran as a key strategic partner, a move that has alarmed Western officials who see both nations as destabilising forces globally.',
  ];
  const rewrite = (third: string) => [
    'The Kremlin highlighted the treaty’s aim to bolster military-political and trade-economic relations, though specific details remain undisclosed.',
    'Pezeshkian stated that the agreement marks a new chapter in their bilateral relations, particularly in trade.',
    third,
    'The partnership follows increased trade activities by both nations in response to Western sanctions.',
    'Since Russia’s 2022 invasion of Ukraine, Moscow has viewed Iran as a crucial strategic ally, raising concerns among Western officials who consider the two nations as destabilizing global forces.',
  ];
  const first = matchArticleClaims(article('a'), original, []);

  it('joins a sentence reworded past matching to the claim of the origin sentence in its place', () => {
    const reworded = 'Both leaders emphasized plans to enhance cooperation in politics, security, trade, transportation, and energy.';
    // on its own, the sentence does not match the origin's
    expect(matchArticleClaims(article('b'), [reworded], first.newClaims).matchedTo).toEqual([undefined]);
    const second = matchArticleClaims(article('b'), rewrite(reworded), first.newClaims, first.mentions);
    expect(second.derivedFrom).toBe(article('a').id);
    expect(second.matchedTo).toEqual(first.newClaims.map((claim) => claim.id));
    expect(second.newClaims).toEqual([]);
  });

  it('keeps an aligned sentence apart from the origin claim it conflicts with', () => {
    // alike in words (claimSimilarity above the alignment floor), opposite in polarity
    const denied = 'Both leaders emphasized that they have no plans to enhance cooperation in politics, security, trade, transportation, and energy.';
    const second = matchArticleClaims(article('b'), rewrite(denied), first.newClaims, first.mentions);
    expect(second.derivedFrom).toBe(article('a').id);
    expect(second.matchedTo[2]).toBeUndefined();
    expect(second.newClaims.map((claim) => [claim.id, claim.negated])).toEqual([[`c-${article('b').id.slice(0, 12)}-2`, true]]);
  });

  it('names no origin, and joins nothing beyond the matcher, for an article that rewrites none', () => {
    const reworded = 'Both leaders emphasized plans to enhance cooperation in politics, security, trade, transportation, and energy.';
    const second = matchArticleClaims(article('b'), [rewrite(reworded)[0], reworded], first.newClaims, first.mentions);
    expect(second.derivedFrom).toBeUndefined();
    expect(second.matchedTo[1]).toBeUndefined();
  });
});

describe('matchingCore', () => {
  it('leaves out a leading adverbial and a trailing elaboration, and nothing else', () => {
    expect(matchingCore('Despite such controversies, Iran joined the BRICS bloc last year, further cementing its position as a key partner.')).toBe('Iran joined the BRICS bloc last year');
    expect(matchingCore('The treaty will enhance relations between Tehran and Moscow, though the specifics remain undisclosed.')).toBe('The treaty will enhance relations between Tehran and Moscow');
    expect(matchingCore('Iran joined the BRICS bloc last year.')).toBeUndefined();
    expect(matchingCore('Pezeshkian echoed this sentiment, describing the treaty as the start of a new chapter of strategic relations.')).toBe('the treaty is the start of a new chapter of strategic relations.');
    // too little would remain
    expect(matchingCore('In 2020, the minister resigned.')).toBeUndefined();
  });

  it('keeps the first clause when another phrase is appended after a comma or a dash, but not a subordinate clause, a short one or a list', () => {
    expect(matchingCore('The Consumer Price Index has risen 4.2 percent from a year ago, notably higher than the estimated 3.6 percent.')).toBe('The Consumer Price Index has risen 4.2 percent from a year ago');
    expect(matchingCore('The Delta variant doubles the risk of hospitalisation compared with earlier variants, but two doses of vaccine still protect.')).toBe('The Delta variant doubles the risk of hospitalisation compared with earlier variants');
    expect(matchingCore('While marijuana remains illegal under federal law, officials have allowed Colorado to go ahead.')).toBeUndefined();
    expect(matchingCore('We will bring back our jobs, we will bring back our borders.')).toBeUndefined();
    expect(matchingCore('Police recovered a rifle, two handguns and ammunition from the car on Main Street.')).toBeUndefined();
  });

  it('lets another outlet\'s report of the first clause alone join the claim, and no short statement', () => {
      const first = matchArticleClaims(article('a'), ['The Consumer Price Index has risen 4.2 percent from a year ago, notably higher than the estimated 3.6 percent.'], []);
    const claims: ClaimRecord[] = [...first.newClaims];
    expect(matchArticleClaims(article('b'), ['The Consumer Price Index rose 4.2% from a year earlier.'], claims).matchedTo).toEqual([claims[0].id]);
    const gunman = matchArticleClaims(article('c'), ['The heavily armed gunman was identified by Police Sgt. Richard Lewis Sunday as John Zawahri, whose victims included his father and brother.'], []);
    expect(matchArticleClaims(article('d'), ['Zawahri was shot by police.'], gunman.newClaims).matchedTo).toEqual([undefined]);
  });
});

describe('countriesForLeaders', () => {
  it('writes a head of state named with his country\'s adjective as the country, and nobody else', () => {
    expect(countriesForLeaders('Russian President Vladimir Putin and his Iranian counterpart, Masoud Pezeshkian, signed a pact.')).toBe('Russia and Iran signed a pact.');
    expect(countriesForLeaders('Iranian President Masoud Pezeshkian met Putin.')).toBe('Iran met Putin.');
    // a minister speaks for himself: his words are attributed to him, not to the country
    expect(countriesForLeaders('Russian Foreign Minister Sergei Lavrov said so.')).toBe('Russian Foreign Minister Sergei Lavrov said so.');
    expect(countriesForLeaders('US President-elect Donald Trump returns on Monday.')).toBe('US President-elect Donald Trump returns on Monday.');
  });
});

describe('mainClause', () => {
  it('keeps who did what: no dateline, appositive, as-clause, purpose or trailing elaboration', () => {
    expect(mainClause('Iran and Russia, two of the most-sanctioned nations in the world, have signed a comprehensive strategic partnership treaty as Moscow and Tehran deepen cooperation that has steadily increased since 2022.')).toEqual({ text: 'Iran and Russia have signed a comprehensive strategic partnership treaty', predicate: 'sign' });
    expect(mainClause('MOSCOW — Russian President Vladimir Putin and his Iranian counterpart, Masoud Pezeshkian, signed a broad cooperation pact Friday as their countries deepened their partnership.')?.text).toBe('Russia and Iran signed a broad cooperation pact Friday');
    expect(mainClause('Russian President Vladimir Putin and Iranian President Masoud Pezeshkian have signed a treaty aimed at bolstering cooperation across various sectors.')?.text).toBe('Russia and Iran have signed a treaty');
    expect(mainClause('MOSCOW, Jan. 17, 2025 (Reuters) — Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a broad cooperation pact Friday as their countries deepened their partnership.')?.text).toBe('Russia and Iran signed a broad cooperation pact Friday');
    expect(mainClause('The timing of the deal, just days before the inauguration, has raised eyebrows, though officials insisted it was long planned.')).toEqual({ text: 'The timing of the deal has raised eyebrows', predicate: 'rais' });
    expect(mainClause('The treaty was signed just before the return of US President-elect Donald Trump, known for his hardline stance against Iran.')).toEqual({ text: 'The treaty was signed just before the return of US President-elect Donald Trump', predicate: 'sign' });
    // nothing to leave out: the statement is its own main clause
    expect(mainClause('Iran joined the BRICS bloc last year.')).toEqual({ text: 'Iran joined the BRICS bloc last year', predicate: 'join' });
    expect(mainClause('This agreement follows a similar pact with North Korea — once part of the Axis of Evil.')).toEqual({ text: 'This agreement follows a similar pact with North Korea', predicate: 'follow' });
    expect(mainClause('Russian President Vladimir Putin and Iranian President Masud Pezeshkian, on his first visit to the Kremlin since he won an election last July, signed the pact in Moscow after meeting for talks.')?.text).toBe('Russia and Iran signed the pact in Russia');
    expect(mainClause('Pezeshkian echoed this sentiment, describing the treaty as the start of a new chapter of strategic relations.')).toEqual({ text: 'the treaty is the start of a new chapter of strategic relations', predicate: 'start' });
    // a purpose left out, and what the cut leaves dangling
    expect(mainClause('Russian Foreign Minister Sergei Lavrov described the treaty as constructive, aimed at reinforcing the capabilities of Russia, Iran, and their allies globally.')).toEqual({ text: 'the treaty is constructive', predicate: 'construct' });
    expect(mainClause('The treaty is constructive in nature and is aimed at strengthening the capabilities of Russia, Iran, and our friends.')).toEqual({ text: 'The treaty is constructive in nature', predicate: 'construct' });
    // too little
    expect(mainClause('In 2020, the minister resigned.')).toBeUndefined();
  });

  it('joins two outlets\' wordings of one assertion on their main clauses, but not two predicates about one thing', () => {
      const first = matchArticleClaims(article('a'), ['Iran and Russia, two of the most-sanctioned nations in the world, have signed a comprehensive strategic partnership treaty as Moscow and Tehran deepen cooperation that has steadily increased since the invasion of Ukraine.'], []);
    const claims: ClaimRecord[] = [...first.newClaims];
    const second = matchArticleClaims(article('b'), ["Iranian President Masoud Pezeshkian and Russian President Vladimir Putin have signed a cooperation pact, deepening the partnership between two of the world's most heavily sanctioned nations."], claims);
    expect(second.matchedTo).toEqual([claims[0].id]);
    // same actors and object, another predicate
    const third = matchArticleClaims(article('c'), ['Russian President Vladimir Putin and Iranian President Masoud Pezeshkian have postponed a comprehensive strategic partnership treaty, citing unresolved disputes over energy prices.'], claims);
    expect(third.matchedTo).toEqual([undefined]);
  });
});

describe('claimMatch', () => {
  const match = (a: string, b: string) => claimMatch(claimFeatures(a), claimFeatures(b));

  it('answers "same claim?" and "how similar?" apart: figures veto the first, only lower the second', () => {
    const twenty = match('The treaty will run for 20 years.', 'The treaty will run for 10 years.');
    const unrelated = match('The treaty will run for 20 years.', 'Iran joined the BRICS bloc last year.');
    expect(twenty.same).toBe(false);
    expect(unrelated.same).toBe(false);
    // a different claim, but a far more similar sentence than an unrelated one
    expect(twenty.score).toBeGreaterThan(unrelated.score);
    const paraphrase = match('Putin praised the deal as a real breakthrough.', 'Putin hailed the agreement as a real breakthrough.');
    expect(paraphrase.same).toBe(true);
    expect(paraphrase.score).toBeGreaterThan(twenty.score);
    for (const m of [twenty, unrelated, paraphrase]) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });

  it('matches in a story (claimSimilarity) through both models, a stricter point than "same": these matches are all "same"', () => {
    const pairs: Array<[string, string]> = [
      ['Putin praised the deal as a real breakthrough.', 'Putin hailed the agreement as a real breakthrough.'],
      ['The timing of the deal, just days before the inauguration, has raised eyebrows.', 'The treaty was signed just days before the inauguration.'],
      ['Iran has supplied Russia with Shahed drones.', 'Iran provided Russia with Shahed drones, officials said.'],
      ['Russia and Iran are both under severe Western sanctions.', 'Both countries have increased their trade in response to Western sanctions.'],
    ];
    for (const [a, b] of pairs) {
      const m = match(a, b);
      expect(m.similarity).toBe(claimSimilarity(claimFeatures(a), claimFeatures(b)));
      if (m.similarity >= SAME_CLAIM_THRESHOLD) expect(m.same).toBe(true);
    }
  });
});
