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

export function canonicalStem(stem: string): string {
  return CANONICAL.get(stem) ?? stem;
}
