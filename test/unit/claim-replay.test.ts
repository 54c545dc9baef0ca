import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('corroborate eval claims --print', () => {
  it('writes every line into a pipe before it exits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-claims-'));
    const file = join(dir, 'stories-pipe.jsonl');
    const stories = 2000;
    const warning = 'failure to pass the tax compromise would significantly raise the risk of a double-dip recession in the economy of the United States and of its trading partners in Europe and in Asia this year.';
    const lines: string[] = [];
    for (let i = 0; i < stories; i += 1) {
      lines.push(JSON.stringify({ id: `fox-${i}`, story: `tax-${i}`, source: 'Fox', title: 'Summers warns', text: `Larry Summers warned Wednesday that ${warning}` }));
      lines.push(JSON.stringify({ id: `nyt-${i}`, story: `tax-${i}`, source: 'NYT', title: 'Summers briefs reporters', text: `Larry Summers told a group of reporters that ${warning}` }));
    }
    writeFileSync(file, lines.join('\n'));
    // a reader that starts late, as a pager or a slow pipeline does: one join a story, about 600 KB
    // in all, is more than the pipe holds, so the rest waits in the process
    const command = `"${process.execPath}" --import tsx cli/main.ts eval claims "${file}" --print | (sleep 1; grep -c "join")`;
    const output = execFileSync('bash', ['-c', command], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' });
    expect(Number(output.trim())).toBe(stories);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
