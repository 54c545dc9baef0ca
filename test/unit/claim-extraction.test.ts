import { extractClaims } from '../../functions/core/claims/extract-claims';
import { findAttribution } from '../../functions/core/claims/attribution';
import { findQuantities, resolveDates } from '../../functions/core/claims/dates';
import { entityKey, findEntities, sameEntity } from '../../functions/core/claims/entities';
import { sexOfGivenName } from '../../functions/core/claims/given-names';
import { findQuotes, quoteDifference, quoteWords } from '../../functions/core/claims/quotes';

/** Each claim's exact words are the span of the paragraph its offsets name. */
function expectExactSpans(paragraph: string, claims: ReturnType<typeof extractClaims>): void {
  for (const claim of claims) expect(paragraph.slice(claim.start, claim.end)).toBe(claim.text);
}

/** Each claim of one sentence as its statement and the source it is attributed to. */
const statementsAndSources = (sentence: string) => extractClaims([sentence]).map((c) => [c.statement, c.attribution?.source]);
/** Each sentence is one claim, with this statement and this speaker. */
const expectOneClaimEach = (rows: ReadonlyArray<readonly [sentence: string, statement: string, source: string]>) => {
  for (const [sentence, statement, source] of rows) expect(statementsAndSources(sentence)).toEqual([[statement, source]]);
};

