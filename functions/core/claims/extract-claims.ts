import { splitSentences } from '../text/sentences';
import { tokenize } from '../text/tokens';
import { analyseSentence, isBoilerplateOrCaption, isNegated, isOpinion, type Denial } from './atomic-claims';
import { isPronoun, type Attribution } from './attribution';
import { endsAsOrganisation, endsAsPersonRole } from './entities';
import { findQuotes } from './quotes';
import { sexOfGivenName } from './given-names';
import { isSiteNotice } from './site-notices';

/** A quotation with the person or body it is attributed to. */
export interface AttributedQuote {
  /** The quoted words, as the article prints them. */
  text: string;
  /** Who is quoted, as written (a pronoun resolved to the speaker it stands for). */
  speaker?: string;
  speakerKey?: string;
}

/** A checkable statement and the exact text of the article it was read from. */
export interface ExtractedClaim {
  /** Position among the article's claims; with the article id it names the mention. */
  index: number;
  /** The exact span of the article (the whole sentence, or its piece when a sentence joins several claims). */
  text: string;
  paragraph: number;
  /** Character offsets of `text` within its paragraph. */
  start: number;
  end: number;
  /** What is asserted, on its own: attribution and denial left out, the subject restored. What is matched. */
  statement: string;
  /** Who says it ("X said", "according to X", reported speech). */
  attribution?: Attribution;
  quotes: AttributedQuote[];
  /** The article reports that someone denies it ("..., which Moscow and Tehran have denied"). */
  denial?: Denial;
  /** Asserted in the negative ("has not supplied"). */
  negated: boolean;
  /** Several claims read from one sentence: this one's position among them (0-based). */
  part?: number;
}

const MIN_WORDS = 6;
const MAX_WORDS = 90;
/**
 * A claim-like sentence of at most MAX_WORDS words is rarely longer than this; a longer one is a
 * run of punctuation or symbols, not a statement, and the sentence rules (and the stored claim) are
 * kept to bounded text.
 */
export const MAX_CLAIM_CHARACTERS = 1_000;
/**
 * Claims read from one article: each is stored, indexed and matched against its story, so claims
 * are what an article costs in storage (about 45 ms each on DynamoDB Local). The longest article of
 * the dev story sets has 222 (p99.9: 154); a sentence joining many clauses can split into far more.
 */
export const MAX_CLAIMS_PER_ARTICLE = 300;

/** Why an article's claims were cut, when extractClaims stopped at its bound. */
export function claimsTruncation(claimCount: number): string | undefined {
  return claimCount >= MAX_CLAIMS_PER_ARTICLE ? `only the first ${MAX_CLAIMS_PER_ARTICLE} claims of the article were read` : undefined;
}
const MIN_CONTENT_WORDS = 3;
/** A piece of a split sentence needs fewer words than a sentence ("Assad fled to Russia"). */
const MIN_PART_WORDS = 3;

/**
 * The factual claims of an article: declarative sentences long enough to assert something, minus
 * questions, captions, credits and unattributed opinion, each split into its independent assertions;
 * the first MAX_CLAIMS_PER_ARTICLE of them.
 */
