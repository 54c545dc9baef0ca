import { extractClaims } from '../../functions/core/claims/extract-claims';
import { claimHeadline } from '../../functions/core/digest/claim-headline';

/** The headline of each claim read from one paragraph. */
const headlines = (paragraph: string) => extractClaims([paragraph]).map((claim) => claimHeadline(claim));

describe('claimHeadline', () => {
  it('is the sentence as the outlet wrote it when the claim is the whole sentence, attribution and quotes included', () => {
    const sentence = 'Iranian and Russian officials said the "comprehensive strategic partnership treaty" covers areas from trade and military cooperation to science.';
    expect(headlines(sentence)).toEqual([sentence]);
  });

  it('restores the subject of each claim read from a piece of a sentence', () => {
    // A seed sentence (seeds/000): one subject, three claims.
    const sentence =
      "Trump, who withdrew the United States from an international deal designed to curb Iran's nuclear program in exchange for sanctions relief and ordered the killing of one of Iran's top generals in 2020, was the target of an alleged Iranian plot to kill him last year.";
    expect(headlines(sentence)).toEqual([
      "Trump withdrew the United States from an international deal designed to curb Iran's nuclear program in exchange for sanctions relief.",
      "Trump ordered the killing of one of Iran's top generals in 2020.",
      'Trump was the target of an alleged Iranian plot to kill him last year.',
    ]);
  });

  it("keeps the source a piece was attributed to, in the cue's words or as 'according to'", () => {
    const concession =
      "The timing of the deal, just days before President-elect Donald Trump's inauguration, has raised eyebrows, though Kremlin spokesman Dmitry Peskov insisted the signing was long planned and unrelated to U.S. political developments.";
    expect(headlines(concession).slice(1)).toEqual([
      'The signing was long planned, Kremlin spokesman Dmitry Peskov insisted.',
      'The signing was unrelated to U.S. political developments, Kremlin spokesman Dmitry Peskov insisted.',
    ]);
    expect(claimHeadline({ text: 'hailed the deal', statement: 'the deal is a breakthrough', part: 1, attribution: { source: 'Putin', cue: 'hailed' } })).toBe('The deal is a breakthrough, according to Putin.');
    expect(claimHeadline({ text: 'dismissed any link', statement: 'Peskov dismissed any link', part: 1, attribution: { source: 'Peskov', cue: 'dismissed' } })).toBe('Peskov dismissed any link.');
    expect(claimHeadline({ text: 'x', statement: 'the ambassador met the minister', part: 0, attribution: { source: 'TASS', cue: 'reported', citing: 'the embassy' } })).toBe(
      'The ambassador met the minister, TASS reported, citing the embassy.',
    );
  });

  it("moves a sentence-opening role or pronoun into running text, and gives a speaker's act in the outlet's voice", () => {
    expect(headlines('Police said the suspect was arrested on Monday and charged with two counts of murder.')).toEqual([
      'The suspect was arrested on Monday, police said.',
      'The suspect was charged with two counts of murder, police said.',
    ]);
    expect(headlines('The minister said the plan had failed and called for new elections in the spring.')).toEqual([
      'The plan had failed, the minister said.',
      'The minister called for new elections in the spring.',
    ]);
  });

  it('puts back the quotation marks the statement lost', () => {
    const sentence = `Pezeshkian spoke in support of peace talks, saying that "war is not a solution" and urging the West to "avoid imposing excessive demands."`;
    expect(headlines(sentence).slice(1)).toEqual(['"War is not a solution", Pezeshkian said.', 'Pezeshkian urged the West to "avoid imposing excessive demands".']);
  });

  it('names the speaker of a sentence that is all one quotation, continuing the sentence before', () => {
    const paragraph = 'Pezeshkian said the region should resolve its own problems. "They come from another side of the world to make chaos in the region," he said. "These ties will defuse their plot, definitely."';
    expect(headlines(paragraph).slice(1)).toEqual([
      '"They come from another side of the world to make chaos in the region," he said.',
      '"These ties will defuse their plot, definitely," Pezeshkian said.',
    ]);
    // a quotation that does not fill the sentence, or has no speaker, stays as written
    expect(claimHeadline({ text: '"Never again," the banner read on Friday.', quotes: [{ text: 'Never again' }] })).toBe('"Never again," the banner read on Friday.');
    expect(claimHeadline({ text: '"We will return to the table."', quotes: [{ text: 'We will return to the table' }] })).toBe('"We will return to the table."');
  });

  it('names in brackets the person a sentence-opening "he" or "she" who speaks stands for, and nothing that is not a person', () => {
    expect(
      headlines('Putin praised the deal as a real breakthrough for the region. He said the amount of trade and economic cooperation was still insufficient.')[1],
    ).toBe('He [Putin] said the amount of trade and economic cooperation was still insufficient.');
    // a part of a sentence that opens with its speaker reads as written
    expect(headlines('Pezeshkian said the region must act. He emphasized the importance of regional self-reliance, arguing that external influences only heighten tensions.').slice(1)).toEqual([
      'He [Pezeshkian] emphasized the importance of regional self-reliance.',
      'External influences only heighten tensions, Pezeshkian emphasized.',
    ]);
    expect(headlines('The Kremlin said the talks went well. He said the amount of trade and economic cooperation was still insufficient.')[1]).toBe(
      'He said the amount of trade and economic cooperation was still insufficient.',
    );
    // "he" that is not the speaker stays as written
    expect(claimHeadline({ text: 'He was arrested on Friday, police said.', attribution: { source: 'Putin', cue: 'said' } })).toBe('He was arrested on Friday, police said.');
    // a source the sentence names itself is what it attributes to, not who "she" is
    const text = 'She said he repeatedly struck her in the face before the shooting, Detective Clark said.';
    expect(claimHeadline({ text, attribution: { source: 'Detective Clark', cue: 'said' } })).toBe(text);
  });

  it('is the exact text when there is no statement to read', () => {
    expect(claimHeadline({ text: 'ordered the killing', part: 1 })).toBe('ordered the killing');
    expect(claimHeadline({ text: 'A whole sentence.', statement: 'a whole sentence', part: undefined })).toBe('A whole sentence.');
  });
});
