/**
 * Our own judgement of which claim mentions in the five seed articles (seeds/) state the same claim,
 * made by reading the articles: the reference for the seed grouping test. A mention is named by its
 * article's file prefix and either its whole statement or a piece of its statement (or, unsplit,
 * its sentence) that occurs in no other mention of that article.
 *
 * `same`: groups of mentions, from different articles, that state one claim (every pair within a
 * group is a same-claim pair). Mentions whose claim is only partly shared (a sentence that joins the
 * shared claim with another one, or adds a different main assertion) are left out rather than forced
 * either way. `different`: pairs that look alike (shared actors, words, topics) but state different
 * claims: other figures or dates, other actors, another predicate. They must never be grouped.
 */
export type MentionRef = readonly [article: string, snippet: string];

export const SAME_CLAIM_GROUPS: ReadonlyArray<{ claim: string; mentions: readonly MentionRef[] }> = [
  {
    claim: 'Putin and Pezeshkian (Russia and Iran) signed a cooperation/partnership treaty',
    mentions: [
      ['000', 'have signed a comprehensive strategic partnership treaty as Moscow and Tehran'],
      ['001', 'have signed a cooperation pact, deepening the partnership'],
      ['002', 'have signed a strategic cooperation treaty, strengthening ties'],
      ['003', 'have signed a comprehensive strategic partnership treaty aimed at bolstering'],
      ['004', 'signed a broad cooperation pact Friday'],
    ],
  },
  {
    claim: 'The treaty was signed on January 17',
    mentions: [
      ['000', 'signed the pact in Moscow on January 17'],
      ['002', 'signed a strategic cooperation treaty on January 17, 2025'],
    ],
  },
  {
    claim: 'The treaty covers areas from trade and military cooperation to science, culture and education',
    mentions: [
      ['001', 'covers areas from trade and military cooperation'],
      ['002', 'encompasses areas such as trade, military collaboration'],
      ['004', 'covers all areas'],
    ],
  },
  {
    claim: 'Putin praised the deal as a real breakthrough',
    mentions: [
      ['001', 'Putin praised the deal as a real breakthrough creating'],
      ['002', 'Putin hailed the agreement'],
      ['003', 'Putin praised the agreement as a real breakthrough'],
      ['004', 'Putin praised the deal as a real breakthrough, creating'],
    ],
  },
  {
    claim: "The treaty aims to strengthen (enhance) the two countries' military-political and trade-economic relations",
    mentions: [
      ['000', 'The new treaty aims to strengthen'],
      ['001', 'the treaty will enhance the military-political'],
      ['002', "highlighted the treaty's aim to bolster"],
    ],
  },
  {
    claim: 'Lavrov: the treaty is constructive and aimed at strengthening the capabilities of Russia, Iran and friends',
    mentions: [
      ['000', 'is constructive in nature'],
      ['001', 'is constructive in nature'],
      ['002', 'Lavrov described the treaty as constructive'],
    ],
  },
  {
    claim: 'The treaty runs (remains in force) for 20 years',
    mentions: [
      ['000', 'The new treaty runs for 20 years'],
      ['001', 'remain in force for 20 years'],
      ['002', 'remain effective for 20 years'],
    ],
  },
  {
    claim: 'The two countries are entering a new chapter in relations',
    mentions: [
      ['001', 'entering a new chapter in relations'],
      ['002', 'marks a new chapter in their bilateral relations'],
      ['003', 'the start of a new chapter of strategic relations'],
    ],
  },
  {
    claim: 'The two countries will intensify cooperation in politics, security, trade, transport and energy',
    mentions: [
      ['001', 'would intensify cooperation across a range of areas'],
      ['002', 'emphasized plans to enhance cooperation in politics'],
    ],
  },
  {
    claim: 'Both countries increased their trade in response to Western sanctions',
    mentions: [
      ['001', 'Both countries have increased their trade activities'],
      ['002', 'follows increased trade activities by both nations'],
    ],
  },
  {
    claim: 'Iran has supplied Russia with (Shahed) drones',
    mentions: [
      ['001', 'Iran has already provided Russia with self-detonating'],
      ['002', 'Iran has supplied Russia with Shahed drones'],
      ['003', 'Tehran has supplied drones to Russia'],
      ['004', 'providing Moscow with hundreds of drones'],
    ],
  },
  {
    claim: "Since Russia's 2022 invasion of Ukraine, Moscow has viewed Iran as a key strategic partner",
    mentions: [
      ['001', 'Moscow has viewed Iran as a key strategic partner'],
      ['002', 'Moscow has viewed Iran as a crucial strategic ally'],
    ],
  },
  {
    claim: "Closer ties with Iran, China and North Korea are a focus of Putin's foreign policy",
    mentions: [
      ['001', "central focus of Putin's foreign policy"],
      ['002', "reflects Putin's focus on strengthening ties"],
    ],
  },
  {
    claim: "Pezeshkian's visit follows foreign-policy setbacks for Tehran",
    mentions: [
      ['001', 'Tehran faced several foreign policy setbacks last year'],
      ['002', 'follows several setbacks for Tehran in foreign policy'],
    ],
  },
  {
    claim: "The treaty was signed just (days) before Trump's return",
    mentions: [
      ['001', "The treaty was signed just days before Trump's return to power"],
      ['002', 'The treaty was signed just before the return of US President-elect Donald Trump'],
    ],
  },
  {
    claim: 'Trump withdrew (the US) from the deal that gave Iran sanctions relief for nuclear restrictions',
    mentions: [
      ['000', 'Trump withdrew the United States from an international deal'],
      ['001', 'Trump withdrew from a multinational deal'],
      ['002', 'Trump withdrew from a nuclear agreement'],
      // the event of a "when" clause: "the Kremlin offered political support to Iran when Trump withdrew ..."
      ['004', 'Trump withdrew the U.S. from the agreement'],
    ],
  },
  {
    claim: 'Peskov: the signing was planned long ago',
    mentions: [
      ['003', 'the signing was long planned'],
      ['004', 'the signing had been planned long ago'],
    ],
  },
  {
    claim: "Peskov: the signing has no link with Trump's inauguration (U.S. political developments)",
    mentions: [
      ['003', 'the signing was unrelated to U.S. political developments'],
      ['004', "dismissed any link with Trump's inauguration"],
    ],
  },

  {
    claim: 'In 2020 Trump ordered the killing of Iranian commander Qasem Soleimani',
    mentions: [
      ['000', "Trump ordered the killing of one of Iran's top generals in 2020"],
      ['001', 'Trump ordered the assassination of Iranian Revolutionary Guards commander'],
      ['002', 'Trump ordered the assassination of Iranian commander Qasem Soleimani'],
    ],
  },
  {
    claim: 'Pezeshkian: "They come from another side of the world to make chaos in the region"',
    mentions: [
      ['003', 'They come from another side of the world'],
      ['004', 'They come from another side of the world'],
    ],
  },
  {
    claim: "The pact follows Russia's pact with North Korea last year",
    mentions: [
      ['003', "follows Russia's similar pact with North Korea"],
      ['004', "follows last year's pact with North Korea"],
    ],
  },
  {
    claim: 'Iran joined the BRICS bloc last year',
    mentions: [
      ['003', 'Iran joined the BRICS bloc last year'],
      ['004', 'Last year, Iran joined the BRICS bloc'],
    ],
  },
  {
    claim: "Tehran increasingly needs Moscow's support as it faces economic problems and setbacks in its sphere of influence",
    mentions: [
      ['003', "make Moscow's support increasingly critical"],
      ['004', "Tehran increasingly needs Moscow's assistance"],
    ],
  },
  {
    claim: 'Russia and Iran are both under (massive) Western sanctions',
    mentions: [
      ['000', 'Russia and Iran are both under severe Western sanctions'],
      ['004', 'Moscow and Tehran both have faced massive Western sanctions'],
    ],
  },
  {
    claim: 'The signing is a sign of (a step in) the deepening relationship between Russia and Iran',
    mentions: [
      ['000', 'further signs of the deepening relationship'],
      ['003', "marks a significant step in Russia and Iran's deepening relationship"],
    ],
  },
  {
    claim: 'Trump has pledged to take a tougher (harder) line on Iran and to broker (seek) peace in Ukraine',
    mentions: [
      ['003', 'Trump has pledged to take a harder line on Iran'],
      ['004', 'has pledged to broker peace in Ukraine'],
    ],
  },
  {
    claim: 'The pact has no mutual defence (assistance) clause',
    mentions: [
      ['000', 'does not include a mutual defense clause'],
      ['004', "doesn't envisage mutual assistance in case of aggression"],
    ],
  },
];