describe('extractClaims: atomic claims', () => {
  it('splits a sentence that joins independent assertions, restoring the subject and keeping exact spans', () => {
    const paragraph =
      "Trump, who withdrew the United States from an international deal designed to curb Iran's nuclear program and ordered the killing of one of Iran's top generals in 2020, was the target of an alleged Iranian plot to kill him last year.";
    const claims = extractClaims([paragraph]);
    expect(claims.map((c) => c.statement)).toEqual([
      "Trump withdrew the United States from an international deal designed to curb Iran's nuclear program",
      "Trump ordered the killing of one of Iran's top generals in 2020",
      'Trump was the target of an alleged Iranian plot to kill him last year.',
    ]);
    expectExactSpans(paragraph, claims);
    expect(claims.map((c) => c.part)).toEqual([0, 1, 2]);
  });

  it('reads the main clause after a relative one as what its subject says, when it reports', () => {
    const paragraph = 'Athletic director Gene Smith, who replaced Andy Geiger a month ago, said the allegations in the NCAA report were less serious than speculation indicated.';
    const claims = extractClaims([paragraph]);
    expect(claims.map((c) => [c.statement, c.attribution?.source])).toEqual([
      ['Athletic director Gene Smith replaced Andy Geiger a month ago', undefined],
      ['the allegations in the NCAA report were less serious than speculation indicated.', 'Athletic director Gene Smith'],
    ]);
    expectExactSpans(paragraph, claims);
    // after "told" comes the one told, which the bare verb does not tell apart from what is said
    const told = extractClaims(['Chela Ortiz, who spoke first, told Orozco in a firm voice that she would not forgive him.']);
    expect(told.map((c) => c.attribution?.source)).toEqual([undefined, undefined]);
  });

  it('splits coordinated clauses but not lists', () => {
    const split = extractClaims(['Last year, Iran joined the BRICS bloc of developing economies and Pezeshkian attended its summit in Kazan.']);
    expect(split.map((c) => c.statement)).toEqual(['Last year, Iran joined the BRICS bloc of developing economies', 'Pezeshkian attended its summit in Kazan.']);
    const whole = extractClaims(['Officials said the treaty covers trade and military cooperation, science, culture and education.', 'The deal was signed in Moscow on Friday by both presidents.']);
    expect(whole).toHaveLength(2);
    expect(whole.every((c) => c.part === undefined)).toBe(true);
  });

  it('splits two predicates that share an auxiliary, restoring subject and auxiliary', () => {
    const claims = extractClaims(['Peskov insisted the signing was long planned and unrelated to the inauguration.']);
    expect(claims.map((c) => c.statement)).toEqual(['the signing was long planned', 'the signing was unrelated to the inauguration.']);
    expect(claims.map((c) => c.attribution?.source)).toEqual(['Peskov', 'Peskov']);
    // the whole chain of auxiliaries
    expect(extractClaims(['Police said a teen boy had been shot and wounded at the same location.']).map((c) => c.statement)).toEqual([
      'a teen boy had been shot',
      'a teen boy had been wounded at the same location.',
    ]);
  });

  it.each([
    // the subject ends at a negated auxiliary, and "wasn't" is not shared by "was never"
    ["One person on the list wasn't shot and was never in danger.", ["One person on the list wasn't shot", 'One person on the list was never in danger.']],
    // a past after "did not" is a verb of its own
    ["Neighbors didn't hear the shot but saw the commotion.", ["Neighbors didn't hear the shot", 'Neighbors saw the commotion.']],
    // a negated "was" shared by both predicates would be lost from the second
    ["The boy wasn't shot and killed by the officer.", ["The boy wasn't shot and killed by the officer."]],
    // after a clause cut, a predicate continues that clause's subject
    ['The man thought the gun was empty, but the pistol fired and struck his stepson.', ['The man thought the gun was empty', 'the pistol fired', 'the pistol struck his stepson.']],
  ])('restores the subject of a coordinated predicate from its own clause: %s', (sentence, statements) => {
    expect(extractClaims([sentence]).map((c) => c.statement)).toEqual(statements);
  });

  it.each([
    'Investigators determined that Middlebrooks was in the parking lot and fired multiple shots at the victim.',
    'Police said three people died at a bank which caught fire after rioters broke a window and threw bombs inside.',
    'She fired a shot at an employee who had followed her in and had yelled a warning.',
    'The man who shot him fled the scene and hid in a nearby barn for hours.',
    'A police officer that was parked nearby witnessed the incident and chased after the car.',
    '"We are heartbroken," the principal said, and thanked the officers who came.',
  ])('keeps whole a predicate that may continue a clause inside the one before it: %s', (sentence) => {
    expect(extractClaims([sentence])).toHaveLength(1);
  });

  it("reads a concession that reports someone's words as that speaker's assertion, and keeps one that reports no one", () => {
    const paragraph =
      "The timing of the deal, just days before President-elect Donald Trump's inauguration, has raised eyebrows, though Kremlin spokesman Dmitry Peskov insisted the signing was long planned.";
    const claims = extractClaims([paragraph]);
    expect(claims.map((c) => c.statement)).toEqual([
      // the main assertion keeps the concession in its wording (see splitAssertions)
      "The timing of the deal, just days before President-elect Donald Trump's inauguration, has raised eyebrows, though Kremlin spokesman Dmitry Peskov insisted the signing was long planned.",
      'the signing was long planned.',
    ]);
    expect(claims[1].attribution).toMatchObject({ source: 'Kremlin spokesman Dmitry Peskov', cue: 'insisted' });
    expect(claims[0].attribution).toBeUndefined();
    expectExactSpans(paragraph, claims);
    const kept = extractClaims(['The treaty will enhance military-political and trade-economic relations, though the specifics remain undisclosed.']);
    expect(kept).toHaveLength(1);
  });

  it.each([
    [
      "New York may lose many of its health care workers once the mandate takes effect on Monday, but Gov. Kathy Hochul said she has plans to fill the ranks.",
      [['New York may lose many of its health care workers once the mandate takes effect on Monday', undefined], ['she has plans to fill the ranks.', 'Gov. Kathy Hochul']],
    ],
    // a lower-case speaker, and an opening clause that is not a phrase of when or where
    ['The shooting happened shortly after noon, but police said none of the injuries are life-threatening.', [['The shooting happened shortly after noon', undefined], ['none of the injuries are life-threatening.', 'police']]],
    ['Police are looking for the gunman in the area, and Craig said investigators are continuing to work on the cases.', [['Police are looking for the gunman in the area', undefined], ['investigators are continuing to work on the cases.', 'Craig']]],
    // the predicates coordinated after what is said are said by the same speaker
    [
      'Earlier reports said the berry farm was combined with a marijuana farm, but deputies say the marijuana grows are on a separate property and are not associated with the shooting.',
      [['the berry farm was combined with a marijuana farm', 'Earlier reports'], ['the marijuana grows are on a separate property', 'deputies'], ['the marijuana grows are not associated with the shooting.', 'deputies']],
    ],
    // a "he" in the clause is the speaker named before
    ['McManus said he could not discuss the case, but he said the department was exploring a link between the shootings.', [['he could not discuss the case', 'McManus'], ['the department was exploring a link between the shootings.', 'McManus']]],
  ])('reads a coordinated clause that reports what its speaker says as that speaker\'s: %s', (sentence, expected) => {
    expect(statementsAndSources(sentence)).toEqual(expected);
  });

  it.each([
    ['Police said none of the wounded had life-threatening injuries.', 'none of the wounded had life-threatening injuries.', 'Police'],
    ['The chief said none of the four people shot face life-threatening injuries.', 'none of the four people shot face life-threatening injuries.', 'the chief'],
    ['Authorities said turnout reached 93.87 percent in the election for 288 candidates.', 'turnout reached 93.87 percent in the election for 288 candidates.', 'Authorities'],
    ['Keith Forman of the Cincinnati law department said liquor license renewals come up in April.', 'liquor license renewals come up in April.', 'Keith Forman of the Cincinnati law department'],
    ['Braley says if elected to the Senate, he would want to serve on the Judiciary Committee.', 'if elected to the Senate, he would want to serve on the Judiciary Committee.', 'Braley'],
    ['Lt. Smith said after other officers arrived, Hamilton surrendered to police.', 'after other officers arrived, Hamilton surrendered to police.', 'Lt. Smith'],
    // a phrase of time is when it was said, not what
    ['The mayor said after the game on Sunday the team would celebrate downtown.', 'The mayor said after the game on Sunday the team would celebrate downtown.', undefined],
    // what follows the verb opens no clause: the sentence stays whole, unattributed
    ['He said goodbye to his friends at the door of the house.', 'He said goodbye to his friends at the door of the house.', undefined],
    ['LaCalamita said nothing after the officers surrounded him in the yard.', 'LaCalamita said nothing after the officers surrounded him in the yard.', undefined],
    // no one says anything, or the words before the verb are a clause, not a speaker
    ["Police haven't said where the children got the gun from last week.", "Police haven't said where the children got the gun from last week.", undefined],
    ["Greece faces a May 19 due date on debt it says it can't repay without the bailout.", "Greece faces a May 19 due date on debt it says it can't repay without the bailout.", undefined],
    ['The man was taken to a hospital and authorities said additional charges may be forthcoming.', 'The man was taken to a hospital and authorities said additional charges may be forthcoming.', undefined],
  ])('reads a verb of saying before any word that opens a clause: %s', (sentence, statement, source) => {
    expect(statementsAndSources(sentence)).toEqual([[statement, source]]);
  });

  it('reads what a participle of saying reports before "that" (", warning that ...", ", adding that ...") as its speaker\'s assertion', () => {
    const warning = extractClaims(['Senior White House officials significantly raised the stakes on Democrats in their efforts to pass the tax deal, warning on Wednesday that inaction would increase the risk of a recession.']);
    expect(warning.map((c) => [c.statement, c.attribution?.source, c.attribution?.cue])).toEqual([
      ['Senior White House officials significantly raised the stakes on Democrats in their efforts to pass the tax deal', undefined, undefined],
      ['inaction would increase the risk of a recession.', 'Senior White House officials', 'warning'],
    ]);
    // after "X said ...", the participle is X's, not the reported clause's subject's
    const adding = extractClaims(['Senate Majority Leader Mitch McConnell said Trump planned to sign the bill and declare an emergency, adding that he supported the decision.']);
    expect(adding.map((c) => c.attribution?.source)).toEqual(['Senate Majority Leader Mitch McConnell', 'Senate Majority Leader Mitch McConnell']);
    expect(adding[adding.length - 1].statement).toBe('he supported the decision.');
    expect(statementsAndSources('Holmes said detectives were still investigating the motive, adding that Mahaj was an innocent victim.')).toEqual([
      ['detectives were still investigating the motive', 'Holmes'],
      ['Mahaj was an innocent victim.', 'Holmes'],
    ]);
    // without "that" the participle reports no words; a clause that is itself an attribution or
    // opens with a subordinate clause names no speaker of it
    expect(extractClaims(['The company raised its prices in March, warning of higher costs for its customers.'])).toHaveLength(1);
    expect(extractClaims(['I hope he is reassured about the plan, Axelrod said, adding that he had high regard for Sullivan.']).every((c) => c.attribution?.source !== 'I hope he')).toBe(true);
    expect(extractClaims(['As the Huffington Post reported on Thursday, historians have approached the news with yawns, noting that such offers are fairly common.']).map((c) => c.attribution?.source)).not.toContain('As the Huffington Post');
    // between commas, the name is the speaker, not its description or when
    const named = extractClaims(['The son of Cuban immigrants, Rubio has challenged the new policy on the island, saying that closer ties would only help the government keep power.']);
    expect(named[named.length - 1].attribution?.source).toBe('Rubio');
  });

  it("reads what a stance's speaker says (', saying ...') as the speaker's assertion", () => {
    const claims = extractClaims(["Kremlin spokesman Dmitry Peskov dismissed any link with Trump's inauguration, saying the signing had been planned long ago."]);
    expect(claims.map((c) => c.statement)).toEqual(["Kremlin spokesman Dmitry Peskov dismissed any link with Trump's inauguration", 'the signing had been planned long ago.']);
    expect(claims[1].attribution).toMatchObject({ source: 'Kremlin spokesman Dmitry Peskov', cue: 'saying' });
    // no speaker: what follows "saying" stays with its sentence
    expect(extractClaims(['Prices rose sharply in the third quarter, saying much about the state of the economy.'])).toHaveLength(1);
    const named = extractClaims(['Pezeshkian spoke in support of peace talks, saying that war is not a solution.']);
    expect(named.map((c) => c.statement)).toEqual(['Pezeshkian spoke in support of peace talks', 'war is not a solution.']);
    expect(named[1].attribution).toMatchObject({ source: 'Pezeshkian', cue: 'saying' });
  });

  it("gives a speaker act coordinated after 'X said <clause>' to X, in the outlet's voice, and what X adds to X", () => {
    const called = extractClaims(['The minister said the plan had failed and called for new elections in the spring.']);
    expect(called.map((c) => [c.statement, c.attribution?.source])).toEqual([
      ['the plan had failed', 'the minister'],
      ['the minister called for new elections in the spring.', undefined],
    ]);
    // The modal clause does not swallow the act: "would cut taxes and urged ..." is two claims.
    const urged = extractClaims(['The senator said the bill would cut taxes and urged colleagues to support it next week.']);
    expect(urged.map((c) => c.statement)).toEqual(['the bill would cut taxes', 'the senator urged colleagues to support it next week.']);
    const added = extractClaims(['Mr. Blake said the talks were useful and added that more work was needed before a deal.']);
    expect(added.map((c) => [c.statement, c.attribution?.source])).toEqual([
      ['the talks were useful', 'Mr. Blake'],
      ['more work was needed before a deal.', 'Mr. Blake'],
    ]);
    // After ", saying ...", the speaker's second act ("and urging ...") is the speaker's too.
    const urging = extractClaims(['Pezeshkian spoke in support of peace talks, saying that "war is not a solution" and urging the West to "avoid imposing excessive demands."']);
    expect(urging.map((c) => [c.statement, c.attribution?.source])).toEqual([
      ['Pezeshkian spoke in support of peace talks', 'Pezeshkian'],
      ['war is not a solution', 'Pezeshkian'],
      ['Pezeshkian urged the West to avoid imposing excessive demands.', undefined],
    ]);
    // what the speaker would not say is the speaker's act as well
    const heldBack = extractClaims(['Investigators said each victim was shot multiple times, but would not say where they were hit.']);
    expect(heldBack.map((c) => [c.statement, c.attribution?.source])).toEqual([
      ['each victim was shot multiple times', 'Investigators'],
      ['Investigators would not say where they were hit.', undefined],
    ]);
    // A verb either subject can take stays with the clause's subject.
    const agreed = extractClaims(['Officials said the company admitted wrongdoing and agreed to pay a fine of $2 million.']);
    expect(agreed.map((c) => c.statement)).toEqual(['the company admitted wrongdoing', 'the company agreed to pay a fine of $2 million.']);
  });

  it("reads the event of a 'when' clause with a named subject and a past verb as an assertion of its own", () => {
    const claims = extractClaims(['The Kremlin offered political support to Iran when Trump withdrew the U.S. from the agreement.']);
    expect(claims.map((c) => c.statement)).toEqual(['The Kremlin offered political support to Iran', 'Trump withdrew the U.S. from the agreement.']);
    const kept = extractClaims(['Officials will decide the matter when Congress returns next month.', 'Prices rise when demand grows faster than supply.']);
    expect(kept).toHaveLength(2);
  });

  it('reads a relative clause on a name inside the sentence as an assertion of that name', () => {
    const paragraph =
      "Pezeshkian's visit came ahead of Monday's inauguration of President-elect Donald Trump, who has pledged to broker peace in Ukraine and take a tougher stance on Iran, which is grappling with growing economic problems.";
    const claims = extractClaims([paragraph]);
    expect(claims.map((c) => c.statement)).toEqual([
      "Pezeshkian's visit came ahead of Monday's inauguration of President-elect Donald Trump",
      'President-elect Donald Trump has pledged to broker peace in Ukraine and take a tougher stance on Iran',
      'Iran is grappling with growing economic problems.',
    ]);
    expectExactSpans(paragraph, claims);
    expect(claims[1].text).toBe('who has pledged to broker peace in Ukraine and take a tougher stance on Iran');
    expect(extractClaims(['The ruling came days after a decision by the U.S. Supreme Court, which has overturned part of the law.']).map((c) => c.statement)).toEqual([
      'The ruling came days after a decision by the U.S. Supreme Court',
      'the U.S. Supreme Court has overturned part of the law.',
    ]);
    // a singular verb after two names is the last one's
    expect(extractClaims(['The Saints are now down to Pierre Thomas and Mike Bell, who has had only six carries this season.'])[1].statement).toBe(
      'Mike Bell has had only six carries this season.',
    );
  });

  it('keeps whole a relative clause that is not safely the name\'s own assertion', () => {
    const whole = [
      // the main clause resumes after the relative clause
      'Massey put the gun in the kitchen before returning to Bargman, who was unconscious, to call 911.',
      // "which" after an act can be about the whole clause before it
      'Putin met Pezeshkian in Moscow, which angered officials in Washington.',
      // the name is the speaker of a trailing attribution
      '"We are in uncharted waters," said Mr. Katz, who wants the governor to get an evaluation.',
      // the name ends a longer place, or is where the one meant lives
      'Deputies searched for an assailant in Auburn, Calif., who shot three sheriff\'s deputies on Friday.',
      'Police identified the man as Dametrious Addison, 18, of Pittsburgh, who was flown to a hospital in Morgantown.',
      // a plural verb after one name is about more than the name
      'We went to the apartments and spoke with friends of Destiny, who were with her minutes before the shooting.',
      // a noun, then the clause's own verb: the name is its object
      'Aoki was the first victim of Syed, who cops described as a loner who spent his time alone.',
      // an "-ing" phrase after the clause can be the main clause's
      'Protesters targeted an area near the Polytechnic, which is home to students, overturning cars and setting fire to banks.',
    ];
    for (const sentence of whole) {
      const statements = extractClaims([sentence]).map((c) => c.statement);
      expect(statements.some((s) => /^(?:Bargman was|Moscow angered|Mr\. Katz wants|Calif\.|Pittsburgh was|Destiny were|Syed cops|the Polytechnic is)/.test(s))).toBe(false);
    }
  });

  it('keeps with its sentence a clause whose object is the noun before it', () => {
    // cut off, it would read "Moscow has used in its nightly strikes on Ukraine"
    const sentence = 'Iran has already provided Russia with self-detonating drones, which Moscow has used in its nightly strikes on Ukraine, according to Western officials.';
    const claims = extractClaims([sentence]);
    expect(claims.map((c) => c.statement)).toEqual(['Iran has already provided Russia with self-detonating drones, which Moscow has used in its nightly strikes on Ukraine']);
    expect(claims[0].attribution?.source).toBe('Western officials');
    expect(extractClaims(['The teen is charged as an adult in the March 20 shooting, which McCague has said was accidental.']).map((c) => c.statement)).toEqual([
      'The teen is charged as an adult in the March 20 shooting, which McCague has said was accidental.',
    ]);
  });

  it('keeps "That" as the subject it is, and drops a leading "that" that joins', () => {
    expect(extractClaims(['That was a real possibility, however nightmarish.'])[0].statement).toBe('That was a real possibility, however nightmarish.');
    expect(extractClaims(['The minister said that the plan had failed.'])[0].statement).toBe('the plan had failed.');
    // one joining word goes, not the determiner after it
    expect(extractClaims(['But that effort was to no avail.'])[0].statement).toBe('that effort was to no avail.');
  });

  it('skips questions, captions, credits and unattributed opinion', () => {
    const claims = extractClaims([
      'Russian President Vladimir Putin (left) and his Iranian counterpart meet in Moscow on January 17.',
      'Putin meets Pezeshkian at the Kremlin in Moscow [Vyacheslav Prokofyev/Pool via AFP]',
      'SEE ALSO: Analysis: A Weakened Iran Comes In Shadow Of Distrust And Doubt',
      'Will the treaty survive the next American administration at all?',
      'The West should stop imposing sanctions on the two countries now.',
      'Isachenkov writes for the Associated Press in Moscow and Kyiv.',
      'Iran joined the BRICS bloc of developing economies last year.',
    ]);
    expect(claims.map((c) => c.text)).toEqual(['Iran joined the BRICS bloc of developing economies last year.']);
  });

  it('skips calls for tips, contact lines and time stamps, not the claims beside them', () => {
    const claims = extractClaims([
      'Anyone with information about the shooting is asked to call Crime Stoppers at 713-222-TIPS.',
      'Police are asking anyone with information to contact detectives at 410-396-2221.',
      'The sheriff\'s office asks anyone with information about the shooter to call 989-790-5450.',
      'If you know anything that can help police solve this case, call Crime Stoppers at 918-596-COPS.',
      'Kaitlyn Pearson can be reached at kaitlyn.pearson@theledger.com or 863-802-7516.',
      'Reach Greg Sowinski at 567-242-0464 or on Twitter @Lima_Sowinski.',
      'Updated: Thursday, January 12, 2017 @ 5:32 PM',
      'UPDATE @ 5:30 p.m. (Oct. 26)',
      'UPDATE (11/23/16 at 10 p.m.)',
      'Police arrest second suspect in deadly Cedar Grove shooting Posted: Wednesday, March 6, 2013 1:55 PM EST Updated: Wednesday, March 20, 2013 1:58 PM EST',
      "Call The Bee's Cathy Locke, (916) 321-5287.",
      'Read or Share this story: http://on.kens5.com/1QztH5H',
      'UPDATE (11/23/16 at 10 p.m.) Police arrested a man in the shooting on Elm Street.',
      'Police have posted a $10,000 reward for anyone with information leading to an arrest.',
      'The department released a photo of the man and asked anyone with information to call police.',
    ]);
    expect(claims.map((c) => c.statement)).toEqual([
      'UPDATE (11/23/16 at 10 p.m.) Police arrested a man in the shooting on Elm Street.',
      'Police have posted a $10,000 reward for anyone with information leading to an arrest.',
      'The department released a photo of the man',
      'The department asked anyone with information to call police.',
    ]);
  });
});

