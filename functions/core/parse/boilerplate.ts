/**
 * Generic rules for the furniture that surrounds article text on news sites. They describe kinds
 * of line (prompts, credits, captions, section markers), never a particular outlet's wording.
 */

import { withoutListMarker } from '../text/normalize';

// A line made only of one of these is page furniture.
const FURNITURE_LINE =
  /^(advertisement|advert|sponsored( content)?|ad|share( (this|via|on \w+))?|click to (comment|share)|to top|back to top|print|email|comments?|read more|related( stories| articles| coverage)?|most read|trending|recommended|subscribe|sign up|log in|listen( to (this|the) (article|story))?|\d+ min(ute)?s? read|skip to (main )?content|follow us.*|image|video|photo|gallery|loading\.*)[.:!]*$/i;

// Lines that start like this announce links, promotions or credits rather than report.
const FURNITURE_PREFIX =
  /^(see also|read more|read also|also read|related|more from|more on|watch|listen|sign up|subscribe|follow (us|\w+ on)|click here|download (our|the) app|share (this|via)|(photo|image|video|graphic)s?( credit)?\s*[:(]|(photo|image)s? by\b|credit\s*:|copyright\b|©|\(c\) ?\d{4}|all rights reserved|this (article|story) (was|has been|first)|this material may not be|you may occasionally receive|the most important .* in your inbox|getty images|ap photo|reuters\/)/i;

// A block that begins with one of these ends the article: what follows is promotion.
const TRAILER_START = /^(more to read|more stories|related (stories|articles|coverage)|recommended( for you)?|you might also like|most popular|most read|editor'?s picks?|latest (news|stories)|newsletter)\b.{0,40}$/i;

// Photo captions name their subject's position or credit the agency. A bracket is read once: the
// lookahead finds its end before the agency is looked for inside.
const CAPTION =
  /(\((left|right|center|centre|l|r|c|top|bottom|front|back|second (left|right)|file( photo)?)\)|\b(pool photograph|pool photo|file photo|photo by|photograph(ed)? by|pictured|via (afp|ap|reuters|getty)|\/ ?(afp|ap|reuters|getty images|pool)\b|\[(?=[^[\]]*\])[^[\]]*?(afp|ap|reuters|getty|pool|photo)[^[\]]*\]))/i;

// Bylines and contributor notes.
const CREDIT = /^(by [\p{Lu}][\p{L}.' -]{1,60}$|.{0,120}\b(writes for|reported from|contributed (to )?(this|the) report|contributed reporting|contributed\.$))/iu;

export function isFurniture(line: string): boolean {
  const trimmed = withoutListMarker(line);
  if (trimmed.length === 0) return true;
  if (CREDIT.test(trimmed)) return true;
  if (FURNITURE_LINE.test(trimmed)) return true;
  if (FURNITURE_PREFIX.test(trimmed)) return true;
  if (/^[-–—•*·|]+$/.test(trimmed)) return true;
  return false;
}

/** Captions are short: the length is checked first, so the pattern never runs over a long paragraph. */
const MAX_CAPTION_WORDS = 60;

export function isCaption(line: string): boolean {
  return line.length < MAX_CAPTION_WORDS * 40 && line.split(/\s+/).length < MAX_CAPTION_WORDS && CAPTION.test(line);
}

export function startsTrailer(line: string): boolean {
  return TRAILER_START.test(line.trim());
}

// A video player's or a photo's controls, scraped into the paragraph they sit on: "Skip Ad Ad
// Loading... x Embed x Share A man started a fire ...", "CLOSE Skip in Skip x Embed x Share ...",
// "Buy Photo Two adults in a car were also wounded ... (Photo: Elizabeth Conley / The Detroit
// News)Buy Photo". Two controls in a row, or "Buy Photo", are never prose.
const WIDGET_CONTROL = String.raw`(?:CLOSE|Skip(?: Ad| in Skip)?|Ad Loading\.{0,3}|x Embed|x Share|Buy Photo)`;
const WIDGET_OPENING = new RegExp(String.raw`^(?:(?:${WIDGET_CONTROL}\s+){2,}|Buy Photo\s+)(?=\S)`);
const WIDGET_CLOSING = /\s*Buy Photo$/;
const WIDGET_ONLY = new RegExp(String.raw`^(?:${WIDGET_CONTROL}\s*)+$`);

// What an embedded player says in place of its video or audio when the page is read without it,
// asking the reader for software: "Please enable Javascript to watch this video", "Sorry, your
// browser doesn't support Flash, needs a Flash update, or has Flash disabled. You need Flash to
// watch this video. EMBED </>More News Videos". Each sentence names the software (JavaScript,
// Flash, a plug-in) the reader needs to watch, view or hear something, or says the browser cannot
// play the audio or video; a report about a browser or its patches does not begin so.
const PLAYER_PROMPT = new RegExp(
  String.raw`^(?:` +
    [
      String.raw`(?:sorry,?\s*)?your (?:web )?browser (?:does not|doesn't|does n't) support (?:the )?(?:audio|video|flash|html5|iframes?|javascript)\b[^.]{0,120}\.`,
      String.raw`(?:please\s+)?(?:enable|turn on) javascript(?: to (?:watch|view|see|play|hear|listen to) (?:this|the) (?:[\w-]+ ){0,3}?(?:video|audio|player|content|comments)(?: powered by [\w.]+)?)?\.?`,
      String.raw`you (?:will )?need [^.]{0,60}\b(?:flash|javascript|plug-?in)\b[^.]{0,40}\bto (?:watch|view|see|play|hear|listen to)\b[^.]{0,60}\.(?:\s*download now\s*\.)?`,
      String.raw`embed </>\s*more news videos`,
    ].join('|') +
    String.raw`)(?=\s|$)\s*`,
  'i',
);

/**
 * A paragraph without the controls of a video or photo scraped into it (WIDGET_CONTROL) and without
 * the prompts a player leaves at its start (PLAYER_PROMPT); empty when it holds nothing else.
 */
export function withoutWidgetControls(paragraph: string): string {
  if (WIDGET_ONLY.test(paragraph)) return '';
  let text = paragraph;
  for (let prompt = PLAYER_PROMPT.exec(text); prompt && prompt[0].length > 0; prompt = PLAYER_PROMPT.exec(text)) text = text.slice(prompt[0].length);
  return text.replace(WIDGET_OPENING, '').replace(WIDGET_CLOSING, '');
}

/** Drops furniture and captions, and everything from a promotional trailer on. */
export function removeBoilerplate(paragraphs: readonly string[]): string[] {
  const kept: string[] = [];
  for (const raw of paragraphs) {
    const paragraph = withoutWidgetControls(raw);
    if (startsTrailer(paragraph) && kept.length > 0) break;
    if (isFurniture(paragraph) || isCaption(paragraph)) continue;
    kept.push(paragraph);
  }
  return kept;
}