export const DIFFERENT_CLAIM_PAIRS: ReadonlyArray<{ why: string; pair: readonly [MentionRef, MentionRef] }> = [
  { why: 'a duration of 20 years vs negotiations that took years', pair: [['000', 'The new treaty runs for 20 years'], ['001', 'Negotiations for the new treaty have taken years']] },
  { why: 'a duration of 20 years vs negotiations that took years', pair: [['002', 'remain effective for 20 years'], ['001', 'Negotiations for the new treaty have taken years']] },
  { why: 'other actor: Russia was part of the deal, Trump withdrew from it', pair: [['004', 'Russia was part of the 2015 deal'], ['001', 'Trump withdrew from a multinational deal']] },
  { why: 'other actor: Russia was part of the deal, Trump withdrew from it', pair: [['004', 'Russia was part of the 2015 deal'], ['000', 'Trump withdrew the United States from an international deal']] },
  { why: 'the 2001 framework agreement vs the 2015 nuclear deal', pair: [['001', 'based on a 2001 agreement'], ['004', 'Russia was part of the 2015 deal']] },
  { why: 'Trump ordered a killing vs Trump was the target of a plot', pair: [['001', 'Trump ordered the assassination of Iranian Revolutionary Guards commander'], ['000', 'Trump was the target of an alleged Iranian plot']] },
  { why: 'Trump was the target of a plot vs Trump warned Iran', pair: [['000', 'Trump was the target of an alleged Iranian plot'], ['001', 'wipe [Iran] off the face of the Earth']] },
  { why: 'Trump appointed officials vs troubles could deepen under his policy', pair: [['003', 'Trump has appointed officials advocating'], ['004', 'The troubles could deepen after Trump returns']] },
  { why: 'Iran joined BRICS vs Pezeshkian attended the BRICS summit', pair: [['003', 'Iran joined the BRICS bloc last year'], ['004', 'Pezeshkian attended its summit']] },
  { why: 'Iran joined BRICS last year vs the pact with North Korea last year', pair: [['004', 'Last year, Iran joined the BRICS bloc'], ['003', "follows Russia's similar pact with North Korea"]] },
  { why: "Russia's pact with North Korea vs Putin's policy of ties with Iran, China, North Korea", pair: [['003', "follows Russia's similar pact with North Korea"], ['001', "central focus of Putin's foreign policy"]] },
  { why: 'other speaker: Pezeshkian (new chapter) vs Putin (breakthrough)', pair: [['002', 'marks a new chapter in their bilateral relations'], ['003', 'Putin praised the agreement as a real breakthrough']] },
  { why: 'other speaker: Pezeshkian (new chapter) vs Putin (breakthrough)', pair: [['003', 'the start of a new chapter of strategic relations'], ['004', 'Putin praised the deal as a real breakthrough, creating']] },
  { why: 'no mutual defence clause vs obliges not to aid an aggressor', pair: [['000', 'does not include a mutual defense clause'], ['004', 'oblige each country not to offer any military']] },
  { why: 'Iran supplied drones vs the West sanctioned Iranian entities for support to Russia', pair: [['001', 'Iran has already provided Russia with self-detonating'], ['000', 'imposed several rounds of sanctions on Iranian entities']] },
  { why: 'both under sanctions vs both increased trade in response to sanctions', pair: [['000', 'Russia and Iran are both under severe Western sanctions'], ['001', 'Both countries have increased their trade activities']] },
  { why: 'both faced sanctions vs trade increased in response to sanctions', pair: [['004', 'Moscow and Tehran both have faced massive Western sanctions'], ['002', 'follows increased trade activities by both nations']] },
  { why: 'the visit came after setbacks vs the visit came before Trump returned', pair: [['001', 'Tehran faced several foreign policy setbacks last year'], ['000', "Pezeshkian's visit to Russia comes just days before"]] },
  { why: 'troubled relations in the past vs both under sanctions now', pair: [['004', 'Russia and Iran had troubled relations in the past'], ['000', 'Russia and Iran are both under severe Western sanctions']] },
  { why: 'the treaty enhances relations vs the treaty runs for 20 years', pair: [['001', 'the treaty will enhance the military-political'], ['000', 'The new treaty runs for 20 years']] },
  { why: 'a 20-year duration vs a signing on January 17', pair: [['001', 'remain in force for 20 years'], ['000', 'signed the pact in Moscow on January 17']] },
  { why: 'Russia built a nuclear plant in Iran vs Trump withdrew from the nuclear deal', pair: [['004', "Russia built Iran's first nuclear plant"], ['000', 'Trump withdrew the United States from an international deal']] },
  { why: 'the timing of the deal raised eyebrows vs the treaty was signed days before Trump returned', pair: [['003', 'The timing of the deal'], ['001', "The treaty was signed just days before Trump's return to power"]] },
  { why: 'the timing of the deal raised eyebrows vs the treaty was signed before Trump returned', pair: [['003', 'The timing of the deal'], ['002', 'The treaty was signed just before the return of US President-elect Donald Trump']] },
  { why: 'Trump pledged a tougher line vs Trump appointed officials', pair: [['004', 'has pledged to broker peace in Ukraine'], ['003', 'Trump has appointed officials advocating']] },
  { why: "Iran's economic problems vs Trump's pledge", pair: [['004', 'Iran is grappling with growing economic problems'], ['003', 'Trump has pledged to take a harder line on Iran']] },
  { why: 'Kremlin support when Trump withdrew vs Trump withdrew', pair: [['004', 'the Kremlin offered political support to Iran'], ['001', 'Trump withdrew from a multinational deal']] },
];

