import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from './krippendorff-alpha';
import type { RatingsMatrix } from './ratings';

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of Pennsylvania, Annenberg School
// for Communication, https://repository.upenn.edu/asc_papers/43 : the example reliability data matrix with
// missing values (4 observers x 12 units) and its alphas: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797. The same matrix is irrCAC's cac.raw4raters (Gwet 2014, Handbook of Inter-Rater
// Reliability, 4th ed., p. 120), for which irrCAC's weighting vignette prints krippen.alpha.raw(..., "quadratic")
// = 0.84911, and the Python package krippendorff (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py)
// asserts ordinal 0.815 and ratio 0.797.
const krippendorff2011: RatingsMatrix = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

// fast-krippendorff tests/test_krippendorff.py (3 coders x 15 units, the example of Wikipedia's "Krippendorff's
// alpha" article): nominal 0.691358, interval 0.810845; and its string-label test: 0.722222.
const threeCoders: RatingsMatrix = [
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
];

describe('krippendorffAlpha: published examples', () => {
  it('reproduces Krippendorff (2011) for all four metrics', () => {
    expect(krippendorffAlpha(krippendorff2011, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(krippendorff2011, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(krippendorff2011, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(krippendorff2011, 'ratio')).toBeCloseTo(0.797, 3);
  });

  it('matches the exact values behind those rounded figures', () => {
    // Nominal by hand from the paper's coincidence matrix: n = 40 pairable values, marginals n_c = 9, 13, 10, 5, 3,
    // off-diagonal coincidences summing to 8 (ordered pairs), so alpha = 1 - 39 * 8 / (40^2 - 384) = 113/152.
    expect(krippendorffAlpha(krippendorff2011, 'nominal')).toBeCloseTo(113 / 152, 12);
    // irrCAC krippen.alpha.raw(cac.raw4raters, weights = "quadratic") = 0.84911 (interval metric).
    expect(krippendorffAlpha(krippendorff2011, 'interval')).toBeCloseTo(0.84911, 5);
  });

  it('reproduces the fast-krippendorff reference values', () => {
    expect(krippendorffAlpha(threeCoders, 'nominal')).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(threeCoders, 'interval')).toBeCloseTo(0.810845, 6);
    const labels: RatingsMatrix = [
      ['pos', 'neg', 'neu', null],
      ['pos', 'neg', 'neu', 'pos'],
      ['pos', 'neg', 'pos', 'pos'],
    ];
    expect(krippendorffAlpha(labels, 'nominal')).toBeCloseTo(0.722222, 6);
  });

  it('ranks ordinal data by the given scale order, not by value', () => {
    const words = ['very low', 'low', 'mid', 'high', 'very high'];
    const asWords = krippendorff2011.map((row) =>
      row.map((value) => (value === null ? null : words[(value as number) - 1]!)),
    );
    expect(krippendorffAlpha(asWords, 'ordinal', { categories: words })).toBeCloseTo(0.815, 3);
  });
});

describe('krippendorffAlpha: edge cases', () => {
  it('is null without pairable units: one rater, all missing, no overlap, no raters', () => {
    expect(krippendorffAlpha([[1, 2, 3]], 'nominal')).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [null, null],
          [null, null],
        ],
        'interval',
      ),
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [1, null],
          [null, 2],
        ],
        'ordinal',
      ),
    ).toBeNull();
    expect(krippendorffAlpha([], 'ratio')).toBeNull();
  });

  it('is null (undefined, D_e = 0) for constant ratings at every level, even with fractional values', () => {
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(
        krippendorffAlpha(
          [
            [0.1, 0.1, 0.1],
            [0.1, 0.1, 0.1],
          ],
          level,
        ),
      ).toBeNull();
    }
  });

  it('is exactly 1 for perfect agreement with variation, and drops unpairable units', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3, 7],
          [1, 2, 3, null],
        ],
        'interval',
      ),
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [0.1, 0.2, 0.3],
          [0.1, 0.2, 0.3],
          [0.1, 0.2, 0.3],
        ],
        'interval',
      ),
    ).toBe(1);
  });

  it('is null where the metric does not apply: labels at interval level, negatives at ratio level', () => {
    expect(
      krippendorffAlpha(
        [
          ['a', 'b'],
          ['a', 'b'],
        ],
        'interval',
      ),
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [-1, 2],
          [-1, 3],
        ],
        'ratio',
      ),
    ).toBeNull();
  });

  it('handles zeros at ratio level (0/0 difference counts as agreement)', () => {
    expect(
      krippendorffAlpha(
        [
          [0, 1, 2],
          [0, 1, 2],
        ],
        'ratio',
      ),
    ).toBe(1);
  });

  it('reads short rows and non-finite numbers as missing', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2],
        ],
        'nominal',
      ),
    ).toBe(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2, null],
        ],
        'nominal',
      ),
    );
    expect(
      krippendorffAlpha(
        [
          [1, 2, Number.NaN],
          [1, 2, 3],
        ],
        'interval',
      ),
    ).toBe(1);
  });
});
