import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crossValidate, type PairLine, runEvalPairs } from '../../cli/commands/eval-pairs';
import { FIT_OPTIONS } from '../../cli/eval/fit-matcher';

const SUBJECTS = ['council', 'minister', 'court', 'company', 'union', 'mayor', 'army', 'bank', 'school', 'team'];
const VERBS = ['approved the budget', 'signed the treaty', 'raised the rates', 'closed the plant', 'won the vote'];

/** Restatements (label 1, score 4.5) and unrelated sentences (label 0, score 0.5), interleaved. */
function pairLines(prefix: string, gold: 'label' | 'score'): PairLine[] {
  const lines: PairLine[] = [];
  SUBJECTS.forEach((s, i) => VERBS.forEach((v, j) => {
    const same = { a: `The ${s} ${v} on Monday.`, b: `On Monday the ${s} ${v}.` };
    const other = { a: `The ${s} ${v} on Monday.`, b: `The ${SUBJECTS[(i + 3) % 10]} ${VERBS[(j + 2) % 5]} last week.` };
    lines.push({ id: `${prefix}-${i}-${j}-s`, ...same, ...(gold === 'label' ? { label: 1 } : { score: 4.5 }) });
    lines.push({ id: `${prefix}-${i}-${j}-o`, ...other, ...(gold === 'label' ? { label: 0 } : { score: 0.5 }) });
  }));
  return lines;
}

const SMALL = { ...FIT_OPTIONS, trees: { ...FIT_OPTIONS.trees, trees: 10, minLeaf: 5 } };

describe('eval pairs, nested cross-validation', () => {
  it('decides a held-out pair the same whatever its own gold label says', () => {
    // Prepare: the same pairs twice, the second time with the labels of outer fold 0 flipped
    const lines = pairLines('p', 'label');
    const flipped = lines.map((line, i) => (i % 5 === 0 ? { ...line, label: 1 - line.label! } : line));
    // Act
    const plain = crossValidate(new Map([['pairs-x', lines]]), 5, SMALL);
    const poisoned = crossValidate(new Map([['pairs-x', flipped]]), 5, SMALL);
    // Assess: fold 0's decisions come from fits that never saw fold 0's labels
    const foldZero = (p: typeof plain) => lines.filter((_, i) => i % 5 === 0).map((line) => p.get(`pairs-x\u0000${line.id}`));
    expect(foldZero(poisoned)).toEqual(foldZero(plain));
    // ... while the other folds, fitted on the flipped labels, are not all decided as before
    const rest = (p: typeof plain) => lines.filter((_, i) => i % 5 !== 0).map((line) => p.get(`pairs-x\u0000${line.id}`)?.same);
    expect(rest(poisoned)).not.toEqual(rest(plain));
  });

  it('decides every pair of every set exactly once', () => {
    const sets = new Map([['pairs-labelled', pairLines('l', 'label')], ['pairs-scored', pairLines('s', 'score')]]);
    const predictions = crossValidate(sets, 3, SMALL);
    expect(predictions.size).toBe(200);
    expect([...predictions.values()].filter((p) => p.set === 'pairs-scored')).toHaveLength(100);
  });

  it('prints out-of-fold figures for each file of a directory', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'eval-pairs-'));
    writeFileSync(join(dir, 'pairs-a.jsonl'), pairLines('a', 'label').map((l) => JSON.stringify(l)).join('\n'));
    writeFileSync(join(dir, 'pairs-b.jsonl'), pairLines('b', 'score').map((l) => JSON.stringify(l)).join('\n'));
    writeFileSync(join(dir, 'stories-c.jsonl'), '');
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const progress = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    // Act
    await runEvalPairs({ files: [dir], folds: 3 });
    log.mockRestore();
    progress.mockRestore();
    // Assess
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatch(/^pairs-a: 100 labelled \(nested 3-fold CV, out-of-fold\); accuracy \d+\.\d, F1 \d+\.\d/);
    expect(printed[1]).toMatch(/^pairs-b: 100 scored \(nested 3-fold CV, out-of-fold\); Spearman x100 \d+\.\d/);
  });
});
