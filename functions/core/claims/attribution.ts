import { entityKey } from './entities';
import { AUX, isVerbLike } from './verbs';

/**
 * Who says a claim, by the reporting patterns of news copy: "X said (that) ...", "... , X said",
 * "... , said X", "according to X", "X told reporters ...", "X announced ...". Rule-based: a few
 * regular expressions per sentence, no parser.
 */
export interface Attribution {
  /** The source as written ("Russian Foreign Minister Sergei Lavrov", "the Kremlin", "officials"). */
  source: string;
  /** Spelling-variant key of the source (entities.ts), for matching one speaker across outlets. */
  key: string;
  /** The reporting word: "said", "according to", "told", "announced", "praised"... */
  cue: string;
  /** Who the source in turn cites ("..., TASS reported, citing Ambassador Kazem Jalali"). */
  citing?: string;
}

export interface AttributedSpan {
  attribution?: Attribution;
  /** Offsets of what is asserted, within the sentence, attribution left out. */
  start: number;
  end: number;
}

/**
 * The present of a plural speaker, as headlines and local news write it: "Deputies say ...",
 * "Police tell News 4 ...", "Authorities confirm ..." ("say" is among the verbs below). Not
 * "report", "warn" or "maintain", which are as often a noun or an infinitive ("The report said
 * ...", "tried to warn the others that ...").
 */
const PLURAL_PRESENT = ['tell', 'confirm', 'insist', 'allege', 'acknowledge'];
/** A statement is longer than this, or the words after a speaker are no statement of theirs. */
const MIN_STATEMENT_CHARACTERS = 10;
/** "told", "tells" or "tell": after it comes the one told, before what is said. */
const TOLD_CUE = /^(?:told|tells?)$/i;
/** Verbs that report speech: the attribution is stripped and what follows is the claim. */
export const REPORTING_VERBS: readonly string[] = [
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'added', 'adds', 'noted', 'notes', 'insisted',
  'insists', 'warned', 'warns', 'announced', 'announces', 'indicated', 'indicates', 'confirmed', 'confirms',
  'claimed', 'claims', 'argued', 'argues', 'explained', 'explains', 'acknowledged', 'acknowledges',
  'emphasized', 'emphasised', 'emphasizes', 'stressed', 'stresses', 'reported', 'reports', 'wrote', 'writes',
  'believes', 'believe', 'asserted', 'alleged', 'alleges', 'maintained', 'maintains', 'suggested',
  'suggests', 'declared', 'declares', 'predicted', 'estimated', 'estimates', 'contended', 'conceded',
  'revealed', 'disclosed', 'admitted', 'agreed', 'pledged', 'promised', 'vowed', 'signalled', 'signaled',
  'observed', 'recalled', 'cautioned',
  ...PLURAL_PRESENT,
];
const REPORTING = REPORTING_VERBS.join('|');
/** Before its speaker ("..., said the mayor"), a verb of saying is in the past or a singular present, never "..., report anonymously". */
const REPORTING_BEFORE_SPEAKER = REPORTING_VERBS.filter((verb) => !PLURAL_PRESENT.includes(verb)).join('|');
/** Verbs that show the speaker's stance on something: the speaker is recorded, the sentence stays whole. */
const EVALUATIVE = /(?<![-\w])(praised|praises|hailed|hails|described|describes|called|calls|dismissed|dismisses|echoed|urged|urges|criticized|criticised|welcomed|condemned|accused|accuses|slammed|lauded|spoke|highlighted|underscored|stressed)\b/;

const ROLE_HEAD =
  /\b(officials?|spokes(?:man|woman|person)|minister|ministry|president|leaders?|diplomats?|sources?|analysts?|experts?|authorities|government|agency|police|military|army|statement|report|media|envoy|ambassador|officers?|residents?|witnesses|department|office|bureau|coroner|sheriff|prosecutors?|investigators|detectives|deputies|neighbou?rs?|relatives|family|mother|father|wife|husband|sister|brother|daughter|son|uncle|aunt|grandmother|grandfather|cousin|nephew|niece|stepfather|stepmother|girlfriend|boyfriend|friends?|witness|pastor|coach|teacher|principal|manager|owner|attorneys?|lawyers?|chief|aides?|advis[eo]rs?|members?|staffers?|lawmakers?|senators?|congress(?:man|men|woman|women)|governor|mayor|candidates?|negotiators?|organi[sz]ers?|activists?|supporters?|critics?|economists?|researchers?|scientists?|doctors?|nurses?|judges?|campaign|committee|spokespeople|representatives?|employees?|colleagues?|victims?|survivors?|man|woman|men|women|person|people|callers?|students?|parents?|bystanders?|passengers?|customers?|workers?|patrons?|he|she|they|it|we|i)$/i;
const PRONOUN = /^(he|she|they|it|we|i)$/i;
/**
 * Words after the speaker that say how or when it spoke ("police later said", "Obama even
 * acknowledged", "Janet Yellen on Tuesday said ..."), not who it is. An adverb is lower case and
 * not a noun that ends in -ly: "The family said", "Megyn Kelly said" keep their last word.
 */
const TRAILING_ADVERB =
  /\s+(earlier|also|later|previously|again|recently|repeatedly|separately|then|first|once|just|already|still|publicly|privately|since|even|further|now|(?!(?:family|ally|rally|assembly|supply|reply|anomaly|monopoly|bully|belly|jelly|folly|lily)\b)[a-z]+ly|(?:on\s+|late\s+|early\s+)?(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)(?:\s+(?:morning|afternoon|evening|night))?)$/;

/** The words before a verb without the adverbs that may close them ("Officials significantly", "Mr. Obama on Wednesday emphatically"). */
export function withoutTrailingAdverb(words: string): string {
  let left = words;
  while (TRAILING_ADVERB.test(left)) left = left.replace(TRAILING_ADVERB, '');
  return left;
}

/**
 * "..., labor officials told HuffPost.", "..., she told Fox News on Thursday.", "..., he told a
 * gathering of reporters at an off camera briefing.", "..., Adgate told WDIV, a Detroit station.":
 * after a comma, the speaker, "told", the one told with when and where (TOLD_WHOM_AND_WHEN), and
 * what the speaker went on to say (", adding that ...") or what the one told is, closing the sentence.
 */
const TRAILING_TOLD =
  /,"?\s+(?:''\s*|['"‘“]\s*)?([^,"]{2,60}?)\s+(?:told|tells?)\s+([^,"]{1,90}?)((?:,\s+(?:adding|saying|noting|explaining|citing)\b[^"]*|,\s+(?:a|an|the)\s[^,"]{1,40})?)(?:[.!]|\.{3,4})?$/u;
