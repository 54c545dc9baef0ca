import { isPronoun, REPORTING_VERBS, type Attribution } from '../claims/attribution';
import { isVerbLike } from '../claims/verbs';

/** What the headline of a claim is read from: the mention whose wording the claim carries. */
export interface HeadlineSource {
  /** The exact words of the article. */
  text: string;
  /** The assertion on its own, when the sentence was read as several (subject restored, attribution left out). */
  statement?: string;
  /** Set when the sentence gave several claims: `text` is then a piece of it. */
  part?: number;
  attribution?: Pick<Attribution, 'source' | 'cue' | 'citing'>;
  /** Quotations in the exact words: the statement has lost their quotation marks, and the headline puts them back. */
  quotes?: ReadonlyArray<{ text: string; speaker?: string }>;
}

/**
 * Reporting words that read well after the statement ("..., the Kremlin said"): every verb of
 * speech but those that need an object or a clause of their own ("told", "pledged"). Any other cue
 * ("praised", "called") is a verb that needs its object too, so the line says "according to".
 */
const CUES_NEEDING_MORE = new Set(['say', 'told', 'tells', 'believe', 'believes', 'agreed', 'pledged', 'promised', 'vowed', 'signalled', 'signaled']);
const TRAILING_CUES = new Set(REPORTING_VERBS.filter((verb) => !CUES_NEEDING_MORE.has(verb)));

/**
 * The claim as one line a reader can take in alone. A claim read from a whole sentence is that
 * sentence, as the outlet wrote it (its attribution in its own words). A claim read from a piece of a
 * sentence ("ordered the killing of one of Iran's top generals in 2020", "which runs for 20 years")
 * is its statement, which restores the subject the piece lacks, as a sentence, with the source the
 * piece was attributed to: "Trump ordered the killing of one of Iran's top generals in 2020.", "The
 * new treaty runs for 20 years, the Kremlin said." The exact words stay in the claim's `text` and
 * its mentions.
 */
