import { calibrationBins, formatCalibration } from '../../cli/eval/calibration';

describe('calibration bins', () => {
  it('counts right and wrong best candidates by whole log-odds, lower bound inclusive, with open ends', () => {
    const bins = calibrationBins([
      { score: -7, right: false },
      { score: -1, right: true },
      { score: -0.5, right: false },
      { score: 0, right: true },
      { score: 0.99, right: true },
      { score: 12, right: true },
    ]);
    expect(bins.map((bin) => [bin.from, bin.to, bin.right, bin.wrong])).toEqual([
      [-Infinity, -3, 0, 1],
      [-3, -2, 0, 0],
      [-2, -1, 0, 0],
      [-1, 0, 1, 1],
      [0, 1, 2, 0],
      [1, 2, 0, 0],
      [2, 3, 0, 0],
      [3, Infinity, 1, 0],
    ]);
  });

  it('prints one line a variant', () => {
    const line = formatCalibration('ecbplus-dev', calibrationBins([{ score: -0.5, right: true }], [0]));
    expect(line).toBe('ecbplus-dev        best candidate right/wrong by log-odds: [-inf, 0) 1/0  [0, inf) 0/0');
  });
});
