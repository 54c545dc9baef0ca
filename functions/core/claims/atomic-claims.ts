import { attributionTo, findAttribution, withoutTrailingAdverb, type Attribution } from './attribution';
import { endsAsInstitutionOrPlace, entityKey } from './entities';
import { AUX, isNegatedAuxiliary, isVerbLike } from './verbs';
import { synsetIds } from './lexicon';
import { tokenize } from '../text/tokens';

/**
 * One sentence taken apart: who says it, what is denied, and the independent assertions it joins
 * ("Trump, who withdrew from the deal and ordered the killing of ..., was the target of ..." is
 * three claims). Rule-based over the surface of news prose, a handful of regular expressions and
 * word lists, so it stays in the microseconds per sentence.
 */

export interface Denial {
  /** Who denies, as written ("Moscow and Tehran"). */
  by: string;
  key: string;
  /** The exact words of the denial in the article ("allegations both Moscow and Tehran deny"). */
  text: string;
}

export interface SentencePart {
  /** Offsets in the sentence of the exact span this assertion is read from. */
  start: number;
  end: number;
  /** The assertion stated on its own, attribution and denial left out, subject restored. */
  statement: string;
  /** Where the part carries its own source ("with Western accusations that ..."). */
  attribution?: Attribution;
  /**
   * What the sentence's speaker did, reported in the outlet's own voice ("The minister said the plan
   * had failed and called for elections": the minister called for elections): the sentence's
   * attribution does not apply to it.
   */
  ownVoice?: boolean;
  denial?: Denial;
}

export interface SentenceAnalysis {
  attribution?: Attribution;
  parts: SentencePart[];
}