export function claimHeadline(source: HeadlineSource): string {
  const statement = source.statement?.trim();
  if (source.part === undefined || !statement) return source.attribution?.source ? withSpeakerNamed(source.text, source.attribution) : withQuoteSpeaker(source.text, source.quotes ?? []);
  // a part that opens with its "he" or "she" and the cue ("He emphasized the importance of
  // regional self-reliance", before ", arguing that ...") reads best as written, the speaker named
  if (source.attribution?.source && /^(?:He|She)\s/.test(source.text)) {
    const text = source.text.replace(/[\s,;:]+$/, '');
    const named = withSpeakerNamed(text, source.attribution);
    if (named !== text) return endedAsSentence(named);
  }
  const quoted = requote(statement, source.quotes ?? []);
  const sentence = quoted.replace(/^(["“]?)(\p{Ll})/u, (_, mark: string, letter: string) => mark + letter.toUpperCase());
  const attribution = source.attribution;
  // A speaker whose stance is the statement ("Peskov dismissed any link ...") is named in it already.
  const named = attribution?.source && new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(attribution.source)}(?:$|[^\\p{L}])`, 'iu').test(sentence);
  if (!attribution?.source || named) return endedAsSentence(sentence);
  // "... region.", the Kremlin said." reads '... region," the Kremlin said.' without its period.
  const body = sentence.replace(/[\s.,;:]+$/, '').replace(/[.,;:]+(["”])$/, '$1');
  const who = inRunningText(attribution.source);
  const citing = attribution.citing ? `, citing ${attribution.citing}` : '';
  const cue = attribution.cue === 'saying' ? 'said' : attribution.cue;
  return TRAILING_CUES.has(cue) ? `${body}, ${who} ${cue}${citing}.` : `${body}, according to ${who}${citing}.`;
}

/** The text with a closing full stop, unless it ends as a sentence already (before closing quotes or brackets). */
function endedAsSentence(text: string): string {
  return /[.!?]["')\]]*$/.test(text) ? text : `${text}.`;
}

/**
 * What a claim is shown by: its headline, or its exact words for a claim of a story carried over
 * from a digest that gives no headline. Read defensively: digests read back may lack fields.
 */
export function claimLine(claim: { headline?: unknown; text?: unknown }): string {
  if (typeof claim.headline === 'string' && claim.headline.length > 0) return claim.headline;
  return typeof claim.text === 'string' ? claim.text : '';
}

/**
 * A sentence that opens with the "he" or "she" who says it ("He said the amount of trade was
 * still insufficient"), with the person the article named as that speaker in brackets, as editors
 * do: "He [Putin] said ...". Shown alone, a claim has no sentence before it to say who "he" is.
 */
function withSpeakerNamed(text: string, attribution: NonNullable<HeadlineSource['attribution']>): string {
  const pronoun = /^(He|She)\s/.exec(text);
  // A source the sentence names itself ("She said ..., the report said") is what it attributes to,
  // not who the pronoun stands for, which only a sentence before names.
  const named = pronoun && !isPronoun(attribution.source) && !text.includes(attribution.source);
  const name = named ? speakerName(attribution.source) : undefined;
  if (!pronoun || !name || /[[\]]/.test(name)) return text;
  // the cue right after the pronoun ("He said", "He also warned"): the pronoun is the speaker
  if (!new RegExp(`^(?:He|She)\\s+(?:\\w+\\s+)?${escapeRegExp(attribution.cue)}\\b`).test(text)) return text;
  return `${pronoun[1]} [${name}]${text.slice(pronoun[1].length)}`;
}

/**
 * A sentence that is all one quotation, continuing what its speaker said in the sentence before
 * ('"These ties will defuse their plot, definitely."'), with the speaker named as the article
 * named them there: '"These ties will defuse their plot, definitely," Pezeshkian said.'
 */
function withQuoteSpeaker(text: string, quotes: ReadonlyArray<{ text: string; speaker?: string }>): string {
  const quote = /^["“](.+?)\s*([.,!?]?)\s*["”]$/su.exec(text.trim());
  const speaker = quotes.length === 1 ? speakerName(quotes[0].speaker) : undefined;
  if (!quote || !speaker || /["“”]/.test(quote[1])) return text;
  const words = quote[1].replace(/[\s.,;:]+$/, '');
  const close = quote[2] === '?' || quote[2] === '!' ? quote[2] : ',';
  return `"${words}${close}" ${inRunningText(speaker)} said.`;
}

/** Words that a speaker's name or role does not hold: the speaker was misread from the sentence before. */
const NOT_IN_A_SPEAKER = /^(?:with|for|to|on|in|at|by|from|no|what|while|when|if)$/;

/**
 * A quotation's speaker as a headline can name it: a leading conjunction dropped ("But the
 * president's budget director"), and nothing that reads as a clause ("with Lopez standing", "he
 * backed King"), which is a misreading of the sentence the speaker came from.
 */
function speakerName(speaker: string | undefined): string | undefined {
  const name = speaker?.trim().replace(/^(?:''|["“”])\s*/, '').replace(/^(?:and|but|so|then|yet)\s+/i, '');
  if (!name || name.split(/\s+/).length > 12) return undefined;
  const words = name.split(/\s+/).map((w) => w.toLowerCase());
  // a pronoun is a whole speaker: "he backed King" is a clause
  if (/^(?:he|she|they|it|we|i)$/.test(words[0]) && words.length > 1) return undefined;
  return words.some((w) => NOT_IN_A_SPEAKER.test(w) || isVerbLike(w)) ? undefined : name;
}

/** The statement with each quotation it holds between quotation marks again, as the outlet printed it. */
function requote(statement: string, quotes: ReadonlyArray<{ text: string }>): string {
  let text = statement;
  for (const quote of quotes) {
    const words = quote.text.trim();
    const at = words.length > 0 ? text.indexOf(words) : -1;
    if (at >= 0) text = `${text.slice(0, at)}"${words}"${text.slice(at + words.length)}`;
  }
  return text;
}

/** Words capitalised only because they opened the article's sentence ("Police said ..."), which the headline moves to its end. */
const SENTENCE_INITIAL = /^(He|She|They|It|We|Police|Officials?|Authorities|Witnesses|Residents|Analysts|Experts|Investigators|Prosecutors|Officers|Sources|Diplomats|Researchers|Scientists|Doctors|Lawmakers|Critics|Activists|Organizers|Organisers)\b/;

function inRunningText(source: string): string {
  return source.replace(SENTENCE_INITIAL, (word) => word.toLowerCase());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
