import { stemWord } from '../text/tokens';

/**
 * Groups of words that news writers use interchangeably for the same fact. Each group maps to its
 * first member's stem so that "pact" and "treaty" meet. General news vocabulary only.
 */
const GROUPS = [
  'agreement pact treaty deal accord',
  'say state tell announce declare',
  'praise hail laud commend applaud',
  'provide supply give deliver furnish',
  'kill slay assassinate',
  'increase rise grow climb jump surge',
  'decrease fall drop decline slide plunge',
  'sign ink',
  'country nation state',
  'talks negotiations',
  'strengthen bolster reinforce boost enhance',
  'deepen intensify expand',
  'cooperation collaboration partnership',
  'ally partner',
  'aim seek intend',
  'attack strike assault',
  'warn caution',
  'criticize criticise condemn denounce',
  'deny reject dismiss',
  'arrest detain',
  'meet meeting',
  'president leader',
  'large big',
  'important key crucial vital',
  'help aid assist',
  'buy purchase acquire',
  'start begin launch',
  'end finish conclude',
  'show reveal indicate',
  'plan proposal',
  'law legislation',
  'company firm',
  'car vehicle',
  'death fatality',
  'injure wound hurt',
];

const CANONICAL = new Map<string, string>();
for (const group of GROUPS) {
  const stems = group.split(' ').map(stemWord);
  for (const stem of stems) if (!CANONICAL.has(stem)) CANONICAL.set(stem, stems[0]);
}

/** Irregular past forms and plurals that stemming leaves apart from their base ("bought" -> "buy"). */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  `arose:arise arisen:arise awoke:awake bore:bear borne:bear beat:beat became:become began:begin begun:begin bent:bend
  bet:bet bid:bid bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break broken:break bred:breed brought:bring
  built:build burnt:burn burst:burst bought:buy caught:catch chose:choose chosen:choose came:come cost:cost crept:creep
  dealt:deal dug:dig did:do done:do drew:draw drawn:draw drank:drink drunk:drink drove:drive driven:drive ate:eat
  eaten:eat fell:fall fallen:fall fed:feed felt:feel fought:fight found:find fled:flee flew:fly flown:fly forbade:forbid
  forgot:forget forgotten:forget forgave:forgive forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give
  given:give went:go gone:go grew:grow grown:grow hung:hang heard:hear hid:hide hidden:hide held:hold hurt:hurt kept:keep
  knew:know known:know laid:lay led:lead left:leave lent:lend lost:lose made:make meant:mean met:meet paid:pay
  quit:quit ran:run rang:ring rung:ring rose:rise risen:rise sought:seek sold:sell sent:send set:set shook:shake
  shaken:shake shot:shoot shut:shut sang:sing sung:sing sank:sink sunk:sink sat:sit slept:sleep slid:slide spoke:speak
  spoken:speak spent:spend spun:spin split:split spread:spread stood:stand stole:steal stolen:steal stuck:stick struck:strike
  stricken:strike swore:swear sworn:swear swept:sweep swam:swim swung:swing took:take taken:take taught:teach tore:tear
  torn:tear thought:think threw:throw thrown:throw understood:understand undertook:undertake undertaken:undertake
  woke:wake wore:wear worn:wear won:win withdrew:withdraw withdrawn:withdraw wrote:write written:write
  overtook:overtake overtaken:overtake overthrew:overthrow overthrown:overthrow upheld:uphold withheld:withhold
  men:man women:woman children:child people:person feet:foot teeth:tooth mice:mouse
  better:good best:good worse:bad worst:bad`
    .split(/\s+/)
    .map((pair) => pair.split(':')),
);

/** The stem of a word's base form: the stem itself, unless the word is an irregular form. */
export function baseForm(lower: string, stem: string): string {
  // Own keys only: "constructor" is a word, and Object.prototype's would reach the stemmer.
  const base = Object.hasOwn(IRREGULAR, lower) ? IRREGULAR[lower] : undefined;
  return base === undefined ? stem : stemWord(base);
}

export function canonicalStem(stem: string): string {
  return CANONICAL.get(stem) ?? stem;
}
