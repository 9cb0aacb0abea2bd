import { describe, expect, it } from 'vitest';
import { benchmarkDeviations } from './benchmark-deviation';

describe('benchmarkDeviations', () => {
  const ratings = [
    [70, 80, 90, 60], // benchmark
    [75, 85, null, 60], // lenient: +5, +5, -, 0
    [60, 80, 95, null], // -10, 0, +5
  ];

  it('computes bias, absolute deviation and % within tolerance per rater, leaving out unscored units', () => {
    const result = benchmarkDeviations(ratings, 0, 5)!;
    expect(result.perRater[0]).toBeNull();
    expect(result.perRater[1]).toEqual({
      units: 3,
      meanSignedDeviation: 10 / 3,
      meanAbsoluteDeviation: 10 / 3,
      percentWithinTolerance: 100,
    });
    expect(result.perRater[2]).toEqual({
      units: 3,
      meanSignedDeviation: -5 / 3,
      meanAbsoluteDeviation: 5,
      percentWithinTolerance: (100 * 2) / 3,
    });
    expect(result.overall).toEqual({
      units: 6,
      meanSignedDeviation: 5 / 6,
      meanAbsoluteDeviation: 25 / 6,
      percentWithinTolerance: (100 * 5) / 6,
    });
  });

  it('counts |d| = tolerance as within, despite floating-point rounding', () => {
    const result = benchmarkDeviations(
      [
        [3.3, 4.8],
        [8.3, 9.8],
      ],
      0,
      5,
    )!;
    expect(8.3 - 3.3).toBeGreaterThan(5);
    expect(result.perRater[1]!.percentWithinTolerance).toBe(100);
    expect(benchmarkDeviations([[1], [2.0001]], 0, 1)!.perRater[1]!.percentWithinTolerance).toBe(0);
  });

  it('works with any row as benchmark', () => {
    const result = benchmarkDeviations(ratings, 2, 0)!;
    expect(result.perRater[2]).toBeNull();
    expect(result.perRater[0]).toMatchObject({ units: 3, meanSignedDeviation: 5 / 3 });
  });

  it('edge cases: no overlap, the benchmark alone, invalid index or tolerance', () => {
    expect(
      benchmarkDeviations(
        [
          [1, null],
          [null, 2],
        ],
        0,
        1,
      )!.perRater[1],
    ).toEqual({
      units: 0,
      meanSignedDeviation: null,
      meanAbsoluteDeviation: null,
      percentWithinTolerance: null,
    });
    expect(benchmarkDeviations([[1, 2]], 0, 1)).toEqual({
      benchmark: 0,
      tolerance: 1,
      perRater: [null],
      overall: { units: 0, meanSignedDeviation: null, meanAbsoluteDeviation: null, percentWithinTolerance: null },
    });
    expect(benchmarkDeviations(ratings, 3, 1)).toBeNull();
    expect(benchmarkDeviations(ratings, -1, 1)).toBeNull();
    expect(benchmarkDeviations(ratings, 0.5, 1)).toBeNull();
    expect(benchmarkDeviations(ratings, 0, -1)).toBeNull();
    expect(benchmarkDeviations(ratings, 0, Number.NaN)).toBeNull();
  });
});