/**
 * Words after "told" that can only be whom, when and where it was told: no word that opens a clause
 * or an infinitive ("told him to leave", "told police what happened", "told the man who shot him"),
 * and no verb in the one told ("told police the car was stolen" says what was told). Names are not
 * verbs ("told Mr. Rose", "told The Associated Press"); when and where may hold one ("in an
 * interview published Sunday").
 */
function toldWhomAndWhen(words: string): boolean {
  if (/\b(?:to|that|which|who|whom|whose|whether|if|what|how|why|where|because|so|but|not)\b/i.test(words)) return false;
  const whom = words.split(/\s+(?:on|in|at|after|before|during|from|for|with|by|outside|via|last|this|earlier)\s/i)[0].trim().split(/\s+/);
  // "told KOAM-TV her daughter's death ...": a subject or a determiner after the one told opens
  // what was told (not after "of" or "and": "a gathering of the press")
  const opensClause = whom.some((word, i) => i > 0 && /^(?:he|she|they|we|i|there|his|her|their|its|the|a|an)$/i.test(word) && !/^(?:of|and|&)$/i.test(whom[i - 1]));
  return !opensClause && !hasVerb(whom.join(' '));
}
/**
 * An adverb between a named speaker and the reporting verb ("Larry Summers, the outgoing adviser,
 * just told reporters ...", "..., Smith, 45, later said"): how or when, not part of the name.
 */
const ADVERB_BEFORE_VERB = '(?:(?:also|later|earlier|just|already|again|then|first|once|initially|previously|recently|\\p{Ll}+ly)\\s+)?';
/** A name: up to five capitalised words ("Officer Jane Doe", "Robert F. Bauer"). */
const NAME = `(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,4}\\p{Lu}[\\p{L}.'’-]*`;
/**
 * "..., Robert F. Bauer, the White House counsel, said in a memo released to reporters.": a name,
 * what describes it between commas, and the reporting verb closing the sentence (with when, where
 * or to whom); the name is the source.
 */
const TRAILING_NAMED_THEN_DESCRIBED = new RegExp(
  `,"?\\s+(${NAME}),\\s+((?:a|an|the|his|her|their)\\s[^,"]{2,80}?|\\d{1,3}),\\s+${ADVERB_BEFORE_VERB}(said|says|told|added|explained|noted|stated|wrote)(?:\\s+[^,"]{1,80}?)?[.!]?$`,
  'u',
);
/**
 * "Purnell's mother, Stephanie, said ...", "..., the Republican leader, Michael Thibodeau, said in a
 * statement.": what describes a name, then the name between commas, then the reporting verb; the
 * name is the source. The description opens with a determiner or a possessive name.
 */
const DESCRIPTION_FIRST = `(?:(?:The|the|A|a|An|an|Another|another|His|his|Her|her|Its|its|Their|their)\\s[^,"]{2,60}?|\\p{Lu}[\\p{L}.'’-]*['’]s\\s[^,"]{2,40}?)`;
const DESCRIBED_THEN_NAMED = new RegExp(
  `^(${DESCRIPTION_FIRST}),\\s+(${NAME}),\\s+${ADVERB_BEFORE_VERB}(said|says|told|added)((?:\\s+[^,"]{1,50}?)?\\s+that|)\\s+`,
  'u',
);
const TRAILING_DESCRIBED_THEN_NAMED = new RegExp(`,"?\\s+(${DESCRIPTION_FIRST}),\\s+(${NAME}),\\s+(said|says|told|added)(?:\\s+[^,"]{1,80}?)?[.!]?$`, 'u');

/**
 * Whether a description and the name after it read as a person's role and name: the name has a
 * given name and a surname, or the description ends on a role ("Her uncle, Arthur", "The suspect,
 * Davis"), not on a place ("... in Clarkston, Michigan, told ...").
 */
function roleAndName(description: string, name: string): boolean {
  return name.trim().split(/\s+/).length >= 2 || /\s\p{Ll}[\p{L}-]*$/u.test(description.trim());
}
/** Words before a trailing attribution ("..., X told Y", "..., Name, a spokesman, said") that make it a statement: at least this many. */
const MIN_WORDS_TOLD = 4;

/**
 * Where the statement before a trailing attribution ends (keeping a quotation's closing mark), or
 * undefined when too few words come before it to be one.
 */
