import { describe, expect, it } from 'vitest';
import { fleissKappa } from './fleiss-kappa';
import type { Rating } from './ratings';

/** Builds rows = raters from "how many raters chose category j for subject i" (Fleiss's n_ij table). */
function fromCounts(counts: readonly (readonly number[])[], raters: number): Rating[][] {
  const rows: Rating[][] = Array.from({ length: raters }, () => []);
  counts.forEach((subject) => {
    let rater = 0;
    subject.forEach((count, category) => {
      for (let copy = 0; copy < count; copy += 1) rows[rater++]!.push(category + 1);
    });
  });
  return rows;
}

describe('fleissKappa', () => {
  // Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76(5),
  // 378-382; the worked example of Wikipedia's "Fleiss' kappa" article: 10 subjects, 14 raters, 5 categories,
  // P_bar = 0.378, P_e = 0.213, kappa = 0.210.
  it('reproduces the Wikipedia worked example (kappa 0.210)', () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(fromCounts(counts, 14))).toBeCloseTo(0.21, 3);
    expect(fleissKappa(fromCounts(counts, 14))).toBeCloseTo(0.20993070442195522, 12);
  });

  it('ignores units nobody rated but needs equal counts elsewhere', () => {
    expect(
      fleissKappa([
        [1, 2, null, 1],
        [1, 2, null, 2],
      ]),
    ).toBe(
      fleissKappa([
        [1, 2, 1],
        [1, 2, 2],
      ]),
    );
    expect(
      fleissKappa([
        [1, 2, 1],
        [1, 2, null],
        [1, null, 2],
      ]),
    ).toBeNull();
  });

  it('is null for one rater, all missing, constant ratings; 1 for perfect agreement', () => {
    expect(fleissKappa([[1, 2, 3]])).toBeNull();
    expect(fleissKappa([[null], [null]])).toBeNull();
    expect(fleissKappa([])).toBeNull();
    expect(
      fleissKappa([
        ['Ja', 'Ja'],
        ['Ja', 'Ja'],
      ]),
    ).toBeNull();
    expect(
      fleissKappa([
        ['Ja', 'Nee'],
        ['Ja', 'Nee'],
        ['Ja', 'Nee'],
      ]),
    ).toBe(1);
  });
});
