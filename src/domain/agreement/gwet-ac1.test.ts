import { describe, expect, it } from 'vitest';
import { gwetAc1 } from './gwet-ac1';
import type { Rating, RatingsMatrix } from './ratings';

// Gwet, K. L. (2014). Handbook of Inter-Rater Reliability, 4th ed., p. 120: 4 raters x 12 subjects with missing
// ratings (irrCAC dataset cac.raw4raters; the same matrix as Krippendorff 2011). irrCAC's "benchmarking" vignette
// prints gwet.ac1.raw(cac.raw4raters)$est: coeff.val 0.77544 (p_a = 0.8181818, p_e = 0.1903212).
const raw4raters: RatingsMatrix = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

describe('gwetAc1', () => {
  it('reproduces irrCAC on cac.raw4raters (0.77544), counting the single-rating unit in pi_k', () => {
    expect(gwetAc1(raw4raters)).toBeCloseTo(0.77544, 5);
    // Exact from p_a = 9/11 and p_e = 0.19032118055555555 (the single rating of unit 12 enters pi_k).
    expect(gwetAc1(raw4raters)).toBeCloseTo((9 / 11 - 0.19032118055555555) / (1 - 0.19032118055555555), 12);
  });

  // irrCAC "overview" vignette: gwet.ac1.table(cont3x3abstractors) = 0.8493305 (two raters, 100 subjects).
  it('reproduces irrCAC on cont3x3abstractors (0.8493305)', () => {
    const table = [
      [13, 0, 0],
      [0, 20, 7],
      [0, 4, 56],
    ];
    const rows: [Rating[], Rating[]] = [[], []];
    table.forEach((row, i) =>
      row.forEach((count, j) => {
        for (let copy = 0; copy < count; copy += 1) {
          rows[0].push(i);
          rows[1].push(j);
        }
      }),
    );
    expect(gwetAc1(rows)).toBeCloseTo(0.8493305, 7);
  });

  it('stays high on a skewed item where kappa-type statistics collapse (the reason to report it)', () => {
    const skewed = [Array(20).fill('Ja'), [...Array(19).fill('Ja'), 'Nee']];
    expect(gwetAc1(skewed)).toBeGreaterThan(0.9);
  });

  it('uses the full scale for q when given', () => {
    const ratings = [
      ['Ja', 'Nee', 'Ja'],
      ['Ja', 'Ja', 'Ja'],
    ];
    expect(gwetAc1(ratings, { categories: ['Ja', 'Nee', 'N.v.t.'] })).not.toBeCloseTo(gwetAc1(ratings)!, 6);
  });

  it('edge cases: null without pairable units, 1 for a single category (p_e = 0)', () => {
    expect(gwetAc1([[1, 2, 3]])).toBeNull();
    expect(
      gwetAc1([
        [null, null],
        [null, null],
      ]),
    ).toBeNull();
    expect(gwetAc1([])).toBeNull();
    expect(
      gwetAc1([
        ['Ja', 'Ja'],
        ['Ja', 'Ja'],
      ]),
    ).toBe(1);
    expect(
      gwetAc1(
        [
          ['Ja', 'Ja'],
          ['Ja', 'Ja'],
        ],
        { categories: ['Ja', 'Nee'] },
      ),
    ).toBe(1);
  });
});