describe('extractClaims: what a site says to its reader', () => {
  it("leaves out account, notification and app prompts and copyright notices, whole lines, and keeps reports of people doing those things", () => {
    const claims = extractClaims([
      "Close Get email notifications on Jesse Bogan daily! Whenever Jesse Bogan posts new content, you'll get an email delivered to your inbox with a link.",
      'Your notification has been saved.',
      'There was a problem saving your notification.',
      'Email notifications are only sent once a day, and only if there are new matching items.',
      'We have sent you a verification email. Please check your email and click on the link to activate your profile.',
      'If you do not receive the verification message within a few minutes of signing up, please check your Spam or Junk folder.',
      'Email Newsletters Sign up for one of our email newsletters.',
      'By submitting your registration information, you agree to our Terms of Service and Privacy Policy .',
      'When you tweet with a location, Twitter stores that location. You can switch location on/off before each Tweet.',
      'For more neighborhood news, listen to DNAinfo Radio here:',
      'Download the Cleveland 19 News app for alerts sent straight to your phone.',
      'Follow CBSDFW.COM: Facebook | Twitter',
      '(Source: Sun-Times Media Wire © Chicago Sun-Times 2014. All Rights Reserved. This material may not be published, broadcast, rewritten, or redistributed.)',
      '(TM and © Copyright 2014 CBS Radio Inc. and its relevant subsidiaries. CBS RADIO and EYE Logo TM and Copyright 2014 CBS Broadcasting Inc. Used under license.)',
      "The boys' mother was inside that business, helping people sign in.",
      'Police said the suspect had sent a verification email to the bank before the robbery.',
      'For more than a decade, the family had lived on the block.',
      'The band sued the campaign over the copyright of the song, its lawyer said.',
    ]);
    expect(claims.map((c) => c.text)).toEqual([
      "The boys' mother was inside that business, helping people sign in.",
      'Police said the suspect had sent a verification email to the bank before the robbery.',
      'For more than a decade, the family had lived on the block.',
      'The band sued the campaign over the copyright of the song, its lawyer said.',
    ]);
  });
});

