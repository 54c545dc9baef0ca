/**
 * Named entities of a claim (people, places, organisations) by capitalisation, with a spelling key
 * under which transliteration variants meet ("Masud" / "Masoud Pezeshkian", "Isachenkov" /
 * "Isachenkow"). Rule-based and allocation-light: it runs on every claim of every article.
 */

export type EntityKind = 'person' | 'place' | 'organisation' | 'other';

export interface Entity {
  /** As written in the claim, titles left out ("Vladimir Putin" from "Russian President Vladimir Putin"). */
  text: string;
  /** Spelling-variant key: the same for "Masud Pezeshkian" and "Masoud Pezeshkian". */
  key: string;
  kind: EntityKind;
}

/** Words that open a sentence or a phrase with a capital but name nothing. */
const NOT_NAMES = new Set(
  `a an the this that these those it its in on at of for to from by with as and or but if when while
  since after before during despite although though unlike both either neither each every some many most
  all no not his her their our my your he she they we i you there here then thus still yet also even
  however meanwhile moreover notably earlier later last next first new according click sign read see
  share advertisement monday tuesday wednesday thursday friday saturday sunday january february march
  april may june july august september october november december`.split(/\s+/),
);

/** Titles and roles that precede a person's name; dropped from the entity, they mark it a person. */
const TITLES = new Set(
  `president president-elect prime minister foreign defense defence interior secretary spokesman spokeswoman
  spokesperson ambassador envoy chancellor king queen prince pope general gen lt col colonel retired
  commander sen senator rep representative gov governor mayor chief minister deputy leader former
  mr mrs ms dr prof ayatollah sheikh judge justice director ceo chairman chairwoman`.split(/\s+/),
);

/** Nouns for a person that a source can end in ("a prosecutor", "the victim's mother"), besides TITLES. */
const PERSON_NOUNS = new Set(
  `officer prosecutor detective sheriff sergeant lieutenant captain trooper lawyer attorney official
  sister brother mother father son daughter wife husband girlfriend boyfriend fiancee fiance cousin
  aunt uncle grandmother grandfather grandson granddaughter niece nephew friend neighbor neighbour
  witness owner manager resident victim suspect survivor man woman boy girl teacher principal
  doctor nurse coach player analyst expert employee worker student pastor reporter`.split(/\s+/),
);

