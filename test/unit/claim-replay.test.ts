import { replayStoryClaims } from '../../cli/eval/claim-replay';

describe('replayStoryClaims', () => {
  it('matches each gold story\'s articles in order and lists joins and disputes, leaving out single-article stories', () => {
    const replay = replayStoryClaims([
      { id: 'fox-1', story: 'tax', source: 'Fox', title: 'Summers warns', text: 'Larry Summers warned Wednesday that failure to pass the tax compromise would significantly raise the risk of a double-dip recession.' },
      { id: 'nyt-1', story: 'tax', source: 'NYT', title: 'Summers briefs reporters', text: 'Larry Summers told a group of reporters that failure to pass the tax deal would significantly increase the risk of a double-dip recession.' },
      { id: 'wire-1', story: 'cables', source: 'Wire', title: 'Cables', text: 'Communications in the region will be fully restored by December 31, France Telecom said.' },
      { id: 'daily-1', story: 'cables', source: 'Daily', title: 'Cables', text: 'Communications in the region will not be fully restored by December 31, the ministry said.' },
      { id: 'alone-1', story: 'alone', source: 'Wire', title: 'Alone', text: 'The council approved the new budget on Monday evening after a long debate.' },
    ]);
    expect(replay.stories).toBe(2);
    expect(replay.articles).toBe(4);
    expect(replay.joins).toEqual([expect.objectContaining({ story: 'tax', articleId: 'nyt-1', otherOutlet: true, statement: expect.stringContaining('failure to pass the tax deal') })]);
    expect(replay.disputes).toEqual([expect.objectContaining({ story: 'cables', articleId: 'daily-1', kind: 'negation' })]);
  });
});
