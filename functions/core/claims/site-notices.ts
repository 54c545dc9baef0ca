/**
 * What a news site says to its reader rather than reports: account, sign-in and registration
 * prompts, e-mail notification settings, a captcha, app downloads, invitations to follow the outlet
 * or join its discussion ("For more neighborhood news, listen to DNAinfo Radio here:"), an embedded
 * post's location notice, and copyright notices in brackets or after a wire's source line. Crawled
 * pages carry them beside the article, or as all the text of a page behind a sign-in. Read as
 * claims, one site's prompt under two headlines corroborates itself ("We have sent you a
 * verification email.", "Email notifications are only sent once a day ..."), and the sentences that
 * follow in the same line ("Please check your email and click on the link ...") are no report either,
 * so the whole line is left out. Each alternative is a kind of prompt anchored at the line's start,
 * so that a report of someone signing in or sending an e-mail keeps its sentence.
 *
 * The parser keeps these lines in the article's text, which the story evidence reads: taking them
 * out there was measured and lowers the story minimum (docs/quality.md, "Site notices").
 */
import { withoutListMarker } from '../text/normalize';

const READER_PROMPT = new RegExp(
  String.raw`^(?:close\s+)?(?:` +
    [
      String.raw`get email notifications\b`,
      String.raw`(?:e-?mail )?newsletters?:? sign up\b`,
      String.raw`your (?:notification|subscription|registration|profile|account|preferences?) (?:has|have|was|were|is) (?:been )?(?:saved|updated|created|confirmed|activated)\b`,
      String.raw`there was a problem (?:saving|with|processing) your\b`,
      String.raw`whenever .{1,60}? posts new content\b`,
      String.raw`email notifications are only sent\b`,
      String.raw`we have sent (?:you )?an? (?:verification|confirmation|activation) (?:email|e-mail|message|link)\b`,
      String.raw`if you do not receive the (?:verification|confirmation|activation) (?:email|e-mail|message)\b`,
      String.raw`(?:thank you|thanks) for (?:registering|signing up|subscribing)\b`,
      String.raw`(?:welcome back\.? )?please (?:sign|log) in\b`,
      String.raw`(?:sign|log) in (?:using|with) (?:your|you)\b`,
      String.raw`by (?:submitting|clicking|signing up|registering)\b.{0,80}\byou agree to\b`,
      String.raw`click here to return to the page\b`,
      String.raw`you must enter the characters\b`,
      String.raw`we look forward to seeing you on\b`,
      String.raw`when you tweet with a location\b`,
      String.raw`add a location to your tweets\b`,
      String.raw`like this: like loading\b`,
      String.raw`stay up to date,? follow\b`,
      String.raw`follow [\w.]+(?: [\w.]+){0,3}: ?(?:facebook|twitter|instagram)\b`,
      String.raw`for (?:more|the latest)\b.{0,60}?, ?(?:listen|visit|go|click|follow|download|sign up|subscribe|tune|check out|head)\b`,
      String.raw`join the conversation on\b`,
      String.raw`download the [\w\s.&'-]{1,40}\bapp\b`,
      String.raw`report an error or submit a tip\b`,
      String.raw`hide transcript show transcript\b`,
    ].join('|') +
    ')',
  'i',
);

// "(© 2016 KHOU)", "(TM and © Copyright 2014 CBS Radio Inc. ...)", "(Source: Sun-Times Media Wire ©
// Chicago Sun-Times 2014. All Rights Reserved. ...)", "All content © 2016, WALA; ...", or a short
// line that reserves its rights under a copyright of a year.
const COPYRIGHT_NOTICE = /^[([]?\s*(?:(?:tm and|source:[^©]{0,60}?|all content)\s*)?(?:©|\(c\)\s*\d{4}|copyright\b)/i;
const RIGHTS_RESERVED = /\ball rights reserved\b/i;
const COPYRIGHT_OF_A_YEAR = /©|\bcopyright (?:© ?)?\d{4}\b/i;
const MAX_NOTICE_WORDS = 60;

/** A line (a paragraph of the article's text) that is the site speaking to its reader, or its copyright notice. */
export function isSiteNotice(line: string): boolean {
  const trimmed = withoutListMarker(line);
  if (READER_PROMPT.test(trimmed) || COPYRIGHT_NOTICE.test(trimmed)) return true;
  return trimmed.length < MAX_NOTICE_WORDS * 20 && RIGHTS_RESERVED.test(trimmed) && COPYRIGHT_OF_A_YEAR.test(trimmed) && trimmed.split(/\s+/).length <= MAX_NOTICE_WORDS;
}
