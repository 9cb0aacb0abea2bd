import { describe, expect, it } from 'vitest';
import { summariseScores, tCritical95 } from './score-interval';

describe('tCritical95', () => {
  it('matches the printed Student-t table (two-sided 95 %)', () => {
    // Critical values from any t table: df 1 12.706, 4 2.776, 9 2.262, 30 2.042, 120 1.980.
    expect(tCritical95(1)).toBeCloseTo(12.706, 3);
    expect(tCritical95(4)).toBeCloseTo(2.776, 3);
    expect(tCritical95(9)).toBeCloseTo(2.262, 3);
    expect(tCritical95(30)).toBeCloseTo(2.042, 3);
    expect(tCritical95(120)).toBeCloseTo(1.98, 3);
  });
});

describe('summariseScores', () => {
  it('computes the mean, the sample deviation and the t interval by hand', () => {
    // 0.5, 0.6, 0.7, 0.8, 0.9: mean 0.7, s = sqrt(0.1 / 4) = 0.158114, half width 2.776445 * 0.158114 / sqrt(5)
    // = 0.196324, so [0.503676, 0.896324].
    const summary = summariseScores([0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(summary.count).toBe(5);
    expect(summary.mean).toBeCloseTo(0.7, 12);
    expect(summary.standardDeviation).toBeCloseTo(0.158114, 6);
    expect(summary.lower).toBeCloseTo(0.503676, 5);
    expect(summary.upper).toBeCloseTo(0.896324, 5);
  });

  it('clips the interval to the score range', () => {
    // 0.9 and 1: mean 0.95, s 0.070711, half width 12.706205 * 0.070711 / sqrt(2) = 0.635310.
    const summary = summariseScores([0.9, 1]);
    expect(summary.lower).toBeCloseTo(0.31469, 4);
    expect(summary.upper).toBe(1);
  });

  it('gives no interval for one review and nothing for none', () => {
    expect(summariseScores([0.4])).toEqual({ count: 1, mean: 0.4, standardDeviation: null, lower: null, upper: null });
    expect(summariseScores([])).toEqual({ count: 0, mean: null, standardDeviation: null, lower: null, upper: null });
  });

  it('is wider with fewer reviews of the same spread', () => {
    const few = summariseScores([0.4, 0.6, 0.4, 0.6]);
    const many = summariseScores([0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6, 0.4, 0.6]);
    expect(few.upper! - few.lower!).toBeGreaterThan(many.upper! - many.lower!);
  });
});