describe('attribution and quotes', () => {
  it('finds who says it in the common reporting patterns and strips it from the statement', () => {
    const cases: Array<[string, string, string, string]> = [
      ['Pezeshkian said the two countries were entering a new chapter in relations.', 'Pezeshkian', 'said', 'the two countries were entering a new chapter in relations.'],
      ['According to officials, the treaty encompasses trade and military collaboration.', 'officials', 'according to', 'the treaty encompasses trade and military collaboration.'],
      ['The new treaty aims to strengthen military and trade relations, the Kremlin said.', 'the Kremlin', 'said', 'The new treaty aims to strengthen military and trade relations'],
      ['The treaty will remain in force for 20 years, said Kazem Jalali.', 'Kazem Jalali', 'said', 'The treaty will remain in force for 20 years'],
      ['Lavrov said at a news conference on January 15 that the treaty is constructive in nature.', 'Lavrov', 'said', 'the treaty is constructive in nature.'],
      ['Iran has provided Russia with drones, according to Ukrainian and Western officials.', 'Ukrainian and Western officials', 'according to', 'Iran has provided Russia with drones'],
      // a subject pronoun after a verb of saying opens what is said
      ['Neighbors said they saw the first police cars arrive at the home.', 'Neighbors', 'said', 'they saw the first police cars arrive at the home.'],
      ["He's said the company would never sell the building to developers.", 'He', 'said', 'the company would never sell the building to developers.'],
      ['Police said two officers fired at the car before it crashed.', 'Police', 'said', 'two officers fired at the car before it crashed.'],
      // what is said starts after the one told
      ['John Hickenlooper told The Denver Post he would not run for the Senate.', 'John Hickenlooper', 'told', 'he would not run for the Senate.'],
      ['Police told reporters the suspect fled on foot after the shooting.', 'Police', 'told', 'the suspect fled on foot after the shooting.'],
      ['His lawyer, Richard Fowler, told the court his client is on suicide watch.', 'Richard Fowler', 'told', 'his client is on suicide watch.'],
      // a participle after a determiner is an adjective of the source
      ["Nobody knew where the gun came from, the wounded officer's brother said.", "the wounded officer's brother", 'said', 'Nobody knew where the gun came from'],
      // a station's name with its number, and a clause opened by "most", "two" and the like
      ['Neighbors told KPRC 2 News he knew the victim very well.', 'Neighbors', 'told', 'he knew the victim very well.'],
      ["Friends of the victims told FOX13's Zach Crenshaw most of the teenagers were from Horn Lake.", 'Friends of the victims', 'told', 'most of the teenagers were from Horn Lake.'],
      // the sentence's joining word, or an opening phrase of when, is not the speaker
      ['But detectives said there were several reports of shots fired in the area.', 'detectives', 'said', 'there were several reports of shots fired in the area.'],
      ['On Saturday morning she said the family was still in shock.', 'she', 'said', 'the family was still in shock.'],
      // when the speaker spoke is not part of who it is
      ['Treasury Secretary Janet Yellen on Tuesday said the economy was recovering.', 'Treasury Secretary Janet Yellen', 'said', 'the economy was recovering.'],
      // "reports" before another reporting word is a noun of the source, not its verb
      ['Scanner reports indicated that police were searching for four suspects.', 'Scanner reports', 'indicated', 'police were searching for four suspects.'],
      // what is said opens at the first "that", whatever other "that" it holds
      ['Summers said that Congress would not take a step that increases the risk of a recession.', 'Summers', 'said', 'Congress would not take a step that increases the risk of a recession.'],
      // a noun that ends in -ly is no adverb: "The family" is the speaker, not "The"
      ['The family said that Woods was staying the night before the shooting.', 'the family', 'said', 'Woods was staying the night before the shooting.'],
      ['Obama even acknowledged that the staff in Benghazi were not adequately protected.', 'Obama', 'acknowledged', 'the staff in Benghazi were not adequately protected.'],
      // a heading before a colon is not the speaker's
      ['Drugs: Police said that an officer stopped a car in the parking lot of the store.', 'Police', 'said', 'an officer stopped a car in the parking lot of the store.'],
      // a number opens what is said, and a dateline is not the speaker
      ['Walton said about 150 people were likely in the plant at the time.', 'Walton', 'said', 'about 150 people were likely in the plant at the time.'],
      ['Police said 18-year-old Branden Gray and his brother were involved in a shootout.', 'Police', 'said', '18-year-old Branden Gray and his brother were involved in a shootout.'],
      ['LOS ANGELES (CBSLA.com) — Authorities said the suspect was arrested at his home.', 'Authorities', 'said', 'the suspect was arrested at his home.'],
      // "that" right before a verb is the subject of what is said
      ['Police later confirmed that was a lie and that Cash shot his brother.', 'Police', 'confirmed', 'that was a lie and that Cash shot his brother.'],
    ];
    for (const [sentence, source, cue, statement] of cases) {
      const found = findAttribution(sentence);
      expect(found.attribution).toMatchObject({ source, cue });
      expect(extractClaims([sentence])[0].statement).toBe(statement);
    }
    expect(findAttribution('Europe and the United States have imposed several rounds of sanctions on Iran.').attribution).toBeUndefined();
    // where it was said names no one
    expect(findAttribution('I am devastated, wrote on her Facebook page.').attribution).toBeUndefined();
    // after other verbs a pronoun is as often their object, and "told him to" tells no clause
    expect(findAttribution('Police told him to leave the area before the fire spread.').attribution).toBeUndefined();
    expect(findAttribution('The company confirmed it on Monday after weeks of denials.').attribution).toBeUndefined();
    // "An estimated 100,000 people", "A man accused of ...": no one says anything
    expect(findAttribution('An estimated 100,000 people took to the streets to protest the measures.').attribution).toBeUndefined();
    expect(findAttribution('PITTSBURGH - A man and woman accused of harboring a suspect had their hearing on Friday.').attribution).toBeUndefined();
    // telling a story "in words that will echo": no clause is said
    expect(findAttribution('Phil Ford told the real story of the night in words that will echo until spring.').attribution).toBeUndefined();
    // ...but not a verb said of someone else after an object ("said Fields admitted")
    expect(findAttribution('Yates said Fields admitted to him in a telephone conversation that Fields had shot the men.').attribution).toMatchObject({ source: 'Yates', cue: 'said' });
    expect(findAttribution('Iranian and Russian officials said it.').attribution?.key).toBe(findAttribution('Russian and Iranian officials said so.').attribution?.key);
  });

  it('reads a plural speaker in the present ("Police say ...", "Deputies confirm ...") and no one who is yet to speak', () => {
    expectOneClaimEach([
      ['Police say three people were killed in the shooting.', 'three people were killed in the shooting.', 'Police'],
      ['Deputies say some of the wounds are not life-threatening.', 'some of the wounds are not life-threatening.', 'Deputies'],
      ['Investigators say 39-year-old Riogberto Jose died when a shooter began firing.', '39-year-old Riogberto Jose died when a shooter began firing.', 'Investigators'],
      ['Witnesses tell police the gunman fled in a silver car.', 'the gunman fled in a silver car.', 'Witnesses'],
      ['Police tell Action News the boy was in a room waving a handgun when the gun went off.', 'the boy was in a room waving a handgun when the gun went off.', 'Police'],
      ['Springs police confirm that three people were killed in the Planned Parenthood shooting.', 'three people were killed in the Planned Parenthood shooting.', 'Springs police'],
      ['Prosecutors allege Shelton fired 30 shots into the fleeing crowd from a rifle.', 'Shelton fired 30 shots into the fleeing crowd from a rifle.', 'Prosecutors'],
      // a name that ends like a modal is still a name
      ['"This is a horrible tragedy for our community," District Attorney Dan May said after the capture.', 'This is a horrible tragedy for our community', 'District Attorney Dan May'],
    ]);
    // an infinitive or a modal before the verb: no one has said it
    for (const sentence of ['Several people called 911 to report the shooting.', 'The family declined to say whether he had a lawyer.', 'Police would not confirm what their relationship was to each other.']) {
      expect(statementsAndSources(sentence)).toEqual([[sentence, undefined]]);
    }
    // a noun that reads like a verb of saying is the speaker's head, not the verb
    expect(statementsAndSources('The 165-page report said that the governor and his aides cultivated a toxic work culture.')).toEqual([
      ['the governor and his aides cultivated a toxic work culture.', 'the 165-page report'],
    ]);
  });

  it('reads a speaker with a relative clause, "said no" or a plural subject before a clause, and what the speaker did while saying it', () => {
    expectOneClaimEach([
      ['A resident who lives in a nearby apartment building told The Canadian Press that he did not hear gunshots.', 'he did not hear gunshots.', 'a resident'],
      ['Relatives who gathered at police headquarters said the victim was a father of three.', 'the victim was a father of three.', 'Relatives'],
      ['Makes me want to cry, said one woman who lives nearby.', 'Makes me want to cry', 'one woman'],
      ['He said no suspect information was available.', 'no suspect information was available.', 'He'],
      // what the speaker did while saying it: "when asked", "as he stood ...", "while in tears"
      ['Guilty, I misled the American people, Mr. Jackson said when asked whether he would accept the plea deal.', 'Guilty, I misled the American people', 'Mr. Jackson'],
      ['I never dreamed I would be the all-time leading scorer, Hansbrough said as he stood alone at midcourt.', 'I never dreamed I would be the all-time leading scorer', 'Hansbrough'],
      ['You killed two wonderful people, Clift said while in tears.', 'You killed two wonderful people', 'Clift'],
      // a plural subject in -s before an auxiliary or a past verb, not a verb in the present
      ['Police said shots were fired through the door of the apartment.', 'shots were fired through the door of the apartment.', 'Police'],
      ['Boyd said constituents have suggested closing the parks at an earlier hour.', 'constituents have suggested closing the parks at an earlier hour.', 'Boyd'],
      // a "that" after which too little is left to be what was said opens nothing
      ["He said he does not expect Newsmax to follow through with the debate now that he's out.", "he does not expect Newsmax to follow through with the debate now that he's out.", 'He'],
    ]);
    // a figure after "added", even after "another", is what was added
    expect(statementsAndSources('The county Board of Supervisors added another $20,000 to that pot.')[0][1]).toBeUndefined();
    // the cue inside the relative clause ("who has officially declared"), the word said ("said no and ...")
    expect(statementsAndSources('Polls show him beating Edward Markey, the only Democrat who has officially declared his candidacy.')[0][1]).toBeUndefined();
    expect(statementsAndSources("Mr. Sestak said no and went on to win last week's primary.").map(([, source]) => source)).toEqual([undefined, undefined]);
  });

  it('reads the speaker who opens a sentence when a later clause has a verb of saying of its own', () => {
    expect(statementsAndSources("Some said they still feel safe in the neighborhood, while others say they're scared for their families.")).toEqual([
      ["they still feel safe in the neighborhood, while others say they're scared for their families.", 'Some'],
    ]);
    expect(statementsAndSources('Clare police say the boy and girl are going to be OK, but say it could have been much worse.')).toEqual([
      ['the boy and girl are going to be OK, but say it could have been much worse.', 'Clare police'],
    ]);
  });

  it('reads a trailing "said X" followed by what describes X, and not a sentence that goes on after it', () => {
    expect(statementsAndSources('A fourth victim was taken to the hospital by a private party, said Sonny Jackson, a Denver police spokesman.')).toEqual([
      ['A fourth victim was taken to the hospital by a private party', 'Sonny Jackson'],
    ]);
    expect(statementsAndSources('"It was all dark so all you could see was flashes," said Aaron Hegarty, who lives nearby.')).toEqual([['It was all dark so all you could see was flashes', 'Aaron Hegarty']]);
    expect(statementsAndSources('"It is unbelievable when things like this happen," Anderson said, while pointing at the police tape.')).toEqual([
      ['It is unbelievable when things like this happen', 'Anderson'],
    ]);
    // the sentence goes on after the attribution: no speaker is read off its end
    for (const sentence of [
      'Minutes later, police said, the store in the 6400 block of Windsor Mill Road reported an armed robbery.',
      'In carrying out all responsibilities, the Surgeon General reports to the Assistant Secretary for Health, who is the principal advisor.',
      'The girl was watching her father take out the trash on Wednesday evening, the statement said, when she was struck by a pellet.',
    ]) {
      expect(extractClaims([sentence]).map((c) => c.attribution)).toEqual([undefined]);
    }
  });

  it('reads "he" and "she" as the last speaker named only when that speaker is a person', () => {
    const claims = extractClaims([
      'The Washington Post reported that the programs collect the phone records of millions of Americans.',
      '"I don\'t welcome leaks of classified programs to the press," he said at the news conference.',
      'Senator Dianne Feinstein said the programs were lawful and had been briefed to Congress.',
      '"This is called protecting America from attack by terrorists," she said on Thursday afternoon.',
    ]);
    expect(claims[1].attribution?.source).toBe('he');
    expect(claims[3].attribution?.source).toBe('Senator Dianne Feinstein');
    // a speaker named in a clause of the sentence is named as well
    const clause = extractClaims([
      'Bill Adgate, who works at a financial firm inside the building, said he had hunkered down inside the office for two hours.',
      'He said police told the group to stay put until officers allowed them to leave.',
    ]);
    expect(clause.map((c) => [c.statement, c.attribution?.source])).toEqual([
      ['Bill Adgate works at a financial firm inside the building', undefined],
      ['he had hunkered down inside the office for two hours.', 'Bill Adgate'],
      ['police told the group to stay put until officers allowed them to leave.', 'Bill Adgate'],
    ]);
  });

  it.each([
    // a group, however it opens the sentence
    ['Investigators said the car was found abandoned on Elm Street later that night.', 'he'],
    ['Republican officials said the vote would take place next week in the Senate.', 'he'],
    // a common noun that is no role: a document, an event
    ['A police report said the two men had argued outside the bar before the shooting.', 'he'],
    // a role, and a name
    ['The officer said the suspect ran toward the river after the first shots were fired.', 'the officer'],
    ['Sgt. Patrick Swanton said the suspect ran toward the river after the first shots.', 'Sgt. Patrick Swanton'],
    ['HCSO said the suspect ran toward the river after the first shots were fired by a man.', 'he'],
    // a speaker of the other sex is not the one meant, by a role or by a given name
    ["The victim's mother said the suspect ran toward the river after the first shots.", 'he'],
    ['Gov. Nikki Haley said the suspect ran toward the river after the first shots were fired.', 'he'],
    ['Gov. Henry McMaster said the suspect ran toward the river after the first shots were fired.', 'Gov. Henry McMaster'],
    // a surname alone tells nothing
    ['Haley said the suspect ran toward the river after the first shots were fired by a man.', 'Haley'],
  ])('reads "he" as the speaker before it only when that speaker can be a person: %s', (first, speaker) => {
    const claims = extractClaims([first, '"We are still looking for witnesses to what happened that night," he said.']);
    expect(claims[1].attribution?.source).toBe(speaker);
  });

  it('reads "Name, what describes them, said ..." as the name\'s', () => {
    expectOneClaimEach([
      ['John Long, a sheriff\'s spokesman, said deputies were responding to the first call.', 'deputies were responding to the first call.', 'John Long'],
      ['Representative James E. Clyburn, the No. 3 House Democrat, said Monday that the reading was a good idea.', 'the reading was a good idea.', 'Representative James E. Clyburn'],
      ['Amani Abou Harb, 25, said she had been walking her dog in the park.', 'she had been walking her dog in the park.', 'Amani Abou Harb'],
      // "of" and a body, or someone's relation, describe the name too
      ["Lt. Sheila Cole, of the Anderson County Sheriff's Office, said deputies were called to the hospital.", 'deputies were called to the hospital.', 'Lt. Sheila Cole'],
      ["Evelyn Lawson, Mason's grandmother, said he is a good father to his daughter.", 'he is a good father to his daughter.', 'Evelyn Lawson'],
      ['H. Dale Hall, director of Fish and Wildlife, said he had concerns about the comments.', 'he had concerns about the comments.', 'H. Dale Hall'],
      // after an opening phrase of where or when
      ['In Congress, Rep. Edward Markey, D-Mass., said members would work to restore the act.', 'members would work to restore the act.', 'Rep. Edward Markey'],
      // what describes the name first, then the name
      ["Purnell's mother, Stephanie, said he had turned 19 six days ago.", 'he had turned 19 six days ago.', 'Stephanie'],
      ['A spokesman for Mr. Hunter, Michael Harrison, said Tuesday that the congressman believes the action is political.', 'the congressman believes the action is political.', 'Michael Harrison'],
      ['I completely disagree with his position, the Republican leader, Michael Thibodeau, said in a statement.', 'I completely disagree with his position', 'Michael Thibodeau'],
    ]);
    // ...but not a place after a description that ends on a name
    expect(findAttribution('She taught at Parkdale High School in Baltimore County, Maryland, the school said in a letter.').attribution?.source ?? '').not.toBe('Maryland');
    expectOneClaimEach([
      // a legislator's party and state
      ['Rep. Dana Rohrabacher, R-Calif., said any suggestion that this is a budget issue is off base.', 'any suggestion that this is a budget issue is off base.', 'Rep. Dana Rohrabacher'],
      ['Peter Carr, a spokesman for the special counsel, told BuzzFeed that its description was not accurate.', 'its description was not accurate.', 'Peter Carr'],
      // between the verb and "that", a clause is what was said, not when or to whom
      ['Smith, a neighbor, said the man that shot him fled on foot.', 'the man that shot him fled on foot.', 'Smith'],
    ]);
    // "said nothing" reports no words
    expect(extractClaims(['Smith, the man who shot him, said nothing at the hearing on Friday.'])[0].attribution?.source).not.toBe('Smith');
    expectOneClaimEach([
      // a role without an article, an aside, a relative clause inside the description, and the one told at length
      ["Maria Miller, spokeswoman for the Prosecutor's Office, said a warrant request has not been received yet.", 'a warrant request has not been received yet.', 'Maria Miller'],
      ['Deborah, though, said there is no way her son could have committed the shooting.', 'there is no way her son could have committed the shooting.', 'Deborah'],
      ['Nathan Hilliard, a young man who was playing football when the incident happened, said he barely heard the gunshots.', 'he barely heard the gunshots.', 'Nathan Hilliard'],
      ["Akin, though, told Fox News host Mike Huckabee on his radio show Tuesday afternoon that he's staying in the race.", "he's staying in the race.", 'Akin'],
      // two descriptions, each between commas
      ['Max Richtman, executive vice president of the National Committee, an advocacy group in Washington, said the timing was particularly bad.', 'the timing was particularly bad.', 'Max Richtman'],
      ['James Bronson, 63, of Miami, said he noticed the parked car across the road from his property.', 'he noticed the parked car across the road from his property.', 'James Bronson'],
    ]);
    // a relative clause right after the name is not what describes the speaker: it is a claim of its own
    expect(statementsAndSources('Don Small, who works at a pizza place next door, said the event quickly went from festive to chaotic.')).toEqual([
      ['Don Small works at a pizza place next door', undefined],
      ['the event quickly went from festive to chaotic.', 'Don Small'],
    ]);
  });

  it.each([
    ['SFPD spokesperson Albie Esparza said the victims were in a stolen car that was double parked on the street.', 'the victims were in a stolen car that was double parked on the street.', 'SFPD spokesperson Albie Esparza'],
    // cut after "that", the negation was lost: "Griego actually went to a Wal-Mart that day"
    ['Sheriff Dan Houston said investigators have no information that Griego actually went to a Wal-Mart that day.', 'investigators have no information that Griego actually went to a Wal-Mart that day.', 'Sheriff Dan Houston'],
    ['Police said officers were called to 104 Five Royales Drive at about 3:25 p.m. Monday.', 'officers were called to 104 Five Royales Drive at about 3:25 p.m. Monday.', 'Police'],
    // "that" after a verb of saying or another verb still opens what is said
    ['Randal said friends of Kobryn told investigators that he had a gun.', 'he had a gun.', 'Randal'],
    ['Officials said in a prepared statement that the road would reopen.', 'the road would reopen.', 'Officials'],
    // a colon after a clause is the clause's, not the colon of "said:"
    ['The mother of the boy said someone shot her son twice: once in the backyard and again at the fence.', 'someone shot her son twice: once in the backyard and again at the fence.', 'the mother of the boy'],
    // a "that" after a noun set off by a comma opens a relative clause on it
    ['China has declared all cryptocurrency transactions illegal, a move that comes amid an intensifying crackdown.', 'China has declared all cryptocurrency transactions illegal, a move that comes amid an intensifying crackdown.', undefined],
    // a "that" right before a verb opens a relative clause
    ['He said police found a box consistent with one that would hold a shotgun.', 'police found a box consistent with one that would hold a shotgun.', 'He'],
  ])('reads "X said <clause> that ..." as all of the clause said when "that" opens a relative clause, or the colon is a time\'s: %s', (sentence, statement, source) => {
    expect(statementsAndSources(sentence)).toEqual([[statement, source]]);
  });

  it('reads "..., X told Y" and "..., X said Friday" at the end of a sentence as X\'s', () => {
    expect(statementsAndSources('AARP had not changed its position on Social Security, labor officials told HuffPost.')).toEqual([
      ['AARP had not changed its position on Social Security', 'labor officials'],
    ]);
    expect(statementsAndSources('The victim was still alive when rescuers reached him, pilot Jim Campbell told the Herald on Sunday.')).toEqual([
      ['The victim was still alive when rescuers reached him', 'pilot Jim Campbell'],
    ]);
    expect(statementsAndSources('Businesses have added jobs for four straight months, the Labor Department said Friday.')).toEqual([
      ['Businesses have added jobs for four straight months', 'the Labor Department'],
    ]);
    // what follows the speaker says who the speaker is, when it has no verb
    expect(statementsAndSources('Children are innocent, said Adam Cervantes, of the San Bernardino County Sheriff\'s Department.')).toEqual([['Children are innocent', 'Adam Cervantes']]);
    expect(statementsAndSources('People were running to their cars, said Neddie Sandoval, 77, a neighbor.')).toEqual([['People were running to their cars', 'Neddie Sandoval']]);
    expect(statementsAndSources('Several victims were found inside, said Sgt. Jeff Swanson, Wichita Police Department.')).toEqual([['Several victims were found inside', 'Sgt. Jeff Swanson']]);
    expect(findAttribution('The store was robbed overnight, police said, Smith was arrested later.').attribution).toBeUndefined();
    // a name and what describes it, closing the sentence; a body's name with "of" in it
    expect(statementsAndSources('"There was no such impropriety," Robert F. Bauer, the White House counsel, said in a memo released to reporters.')).toEqual([
      ['There was no such impropriety', 'Robert F. Bauer'],
    ]);
    expect(statementsAndSources('New jobless claims dropped to 385,000 for the week ended May 29, the Department of Labor said Thursday.')).toEqual([
      ['New jobless claims dropped to 385,000 for the week ended May 29', 'the Department of Labor'],
    ]);
    // whom it was said of is no speaker; after the verb, "of" goes on with the name
    expect(statementsAndSources('He was a 15-year-old, full of life, Flores said of his son.')).toEqual([['He was a 15-year-old, full of life', 'Flores']]);
    expect(statementsAndSources('Our officers did a good job getting to the victims, said APD Chief of Staff Brian Manley.')).toEqual([
      ['Our officers did a good job getting to the victims', 'APD Chief of Staff Brian Manley'],
    ]);
    expect(statementsAndSources("Ortiz was shot in the head twice, said Larry Waldie of the sheriff's department.")).toEqual([
      ['Ortiz was shot in the head twice', "Larry Waldie of the sheriff's department"],
    ]);
    expect(statementsAndSources('Senate Republicans continue to negotiate in good faith, Capito told a news conference....')).toEqual([
      ['Senate Republicans continue to negotiate in good faith', 'Capito'],
    ]);
    // an opening phrase of where or when is no one
    expect(findAttribution('In recordings of the 911 calls released Sunday, the mother can be heard screaming.').attribution).toBeUndefined();
    // a relation, and the name after it
    expect(statementsAndSources('He always had that mentality to make everybody laugh, said his uncle, Efram Washington.')).toEqual([
      ['He always had that mentality to make everybody laugh', 'Efram Washington'],
    ]);
    expect(statementsAndSources('She was a very sweet girl who loved to dance, her great-grandmother said.')).toEqual([['She was a very sweet girl who loved to dance', 'her great-grandmother']]);
    // a speaker inside the words is not who they are
    expect(findAttribution("Overnight, though, police sources say the little girl's mother's boyfriend admitted to shooting her.").attribution?.source ?? '').not.toMatch(/say/);
    // a body named in lower case
    expect(statementsAndSources('Officers found one man dead inside the home, the police department said in a statement.')).toEqual([
      ['Officers found one man dead inside the home', 'the police department'],
    ]);
    // a closing quotation mark written as two apostrophes is not part of the name
    expect(findAttribution("I talked to two jurors about the verdict, '' Howard said Saturday.").attribution?.source).toBe('Howard');
    // a sentence that opens with its speaker is read from there
    expect(statementsAndSources('His daughter Joan Smith said her father ate a big breakfast, she told the Washington Post.')[0][1]).toBe('His daughter Joan Smith');
    // where it was said is no speaker, nor is a clause before "told"
    expect(findAttribution('She is a sane, competent person, the former mayor of New York said at the Democratic National Convention Wednesday.').attribution?.source ?? '').not.toMatch(/^at /);
    expect(findAttribution("They were trying to run us off the road, '' he said, recounting what the Good Samaritan told him.").attribution?.source ?? '').not.toMatch(/Samaritan/);
  });

  it.each([
    // the one told is any listener, with when and where it was told and what the speaker went on to say
    ['"If they don\'t pass this bill in the next couple weeks it will materially increase the risk," he told a gathering of reporters at an off camera briefing.', 'If they don\'t pass this bill in the next couple weeks it will materially increase the risk', 'he'],
    ['He passed away peacefully at his home, Magill told the news agency, adding that his family was with him.', 'He passed away peacefully at his home', 'Magill'],
    ['I can\'t imagine what the country would be with Donald Trump as our president, Ginsburg told The New York Times in an article published Sunday.', 'I can\'t imagine what the country would be with Donald Trump as our president', 'Ginsburg'],
    ['We put a conference table in front of the front door, Adgate told WDIV, a Detroit station.', 'We put a conference table in front of the front door', 'Adgate'],
    ['Former Senator John Warner has died, a former staff member told CNN.', 'Former Senator John Warner has died', 'a former staff member'],
    // an adverb between the named speaker and the verb is not part of the name
    ['Larry Summers, the outgoing chairman of the National Economic Council, just told a group of reporters that failure to pass the deal would increase the risk of a recession.', 'failure to pass the deal would increase the risk of a recession.', 'Larry Summers'],
    ['Dakina Fortson, 20, originally told police her baby was shot in a drive-by shooting.', 'her baby was shot in a drive-by shooting.', 'Dakina Fortson'],
    // a name with its place, a description opening with "another", a plural possessive
    ['Senator Mark Warner of Virginia, the top Democrat on the committee, told reporters on Friday that the panel expected Mr. Cohen back.', 'the panel expected Mr. Cohen back.', 'Senator Mark Warner of Virginia'],
    ['Another major neoconservative figure, Dan Senor, told the Huffington Post that the comments are irresponsible.', 'the comments are irresponsible.', 'Dan Senor'],
    ['Ryan Kim, Andres\' 37-year-old daughter, told the Palm Beach Post that her mother escaped unharmed.', 'her mother escaped unharmed.', 'Ryan Kim'],
    // a name is no verb ("Associated"), and a "that" closing the sentence opens nothing
    ['Ghasem Karami, a provincial official, told The Associated Press that high casualties were not expected.', 'high casualties were not expected.', 'Ghasem Karami'],
    ['The father told police he didn\'t think his son would have done that.', 'he didn\'t think his son would have done that.', 'the father'],
    ['Senator Harry Reid of Nevada said through a spokesman that the center should be built elsewhere.', 'the center should be built elsewhere.', 'Senator Harry Reid of Nevada'],
  ])('reads the speaker of "told" and of a named speaker\'s verb in the forms news copy uses: %s', (sentence, statement, source) => {
    expect(statementsAndSources(sentence)).toEqual([[statement, source]]);
  });

  it('reads no "told" attribution where the words after "told" say what was told or another verb\'s subject tells it', () => {
    expect(findAttribution('He was stopped on the road, and officers told him to leave.').attribution).toBeUndefined();
    expect(findAttribution('According to a criminal complaint, police went into the house on March 14 and told them about the warrant.').attribution).toBeUndefined();
    // "told KOAM-TV her daughter's death ...": what follows the one told is what was told
    expect(statementsAndSources("Although police consider the death accidental, the girl's mother Jennifer Doerr told KOAM-TV her daughter's death 'falls on her shoulders'.")).toEqual([
      ["her daughter's death 'falls on her shoulders'.", "the girl's mother Jennifer Doerr"],
    ]);
  });

  it('reads the speaker of "told" before it, never the one told', () => {
    const [quoted] = extractClaims(['"We fired in self-defense and in response to firing upon our vessel," Commodore Nirad Sinha, a navy spokesman, told CNN.']);
    expect(quoted.attribution?.source).toBe('Commodore Nirad Sinha');
    expect(quoted.statement).toBe('We fired in self-defense and in response to firing upon our vessel');
    // without a quotation the statement's end is not clear: no speaker rather than the one told
    const [plain] = extractClaims(['Samuel Dalembert agreed to a six year deal with the Philadelphia 76ers on Saturday, his agent Marc Cornstein, told ESPN.com.']);
    expect(plain.attribution).toBeUndefined();
  });

  it('attributes quotes to their speaker, resolving "he" and a quote that continues in the next sentence', () => {
    const claims = extractClaims([
      'Pezeshkian emphasized that countries in the region should resolve their own problems themselves.',
      '"They come from another side of the world to make chaos in the region," he said. "These ties will defuse their plot, definitely."',
      'The treaty is constructive in nature, said Russian Foreign Minister Sergei Lavrov on Tuesday.',
    ]);
    expect(claims[1].quotes).toEqual([{ text: 'They come from another side of the world to make chaos in the region', speaker: 'Pezeshkian', speakerKey: entityKey('Pezeshkian') }]);
    expect(claims[1].attribution?.source).toBe('Pezeshkian');
    expect(claims[2].quotes[0]).toMatchObject({ text: 'These ties will defuse their plot, definitely', speaker: 'Pezeshkian' });
  });

  it('gives a sentence that is all quotation the speaker of the sentence just before only', () => {
    const claims = extractClaims([
      '"We are heartbroken about this senseless act of violence," Principal Avery said.',
      'Classes at the elementary school are canceled for the rest of the week.',
      '"As we work together with law enforcement, we ask everyone to keep the community in prayer."',
    ]);
    // a sentence that names no one stands between: the quotation's speaker is not known
    expect(claims[2].quotes[0].speaker).toBeUndefined();
    // a "he" read as the last speaker named does not pass that speaker on unless they spoke just before
    const pronoun = extractClaims([
      'Governor Smith said the state would help the families of the victims.',
      'The mayor met the families of the victims on Tuesday afternoon at the school.',
      '"We will not let this define our town," he said at a news conference on Tuesday.',
      '"We will rebuild the school and we will remember every one of the victims."',
    ]);
    expect(pronoun[3].quotes[0].speaker).toBeUndefined();
  });

  it('reads quotations between straight quotes, including one closed without an opening mark', () => {
    expect(findQuotes('Putin praised the deal as a "real breakthrough for the region."').map((q) => q.text)).toEqual(['real breakthrough for the region']);
    expect(findQuotes('is constructive in nature and aimed at our friends," Lavrov said.').map((q) => q.text)).toEqual(['is constructive in nature and aimed at our friends']);
    expect(findQuotes('Iran claims to be "neutral" in the war.')).toEqual([]);
    expect(quoteDifference(quoteWords('The treaty ... is constructive in nature'), quoteWords('is constructive by nature'))).toEqual({ omitted: ['the', 'treaty', 'in'], added: ['by'] });
  });

  it('reads a reported denial and keeps it out of the statement', () => {
    const [claim] = extractClaims(['Ukraine and the West have accused Tehran of providing Moscow with hundreds of drones, which Moscow and Tehran have denied.']);
    expect(claim.denial).toMatchObject({ by: 'Moscow and Tehran', text: 'which Moscow and Tehran have denied' });
    expect(claim.statement).toBe('Tehran providing Moscow with hundreds of drones');
    expect(claim.negated).toBe(false);
    const [lead] = extractClaims(['Moscow and Tehran have denied that Iran supplied drones to Russia for the war.']);
    expect(lead.denial?.by).toBe('Moscow and Tehran');
    expect(lead.statement).toBe('Iran supplied drones to Russia for the war.');
  });

  it('reads "accused X of" as what X is accused of, and leaves "accused of" and "accused in" as written', () => {
    const sentences = [
      'A man accused of running down and killing a woman in front of a store had a blood-alcohol level five times the legal limit.',
      'Three of four men accused in the shooting death of a 10-year-old girl entered into plea agreements Friday.',
    ];
    for (const sentence of sentences) expect(extractClaims([sentence])[0].statement).toBe(sentence);
  });
});