export function extractClaims(paragraphs: readonly string[]): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  let lastSpeaker: Attribution | undefined;
  // Who spoke in the sentence just before, when that sentence named them: a sentence that is all
  // quotation continues only that speaker's quote. One further back may be anyone's (the sentences
  // between name no one we read), and so may a "he" read as the last speaker named, unless that
  // speaker spoke in the sentence just before, and the one "told" ('"...," Gérard Bénézat, the
  // store's insurer, told France Info').
  let previousSpeaker: Attribution | undefined;
  paragraphs.forEach((paragraph, paragraphIndex) => {
    if (isSiteNotice(paragraph)) return;
    for (const sentence of splitSentences(paragraph)) {
      if (claims.length >= MAX_CLAIMS_PER_ARTICLE) return;
      const adjacentSpeaker = previousSpeaker;
      previousSpeaker = undefined;
      if (isBoilerplateOrCaption(sentence.text)) continue;
      if (!isClaimLike(sentence.text)) {
        // a short sentence between ("And you exemplify it.") is most often more of the same quote
        previousSpeaker = adjacentSpeaker;
        continue;
      }
      const analysis = analyseSentence(sentence.text);
      let attribution = analysis.attribution;
      let named = attribution !== undefined && !isPronoun(attribution.source) && attribution.cue !== 'told';
      const resolved = namedFor(attribution, lastSpeaker);
      if (resolved !== attribution) {
        attribution = resolved;
        named = adjacentSpeaker?.key === lastSpeaker?.key;
      }
      if (isOpinion(sentence.text, attribution !== undefined)) continue;
      const quotes = findQuotes(sentence.text);
      // A sentence that is all quotation continues the quote of the sentence just before it.
      const continues = attribution === undefined && quotes.length > 0 && quoteCoverage(sentence.text, quotes) > 0.8;
      const quoteSpeaker = attribution ?? (continues ? adjacentSpeaker : undefined);
      const parts = analysis.parts.filter((part) => tokenize(part.statement).length >= MIN_PART_WORDS);
      const usable = parts.length > 0 ? parts : [{ ...analysis.parts[0], start: 0, end: sentence.text.length }];
      if (usable.length === 1) {
        usable[0].start = 0;
        usable[0].end = sentence.text.length;
      }
      usable.forEach((part, partIndex) => {
        if (claims.length >= MAX_CLAIMS_PER_ARTICLE) return;
        // a "he" in a clause of its own is the sentence's speaker when it names one ("McManus said
        // ..., but he said ..."), else the last speaker named before
        const own = part.ownVoice ? undefined : part.attribution ? namedFor(part.attribution, named ? attribution : lastSpeaker) : attribution;
        const partQuotes = quotes
          .filter((q) => q.start < part.end && q.end > part.start)
          .map((q) => ({ text: q.text, ...(quoteSpeaker ? { speaker: quoteSpeaker.source, speakerKey: quoteSpeaker.key } : {}) }));
        const text = sentence.text.slice(part.start, part.end).trim();
        const offset = sentence.text.indexOf(text, part.start);
        claims.push({
          index: claims.length,
          text,
          paragraph: paragraphIndex,
          start: sentence.start + offset,
          end: sentence.start + offset + text.length,
          statement: part.statement,
          ...(own ? { attribution: own } : {}),
          quotes: partQuotes,
          ...(part.denial ? { denial: part.denial } : {}),
          negated: isNegated(part.statement, partQuotes.map((q) => q.text)),
          ...(usable.length > 1 ? { part: partIndex } : {}),
        });
      });
      // the last person named as a speaker, by the sentence or by a clause of it ("Bill Adgate, who
      // works at ..., said he had hunkered down ...": the next "He said" is his)
      const namedSpeakers = [attribution, ...usable.map((part) => (part.ownVoice ? undefined : part.attribution))].filter(
        (a): a is Attribution => a !== undefined && !isPronoun(a.source) && /\p{Lu}/u.test(a.source),
      );
      if (namedSpeakers.length > 0) lastSpeaker = namedSpeakers[namedSpeakers.length - 1];
      else if (quoteSpeaker) lastSpeaker = quoteSpeaker;
      if (named || (continues && quoteSpeaker)) previousSpeaker = quoteSpeaker;
    }
  });
  return claims;
}

/** A "he" or "she" as the person last named as a source, where that can be them. */
function namedFor(attribution: Attribution | undefined, lastSpeaker: Attribution | undefined): Attribution | undefined {
  if (!attribution || !lastSpeaker || !/^(he|she)$/i.test(attribution.source.trim()) || !isPerson(lastSpeaker.source) || otherSex(attribution.source, lastSpeaker.source)) return attribution;
  return { ...attribution, source: lastSpeaker.source, key: lastSpeaker.key };
}