/** Whether a source's last word names a person by role ("the officer", "her sister", "Chief"). */
export function endsAsPersonRole(source: string): boolean {
  const last = lastWord(source).replace(/'s$/, '');
  return PERSON_NOUNS.has(last) || TITLES.has(last);
}

/** Words that make a name an organisation's ("the Justice Department", "the Washington Post"). */
const ORGANISATION_WORDS = new Set(
  `kremlin ministry agency council union group bloc party company bank guards army navy force forces
  court parliament congress senate assembly government commission committee office department press
  times news post journal herald tribune guardian institute university college school academy center
  centre hospital church project organization organisation nations alliance front bureau service
  administration corporation inc corp ltd`.split(/\s+/),
);

/** Words that end a place's name ("Elm Street", "Cook County"). */
const PLACE_WORDS = new Set('street road avenue park county city state'.split(' '));

/** Whether a name's last word makes it an organisation's ("Committee", "Post", "Inc."). */
export function endsAsOrganisation(name: string): boolean {
  return ORGANISATION_WORDS.has(lastWord(name));
}

/** Whether a name's last word makes it an organisation's or a place's ("University", "Street"). */
export function endsAsInstitutionOrPlace(name: string): boolean {
  const last = lastWord(name);
  return ORGANISATION_WORDS.has(last) || PLACE_WORDS.has(last);
}

function lastWord(name: string): string {
  return (name.trim().split(/\s+/).pop() ?? '').replace(/\.$/, '').toLowerCase();
}

const PLACE_PREPOSITIONS = new Set(['in', 'to', 'from', 'at', 'into', 'across', 'near', 'outside']);

const NAME_SEQUENCE = /\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|al|bin|van|von|de|da|del|la|le)\s+|al-)?\p{Lu}[\p{L}'’.-]*)*/gu;

/** Capitalised name sequences of a text, titles stripped, with their variant keys. */
export function findEntities(text: string): Entity[] {
  const found: Entity[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(NAME_SEQUENCE)) {
    // A possessive ends a name: "Russia's President Vladimir Putin" is Russia, then Vladimir Putin.
    let at = match.index ?? 0;
    for (const piece of match[0].split(/(?<=['’]s)\s+/u)) {
      const entity = entityOf(piece, text, at);
      at += piece.length + 1;
      if (entity && !seen.has(entity.key)) {
        seen.add(entity.key);
        found.push(entity);
      }
    }
  }
  return found;
}

function entityOf(piece: string, text: string, at: number): Entity | undefined {
  {
    let words = piece.replace(/[.'’]+$/u, '').replace(/['’]s$/u, '').split(/\s+/);
    let person = false;
    // Leading function words and titles ("During", "Russian President ...").
    while (words.length > 0) {
      const lower = words[0].toLowerCase().replace(/\.$/, '');
      if (NOT_NAMES.has(lower)) words = words.slice(1);
      else if (TITLES.has(lower)) {
        person = true;
        words = words.slice(1);
      } else if (words.length > 1 && isDemonym(words[0]) && TITLES.has(words[1].toLowerCase().replace(/\.$/, ''))) words = words.slice(1);
      else break;
    }
    if (words.length === 0) return undefined;
    if (words.length === 1 && isDemonym(words[0])) return undefined;
    const name = words.join(' ');
    if (name.length < 2 || /^\p{Lu}$/u.test(name)) return undefined;
    const key = entityKey(name);
    if (!key) return undefined;
    const before = text.slice(Math.max(0, at - 12), at).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    return { text: name, key, kind: kindOf(words, person, before) };
  }
}

function kindOf(words: readonly string[], person: boolean, before: string): EntityKind {
  if (person) return 'person';
  if (words.some((w) => ORGANISATION_WORDS.has(w.toLowerCase())) || (words.length === 1 && /^\p{Lu}{2,6}$/u.test(words[0]))) return 'organisation';
  if (PLACE_PREPOSITIONS.has(before)) return 'place';
  return 'other';
}

/** "Russian", "Iranian", "Chinese", "Israeli": adjectives of nationality, not names by themselves. */
function isDemonym(word: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:ian|ean|an|ese|ish|i|ic)$/u.test(word) && word.length > 4;
}

/**
 * Spelling skeleton of each word, first letter kept (see wordSkeleton), so that transliteration
 * variants meet: "Masud Pezeshkian" and "Masoud Pezeshkiyan" have one key. Keys of multi-word names
 * are the words' skeletons joined by spaces.
 */
export function entityKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[\s-]+/)
    .filter((w) => w.length > 0 && !['of', 'al', 'the', 'bin', 'van', 'von', 'de', 'da', 'del', 'la', 'le'].includes(w))
    .map(wordSkeleton)
    .filter((w) => w.length > 0)
    .join(' ');
}

function wordSkeleton(word: string): string {
  const letters = word.replace(/[^a-z0-9]/g, '');
  if (letters.length === 0) return '';
  // Vowel groups become one "a" (ou/u, ia/iya), h and w fall out, doubled letters collapse:
  // "Masud"/"Masoud" -> "masad", "Pezeshkian"/"Pezeshkiyan" -> "pazaskan", while "Putin" and
  // "Potanin" stay apart.
  let out = letters[0];
  for (let i = 1; i < letters.length; i += 1) {
    let c = letters[i];
    if (c === 'h' || c === 'w') continue;
    if ('aeiouy'.includes(c)) c = 'a';
    if (c === out[out.length - 1]) continue;
    out += c;
  }
  return out;
}

/** Whether two keys name the same entity: equal, or one is the other's surname ("pzskn" in "msd pzskn"). */
export function sameEntity(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length === wb.length) return false;
  const [short, long] = wa.length < wb.length ? [wa, wb] : [wb, wa];
  return short.length === 1 && long[long.length - 1] === short[0] && short[0].length >= 3;
}

/**
 * Capitals standing for their countries ("Tehran has supplied drones to Moscow" = "Iran has supplied
 * drones to Russia"), as news copy uses them; applied to the text a claim is matched on, never to
 * what the digest shows.
 */