describe('entities, dates and quantities', () => {
  it('gives spelling variants one key and drops titles', () => {
    expect(entityKey('Masud Pezeshkian')).toBe(entityKey('Masoud Pezeshkian'));
    expect(entityKey('Vladimir Putin')).not.toBe(entityKey('Vladimir Potanin'));
    expect(sameEntity(entityKey('Pezeshkian'), entityKey('Masoud Pezeshkian'))).toBe(true);
    const entities = findEntities("Russian President Vladimir Putin met Iran's Masud Pezeshkian in Moscow.");
    expect(entities.map((e) => e.text)).toEqual(['Vladimir Putin', 'Iran', 'Masud Pezeshkian', 'Moscow']);
    expect(entities[0].kind).toBe('person');
    expect(entities[3].kind).toBe('place');
  });

  it('resolves dates against the publication time', () => {
    const published = '2025-01-18T09:00:00Z'; // a Saturday
    const dates = resolveDates('They signed it on Friday, after talks on January 17 and a visit last July; the deal of 2015 lapsed last year.', published, 'publishedAt');
    expect(dates.map((d) => [d.text, d.value, d.relativeTo])).toEqual([
      ['on Friday', '2025-01-17', 'publishedAt'],
      ['January 17', '2025-01-17', 'publishedAt'],
      ['last July', '2024-07', 'publishedAt'],
      ['2015', '2015', undefined],
      ['last year', '2024', 'publishedAt'],
    ]);
    expect(resolveDates('signed on January 17, 2025', undefined, 'ingestedAt')).toEqual([{ text: 'January 17, 2025', value: '2025-01-17' }]);
    expect(resolveDates('ahead of Monday\'s inauguration', published, 'publishedAt')[0].value).toBe('2025-01-20');
  });

  it('normalises quantities: "20-year" is 20 years', () => {
    const [a] = findQuantities('a 20-year strategic pact');
    const [b] = findQuantities('the treaty runs for 20 years');
    expect(a).toMatchObject({ value: 20, unit: 'year' });
    expect(b).toMatchObject({ value: 20, unit: 'year' });
    expect(findQuantities('hundreds of drones')[0]).toMatchObject({ value: 100, unit: 'drone', approximate: true });
    expect(findQuantities('$69 billion')[0]).toMatchObject({ value: 69e9, unit: 'usd' });
    // a time of day is one figure, in minutes after midnight; "about" or "before" one is approximate
    expect(findQuantities('pronounced dead at 1:35 a.m. at the hospital')).toEqual([{ text: '1:35 a.m.', value: 95, unit: 'time of day' }]);
    expect(findQuantities('shot about 8:20 p.m. on the 600 block')).toEqual([
      { text: '8:20 p.m.', value: 1220, unit: 'time of day', approximate: true },
      { text: '600 block', value: 600, unit: 'block' },
    ]);
    expect(findQuantities('just before 2 a.m. on Monday')).toEqual([{ text: '2 a.m.', value: 120, unit: 'time of day', approximate: true }]);
  });

  it('takes only a noun for a unit, never a preposition, a verb or an adjective', () => {
    expect(findQuantities('Crane 33 at the Port of Long Beach collapsed')).toEqual([{ text: '33', value: 33 }]);
    expect(findQuantities('12,000 tonnes of grain')[0]).toMatchObject({ text: '12,000 tonnes', unit: 'tonne' });
    expect(findQuantities('5 killed and 3 wounded').map((q) => [q.text, q.unit])).toEqual([['5', undefined], ['3', undefined]]);
    expect(findQuantities('14 other victims')[0]).toEqual({ text: '14', value: 14 });
    expect(findQuantities('$69 billion in aid')[0]).toMatchObject({ text: '$69 billion', unit: 'usd' });
    expect(findQuantities('two were killed')).toEqual([]);
    expect(findQuantities('2 drones and 3 days')).toEqual([
      { text: '2 drones', value: 2, unit: 'drone' },
      { text: '3 days', value: 3, unit: 'day' },
    ]);
  });
});

describe('sexOfGivenName', () => {
  it.each([
    ['Gov. Nikki Haley', 'female'],
    ['Anthony LaCalamita III', 'male'],
    ['Sgt. Patrick Swanton', 'male'],
    // a given name used for both, a surname alone, someone's relation
    ['Kelly Ayotte', undefined],
    ['Haley', undefined],
    ["Brandon Greene's mother", undefined],
  ])('%s: %s', (speaker, sex) => {
    expect(sexOfGivenName(speaker)).toBe(sex);
  });
});
