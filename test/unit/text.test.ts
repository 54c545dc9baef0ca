import { withoutDateline } from '../../functions/core/text/dateline';
import { splitSentences } from '../../functions/core/text/sentences';
import { contentStems, tokenize } from '../../functions/core/text/tokens';
import { decodeS3Key } from '../../functions/ingest/s3-event';

describe('splitSentences', () => {
  it('splits news prose and keeps exact spans', () => {
    const text = 'Mr. Smith met Lt. Gen. Keith Kellogg in Washington, D.C. on Friday. "It went well," he said. Prices rose 2.5 percent in the U.S. economy.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Mr. Smith met Lt. Gen. Keith Kellogg in Washington, D.C. on Friday.',
      '"It went well," he said.',
      'Prices rose 2.5 percent in the U.S. economy.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split after an initial', () => {
    expect(splitSentences('Former President George W. Bush spoke. He left.').map((s) => s.text)).toEqual(['Former President George W. Bush spoke.', 'He left.']);
  });

  it('splits sentences that a scraped page runs together without a space, and nothing else', () => {
    const text = 'Three victims died at the scene.The fourth was taken to a hospital, Shaffer said.Shaffer said the gunman fled.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['Three victims died at the scene.', 'The fourth was taken to a hospital, Shaffer said.', 'Shaffer said the gunman fled.']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    // abbreviations, initials, numbers and addresses stay whole
    for (const whole of ['Mr.Smith arrived at 10 a.m.Police said so.', 'He served in the U.S.Army for years.', 'Prices rose 3.5 percent on Friday.', 'Read more at cleveland.com today.']) {
      expect(splitSentences(whole).map((s) => s.text)).toEqual([whole]);
    }
  });
});

describe('datelines', () => {
  it('reads the place, its state, a date and the agency before the dash as the dateline', () => {
    for (const [text, rest] of [
      ['BATON ROUGE -- The gunman was identified.', 'The gunman was identified.'],
      ['ALBUQUERQUE, N.M. — The teenager pleaded guilty.', 'The teenager pleaded guilty.'],
      ['MANCHESTER, IL (KMOX) – Illinois State Police issued a report.', 'Illinois State Police issued a report.'],
      ['LOS ANGELES (CBSLA.com) — Authorities said.', 'Authorities said.'],
      ['NEW YORK, Jan. 17, 2025 (Reuters) — Stocks fell.', 'Stocks fell.'],
      ['ST. LOUIS, MO (KTVI)–Two people are dead.', 'Two people are dead.'],
      ['MIAMI-DADE COUNTY, Fla. - Three teenagers were shot.', 'Three teenagers were shot.'],
      ['MOSCOW (AP) — "We will respond," he said.', '"We will respond," he said.'],
    ]) {
      expect(withoutDateline(text)).toBe(rest);
    }
  });

  it('leaves a sentence that opens with capitals but no dateline as it is', () => {
    for (const text of ['A FIRE - BOMB attack on a bank left three dead.', 'U.S. - Russia talks resume.', 'FBI — the agency said nothing.', 'I - 20 was closed.', 'Police said - Smith left.', 'MIAMI-DADE'])
      expect(withoutDateline(text)).toBe(text);
    // a long run of capitals and spaces is read once, not tried word by word
    expect(withoutDateline(`${'AB '.repeat(100_000)}x`)).toBe(`${'AB '.repeat(100_000)}x`);
  });
});

describe('tokens', () => {
  it('stems, drops possessives and normalises thousands separators', () => {
    const tokens = tokenize("Iran's 1,000 drones were supplied");
    expect(tokens.map((t) => t.stem)).toEqual(['iran', '1000', 'drone', 'were', 'suppli']);
    expect(contentStems("Iran's 1,000 drones were supplied")).toEqual(['iran', '1000', 'drone', 'suppli']);
  });
});

describe('decodeS3Key', () => {
  it('decodes S3 event keys: + is a space, percent escapes are UTF-8', () => {
    expect(decodeS3Key('inbox/my+article+%2B+notes.txt')).toBe('inbox/my article + notes.txt');
    expect(decodeS3Key('inbox/caf%C3%A9/r%C3%A9sum%C3%A9.txt')).toBe('inbox/café/résumé.txt');
  });
});
