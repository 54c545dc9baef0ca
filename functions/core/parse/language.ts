// Frequent function words per language: a cheap, dependency-free detector that only has to tell
// English from the rest so that non-English articles can be marked rather than mis-matched.
const MARKERS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'as', 'by', 'have'],
  es: ['el', 'la', 'de', 'que', 'y', 'en', 'los', 'del', 'las', 'por', 'una', 'para', 'con', 'es'],
  fr: ['le', 'la', 'les', 'de', 'des', 'et', 'est', 'que', 'du', 'une', 'pour', 'dans', 'qui', 'pas'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'den', 'mit', 'von', 'zu', 'ein', 'eine', 'sich', 'auf'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'non', 'del', 'della', 'un', 'una', 'sono', 'gli', 'con'],
  pt: ['o', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'para', 'com', 'não', 'uma', 'os', 'no'],
  nl: ['de', 'het', 'een', 'en', 'van', 'ik', 'te', 'dat', 'die', 'in', 'niet', 'zijn', 'op', 'voor'],
};

const SCRIPTS: Array<[string, RegExp]> = [
  ['ru', /\p{Script=Cyrillic}/gu],
  ['ar', /\p{Script=Arabic}/gu],
  ['zh', /\p{Script=Han}/gu],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['ko', /\p{Script=Hangul}/gu],
  ['el', /\p{Script=Greek}/gu],
  ['he', /\p{Script=Hebrew}/gu],
  ['hi', /\p{Script=Devanagari}/gu],
];

const MARKER_SETS = Object.entries(MARKERS).map(([code, markers]) => [code, new Set(markers)] as const);
const NON_LETTERS = /\P{L}+/gu;
/** Every script above starts at U+0370 or later: text without such code units has none of them. */
const BEYOND_LATIN = /[\u0370-\uffff]/;

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 5000);
  const letters = countLetters(sample);
  if (letters < 20) return 'und';
  if (BEYOND_LATIN.test(sample)) {
    for (const [code, script] of SCRIPTS) {
      if ((sample.match(script) ?? []).length > letters * 0.3) return code;
    }
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'und';
  let bestScore = 0;
  for (const [code, set] of MARKER_SETS) {
    let hits = 0;
    for (const word of words) if (set.has(word)) hits += 1;
    const score = hits / words.length;
    if (score > bestScore) {
      best = code;
      bestScore = score;
    }
  }
  return bestScore >= 0.08 ? best : 'und';
}

/** Letters (code points) in the text: what `text.match(/\p{L}/gu).length` counts, without an array of them. */
function countLetters(text: string): number {
  const letters = text.replace(NON_LETTERS, '');
  let count = letters.length;
  // Only letters are left, so a high surrogate here starts an astral letter: one code point, two units.
  for (let i = 0; i < letters.length; i += 1) {
    const unit = letters.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) count -= 1;
  }
  return count;
}