function statementBefore(sentence: string, attribution: RegExpExecArray): number | undefined {
  if (sentence.slice(0, attribution.index).trim().split(/\s+/).length < MIN_WORDS_TOLD) return undefined;
  return attribution.index + (attribution[0].startsWith(',"') ? 1 : 0);
}
const LEADING_ACCORDING = /^According to ([^,]{2,90}),\s+/i;
const TRAILING_ACCORDING = /,?\s+according to ([^,"]{2,90}?)[.!]?$/i;
const TRAILING_SAID = new RegExp(
  `(,"|,|")\\s+(?:(${REPORTING_BEFORE_SPEAKER})\\s+([^,"]{2,90}?)|([^,"]{2,90}?)\\s+(?:(?:has|have|had)\\s+)?(${REPORTING}))((?:\\s+(?:on|at|in|of|during|after|before|late|early|last|this|earlier|recently|later|from|to|via|by|over|reporters|journalists|separately|again|also|yesterday|today|then|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|when asked|as (?:he|she|they|we|I) [a-z]+|while (?:in|on|at|\\w+ing))\\b[^,"]{0,60}?)?)((?:,\\s+(?:citing|quoting|adding|saying|in|while|as|after|before|when|a|an|the|his|her|their|who)\\b[^"]*|,\\s+\\w+ing\\b[^"]*|,\\s+(?:of\\b|\\d{1,3}\\b|[A-Z])[^"]*)?)[.!]?$`,
  '',
);
const LEADING_SAID = new RegExp(
  `^((?:[^,"]{1,70},\\s+)?)([^,"]{2,90}?)\\s+(?:(?:has|have|had|also)\\s+)*(${REPORTING})(?:\\s+(?:reporters|journalists|lawmakers|parliament|the [A-Z]\\w+|[A-Z]\\w+|state (?:media|television)|a (?:news conference|briefing)))?((?:\\s+[^"]{1,70}?)??)(?:\\s+that\\b(?![’'])|:)\\s*`,
  '',
);
/** Lower-case words that open a clause as its subject ("said police found", "said two people were shot"). */
const CLAUSE_SUBJECTS =
  'police|investigators|officers|detectives|authorities|deputies|troopers|agents|officials|prosecutors|paramedics|firefighters|doctors|witnesses|residents|neighbou?rs|relatives|family|friends|students|employees|workers|passengers|victims|suspects|people|someone|everyone|nobody|one|two|three|four|five|six|several|some|another|both|many|most';
/** Who is told, before what is said: "the court", a name or title ("News 4", "CBS4"), or a listener word, then a word opening a clause. */
const TOLD_OBJECT = `(?:(?:the|a|an)\\s+[\\p{Ll}-]+|(?:the\\s+)?\\p{Lu}[\\p{L}\\p{N}.'’&-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{N}.'’&-]*|\\d+)){0,4}|reporters|journalists|police|investigators|officers|deputies|detectives|him|her|them|us|me)`;
const CLAUSE_OPENING = `(?:he|she|they|it|we|I|there|the|a|an|his|her|their|${CLAUSE_SUBJECTS})\\b`;
const TOLD_WHOM = new RegExp(`^${TOLD_OBJECT}\\s+(?=${CLAUSE_OPENING})`, 'u');

/**
 * Verbs after which a subject pronoun, or a word that opens a clause as its subject, opens what is
 * said ("said he heard shots", "added they would return", "said police found"); after others it is
 * as often their object ("confirmed it on Monday", "told them").
 */
const CLAUSE_CUES = 'said|says|say|added|adds|noted|notes|explained|insisted|argued|warned|claimed|admitted|acknowledged|maintained|recalled|stated|wrote|believes|estimated|predicted|indicated';
const LEADING_SAID_BARE = new RegExp(
  `^((?:[^,"]{1,70},\\s+)?)([^,"]{2,90}?)\\s+(?:(?:has|have|had|also)\\s+)*(${REPORTING})\\s+(?=(?:the|a|an|his|her|its|their|this|these|those|[A-Z]\\w*|"|\\d+)\\b|(?<=\\b(?:${CLAUSE_CUES})\\s+)(?:he|she|they|we|it|there|${CLAUSE_SUBJECTS}|\\d+|at least|more than|about\\s+\\d+)\\b|(?<=\\b(?:told|tells?)\\s+)${TOLD_OBJECT}\\s+${CLAUSE_OPENING})`,
  'u',
);

/** A legislator's party and state as US papers write them after the name: "R-Calif.", "D-N.Y.", "I-Vt.", "R-Texas". */
const PARTY_AND_STATE = '[RDI]-\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)?';

/** The two patterns above without the opening phrase before the speaker ("On Tuesday, "). */
const OPENING_PHRASE = '((?:[^,"]{1,70},\\s+)?)';
function withoutOpeningPhrase(pattern: RegExp): RegExp {
  if (!pattern.source.startsWith(`^${OPENING_PHRASE}`)) throw new Error(`no opening phrase in ${pattern.source}`);
  return new RegExp(pattern.source.replace(OPENING_PHRASE, '()'), pattern.flags);
}
const LEADING_SAID_NO_OPENER = withoutOpeningPhrase(LEADING_SAID);
const LEADING_SAID_BARE_NO_OPENER = withoutOpeningPhrase(LEADING_SAID_BARE);

/**
 * "Police said none of the wounded ...", "Authorities said turnout reached ...": a verb of saying
 * before any lower-case word, read as LEADING_SAID_BARE when what follows opens a clause
 * (opensClause).
 */
const LEADING_SAID_LOWER = new RegExp(`^${OPENING_PHRASE}([^,"]{2,90}?)\\s+(?:(?:has|have|had|also)\\s+)*(${CLAUSE_CUES})\\s+(?=\\p{Ll})`, 'u');
const LEADING_SAID_LOWER_NO_OPENER = withoutOpeningPhrase(LEADING_SAID_LOWER);
/** What a verb of saying says when it reports no words: "said nothing", "said goodbye". */
const WORDS_SAID = 'nothing|goodbye|no|yes|so|sorry|hello|thanks';
/** Words after a verb of saying that open no clause said: what it says of, when or where, or the word said. */
const NO_CLAUSE_AFTER_CUE = new RegExp(
  `^(?:in|on|at|to|for|with|from|by|about|after|before|during|around|through|over|under|of|into|near|outside|inside|against|${WORDS_SAID}|little|much|something|anything|otherwise|again|also|only|just|then|now|later|earlier|previously|recently|repeatedly|publicly|privately|last|next|this|[a-z]+ly)$`,
);
/** Subordinators that open what is said with a clause of their own ("said if elected, he would ..."). */
const SUBORDINATOR_AFTER_CUE = /^(?:if|when|while|although|though|once|because|unless)$/;

/**
 * Whether the words after a verb of saying open a clause: a subordinator (after "said" and the
 * like), or a subject of one to six words, not opening with a verb, and then a verb ("said turnout
 * reached", "said none of the four people shot face ..."), before any comma.
 */
function opensClause(cue: string, after: string): boolean {
  const words = (after.split(/[,;:"]/)[0].match(/[\p{L}'’-]+/gu) ?? []).slice(0, 7).map((w) => w.toLowerCase());
  if (words.length < 2) return false;
  // "said after other officers arrived, Hamilton surrendered": a clause of time with its verb, then
  // the comma and the main clause, is said as a whole
  const timeClause = /^(?:after|before|as|since|until)$/.test(words[0]) && /,/.test(after) && words.slice(1).some((w) => isVerbLike(w));
  // "said no suspect information was available": "no" opens a subject when a noun and then a verb
  // follow it ("said no to the plan", "said no and went on to win" are the word said)
  const noSubject = words[0] === 'no' && !/^(?:to|and|or|but|nor|then|again|when|after|before|because|if|as|at|in|on|for|with|thanks)$/.test(words[1]) && words.slice(2).some((w) => isVerbLike(w, true));
  if (NO_CLAUSE_AFTER_CUE.test(words[0]) && !timeClause && !noSubject) return false;
  // "recalled when he was campaigning": after other verbs the subordinator is their object's
  const said = /^(?:said|says|added|adds)$/i.test(cue);
  if (SUBORDINATOR_AFTER_CUE.test(words[0]) || (timeClause && said)) return said;
  // "said constituents have suggested ...", "said documents located at the residence reveal ...": a
  // word in -s right before an auxiliary or a past verb is a plural subject, not a verb
  const pluralSubject = /[^su]s$/.test(words[0]) && !isVerbLike(words[0]) && isVerbLike(words[1]);
  if (isVerbLike(words[0], true) && !pluralSubject) return false;
  return words.slice(1).some((w) => isVerbLike(w, true));
}

/**
 * "Officer Jane Doe, a police spokeswoman, said ...", "Smith, 45, said ...", "Sen. Jane Doe,
 * R-Texas, said ...", "Senator Mark Warner of Virginia, the top Democrat ..., told ...": a name (with
 * its place), what describes it between commas (no verb in it), then the reporting verb; the name
 * is the source.
 */
/** One part of what describes a named speaker between commas (see NAMED_THEN_DESCRIBED). */
const DESCRIPTION = `(?:a|an|the|his|her|their)\\s[^,"]{2,120}?|\\d{1,3}|${PARTY_AND_STATE}|of\\s[^,"]{2,80}?|\\p{Lu}[\\p{L}.'’-]*(?:['’]s|s['’])\\s[^,"]{2,60}?|(?!(?:who|which|that)\\s)\\p{Ll}[\\p{L}-]*(?:\\s(?:and\\s)?\\p{Ll}[\\p{L}-]*){0,2}\\s(?:of|for|with|at)\\s[^,"]{2,120}?|though|however|too|meanwhile`;
const NAMED_THEN_DESCRIBED = new RegExp(
  `^(?:(?:In|At|On|During|After)\\s[^,"]{1,40},\\s+)?(${NAME}(?:\\s+of\\s+${NAME})?),\\s+((?:${DESCRIPTION})(?:,\\s+(?:${DESCRIPTION}))?),\\s+${ADVERB_BEFORE_VERB}(said|says|told|added|explained|noted|stated)((?:\\s+[^,"]{1,80}?)?\\s+that|)\\s+`,
  'u',
);

/**
 * A past form or an auxiliary among the lower-case words ("who shot him"; a name such as "The
 * Associated Press" holds none), and a present "-s" form with `allowPresent`, which reads too often
 * as a plural noun ("friends") to count everywhere.
 */
function hasVerb(text: string, allowPresent = false): boolean {
  return (text.match(/(?<![\p{L}'’])\p{Ll}[a-z]*/gu) ?? []).some((w) => isVerbLike(w, allowPresent));
}

/**
 * What describes a named speaker before a relative clause in it ("Nathan Hilliard, a young man who
 * was playing football when the incident happened, said ..."): the clause's verbs are its own, not
 * a sign that the words between the commas are a clause of the sentence.
 */
function describedBefore(description: string): string {
  const relative = /^(?:a|an|the)\s[^,"]*?\s(?=who\s)/.exec(description);
  return relative ? relative[0] : description;
}

/** What follows a named speaker's verb when no words are reported ("said nothing at the hearing"). */
const WORD_SAID = new RegExp(`^(?:${WORDS_SAID})\\b`, 'i');

/**
 * What stands between the reporting verb and "that" ("said on Monday that", "told BuzzFeed that",
 * "said live on Fox & Friends that") is when, where or to whom, not a clause: "said the man that
 * shot him fled" is what was said. After "told" it is the one told; otherwise it opens with a
 * preposition, a day or an adverb.
 */
function readsAsModifier(verb: string, modifier: string): boolean {
  const words = modifier.trim();
  if (words === 'that' || words === '') return true;
  const before = words.replace(/\s+that$/, '');
  // after "told", the one told and when or where ("told Fox News host Mike Huckabee on his radio
  // show Tuesday afternoon that") run longer than a when or where alone
  const told = TOLD_CUE.test(verb);
  if (hasVerb(before) || before.split(/\s+/).length > (told ? 12 : 8)) return false;
  return told || /^(?:on|in|at|during|after|before|through|via|late|early|last|this|earlier|recently|later|yesterday|today|live|also|again|publicly|privately|\w+ly|monday|tuesday|wednesday|thursday|friday|saturday|sunday|reporters|journalists)\b/i.test(before);
}

/**
 * Whether what follows a trailing "said X" is about X: ", a spokesman for the police", ", who lives
 * next door" (and only right after X: "the Surgeon General reports to the Assistant Secretary,
 * who ..." is no attribution), or a clause of its own (", citing ...", ", while pointing ...").
 * ", police said, the store reported a robbery" is the sentence going on: a description with a
 * verb before any "who" is not one of X.
 */
function describesSpeaker(tail: string, modifier: string): boolean {
  // ", of Allegheny County Police", ", 33", ", Wichita Police Department": with no verb, who X is;
  // ", Smith was arrested" is the sentence going on
  if (/^,\s+(?:of\b|\d{1,3}\b|[A-Z])/.test(tail) && !/^,\s+(?:a|an|the|his|her|their|who)\b/i.test(tail)) {
    return modifier.trim() === '' && !hasVerb(tail.toLowerCase(), true);
  }
  const description = /^,\s+(a|an|the|his|her|their|who)\b(.*)$/is.exec(tail);
  if (!description) return true;
  if (modifier.trim() !== '') return false;
  if (description[1].toLowerCase() === 'who') return true;
  const beforeRelative = description[2].split(/\b(?:who|that|which)\b/i)[0];
  return !hasVerb(beforeRelative, true);
}

/**
 * '"...," Commodore Nirad Sinha, a navy spokesman, told CNN': the speaker of "told" stands between
 * the quotation's close and the "told", up to its first comma; undefined without a quotation
 * before it (then where the statement ends is not clear).
 */
function speakerBeforeTold(sentence: string, toldAt: number): { source: string; end: number } | undefined {
  const before = sentence.slice(0, toldAt);
  const close = /["”]|''/g;
  let end = -1;
  for (const m of before.matchAll(close)) end = (m.index ?? 0) + m[0].length;
  if (end < 0) return undefined;
  const source = before.slice(end).replace(/^[\s,]+/, '').replace(/^(?:but|and)\s+/i, '').split(',')[0].trim();
  return source.split(/\s+/).length <= 8 && isSource(source) ? { source, end } : undefined;
}

/** The attribution of a sentence and the span of what it asserts. */
export function findAttribution(sentence: string): AttributedSpan {
  let end = sentence.length;
  let start = 0;
  const lead = LEADING_ACCORDING.exec(sentence);
  if (lead && isSource(lead[1])) return { attribution: attributionTo(lead[1], 'according to'), start: lead[0].length, end };
  const trailAccording = TRAILING_ACCORDING.exec(sentence);
  if (trailAccording && isSource(trailAccording[1]) && trailAccording.index > 0) {
    return { attribution: attributionTo(trailAccording[1], 'according to'), start, end: trailAccording.index };
  }
  const trail = TRAILING_SAID.exec(sentence);
  if (trail && trail.index > 0) {
    let source = (trail[3] ?? trail[4] ?? '').trim();
    const cue = (trail[2] ?? trail[5] ?? '').toLowerCase();
    let modifier = trail[6] ?? '';
    // "said APD Chief of Staff Brian Manley": after the verb, "of" goes on with the name ("Flores
    // said of his son" is whom it was said of)
    if (trail[3] !== undefined && /^\s+of\b/.test(modifier)) [source, modifier] = [`${source}${modifier}`.trim(), ''];
    // ", X said, when she was struck ..." goes on with what X said; after a quotation (",\" X said,
    // while pointing at ...") it is what X did while saying it
    const goesOn = /^,\s+(?:while|as|after|before|when)\b/i.test(trail[7] ?? '') && !trail[1].includes('"');
    // '"...," Gérard Bénézat, the store's insurer, told France Info': after "told" comes the one
    // spoken to, never the speaker
    const toldWhom = trail[2] !== undefined && TOLD_CUE.test(trail[2]);
    if (trail[3] !== undefined && !isSource(source)) source = withoutRelativeClause(source);
    if (toldWhom) {
      const teller = speakerBeforeTold(sentence, trail.index);
      if (teller) return { attribution: attributionTo(teller.source, 'told'), start, end: teller.end };
    } else if (isSource(source) && !(trail[3] !== undefined && LEADING_PREPOSITION.test(source.trim())) && !/\b(that|which|who)\b/i.test(modifier) && describesSpeaker(trail[7] ?? '', modifier) && !goesOn) {
      end = trail.index + (trail[1] === ',"' || trail[1] === '"' ? 1 : 0);
      const citing = /,\s+(?:citing|quoting)\s+([^,.]+)/i.exec(trail[7] ?? '')?.[1];
      // "said his uncle, Efram Washington.": the name after the role is who it is
      const named = trail[3] !== undefined && modifier.trim() === '' && /^\p{Ll}/u.test(source.trim()) ? /^,\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)[.!]?$/u.exec(trail[7] ?? '')?.[1] : undefined;
      return { attribution: attributionTo(named?.replace(/(\p{Ll}{2})\.$/u, '$1') ?? source, cue, citing), start, end };
    }
  }
  // "The victim was alive when rescuers reached him, pilot Jim Campbell told the Herald": read from
  // its end, unless the sentence opens with its speaker ("X said ..., she told the Post")
  const toldAtEnd = trailingTold(sentence);
  // Only when the sentence also ends with "X told Y": the reading it decides between costs two matches.
  const opensWithSpeaker = toldAtEnd !== undefined && opensWithItsSpeaker(sentence);
  if (toldAtEnd && !opensWithSpeaker) return toldAtEnd;
  const trailingNamed = TRAILING_NAMED_THEN_DESCRIBED.exec(sentence);
  const namedEnd = trailingNamed && isSource(trailingNamed[1]) && !hasVerb(trailingNamed[2], true) ? statementBefore(sentence, trailingNamed) : undefined;
  if (trailingNamed && namedEnd !== undefined) return { attribution: attributionTo(trailingNamed[1], trailingNamed[3].toLowerCase()), start, end: namedEnd };
  const trailingDescribed = TRAILING_DESCRIBED_THEN_NAMED.exec(sentence);
  const describedEnd = trailingDescribed && roleAndName(trailingDescribed[1], trailingDescribed[2]) && isSource(trailingDescribed[2]) ? statementBefore(sentence, trailingDescribed) : undefined;
  if (trailingDescribed && describedEnd !== undefined) return { attribution: attributionTo(trailingDescribed[2], trailingDescribed[3].toLowerCase()), start, end: describedEnd };
  const described = DESCRIBED_THEN_NAMED.exec(sentence);
  if (described && roleAndName(described[1], described[2]) && isSource(described[2])) {
    const modifier = described[4];
    let from = statementAfterVerb(sentence, described[0], described[3], modifier);
    // "told reporters he ...": what is said starts after the one told
    if (modifier === '' && TOLD_CUE.test(described[3])) from += TOLD_WHOM.exec(sentence.slice(from))?.[0].length ?? 0;
    if (from < end - MIN_STATEMENT_CHARACTERS) return { attribution: attributionTo(described[2], described[3].toLowerCase()), start: from, end };
  }
  const named = NAMED_THEN_DESCRIBED.exec(sentence);
  if (named && isSource(named[1]) && !hasVerb(describedBefore(named[2]))) {
    let from = statementAfterVerb(sentence, named[0], named[3], named[4]);
    if (named[4] === '' && TOLD_CUE.test(named[3])) from += TOLD_WHOM.exec(sentence.slice(from))?.[0].length ?? 0;
    // "Smith, the man who shot him, said nothing at the hearing": nothing is said
    if (from < end - MIN_STATEMENT_CHARACTERS && !WORD_SAID.test(sentence.slice(from))) return { attribution: attributionTo(named[1], named[3].toLowerCase()), start: from, end };
  }
  // "said on Tuesday that ...", not "said the talks were useful and added that ...": a modifier
  // that coordinates another verb is a clause of what is said, and the bare "X said" is read instead.
  // A sentence that opens with its speaker and ends with ", she told the Post" is read from its
  // opening, not from the "she told" after a comma ("Joan Smith said ..., she told the Post")
  // "Police are looking for the gunman, and Craig said ...": what opens the sentence before ", and"
  // is a clause of its own, not a phrase of when or where; the sentence is read from its start,
  // where a speaker may open it ("Earlier reports said ..., but deputies say ...")
  let { leadSaid, read } = leadingReport(sentence, !(toldAtEnd && opensWithSpeaker));
  // The same when the words read as the speaker after such a clause are none ("Some said they feel
  // safe, while others say ...", "X said ..., because they say ..."): the speaker opens the sentence
  if (read && read[1] !== '' && hasVerb(read[1]) && (/^(?:and|but|while|whereas)\b/i.test(read[2].trim()) || !isSource(read[2]))) ({ leadSaid, read } = leadingReport(sentence, false));
  // "Ty Lawson added 16 points for the Tar Heels", "the Board added another $20,000 to that pot": a
  // figure after "added" is what was added, unless a clause opens with it ("added 16 people were hurt")
  const after = read ? sentence.slice(read[0].length) : '';
  const figure = /^(?:(?:another|an additional|a further|some|nearly|about|almost|more than)\s+)?[$€£]?\s?\d[\d,.]*\s*/i.exec(after);
  const addedFigure = read !== null && /^add(?:ed|s)$/i.test(read[3]) && figure !== null && !opensClause(read[3], after.slice(figure[0].length));
  const said = addedFigure ? null : read;
  if (said) {
    // "He's said ...", "We've said ...": the pronoun with its auxiliary
    let source = said[2].replace(TRAILING_ADVERB, '').trim().replace(/^(he|she|it|they|we|i)['’](?:s|ve|d)$/i, '$1');
    let cue = said[3];
    let modifier = said[4] ?? '';
    // "Scanner reports indicated that ...": a reporting word that can be a plural noun, right before
    // another, is a noun of the source
    const nominal = /s$/i.test(cue) ? NEXT_CUE.exec(modifier) : null;
    if (nominal && said[0].slice(0, said[0].lastIndexOf(modifier)).endsWith(cue)) {
      [source, cue, modifier] = [`${said[2].trim()} ${cue}`, nominal[1], modifier.slice(nominal[0].length)];
    }
    // A "that" right before a verb opens no clause of what is said: "said police found a box like
    // one that would hold a shotgun" (a relative clause: what is said starts after the verb), "told
    // the story in words that will echo ..." (no clause is said at all)
    if (!isSource(source)) source = withoutRelativeClause(source);
    const thatThenVerb = said === leadSaid && /\bthat\s*$/.test(said[0]) && THAT_THEN_VERB.test(sentence.slice(said[0].length));
    if (thatThenVerb && modifier.trim() !== '' && !hasVerb(modifier)) return stanceOrNone(sentence);
    if (isSource(source) && !/\b(that|which|who|if|when|because)\b/i.test(modifier)) {
      start = said[0].length;
      // "said the victims were in a car that was parked ...", "said they arrived at 9:30": what is
      // said starts after the verb (the "that" opens a relative clause, the colon is a time's)
      // "said someone shot her son twice: once when ...": a colon after a clause is the clause's
      const inTime = (/\d:\s*$/.test(said[0]) && /^\d/.test(sentence.slice(said[0].length))) || (/:\s*$/.test(said[0]) && hasVerb(modifier));
      if (said === leadSaid && ((/\bthat\s*$/.test(said[0]) && (opensRelativeClause(modifier) || (thatThenVerb && modifier.trim() !== ''))) || inTime)) start = skipSpaces(sentence, said[0].length - modifier.length - (/(?:\s+that\b|:)\s*$/.exec(said[0])?.[0].length ?? 0));
      // "confirmed that was a lie": "that" is the subject of what is said, not the word opening it
      if (thatThenVerb && modifier.trim() === '') start = said[0].length - /that\s*$/.exec(said[0])![0].length;
      // "told The Denver Post he ...", "told reporters the ...": what is said starts after the one told
      if (said !== leadSaid && TOLD_CUE.test(cue)) start += TOLD_WHOM.exec(sentence.slice(start))?.[0].length ?? 0;
      if (start < end - MIN_STATEMENT_CHARACTERS) return { attribution: attributionTo(source, cue.toLowerCase()), start, end };
    }
  }
  return toldAtEnd ?? stanceOrNone(sentence);
}

/**
 * The reading of a sentence that opens with its speaker and a verb of saying ("X said that ...",
 * "X said the ...", "X said turnout reached ..."), after an opening phrase ("On Tuesday, ") where
 * `withOpener`: the match with "that" (`leadSaid`) and the one read (`read`), which is the bare
 * verb's where the words before "that" coordinate another verb or close an appositive.
 */
function leadingReport(sentence: string, withOpener: boolean): { leadSaid: RegExpExecArray | null; read: RegExpExecArray | null } {
  const [leading, leadingBare, leadingLower] = withOpener ? [LEADING_SAID, LEADING_SAID_BARE, LEADING_SAID_LOWER] : [LEADING_SAID_NO_OPENER, LEADING_SAID_BARE_NO_OPENER, LEADING_SAID_LOWER_NO_OPENER];
  // "told police he didn't think his son would have done that.": a "that" closing the sentence opens nothing
  const leadSaidThat = leading.exec(sentence);
  // "said he does not expect Newsmax to follow through now that he's out.": nor does one after which
  // too little is left to be a statement (MIN_STATEMENT_CHARACTERS): the words before it are said
  const leadSaid = leadSaidThat && /\bthat\s*$/.test(leadSaidThat[0]) && (sentence.length - leadSaidThat[0].length <= MIN_STATEMENT_CHARACTERS || /^[\s.!?]*$/.test(sentence.slice(leadSaidThat[0].length))) ? null : leadSaidThat;
  // "declared all crypto transactions illegal, a move that comes amid ...": a "that" after a noun
  // set off by a comma opens a relative clause on that noun, not what is said
  const onAppositive = leadSaid !== null && /\bthat\s*$/.test(leadSaid[0]) && /,\s+(?:a|an|the)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,2}$/u.test(leadSaid[4] ?? '');
  const lower = () => {
    const found = leadingLower.exec(sentence);
    return found && opensClause(found[3], sentence.slice(found[0].length)) ? found : null;
  };
  const bare = () => leadingBare.exec(sentence) ?? lower();
  const read = leadSaid && (coordinatesVerb(leadSaid[4] ?? '') || onAppositive) ? bare() : leadSaid ?? bare();
  return { leadSaid, read };
}

/**
 * "..., labor officials told HuffPost.": what comes before the comma, told by the speaker before
 * "told" (TRAILING_TOLD), when there are enough words before it to be a statement.
 */
function trailingTold(sentence: string): AttributedSpan | undefined {
  const told = TRAILING_TOLD.exec(sentence);
  const teller = told?.[1].replace(TRAILING_ADVERB, '');
  // "..., recounting what the Good Samaritan told him": a clause, not a speaker
  // "..., police went into the house and told them ...": the subject of a second verb, not a speaker
  if (!told || !teller || !isSource(teller) || /^\p{Ll}+ing\b|\bwhat\b|\s(?:and|or|but)$/u.test(teller)) return undefined;
  if (!toldWhomAndWhen(told[2]) || (/^,\s+(?:a|an|the)\s/.test(told[3]) && !toldWhomAndWhen(told[3].replace(/^,\s+/, '')))) return undefined;
  const end = statementBefore(sentence, told);
  return end === undefined ? undefined : { attribution: attributionTo(teller, 'told'), start: 0, end };
}

/** "Joan Smith said ..., she told the Post": the first clause opens with a speaker and a reporting verb. */
function opensWithItsSpeaker(sentence: string): boolean {
  const firstClause = sentence.split(',')[0];
  return [LEADING_SAID, LEADING_SAID_BARE].some((pattern) => {
    const opening = pattern.exec(firstClause);
    return opening !== null && opening[1] === '' && isSource(opening[2]);
  });
}

/**
 * Where what is said starts after "Name, what describes them, said" (either order): after a
 * modifier that reads as when, where or to whom ("said Tuesday that", "told the AJC that");
 * otherwise right after the verb ("said the man that shot him fled" is all said).
 */
function statementAfterVerb(sentence: string, matched: string, cue: string, modifier: string): number {
  return skipSpaces(sentence, readsAsModifier(cue, modifier) ? matched.length : matched.length - modifier.length - 1);
}

/** A verb right after "that": the auxiliaries and modals that open a predicate. */
const THAT_THEN_VERB = /^(?:was|is|were|are|has|had|will|would|could|can|may|might|did|does|seems|seemed)\b/i;

/** The whole sentence, attributed to the speaker of its stance verb if it has one. */
function stanceOrNone(sentence: string): AttributedSpan {
  const stance = stanceOf(sentence);
  return stance ? { attribution: stance, start: 0, end: sentence.length } : { start: 0, end: sentence.length };
}

/**
 * "said the victims were in a car that was parked ...": what stands between the verb and "that" is a
 * clause of its own (a verb in it, not opening as a phrase: "said in a prepared statement that"),
 * and "that" follows a noun, so it opens a relative clause inside what was said, not what was said
 * ("said he believed that ...", "says he's shocked that ..." stay read after "that").
 */
function opensRelativeClause(modifier: string): boolean {
  const words = modifier.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  const [before, last] = [words[words.length - 2] ?? '', words[words.length - 1] ?? ''];
  if (!hasVerb(modifier) || /^\s*(?:in|on|at|during|after|before|through|via|to|with|from|by|over|for|about|under|while|when|\w+ly)\b/i.test(modifier)) return false;
  // "said friends of Kobryn told investigators that he had a gun": the "that" of a second speaker;
  // "said it appeared by the noise that ...": what "it" stands for
  if (SPEAKS_OR_KNOWS.test(modifier) || words[0] === 'it') return false;
  // a verb before "that": "adding that", "can only rule that"
  if (isVerbLike(last) || last.endsWith('ing') || /^(?:can|could|will|would|may|might|must|should|to|did|does|do)$/.test(before)) return false;
  return !STANCE_BEFORE_THAT.test(last);
}

/** A reporting word opening what follows another one ("reports indicated"). */
const NEXT_CUE = new RegExp(`^\\s+(${REPORTING})\\b`);

/** A verb of saying or knowing, after which "that" opens what is said or known. */
const SPEAKS_OR_KNOWS = new RegExp(`\\b(?:${REPORTING}|thinks?|thought|knows?|knew|learned|learnt|found|saw|heard|realized|realised|showed|shown)\\b`, 'i');

/**
 * Words that, just before "that", make it open what is thought or felt, not a relative clause. The
 * verbs among them count only there: anywhere in the clause, "suspect", "show" and "means" are
 * nouns as often ("the suspect in that armed robbery").
 */
const STANCE_BEFORE_THAT = /^(?:sure|certain|confident|clear|likely|possible|aware|convinced|glad|happy|sad|afraid|hopeful|worried|concerned|shocked|surprised|disappointed|believe|believes|think|thinks|know|knows|say|says|hope|hopes|fear|fears|feel|feels|suspect|suspects|mean|means|show|shows|suggest|suggests|so|now|and|but)$/;

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i])) i += 1;
  return i;
}

/**
 * Whether the words between a reporting verb and "that" go on to another verb of the speaker's
 * ("said the talks were useful and added that ...", "said Trump would sign it, adding that ..."):
 * they are then what is said, and the "that" is the second verb's.
 */
function coordinatesVerb(modifier: string): boolean {
  const coordinated = /\band\s+([a-z]+)\b/.exec(modifier);
  return (coordinated !== null && isVerbLike(coordinated[1])) || /,\s+(?:adding|saying|noting|warning|arguing|insisting|stressing|explaining|claiming)$/.test(modifier.trim());
}

/** "Putin praised the deal as ...": the speaker of a sentence whose verb is itself a stance. */
function stanceOf(sentence: string): Attribution | undefined {
  const m = EVALUATIVE.exec(sentence);
  if (!m || m.index === 0) return undefined;
  // "A man accused of shooting ...", "a suspect described as ...", "praised by ...": a participle
  // said of the words before it, not their stance
  const after = sentence.slice(m.index + m[0].length);
  if (/^\s+by\b/i.test(after) || (/^(?:accused|described|called)$/i.test(m[1]) && /^\s+(?:of|in|as)\b/i.test(after))) return undefined;
  // "called 911", "called police": a telephone call
  if (/^call(?:ed|s)$/i.test(m[1]) && /^\s+(?:\d|police\b|the police\b)/i.test(after)) return undefined;
  let before = sentence.slice(0, m.index).trim();
  // "Retired Lt. Gen. Keith Kellogg, Trump's envoy for Ukraine, has called ...": the name before the apposition.
  if (/,$/.test(before)) before = before.split(',')[0];
  else before = before.replace(/^(?:[^,"]{1,80},\s+)/, '');
  before = before.trim().replace(TRAILING_ADVERB, '').replace(/\s+(?:has|have|had)$/i, '');
  if (!isSource(before) || before.split(/\s+/).length > 8) return undefined;
  return attributionTo(before, m[1].toLowerCase());
}

/** A noun phrase that can be a source: short, no verb of its own, a name or a role. */
/**
 * "A resident who lives in a nearby building", "Relatives who gathered at police headquarters",
 * "one woman who lives nearby": a speaker described by a relative clause is the noun before "who",
 * when the clause reports no words of its own; otherwise the source as it is.
 */
function withoutRelativeClause(source: string): string {
  const relative = /^(.{2,60}?)\s+who\s+(.*)$/s.exec(source);
  if (!relative || /^(?:to|for|of|about)\s/i.test(relative[1]) || SPEAKS_OR_KNOWS.test(relative[2])) return source;
  // "the only Democrat who has officially declared": a clause of auxiliaries and adverbs alone has
  // its verb in the one read as the cue, and so describes no one
  const describes = relative[2].split(/\s+/).some((word) => word !== '' && !AUX.has(word.toLowerCase()) && !/^\p{Ll}+ly$/u.test(word));
  return describes && isSource(relative[1]) ? relative[1] : source;
}

function isSource(text: string): boolean {
  const source = speakerOf(text);
  // "in a statement", "on Twitter", "In recordings of the 911 call": where or when it was said,
  // with no one saying it (speakerOf has kept the pronoun of "after they", "before she died she")
  if ((LEADING_PREPOSITION.test(source) && !/^at\s+least\b/i.test(source)) || /^within\s/i.test(source)) return false;
  // "According to news reports that began ...": the reports are a source only as "according to" reads them
  if (/^according\s+to\b/i.test(source)) return false;
  // "..., where Police Chief Michael Harrison said", "While the FDA said ..., it noted ...": where
  // what a subordinate clause's speaker says ends is not clear
  if (/^(?:where|while|whereas|when|if|because|although|though|unless)\s/i.test(source)) return false;
  // "police sources say the girl's boyfriend admitted ...": a speaker inside the words is not them
  if (/\b(?:say|says|said|tell|tells|told)\b/i.test(source)) return false;
  const words = source.split(/\s+/);
  if (words.length === 0 || words.length > 10) return false;
  // "Police haven't said where ...": no one says anything; "the 12 million jobs he and Romney say
  // ...", "debt it says it can't repay": a subject pronoun after a noun opens a clause on that noun;
  // "The case remains under investigation and authorities said": a clause before the speaker
  if (/n['’]t$/i.test(words[words.length - 1]) || words.filter((w) => /\p{L}/u.test(w)).slice(1).some((w) => /^(?:he|she|they|we|it|i)$/i.test(w))) return false;
  const [beforeAnd] = source.split(/\s+and\s+/);
  if (beforeAnd !== source && hasVerb(beforeAnd)) return false;
  // "of" only inside a name, or after one: "the Department of Labor", "Larry Waldie of the sheriff's
  // department", not "one of them"
  const ofInName = (i: number) => /^\p{Lu}/u.test(words[i + 1] ?? '') || (/^the$/i.test(words[i + 1] ?? '') && /^\p{Lu}/u.test(words[0]) && i > 0);
  // a participle after a determiner is an adjective: "the wounded officer", "the doomed girl's friend"
  const asAdjective = (i: number) => /^(?:the|a|an|his|her|their|its|our|my)$/i.test(words[i - 1] ?? '');
  // "declined to say", "Police may confirm": no one says anything yet
  if (/^(?:to|may|might|must|do|does|did)$/.test(words[words.length - 1])) return false;
  if (words.some((w, i) => /^(is|are|was|were|be|been|will|would|can|could|should|not|that|which|who|this|it's|there|has|have|had|since|as)$/i.test(w) || (/^of$/i.test(w) && !ofInName(i)) || (isVerbLike(w) && !asAdjective(i)))) return false;
  if (words.length === 1 && /^(it|this|that|there|a|an|the)$/i.test(words[0])) return false;
  // a capital at the sentence's start counts before a joining word too ("But detectives said")
  return text.trim().split(/\s+/).some((w) => /^\p{Lu}/u.test(w)) || ROLE_HEAD.test(source);
}

const LEADING_PREPOSITION = /^(?:in|at|on|during|after|before|from|via|through|with|by|over|under|since|until)\s/i;

/**
 * The speaker in the words before a reporting verb, without the sentence's joining word ("But
 * police ..." is the police) or an opening phrase of when ("On Saturday morning she ...").
 */
function speakerOf(text: string): string {
  // "Drugs: Police said ...": a heading before a colon is not the speaker's
  const source = text
    .trim()
    .replace(/^.*?:\s+(?=\S)/, '')
    // a dateline: "LOS ANGELES (CBSLA.com) — Authorities", "WA- Sheriff Jim Raymond"
    .replace(/^(?:(?:\S+\s+){0,5}\S*\s*[—–]\s*)+|^[A-Z]{2,}(?:\s+[A-Z]{2,})*\s*-+\s+/, '')
    .replace(/^(?:(?:and|but|yet|so|then|still|also|however|now|instead|even|meanwhile|otherwise|right now|either way|for now)\b,?\s+)+/i, '');
  const pronoun = /\s(he|she|they|we|i)$/i.exec(source);
  return LEADING_PREPOSITION.test(source) && pronoun ? pronoun[1] : source;
}

/** An attribution to `source` by the reporting word `cue`, keyed as every attribution is (sourceKey). */
export function attributionTo(source: string, cue: string, citing?: string): Attribution {
  const spoken = speakerOf(source);
  // "..., '' Howard said": the closing mark of a quotation ('' in some transcriptions) is not the
  // speaker's. A pronoun keeps it, and so stays unresolved: which "he" closes a quotation is not
  // settled by the last speaker named (in a sample of 12 such, 5 of those speakers were right).
  const unquoted = spoken.replace(/^(?:''|['"‘“’”])\s*/, '');
  const clean = (isPronoun(unquoted) ? spoken : unquoted).replace(/^(?:the|a|an)\s+/i, (m) => m.toLowerCase());
  return { source: clean, key: sourceKey(clean), cue, ...(citing ? { citing: citing.trim() } : {}) };
}

/**
 * Key of a source: its proper names' spelling key, order-free ("Iranian and Russian officials" =
 * "Russian and Iranian officials"), titles and articles left out; a role word alone stays a word.
 */
export function sourceKey(source: string): string {
  const names = source.match(/\p{Lu}[\p{L}'’.-]*/gu) ?? [];
  const kept = names.filter((n) => !/^(The|A|An|And|Both|All|Some|Many|Several|President|Prime|Minister|Foreign|Retired|Lt\.?|Gen\.?|Spokesman|Ambassador|Former)$/.test(n));
  if (kept.length === 0) return source.toLowerCase().replace(/^(the|a|an)\s+/, '').trim();
  const surname = kept[kept.length - 1];
  // A person is known by the surname; a body by all of its words.
  if (/\b(president|minister|spokes\w+|ambassador|envoy|gen\.?|secretary|leader)\b/i.test(source) || kept.length === 1) return entityKey(surname);
  return [...new Set(kept.map((n) => entityKey(n)))].sort().join(' ');
}

export function isPronoun(source: string): boolean {
  return PRONOUN.test(source.trim());
}