const DENIAL_TAIL =
  /(?:,\s*|\s*[-—–]+\s*)(?:which|(?:an?\s+)?(?:allegations?|claims?|accusations?|charges?|reports?|assertions?)(?:\s+that)?)\s+(?:both\s+)?([^,"]{2,60}?)\s+(?:(?:have|has|had|both|all|also)\s+)*(?:\w+ly\s+)?(denied|deny|denies|rejected|reject|rejects|disputed|dispute|disputes)\b[^"]*$/i;
const DENIAL_LEAD =
  /^((?:[^,"]{1,40},\s+)?)([^,"]{2,60}?)\s+(?:(?:have|has|had|both|all|also)\s+)*(?:\w+ly\s+)?(denied|denies|deny|rejected|rejects|disputed|disputes)\s+(?:(?:the\s+)?(?:claims?|allegations?|accusations?|reports?|charges?|suggestions?)\s+)?(?:that\s+)?/i;
const ACCUSATIONS_THAT = /,?\s+with\s+((?:[\w-]+\s+){0,2}?)(accusations|allegations|claims|reports|charges)\s+(?:by\s+[^,]+?\s+)?that\s+/i;
// the one accused is a noun phrase, not a preposition's ("is accused in the August slaying of ...")
const ACCUSED_OF = /\b(?:accused|accuse|accuses|accusing)\s+(?!(?:in|on|at|by|for|with|from|of)\b)([^,"]{2,50}?)\s+of\s+/i;

/** Takes a claim-like sentence apart. */
export function analyseSentence(sentence: string): SentenceAnalysis {
  const attributed = findAttribution(sentence);
  let start = attributed.start;
  let end = attributed.end;
  let denial: Denial | undefined;
  let denialAt = -1;

  const content = sentence.slice(start, end);
  const tail = DENIAL_TAIL.exec(content);
  if (tail && looksLikeSource(tail[1]) && tail.index > 10) {
    const textStart = start + tail.index + tail[0].length - tail[0].trimStart().replace(/^[-—–,]+\s*/, '').length;
    denial = { by: tail[1].replace(/^both\s+/i, '').trim(), key: denierKey(tail[1]), text: trimEnd(sentence.slice(textStart, start + tail.index + tail[0].length)) };
    denialAt = start + tail.index;
    end = denialAt;
  } else {
    const lead = DENIAL_LEAD.exec(content);
    if (lead && looksLikeSource(lead[2]) && content.length - lead[0].length > 20) {
      denial = { by: lead[2].trim(), key: denierKey(lead[2]), text: trimEnd(content.slice(lead[1].length, lead[0].length)) };
      start += lead[0].length;
    }
  }

  // "X said ... and called for ...": the speaker of a leading attribution (one that starts past 0)
  // can be the subject of a predicate coordinated after what is said (see SPEAKER_ACT_FORMS).
  const speaker = attributed.attribution && attributed.start > 0 ? attributed.attribution.source : undefined;
  const parts = splitAssertions(sentence, start, end, speaker);
  if (parts.length === 0) parts.push({ start, end, statement: cleanStatement(sentence.slice(start, end)) });
  // The exact span of a single assertion is the whole sentence; of several, each its own piece,
  // the first from the sentence start and the last to its end (attribution and denial included).
  parts[0].start = 0;
  parts[parts.length - 1].end = sentence.length;
  if (denial) parts[parts.length - 1].denial = denial;
  for (const part of parts) {
    const accused = ACCUSED_OF.exec(part.statement);
    if (accused) part.statement = cleanStatement(`${accused[1]} ${part.statement.slice(accused.index + accused[0].length)}`);
  }
  return { ...(attributed.attribution ? { attribution: attributed.attribution } : {}), parts };
}

/**
 * ", saying ..." and the other participles of saying before "that" (", warning on Wednesday that
 * ...", ", adding that ..."): without "that", "warning of", "adding to" and "noting the date" report
 * no words.
 */
const SAYING =
  /,\s+(?:(saying)\s+(?:(?:on|in|to|at)\s+[^,"]{1,40}?\s+that\s+|that\s+)?|(warning|adding|arguing|insisting|noting|claiming|stressing|explaining|asserting|predicting|acknowledging|conceding|cautioning|suggesting|declaring|announcing)\s+(?:(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\s+)?that\s+)(?=\S)/i;

/**
 * Who says what a participle of saying reports, in a sentence that names no speaker before it: the
 * subject of the clause before it, without an adverb before its verb ("Officials significantly
 * raised ..."). Undefined where that clause is itself an attribution ("I hope so, Axelrod said,
 * adding that ...") or opens with a subordinate clause or a quotation ("As the Post reported,
 * historians ...", "I hope he is ..."): its first words are then not who speaks. Between commas,
 * the name is the speaker ("A new witness, Steven Jones,", "The son of Cuban immigrants, Rubio",
 * "Biden, on Wednesday,"), not where or when.
 */
function participleSpeaker(clause: string): string | undefined {
  if (/\b(?:said|says|added|adds|told|tells?|noted|explained|wrote)\s*$/i.test(clause)) return undefined;
  const subject = subjectOf(clause);
  if (!subject || /["“”]|''/.test(subject) || /^(?:as|if|when|while|although|though|because|since|after|before|once)\b/i.test(subject)) return undefined;
  const pieces = subject
    .split(',')
    .map((piece) => withoutTrailingAdverb(piece.trim()))
    // "Ms. Lauten, who did not respond ..., later posted ...": the relative clause is not the speaker
    .filter((piece) => !/^(?:who|which)\b/i.test(piece))
    .filter((piece) => piece !== '' && !/^(?:on|in|at|upon|during|last|this|earlier|later|instead|however|meanwhile|also|including|[RDI]-)|^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i.test(piece));
  // a name before a description ("Reince Priebus, the chairman of ..."), else the first piece that names someone
  const name = pieces.find((piece) => piece.split(/\s+/).every((word) => /^\p{Lu}/u.test(word)));
  const named = name ?? pieces.find(looksLikeSpeaker) ?? (pieces.length === 1 ? pieces[0] : undefined);
  return named && !/\s(?:he|she|they|it|we)$|\b(?:who|which|that)\b/i.test(named) ? named : undefined;
}

/** Splits [from, to) of the sentence into independent assertions. */
function splitAssertions(sentence: string, from: number, to: number, speaker?: string): SentencePart[] {
  const text = sentence.slice(from, to);
  const parts: SentencePart[] = [];

  // "..., with Western accusations that Tehran has supplied drones to Russia"
  const accusations = ACCUSATIONS_THAT.exec(text);
  if (accusations && accusations.index > 15) {
    const first = splitAssertions(sentence, from, from + accusations.index);
    const claimFrom = from + accusations.index + accusations[0].length;
    const source = (accusations[1] ?? '').trim();
    const rest = splitAssertions(sentence, claimFrom, to);
    if (rest.length > 0) {
      rest[0].start = skipSeparators(sentence, from + accusations.index);
      if (source) for (const part of rest) part.attribution = { source, key: entityKey(source) || source.toLowerCase(), cue: accusations[2].toLowerCase() };
    }
    return [...first, ...rest];
  }

  // "Trump, who withdrew ... and ordered ..., was the target of ..."
  const relative = /^([^,"]{2,80}?),\s+(who|which)\s+([^"]+?),\s+(?=([a-z]+)\b)/.exec(text);
  if (relative && /^\p{Lu}|^(the|a|an|its|his|her|their)\s/iu.test(relative[1]) && isVerbLike(relative[4], true)) {
    const subject = relative[1].trim();
    const relTextStart = from + relative[0].indexOf(relative[3], relative[1].length);
    const relEnd = relTextStart + relative[3].length;
    const mainStart = from + relative[0].length;
    const relParts = coordinate(sentence, relTextStart, relEnd, subject);
    relParts[0].start = from;
    const mainParts = reportedBy(sentence, subject, mainStart, to) ?? coordinate(sentence, mainStart, to, subject);
    return [...relParts, ...mainParts];
  }

  // "..., though Kremlin spokesman Dmitry Peskov insisted the signing was long planned": a
  // concession that reports what someone says is a second assertion, that person's.
  const concession = /,\s+(?:though|although)\s+(?=\S)/i.exec(text);
  if (concession && concession.index > 20) {
    const clauseFrom = from + concession.index + concession[0].length;
    const clause = ownClause(sentence, clauseFrom, to);
    if (clause) {
      clause[0].start = skipSeparators(sentence, from + concession.index);
      // The main assertion keeps the concession in its wording, as its sentence reads: cut short
      // to "The timing of the deal, just days before Trump's inauguration, has raised eyebrows",
      // it meets another outlet's "the treaty was signed just before the return of Trump" on the
      // framing they share (claimSimilarity 0.81), though it asserts something else.
      const head = splitAssertions(sentence, from, from + concession.index);
      const last = head[head.length - 1];
      last.statement = cleanStatement(`${last.statement}${sentence.slice(from + concession.index, to)}`);
      return [...head, ...clause];
    }
  }

  // "X dismissed any link, saying the signing had been planned long ago", "Officials raised the
  // stakes, warning on Wednesday that inaction would ...": what X says is a claim of its own, X's.
  const saying = SAYING.exec(text);
  if (saying && saying.index > 15) {
    // "Yellen said reserves will run out, warning that ...": a participle before "that" is the
    // sentence's speaker's; "saying" is as often the reported clause's own ("police said the father
    // called 911, saying he had ..."). The sentence's speaker's parts take the sentence's attribution
    // (so that a "he" there is read as the sentence's is).
    const bySentenceSpeaker = saying[1] === undefined && speaker !== undefined;
    const sayer = bySentenceSpeaker ? speaker : participleSpeaker(text.slice(0, saying.index));
    const saidFrom = from + saying.index + saying[0].length;
    const said = cleanStatement(sentence.slice(saidFrom, to));
    if (sayer && (bySentenceSpeaker || looksLikeSpeaker(sayer)) && words(said).length >= 4) {
      const head = coordinate(sentence, from, from + saying.index, undefined);
      const voiced = bySentenceSpeaker ? {} : { attribution: attributionTo(sayer, (saying[1] ?? saying[2]).toLowerCase()) };
      // "..., saying that war is not a solution and urging the West to ...": the speaker's second act.
      const act = speakerActAfter(sentence, saidFrom, to);
      if (act && words(sentence.slice(saidFrom, act.at)).length >= 4) {
        const actPart = act.that
          ? { statement: cleanStatement(sentence.slice(act.objectFrom, to)), ...voiced }
          : { statement: cleanStatement(`${sayer} ${act.past} ${sentence.slice(act.objectFrom, to)}`), ownVoice: true };
        return [
          ...head,
          { start: skipSeparators(sentence, from + saying.index), end: act.at, statement: cleanStatement(sentence.slice(saidFrom, act.at)), ...voiced },
          { start: skipSeparators(sentence, act.at), end: to, ...actPart },
        ];
      }
      return [...head, { start: skipSeparators(sentence, from + saying.index), end: to, statement: said, ...voiced }];
    }
  }

  const relatives = trailingRelative(sentence, from, to, undefined, speaker);
  if (relatives) return relatives;

  parts.push(...coordinate(sentence, from, to, undefined, speaker).flatMap((part) => whenClause(sentence, part)));
  return parts;
}

/**
 * A name directly before a comma: capitalised words, with the small words inside a name ("Centers
 * for Disease Control and Prevention", "University of Colorado at Colorado Springs Police Officer
 * Garrett Swasey") and an opening "the" ("the U.S. Supreme Court").
 */
const NAME_BEFORE_COMMA = /(?:^|\s)((?:the\s+)?\p{Lu}[\p{L}\p{N}.'’-]*(?:\s+(?:(?:of|for|and|at|de|&)\s+)?\p{Lu}[\p{L}\p{N}.'’-]*)*)$/u;
/** Names that a relative clause after them rarely describes: a date is when, "I" is a quote's speaker. */
const NOT_ANTECEDENT = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|i)$/i;
/** ", who has pledged ..." or ", which is grappling ...": a clause whose subject is the name before it. */
const RELATIVE_AFTER_NAME = /,\s+(who|which)\s+(?:(?:also|still|now|later|then|once|long|\w+ly)\s+)?([a-z]+)\b/g;
/** "..., said Mr. Katz, who ...": the name is the speaker of a trailing attribution. */
const SPEAKER_CUE_BEFORE = /\b(?:said|says|told|tells?|according to|added|adds|explained|wrote|writes|asked)\s+(?:[\p{Ll}-]+\s+){0,3}$/u;
/**
 * A comma inside a relative clause, and the word after it. The clause may go on past it only into
 * what still describes the name ("problems, including military setbacks", "..., which ..."); any
 * other word ("..., who was fired, is accused", "..., on Jan. 19", "..., police said", "..., known
 * as the Polytechnic, overturning cars") can be the main clause resuming.
 */
const COMMA_IN_CLAUSE = /,[”"’']?\s+([\p{L}\p{N}]+)/gu;
const CLAUSE_GOES_ON = /^(?:including|which|who|whose|where|such|especially|particularly)$/;
/** "..., who told police that intruders entered his home and shot his wife": what the name says is one assertion. */
const REPORTS = /^(?:\w+ly\s+)?(?:said|says|told|tells?|added|adds|explained|stated|claimed|insisted|wrote|writes)\b/;
/** The end of a quotation before its speaker ("...,” said Mr. Goodlatte, a member of the House Judiciary Committee, which ..."). */
const QUOTE_CLOSES = /[,.!?]\s*(?:["”]|'')/;
/** The last word of an institution or a place: a "who" clause after it is about a person named before it, and alone it is not a name. */
const institutionOrPlaceWord = (word: string) => /^\p{Lu}/u.test(word) && endsAsInstitutionOrPlace(word);

/**
 * "... the inauguration of President-elect Donald Trump, who has pledged to broker peace in
 * Ukraine": a relative clause on a name inside the sentence states something of that name, which
 * another outlet reports as a sentence of its own ("Trump has pledged to ..."); so it is an
 * assertion apart, with the name as its subject. Taken only where it is safe to read
 * (relativeSubject, clauseRunsToEnd); `subject` is the name of an enclosing relative clause, whose
 * head is then that name's predicate ("... Iran, which is grappling ..." inside Trump's clause).
 */
function trailingRelative(sentence: string, from: number, to: number, subject: string | undefined, speaker?: string): SentencePart[] | undefined {
  const text = sentence.slice(from, to);
  for (const m of text.matchAll(RELATIVE_AFTER_NAME)) {
    const at = m.index ?? 0;
    const [, pronoun, verb] = m;
    if (insideQuoteOrBrackets(text, at)) continue;
    const name = relativeSubject(text.slice(0, at), pronoun, verb, /^\s*([a-z]+)/.exec(text.slice(at + m[0].length))?.[1] ?? '');
    const clauseFrom = from + at + m[0].indexOf(pronoun, 1) + pronoun.length + 1;
    const clause = sentence.slice(clauseFrom, to);
    if (!name || !clauseRunsToEnd(clause)) continue;
    const headParts = subject ? coordinate(sentence, from, from + at, subject) : splitAssertions(sentence, from, from + at, speaker);
    const clauseParts = REPORTS.test(clause)
      ? [{ start: clauseFrom, end: to, statement: cleanStatement(`${name} ${clause}`) }]
      : trailingRelative(sentence, clauseFrom, to, name) ?? coordinate(sentence, clauseFrom, to, name).flatMap((part) => whenClause(sentence, part));
    clauseParts[0].start = skipSeparators(sentence, from + at);
    return [...headParts, ...clauseParts];
  }
  return undefined;
}

/**
 * The subject of a relative clause from the words before it, or undefined where the clause may
 * be about something else:
 * - a "which" after a common noun can be about the whole clause before it, and after a name only
 *   when it says what the name is or does habitually ("which is grappling", "which operates"), not
 *   an act the clause before could have caused ("which angered");
 * - after a quoted speaker ("...," said Mr. Katz, who ...) the sentence's attribution is read;
 * - a place's second part ("in Auburn, Calif., who ...", "Benton County, Mississippi, which ..."), a
 *   residence (", 18, of Pittsburgh, who ...") or a place where the thing meant is ("a clinic in
 *   Alabama, which ...") is not what the clause is about.
 */
function relativeSubject(before: string, pronoun: string, verb: string, after: string): string | undefined {
  if (!isVerbLike(verb, true) || (pronoun === 'which' && !AUX.has(verb) && !/[^su]s$/.test(verb))) return undefined;
  // "Syed, who cops described as a loner": a plural noun, then the clause's own verb
  if (!AUX.has(verb) && /s$/.test(verb) && isVerbLike(after)) return undefined;
  const name = NAME_BEFORE_COMMA.exec(before);
  if (!name) return undefined;
  const antecedent = name[1].trim();
  const last = antecedent.split(/\s+/).pop() ?? '';
  if (NOT_ANTECEDENT.test(last) || last.endsWith('.')) return undefined;
  // "at the corner of Carroll Avenue and 21st Street, which ...": a word of a name is not one
  if (!/\s/.test(antecedent) && institutionOrPlaceWord(antecedent)) return undefined;
  const joined = /\sand\s/.test(antecedent);
  // "friends of Destiny, who were with her": a plural verb is about more than the one name;
  // "a book by Bob Woodward and Robert Costa, which details ...": "which" after people is the book's
  if ((/^(?:were|are|have)$/.test(verb) && !joined) || (pronoun === 'which' && joined) || (pronoun === 'who' && institutionOrPlaceWord(last))) return undefined;
  const head = before.slice(0, before.length - name[1].length);
  if (/\p{Lu}[\p{L}.'’-]*,\s*$/u.test(head) || /,\s+of\s+$/.test(head) || (pronoun === 'which' && /\bin\s+$/.test(head))) return undefined;
  if (words(before).length < 4 || !words(head).some((w) => isVerbLike(w, true)) || SPEAKER_CUE_BEFORE.test(head) || QUOTE_CLOSES.test(head)) return undefined;
  // "down to Pierre Thomas and Mike Bell, who has had only six carries": a singular verb is the last name's
  return joined && /^(?:is|was|has)$/.test(verb) ? antecedent.slice(antecedent.lastIndexOf(' and ') + 5) : antecedent;
}

/**
 * Whether a relative clause runs to the end of its span: "X, who was fired, is accused ..."
 * resumes the main clause after it (see COMMA_IN_CLAUSE), and a list's items run on after a
 * semicolon ("Alexander Haig, who was chief of staff; L. Patrick Gray, ...").
 */
function clauseRunsToEnd(clause: string): boolean {
  if (clause.includes(';') || words(clause).length < 4) return false;
  return ![...clause.matchAll(COMMA_IN_CLAUSE)].some((c) => !insideQuoteOrBrackets(clause, c.index ?? 0) && !CLAUSE_GOES_ON.test(c[1]));
}

/**
 * A clause that reports what someone says ("Kremlin spokesman Dmitry Peskov insisted the signing
 * was long planned"), read as that person's assertions, as a sentence would be; undefined for a
 * clause that reports no one (it stays with its sentence).
 */
function ownClause(sentence: string, from: number, to: number): SentencePart[] | undefined {
  const subject = subjectOf(sentence.slice(from, to));
  if (!subject || subject.split(/\s+/).length > 8 || !/^\p{Lu}|^(the|a|an|its|his|her|their)\s/iu.test(subject)) return undefined;
  const report = reportOf(sentence, from, to);
  if (!report) return undefined;
  const parts = coordinate(sentence, report.start, report.end, undefined);
  parts[0].start = from;
  parts[parts.length - 1].end = to;
  for (const part of parts) part.attribution = report.attribution;
  return parts;
}

/**
 * What a clause reports its opening speaker as saying ("Craig said investigators are continuing
 * ..."): the speaker and the span said, at least four words; undefined when the clause opens with
 * no speaker (a trailing "..., police said" is the whole sentence's).
 */
function reportOf(sentence: string, from: number, to: number): { attribution: Attribution; start: number; end: number } | undefined {
  const text = sentence.slice(from, to);
  const attributed = findAttribution(text);
  if (!attributed.attribution || attributed.start === 0 || words(text.slice(attributed.start, attributed.end)).length < 4) return undefined;
  return { attribution: attributed.attribution, start: from + attributed.start, end: from + attributed.end };
}

/**
 * "Luke Pigeon, who lives next door, said he didn't hear a gunshot": a main clause that reports
 * what the subject before the relative clause says is that subject's assertions, read as the
 * sentence "Luke Pigeon said he didn't hear a gunshot" would be (the relative clause stays an
 * assertion of the outlet's own); undefined when it reports no one.
 */
function reportedBy(sentence: string, subject: string, from: number, to: number): SentencePart[] | undefined {
  const clause = `${subject} ${sentence.slice(from, to)}`;
  const attributed = findAttribution(clause);
  const offset = from - subject.length - 1;
  // after "told" comes the one told ("told Orozco in a firm voice, ..."), which the bare verb does not tell apart
  if (attributed.attribution?.source !== attributionTo(subject, '').source || attributed.attribution.cue === 'told' || attributed.start <= subject.length) return undefined;
  if (words(clause.slice(attributed.start, attributed.end)).length < 4) return undefined;
  const parts = coordinate(sentence, offset + attributed.start, offset + attributed.end, undefined);
  parts[0].start = from;
  parts[parts.length - 1].end = to;
  for (const part of parts) part.attribution = attributed.attribution;
  return parts;
}

/** " when " and a named subject (up to four capitalised words), then the word after it. */
const WHEN_CLAUSE = /\s+when\s+((?:the\s+)?\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})\s+([a-z]+)\b/u;

/**
 * "... offered political support to Iran when Trump withdrew the U.S. from the agreement": the
 * event of a "when" clause with a named subject and a past verb is reported as fact, and other
 * outlets report it as a statement of its own; so it is an assertion apart from its main clause.
 */
function whenClause(sentence: string, part: SentencePart): SentencePart[] {
  const text = sentence.slice(part.start, part.end);
  const when = WHEN_CLAUSE.exec(text);
  if (!when || words(text.slice(0, when.index)).length < 4 || !isVerbLike(when[2]) || AUX.has(when[2])) return [part];
  const eventFrom = part.start + when.index + when[0].indexOf(when[1]);
  const statement = cleanStatement(sentence.slice(eventFrom, part.end));
  if (words(statement).length < 4) return [part];
  const headEnd = part.start + when.index;
  return [
    { ...part, end: headEnd, statement: cleanStatement(part.statement.slice(0, WHEN_CLAUSE.exec(part.statement)?.index ?? part.statement.length)) },
    { start: skipSeparators(sentence, headEnd), end: part.end, statement },
  ];
}

const CONJUNCTION = /(,\s+and\s+|,\s+but\s+|;\s+|\s+and\s+|\s+but\s+)/g;
/**
 * Verbs of what a speaker does while speaking, past, "-ing" and present forms. After "X said <clause>", a predicate coordinated with
 * one of them is X's, not the clause subject's: "the minister said the plan had failed and called
 * for elections", "police said the road was closed and urged drivers to avoid it". Verbs that
 * either subject can take ("agreed", "admitted", "charged") are not here: there the clause keeps
 * its subject.
 */
const SPEAKER_ACT_FORMS: ReadonlyArray<readonly [past: string, ing?: string, present?: string]> = [
  ['urged', 'urging', 'urges'], ['called', 'calling', 'calls'], ['demanded', 'demanding', 'demands'], ['appealed', 'appealing'],
  ['vowed', 'vowing', 'vows'], ['added', 'adding', 'adds'], ['noted', 'noting'], ['stressed', 'stressing'], ['insisted', 'insisting'],
  ['warned', 'warning', 'warns'], ['cautioned', 'cautioning'], ['argued', 'arguing'], ['acknowledged', 'acknowledging'],
  ['conceded', 'conceding'], ['praised', 'praising'], ['criticized', 'criticizing'], ['criticised', 'criticising'],
  ['condemned', 'condemning'], ['welcomed', 'welcoming'], ['declined'],
];
/** "... but would not say where they were hit", "... and didn't say why": what the speaker held back is the speaker's act too. */
const NOT_SAYING =
  /^(?:(?:would|could|did|does|do|will|can)(?:\s+not|n['’]t)|won['’]t|can['’]t|cannot)\s+(?:immediately\s+)?(?:say|comment|elaborate|confirm|disclose|discuss|specify|identify|name|release)\b/i;
const SPEAKER_ACTS = new Set(SPEAKER_ACT_FORMS.flatMap(([past, , present]) => (present ? [past, present] : [past])));
/** The same acts in the form that follows ", saying ... and": "urging" is what "urged" is after "said ... and". */
const SPEAKER_ACTS_ING = new Map(SPEAKER_ACT_FORMS.flatMap(([past, ing]) => (ing ? [[ing, past] as const] : [])));

/** " and urging ..." after what a speaker is saying, outside quotation marks: where it starts, the verb as a past, and whether "that" reports more words. */
function speakerActAfter(sentence: string, from: number, to: number): { at: number; past: string; that: boolean; objectFrom: number } | undefined {
  const text = sentence.slice(from, to);
  for (const m of text.matchAll(/,?\s+and\s+([a-z]+)\s+(that\s+)?/g)) {
    const past = SPEAKER_ACTS_ING.get(m[1]);
    if (!past || insideQuoteOrBrackets(text, m.index ?? 0)) continue;
    const at = from + (m.index ?? 0);
    return { at, past, that: m[2] !== undefined, objectFrom: at + m[0].length };
  }
  return undefined;
}

const DETERMINER = /^(the|a|an|its|his|her|their|this|these|those|both|each|some|many|most|all|russian|iranian)$/i;

/** Coordinated predicates ("withdrew X and ordered Y") and clauses ("X did A, and Y did B"). */
function coordinate(sentence: string, from: number, to: number, subject: string | undefined, speaker?: string): SentencePart[] {
  const text = sentence.slice(from, to);
  const cuts: Array<{ at: number; next: number; kind: 'predicate' | 'clause' | 'speaker'; auxiliary?: string }> = [];
  // Where the last predicate cut (clauseStart) and the last clause cut (clauseFrom) leave off.
  let clauseStart = 0;
  let clauseFrom = 0;
  for (const m of text.matchAll(CONJUNCTION)) {
    const at = m.index ?? 0;
    const next = at + m[0].length;
    if (insideQuoteOrBrackets(text, at)) continue;
    const left = words(text.slice(clauseStart, at));
    const right = words(text.slice(next));
    if (left.length < 3 || right.length < 3) continue;
    const comma = m[0].trimStart().startsWith(',') || m[0].trimStart().startsWith(';');
    if (!left.some((w) => isVerbLike(w) || isNegatedAuxiliary(w))) continue;
    if (speaker && (SPEAKER_ACTS.has(right[0]) || NOT_SAYING.test(text.slice(next)))) {
      cuts.push({ at, next, kind: 'speaker' });
      clauseStart = next;
      continue;
    }
    if (isVerbLike(right[0]) && !['be', 'been', 'being'].includes(right[0])) {
      // "X didn't think it was loaded and pulled the trigger": after a clause inside the left one
      // (that, what, when, a quotation...), whose subject the predicate shares is a guess.
      if (SUBORDINATE.test(leftAfterVerb(text.slice(clauseStart, at)))) continue;
      // 'Abigail still has a long road ahead," said her father, but is strong-willed': a subject
      // read across a quotation's end is not the predicate's.
      if (crossesQuotation(subject ?? subjectOf(text.slice(clauseFrom, at)))) continue;
      // "The man who shot him fled and hid ...": the first verb is the relative clause's, so the
      // words before it are not the subject the predicate shares
      if (RELATIVE_WORD.test(subject ?? subjectOf(text.slice(clauseFrom, at)) ?? '')) continue;
      // "withdrew X and ordered Y": the left clause's own verb must be a finite past or present form,
      // not an auxiliary before a participle ("was long planned and unrelated").
      const leftVerb = left.find((w) => isVerbLike(w) || isNegatedAuxiliary(w));
      const auxRight = AUX.has(right[0]);
      if (!auxRight && leftVerb !== undefined && isNegatedAuxiliary(leftVerb)) {
        // "didn't hear the shot but saw the commotion": a past after "did not" is a verb of its own;
        // "wasn't shot and killed" shares the negation, which a statement of its own would drop.
        if (!/^(?:do|does|did)n/.test(leftVerb)) continue;
        cuts.push({ at, next, kind: 'predicate' });
        clauseStart = next;
        continue;
      }
      if (!auxRight && leftVerb !== undefined && AUX.has(leftVerb)) {
        // "the signing was long planned and unrelated to ...": two predicates sharing the
        // auxiliary, when the left one has its participle ("was planned and [was] unrelated").
        const from = left.indexOf(leftVerb);
        const participle = left.findIndex((w, i) => i > from && isVerbLike(w) && !AUX.has(w));
        if (participle < 0 || left.length - from > 4) continue;
        // every auxiliary of the chain: "had been shot and [had been] wounded"
        const auxiliary = left.slice(from, participle).filter((w) => AUX.has(w)).join(' ');
        cuts.push({ at, next, kind: 'predicate', auxiliary });
        clauseStart = next;
        continue;
      }
      cuts.push({ at, next, kind: 'predicate' });
      clauseStart = next;
      continue;
    }
    // "..., but police said none of the injuries are life-threatening": a clause that reports what
    // its subject says is an independent clause, whatever its subject
    if (comma && reportOf(sentence, from + next, to) !== undefined) {
      cuts.push({ at, next, kind: 'clause' });
      clauseStart = next;
      clauseFrom = next;
      continue;
    }
    // An independent clause: a short subject (a name, or a determiner and a noun), then its verb.
    const raw = text.slice(next).split(/\s+/);
    const capitalised = (i: number) => /^\p{Lu}/u.test(raw[i] ?? '');
    let verbAt = -1;
    if (capitalised(0)) {
      let i = 1;
      while (i < 4 && capitalised(i)) i += 1;
      if (isVerbLike(right[i] ?? '')) verbAt = i;
      if (!comma && /^\p{Lu}/u.test(text.slice(clauseStart, at).trim().split(/\s+/).pop() ?? '')) continue;
    } else if (comma && DETERMINER.test(right[0])) {
      for (let i = 1; i <= 3 && verbAt < 0; i += 1) if (isVerbLike(right[i] ?? '')) verbAt = i;
    }
    if (verbAt < 0) continue;
    cuts.push({ at, next, kind: 'clause' });
    clauseStart = next;
    clauseFrom = next;
  }
  const firstStatement = cleanStatement(text.slice(0, cuts[0]?.at ?? text.length));
  // A predicate's subject is that of the clause it continues: the sentence's first, or the last
  // clause cut before it ("X did A, but Y did B and C": Y did C).
  let prefix = subject ?? subjectOf(text.slice(0, cuts[0]?.at ?? text.length));
  // the report of the last clause cut, whose speaker says the predicates after it
  let reported: ReturnType<typeof reportOf>;
  const parts: SentencePart[] = [{ start: from, end: from + (cuts[0]?.at ?? text.length), statement: subject ? cleanStatement(`${subject} ${firstStatement}`) : firstStatement }];
  cuts.forEach((cut, i) => {
    const end = i + 1 < cuts.length ? cuts[i + 1].at : text.length;
    const piece = cleanStatement(text.slice(cut.next, end));
    if (cut.kind === 'speaker' && speaker) {
      // "... and added that talks would resume": what the speaker adds is said, as the rest is;
      // "... and called for elections": what the speaker did, in the outlet's voice.
      const said = /^[a-z]+\s+that\s+/.exec(piece);
      const part = said ? { statement: cleanStatement(piece.slice(said[0].length)) } : { statement: `${speaker} ${piece}`, ownVoice: true };
      parts.push({ start: from + cut.next, end: from + end, ...part });
      return;
    }
    if (cut.kind === 'clause') {
      // "..., but Gov. Kathy Hochul said she has plans to fill the ranks": the clause's speaker
      // says it, and the predicates coordinated after it ("... and are legal") are said of the
      // subject of what is said
      reported = reportOf(sentence, from + cut.next, from + end);
      prefix = reported ? subjectOf(sentence.slice(reported.start, reported.end)) : subjectOf(text.slice(cut.next, end));
      if (reported) {
        parts.push({ start: from + cut.next, end: from + end, statement: cleanStatement(sentence.slice(reported.start, reported.end)), attribution: reported.attribution });
        return;
      }
    }
    const statement = cut.kind === 'predicate' && prefix ? [prefix, cut.auxiliary, piece].filter(Boolean).join(' ') : piece;
    parts.push({ start: from + cut.next, end: from + end, statement, ...(reported ? { attribution: reported.attribution } : {}) });
  });
  return parts;
}

/**
 * A word that opens a relative or subordinate clause: a subject that holds one ends inside it. "that"
 * counts only as the subject's last word ("a police officer that [was parked]"), not where it points
 * ("At that hearing, he ...").
 */
const RELATIVE_WORD = /\b(?:who|whom|whose|which|where|when)\b|\bthat$/i;

/**
 * A clause opening inside another: a conjunction or pronoun that starts one ("since" not as the
 * adverb of "have since been"), or a quotation that ends a sentence or a clause ('...," she said').
 */
const SUBORDINATE = /\b(?:that|what|which|who|whom|whose|when|where|why|how|because|if|unless|until|while|although|though|whether)\b|\bsince\s+(?!been\b|\w+ed\b)|,\s*but\b|[.!?,]\s*"/i;

/** Whether a subject holds a quotation mark left open (one that opens it aside): it runs across a quotation's end. */
function crossesQuotation(subject: string | undefined): boolean {
  return ((subject ?? '').slice(1).match(/"/g)?.length ?? 0) % 2 === 1;
}

/** A clause after its first verb (what can hold a clause of its own), or all of it when no verb shows. */
function leftAfterVerb(clause: string): string {
  for (const token of clause.matchAll(/[\p{L}'-]+/gu)) {
    if (isVerbLike(token[0]) || isNegatedAuxiliary(token[0])) return clause.slice((token.index ?? 0) + token[0].length);
  }
  return clause;
}

/** The words before a clause's first verb: its subject, with any opening adverbial. */
function subjectOf(clause: string): string | undefined {
  const tokens = [...clause.matchAll(/[\p{L}'-]+/gu)];
  for (const token of tokens) {
    if (isVerbLike(token[0]) || isNegatedAuxiliary(token[0])) {
      const before = clause.slice(0, token.index).trim();
      return before.length > 0 ? before : undefined;
    }
  }
  return undefined;
}

function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}'-]+/gu) ?? []).map((w) => w.toLowerCase());
}

function insideQuoteOrBrackets(text: string, at: number): boolean {
  let quotes = 0;
  let depth = 0;
  for (let i = 0; i < at; i += 1) {
    const c = text[i];
    if (c === '"') quotes += 1;
    else if (c === '(' || c === '[') depth += 1;
    else if ((c === ')' || c === ']') && depth > 0) depth -= 1;
  }
  return quotes % 2 === 1 || depth > 0;
}

function looksLikeSource(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.split(/\s+/).length > 8) return false;
  return /\p{Lu}/u.test(trimmed) || /\b(officials?|government|authorities|both|they|he|she|it)\b/i.test(trimmed);
}

/**
 * Someone who can say something: a capitalised word past the first ("Kremlin spokesman Dmitry
 * Peskov"), a person's role, or a one-word name that the lexicon does not know as a common word
 * ("Pezeshkian", where "Prices" and "Demand" are words).
 */
function looksLikeSpeaker(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length > 8) return false;
  if (/\s\p{Lu}/u.test(text.trim()) || /\b(officials?|spokes(?:man|woman|person)|minister|president|leaders?|analysts?|experts?|he|she|they)\b/i.test(text)) return true;
  const name = tokenize(words[0])[0];
  return words.length === 1 && name !== undefined && /^\p{Lu}/u.test(words[0]) && synsetIds(name.stem).length === 0;
}

function denierKey(text: string): string {
  const names = text.match(/\p{Lu}[\p{L}'-]*/gu) ?? [];
  if (names.length === 0) return text.trim().toLowerCase();
  return [...new Set(names.map((n) => entityKey(n)))].sort().join(' ');
}

/**
 * The assertion as a sentence of its own: quote marks, dangling punctuation and conjunctions off. A
 * leading "that" is a conjunction ("said that ...") unless a verb follows it: then it is the
 * subject ("That was a real possibility").
 */
export function cleanStatement(text: string): string {
  return text
    .replace(/"/g, '')
    .replace(/^[\s,;:—–-]+/, '')
    .replace(/^(?:and|but|that(?!\s+(?:is|was|were|are|has|have|had|will|would|could|can|may|might|must|should|does|did|remains|remained|seems|seemed|means|meant)\b))\s+/i, '')
    .replace(/[\s,;:—–-]+$/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

function trimEnd(text: string): string {
  return text.replace(/[\s.,;:!]+$/, '').trim();
}

/** Past the spaces and commas at `at`: where the next piece of a sentence starts. */
function skipSeparators(text: string, at: number): number {
  let i = at;
  while (i < text.length && /[\s,]/.test(text[i])) i += 1;
  return i;
}

const NEGATION = /\b(?:not|never|no longer|neither|nor|none|nobody|nothing|without)\b|n't\b|\b(?:denied|denies|deny)\b|\b(?:ca|do|does|did|wo|would|could|should|is|was|are|were|has|have|had)nt\b/i;

/** The polarity of an assertion: "has not supplied" against "has supplied". */
export function isNegated(statement: string, quoted: readonly string[] = []): boolean {
  // Negation inside a partial quotation ("saying that "war is not a solution"") is the speaker's
  // wording, not the polarity of what the article asserts; a statement that is all quote keeps it.
  let outside = statement;
  for (const q of quoted) if (q.length < 0.6 * statement.length) outside = outside.replace(q, '');
  // "not only", "no later than", "none more so", "none other than" and the like deny nothing; "cant"
  // and "didnt" are "can't" and "didn't" written without the apostrophe
  const cleaned = outside.replace(/\bnot only\b/gi, '').replace(/\bno (?:doubt|later than|sooner|more than|less than)\b/gi, '').replace(/\bnone (?:more|other)\b/gi, '');
  return NEGATION.test(cleaned) || /\bno\s+\w/i.test(cleaned);
}

const CAPTION = [
  /\((?:photo|file photo|pictured|left|right|center|centre|top|bottom)\b[^)]*\)/i,
  // up to the next bracket only: from every "[" to the end of a long text would be quadratic
  /\[[^[\]]*?\b(?:AFP|Reuters|AP|Getty|Pool|photo|EPA|Sputnik)\b/i,
  /^(?:In this|This) (?:pool |file |handout )?(?:photo|photograph|image|picture)\b/i,
  /\b(?:photo|photograph|image) (?:by|courtesy|credit)\b/i,
  /\/\s*(?:POOL|AFP|AP|Reuters)\s*\//i,
];
const BOILERPLATE = [
  /^(?:SEE ALSO|READ MORE|RELATED|WATCH|LISTEN|Click|Sign up|Share|Read or Share|Advertisement|Subscribe|More to Read|Follow us)\b/i,
  /\bwrites for (?:the )?[\p{Lu}]/u,
  /\bcontributed(?: to this report)?\.?$/,
  /\b(?:All rights reserved|Copyright ©|terms of use|privacy policy|promotional content)\b/i,
  // calls for tips and contact lines: "Anyone with information is asked to call ...", "Police are
  // asking anyone with information to ...", "Kaitlyn Pearson can be reached at ...", "Contact Gallop at ..."
  /^(?:anyone|anybody|those|people|residents|witnesses)\b[^.]{0,160}?\b(?:is|are|was|were)\s+(?:being\s+)?(?:asked|urged|encouraged|requested)\s+to\s+(?:call|contact|reach|get in touch|submit|send|leave)\b/i,
  /^(?:[\p{L}'’.-]+\s+){0,5}(?:(?:are|is|were|was)\s+)?(?:ask|asks|asked|asking|urge|urges|urged|urging|encourage|encourages|encouraged|encouraging)\s+(?:for\s+|that\s+)?(?:anyone|anybody|you)\b/iu,
  /^(?:[\p{L}'’.-]+\s+){0,3}(?:anyone|anybody)\s+with\s+(?:any\s+)?information\b.{0,80}?\b(?:can|should|may)\s+(?:also\s+)?(?:call|contact)\b/iu,
  /^(?:if\s+you\s+(?:have|know)\b.{0,160}?\b(?:call|contact)|(?:those|callers|tipsters)\b.{0,60}?\b(?:can|may)\s+(?:also\s+)?(?:call|contact))\b/i,
  /\bcan be (?:reached|contacted) (?:at|on|by)\b/i,
  // a page's time stamps: "Updated: Thursday, January 12, 2017 @ 5:32 PM", "***UPDATED at 5:12 P.M. ..."
  /^[*\s]*(?:last\s+)?(?:updated|posted|published)(?:\s*:|\s+at\b|\s+on\b)/i,
  // a headline run into its page's stamps: "... Posted: Wednesday, March 6, 2013 1:55 PM EST Updated: ..."
  /\bPosted:\s.{0,60}\bUpdated:\s/,
  // a stamp and nothing else: "UPDATE @ 5:30 p.m. (Oct. 26)", "UPDATE (11/23/16 at 10 p.m.)"
  /^[*\s]*(?:UPDATED?|Update[ds]?)\s*(?:[@(]|at\b)(?:[\s\d:.,/()@-]|[ap]\.?m\.?|[AP]\.?M\.?|at\b|\p{Lu}\p{Ll}{2,8}\.?)*$/u,
  // "Call The Bee's Cathy Locke, (916) 321-5287."
  /^call\s+(?:the\s+)?\p{Lu}[^.]{0,60}?\(?\d{3}\)?[\s.-]*\d{3}-\d{4}\.?$/iu,
  /^(?:contact|reach|email|e-mail|follow)\s+(?:reporter\s+|the\s+writer\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+(?:at|on|via)\b/iu,
  /^(?:you can (?:also )?call|call|tips can be (?:made|submitted|left|sent))\b.{0,80}\b(?:crime\s*stoppers|tip|hotline)/i,
];
const OPINION = /\b(?:should|ought to|must|I think|I believe|in my view|in our view|arguably|clearly|undoubtedly)\b/i;

/** Captions, credits and site furniture: not claims. */
export function isBoilerplateOrCaption(sentence: string): boolean {
  return CAPTION.some((re) => re.test(sentence)) || BOILERPLATE.some((re) => re.test(sentence));
}

/** An unattributed value judgement ("the West should ..."): not checkable. */
export function isOpinion(sentence: string, attributed: boolean): boolean {
  if (attributed) return false;
  const outsideQuotes = sentence.replace(/"[^"]*"/g, '""');
  return OPINION.test(outsideQuotes);
}