const CAPITALS: Record<string, string> = {
  Tehran: 'Iran', Moscow: 'Russia', Kyiv: 'Ukraine', Kiev: 'Ukraine', Beijing: 'China', Pyongyang: 'North Korea',
  Damascus: 'Syria', Ankara: 'Turkey', Riyadh: 'Saudi Arabia', Baghdad: 'Iraq', Kabul: 'Afghanistan', Islamabad: 'Pakistan',
  'New Delhi': 'India', Tokyo: 'Japan', Seoul: 'South Korea', Berlin: 'Germany', Paris: 'France', Minsk: 'Belarus',
  Caracas: 'Venezuela', Havana: 'Cuba', Cairo: 'Egypt', Tripoli: 'Libya', Khartoum: 'Sudan', Sanaa: 'Yemen', Doha: 'Qatar',
  Tbilisi: 'Georgia', Yerevan: 'Armenia', Baku: 'Azerbaijan', Warsaw: 'Poland', Budapest: 'Hungary', Taipei: 'Taiwan',
};
const CAPITAL_PATTERN = new RegExp(`\\b(${Object.keys(CAPITALS).join('|')})\\b`, 'g');

export function countriesForCapitals(text: string): string {
  return text.replace(CAPITAL_PATTERN, (capital) => CAPITALS[capital] ?? capital);
}

/** Adjectives of nationality and the country each names (for heads of state and government). */
const DEMONYMS: Record<string, string> = {
  Russian: 'Russia', Iranian: 'Iran', Chinese: 'China', American: 'United States', US: 'United States', 'U.S.': 'United States',
  Ukrainian: 'Ukraine', Israeli: 'Israel', Turkish: 'Turkey', Syrian: 'Syria', French: 'France', German: 'Germany',
  British: 'Britain', Indian: 'India', Japanese: 'Japan', 'North Korean': 'North Korea', 'South Korean': 'South Korea',
  Saudi: 'Saudi Arabia', Belarusian: 'Belarus', Egyptian: 'Egypt', Iraqi: 'Iraq', Afghan: 'Afghanistan', Pakistani: 'Pakistan',
  Venezuelan: 'Venezuela', Cuban: 'Cuba', Italian: 'Italy', Spanish: 'Spain', Polish: 'Poland', Hungarian: 'Hungary',
  Brazilian: 'Brazil', Mexican: 'Mexico', Canadian: 'Canada', Australian: 'Australia', Qatari: 'Qatar', Georgian: 'Georgia',
  Armenian: 'Armenia', Azerbaijani: 'Azerbaijan', Lebanese: 'Lebanon', Jordanian: 'Jordan', Emirati: 'United Arab Emirates',
};
const DEMONYM_KEYS = Object.keys(DEMONYMS).sort((a, b) => b.length - a.length).map((d) => d.replace(/\./g, '\\.'));
/**
 * A head of state or government named with the country's adjective ("Russian President Vladimir
 * Putin", "his Iranian counterpart, Masoud Pezeshkian,"): the sentence itself links the leader to
 * the country.
 */
const LEADER_PATTERN = new RegExp(
  `\\b(?:(?:his|her|their)\\s+)?(${DEMONYM_KEYS.join('|')})\\s+(?:President|Prime\\s+Minister|Chancellor|Supreme\\s+Leader|leader|counterpart)(?!-)(,?)\\s+((?:\\p{Lu}[\\p{L}'’-]+\\s+){0,2}\\p{Lu}[\\p{L}'’-]+)(,(?=\\s+\\p{Ll}))?`,
  'gu',
);

/**
 * Heads of state or government that their own sentence ties to a country, written as the country
 * ("Russian President Vladimir Putin and his Iranian counterpart, Masoud Pezeshkian, signed" ->
 * "Russia and Iran signed"): for comparing what two countries did, however each outlet names them.
 * Applied to the text a claim is matched on, never to what the digest shows.
 */
export function countriesForLeaders(text: string): string {
  return text.replace(LEADER_PATTERN, (whole, demonym: string, openComma: string, _name: string, closeComma: string | undefined) => {
    const country = DEMONYMS[demonym] ?? whole;
    // an appositive name ("counterpart, Masoud Pezeshkian,") takes its closing comma with it
    return openComma && closeComma ? country : country + (closeComma ?? '');
  });
}