/**
 * Whether a source can be a "he" or "she": a name ("Putin", "Sgt. Walker") or a person's role
 * ("a prosecutor", "the victim's mother"); not a newspaper, agency or institution ("the Guardian",
 * "the Justice Department", "Reuters"), which the last source named often is when a person speaks
 * next ('"I don't welcome leaks," he said' after a report the Guardian published), not a group
 * ("investigators", "Republican officials"), and not a misread clause ("the suit", "the
 * confrontation", anything holding a quotation mark).
 */
function isPerson(source: string): boolean {
  const text = source.trim();
  const words = text.split(/\s+/);
  if (/["\u201c\u201d]/.test(text) || words.length > 8) return false;
  // "the Washington Post", "the Justice Department"; "the Navy spokesperson" is a person
  if (/^[Tt]he\s+\p{Lu}/u.test(text) && /\s\p{Lu}[\p{L}.'\u2019-]*$/u.test(text)) return false;
  if (endsAsOrganisation(text) || /\b(?:Reuters|AFP|CNN|BBC|NBC|CBS|ABC|Fox|Haaretz)$/u.test(text)) return false;
  const last = words[words.length - 1];
  // a plural ("Republican officials", "Investigators") is a group
  if ((/^\p{Ll}+[^s']s$/u.test(last) && last.length > 3) || GROUPS.test(last)) return false;
  // an acronym alone is an organisation ("HCSO", "KNBC")
  if (words.length === 1 && /^\p{Lu}{2,6}$/u.test(last)) return false;
  // a common noun last is a person only as a role ("the officer", not "a Sheriff's Office report")
  if (/^\p{Ll}/u.test(last)) return endsAsPersonRole(text);
  return words.some((word) => /^\p{Lu}/u.test(word));
}

const FEMALE = /\b(?:mrs|ms|miss|madam|queen|princess|spokeswoman|chairwoman|congresswoman|businesswoman|mother|sister|wife|daughter|aunt|grandmother|girlfriend|niece|woman|girl|actress)\b/i;
const MALE = /\b(?:mr|spokesman|chairman|congressman|businessman|father|brother|husband|son|uncle|grandfather|boyfriend|nephew|man|boy|actor)\b/i;

/**
 * "he" after "the victim's mother", "she" after "Mr. Smith" or "Anthony LaCalamita": the speaker
 * named is not the one meant.
 */
function otherSex(pronoun: string, speaker: string): boolean {
  const given = sexOfGivenName(speaker);
  const female = given === 'female' || (given === undefined && FEMALE.test(speaker) && !MALE.test(speaker));
  const male = given === 'male' || (given === undefined && MALE.test(speaker) && !FEMALE.test(speaker));
  return /^he$/i.test(pronoun.trim()) ? female : male;
}

/** Groups that open a sentence capitalised ("Investigators said ..."). */
const GROUPS = /^(?:police|cops|officials?|authorities|investigators|witnesses|residents|officers|sources|prosecutors|detectives|deputies|neighbou?rs|relatives|friends|family|members|troopers|firefighters|paramedics)$/i;

function quoteCoverage(sentence: string, quotes: ReadonlyArray<{ start: number; end: number }>): number {
  const quoted = quotes.reduce((sum, q) => sum + (q.end - q.start), 0);
  return quoted / Math.max(1, sentence.replace(/[\s".,]+$/, '').length);
}

function isClaimLike(sentence: string): boolean {
  if (sentence.length > MAX_CLAIM_CHARACTERS) return false;
  if (/\?["')\]]*$/.test(sentence)) return false;
  const tokens = tokenize(sentence);
  if (tokens.length < MIN_WORDS || tokens.length > MAX_WORDS) return false;
  return tokens.filter((t) => !t.isStopword).length >= MIN_CONTENT_WORDS;
}
