import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputDocument, predictArticles, runEvalArticles, scoreArticles, type ArticleLine } from '../../cli/commands/eval-articles';
import { seedFiles } from '../support/seeds';

function seedLines(): ArticleLine[] {
  return seedFiles().map(({ name, bytes }) => {
    const [title, ...rest] = new TextDecoder().decode(bytes).split('\n');
    return { id: name, title, text: rest.join('\n'), source: name.slice(0, 3) };
  });
}

describe('eval articles', () => {
  it('passes only the input fields to the pipeline', () => {
    const line = { id: 'a', title: 't', text: 'x', story: 'gold-story', duplicateOf: 'gold-dup', kind: 'edited' } as ArticleLine;
    expect(inputDocument(line)).toEqual({ title: 't', text: 'x' });
  });

  it('predicts the same whatever the gold fields say', async () => {
    const plain = await predictArticles(seedLines());
    const poisoned = await predictArticles(seedLines().map((line, i) => ({ ...line, story: `gold-${i}`, duplicateOf: i > 0 ? seedLines()[0].id : null }) as ArticleLine));
    expect(poisoned).toEqual(plain);
    expect(new Set(plain.map((p) => p.story)).size).toBe(1);
  });

  it('reports an exact duplicate line as a copy of the first', async () => {
    const [first] = seedLines();
    const predictions = await predictArticles([first, { ...first, id: 'again' }]);
    expect(predictions[1]).toMatchObject({ id: 'again', duplicateOf: first.id, story: predictions[0].story });
  });

  it('ingests lines at once with --concurrency, reporting them in line order', async () => {
    const lines = seedLines();
    const [first] = lines;
    const edited = { ...lines[4], id: 'edited', text: lines[4].text.replace(/said/g, 'stated') };
    const predictions = await predictArticles([...lines, { ...first, id: 'again' }, edited], undefined, undefined, 8);
    expect(predictions.map((p) => p.id)).toEqual([...lines.map((l) => l.id), 'again', 'edited']);
    // The five seeds arrive together and still end in one story; the copies in the same wave are known as such.
    expect(new Set(predictions.map((p) => p.story)).size).toBe(1);
    expect(predictions[lines.length]).toMatchObject({ duplicateOf: first.id });
    expect(predictions[lines.length + 1]).toMatchObject({ duplicateOf: lines[4].id });
  });

  it('scores clusterings and reprints from gold fields', () => {
    const predictions = [
      { id: 'a', story: 's1', duplicateOf: null, derivedFrom: null },
      { id: 'b', story: 's1', duplicateOf: 'a', derivedFrom: null },
      { id: 'c', story: 's2', duplicateOf: null, derivedFrom: null },
    ];
    const lines = scoreArticles(
      [
        { id: 'a', story: 'x', duplicateOf: null },
        { id: 'b', story: 'x', duplicateOf: 'a' },
        { id: 'c', story: 'y', duplicateOf: null },
      ],
      predictions,
    );
    expect(lines[0]).toMatch(/pairwise P 1\.000 R 1\.000 F1 1\.000/);
    expect(lines[1]).toMatch(/reprints: pairwise P 1\.000 R 1\.000 F1 1\.000/);
  });

  it('writes one prediction per input line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, seedLines().map((l) => JSON.stringify({ ...l, story: 'gold' })).join('\n'));
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await runEvalArticles({ file: input, out: join(dir, 'out.jsonl') });
    log.mockRestore();
    err.mockRestore();
    const out = require('node:fs').readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n').map((l: string) => JSON.parse(l));
    expect(out.map((p: { id: string }) => p.id)).toEqual(seedLines().map((l) => l.id));
    expect(Object.keys(out[0]).sort()).toEqual(['derivedFrom', 'duplicateOf', 'id', 'story']);
  });

  it('replays the file in other orders with --orders and reports each order and the mean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    const input = join(dir, 'in.jsonl');
    // Two gold stories: the seeds, and one unrelated brief, so a wrong grouping would cost F1.
    const lines = [...seedLines().map((l) => ({ ...l, story: 'treaty' })), { id: 'brief', title: 'Chile earthquake damages homes', text: 'A magnitude 7 earthquake struck northern Chile on Monday, damaging hundreds of homes in Iquique.', story: 'quake' }];
    writeFileSync(input, lines.map((l) => JSON.stringify(l)).join('\n'));
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await runEvalArticles({ file: input, orders: 3 });
    log.mockRestore();
    err.mockRestore();
    expect(printed.filter((l) => /^order \d \(shuffle seed \d\): stories: pairwise/.test(l))).toHaveLength(2);
    expect(printed.at(-1)).toMatch(/^stories over 3 orders: pairwise F1 mean 1\.000, min 1\.000, max 1\.000$/);
  });
});