export interface LabelledMention {
  source: string;
  text: string;
  statement?: string;
}

export interface GroupingAgreement {
  /** Same-claim pairs, and those the pipeline grouped under one claim. */
  samePairs: number;
  sameGrouped: number;
  /** Different-claim pairs, and those the pipeline (wrongly) grouped. */
  differentPairs: number;
  differentGrouped: Array<{ why: string; a: string; b: string }>;
  missed: Array<{ claim: string; a: string; b: string }>;
  /** Labels that name no mention, or more than one. */
  unresolved: string[];
}

function cleanEnd(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

/** How the pipeline's claim groups (each claim's mentions) agree with the labels above. */
export function groupingAgreement(claims: ReadonlyArray<{ id: string; mentions: readonly LabelledMention[] }>): GroupingAgreement {
  const all = claims.flatMap((claim) => claim.mentions.map((mention) => ({ claimId: claim.id, mention })));
  const unresolved: string[] = [];
  const find = ([article, snippet]: MentionRef) => {
    const inArticle = all.filter(({ mention }) => mention.source.startsWith(article));
    // a mention whose whole statement is the snippet, else the one whose statement contains it
    const exact = inArticle.filter(({ mention }) => cleanEnd(mention.statement ?? mention.text) === snippet);
    const hits = exact.length === 1 ? exact : inArticle.filter(({ mention }) => (mention.statement ?? mention.text).includes(snippet));
    if (hits.length !== 1) unresolved.push(`${article} "${snippet}" (${hits.length} mentions)`);
    return hits.length === 1 ? hits[0] : undefined;
  };
  const show = (ref: MentionRef) => `${ref[0]} ${ref[1]}`;
  const result: GroupingAgreement = { samePairs: 0, sameGrouped: 0, differentPairs: 0, differentGrouped: [], missed: [], unresolved };
  for (const group of SAME_CLAIM_GROUPS) {
    const found = group.mentions.map(find);
    for (let i = 0; i < found.length; i += 1) {
      for (let j = i + 1; j < found.length; j += 1) {
        result.samePairs += 1;
        if (found[i] && found[j] && found[i]!.claimId === found[j]!.claimId) result.sameGrouped += 1;
        else result.missed.push({ claim: group.claim, a: show(group.mentions[i]), b: show(group.mentions[j]) });
      }
    }
  }
  for (const { why, pair } of DIFFERENT_CLAIM_PAIRS) {
    const [a, b] = pair.map(find);
    result.differentPairs += 1;
    if (a && b && a.claimId === b.claimId) result.differentGrouped.push({ why, a: show(pair[0]), b: show(pair[1]) });
  }
  return result;
}
