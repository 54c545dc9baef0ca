/** Cheap verb recognition for rule-based clause splitting: auxiliaries, irregular pasts and -ed forms. */

export const AUX = new Set('is are was were has have had will would can could may might must should did does do be been being am shall'.split(' '));
const IRREGULAR_PAST = new Set(
  `withdrew sent took made gave won fled built began became came went told met led left held kept brought bought fought
  sought struck spoke wrote ran saw knew grew drew threw rose fell chose lost paid put set spent stood broke drove found
  got hit let read shut sold stuck taught understood felt heard meant said laid bore beat blew caught dealt fed forgot froze
  hid hung lit rode rang sang sank sat shot shook slept spread stole swept swam swung wept overthrew undertook oversaw`.split(/\s+/),
);
/** -ed words that are rarely the verb of a clause. */
const ED_NOT_VERB = new Set('united armed aligned based backed detonating renewed limited advanced alleged so-called red bed need speed seed feed weed hundred'.split(' '));

/** An auxiliary with "n't" ("wasn't", "doesn't", "won't"): a verb where a clause's subject ends. */
export function isNegatedAuxiliary(word: string): boolean {
  return /^(?:is|are|was|were|has|have|had|do|does|did|wo|ca|could|would|should|must|might|need)n['’]t$/i.test(word);
}

export function isVerbLike(word: string, allowPresent = false): boolean {
  if (!/^[a-z][a-z'-]*$/.test(word)) return false;
  if (AUX.has(word) || IRREGULAR_PAST.has(word)) return true;
  if (word.length >= 5 && word.endsWith('ed') && !ED_NOT_VERB.has(word) && !word.includes('-')) return true;
  if (allowPresent && word.length >= 4 && /[^su]s$/.test(word)) return true;
  return false;
}

