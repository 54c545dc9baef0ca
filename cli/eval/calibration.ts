/**
 * How often an article's best candidate story is its own story, by the log-odds the model gives it:
 * a model calibrated for a set turns from mostly wrong to mostly right near its join threshold (0),
 * and a set on which it turns elsewhere is one whose odds the features do not carry over to.
 */
export interface BestCandidate {
  /** The model's log-odds for the article's best candidate. */
  score: number;
  /** The candidate is the article's story: most of its articles are of the article's gold story. */
  right: boolean;
}

export interface CalibrationBin {
  /** Lower bound of the log-odds (inclusive), -Infinity for the lowest bin. */
  from: number;
  /** Upper bound (exclusive), Infinity for the highest bin. */
  to: number;
  right: number;
  wrong: number;
}

/** Whole log-odds from -3 to 3: the range in which a join decision at 0 is made or lost. */
const EDGES = [-3, -2, -1, 0, 1, 2, 3];

export function calibrationBins(best: readonly BestCandidate[], edges: readonly number[] = EDGES): CalibrationBin[] {
  const bounds = [-Infinity, ...edges, Infinity];
  const bins = bounds.slice(0, -1).map((from, i) => ({ from, to: bounds[i + 1], right: 0, wrong: 0 }));
  for (const { score, right } of best) {
    const bin = bins.find((candidate) => score >= candidate.from && score < candidate.to)!;
    if (right) bin.right += 1;
    else bin.wrong += 1;
  }
  return bins;
}

/** One line: each bin as "[from, to) right/wrong". */
export function formatCalibration(variant: string, bins: readonly CalibrationBin[]): string {
  const bound = (value: number) => (Number.isFinite(value) ? String(value) : value < 0 ? '-inf' : 'inf');
  return `${variant.padEnd(18)} best candidate right/wrong by log-odds: ${bins.map((bin) => `[${bound(bin.from)}, ${bound(bin.to)}) ${bin.right}/${bin.wrong}`).join('  ')}`;
}
