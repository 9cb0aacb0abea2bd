import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa';
import type { Rating } from './ratings';

/** Turns a contingency table (rows: first rater's category, columns: second's) into two rating vectors. */
function fromTable(table: readonly (readonly number[])[], labels: readonly Rating[]): [Rating[], Rating[]] {
  const first: Rating[] = [];
  const second: Rating[] = [];
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let copy = 0; copy < count; copy += 1) {
        first.push(labels[i]!);
        second.push(labels[j]!);
      }
    }),
  );
  return [first, second];
}

describe('cohenKappa: published examples', () => {
  it('Wikipedia "Cohen\'s kappa", worked example: 50 proposals, 20/5/10/15 -> 0.40', () => {
    const [a, b] = fromTable(
      [
        [20, 5],
        [10, 15],
      ],
      ['Yes', 'No'],
    );
    expect(cohenKappa(a, b).unweighted).toBeCloseTo(0.4, 12);
  });

  // Gwet, K. L., irrCAC package vignettes "overview" and "weighting" (CRAN, 2019): cont3x3abstractors
  // (Ectopic/AIU/NIU, 100 pregnant women): kappa2.table -> 0.7964094; with quadratic.weights(1:3) -> 0.8921569.
  it('irrCAC cont3x3abstractors: unweighted 0.7964094, quadratic 0.8921569', () => {
    const [a, b] = fromTable(
      [
        [13, 0, 0],
        [0, 20, 7],
        [0, 4, 56],
      ],
      [1, 2, 3],
    );
    const kappa = cohenKappa(a, b);
    expect(kappa.unweighted).toBeCloseTo(0.7964094, 7);
    expect(kappa.quadratic).toBeCloseTo(0.8921569, 7);
    expect(kappa.pairs).toBe(100);
  });

  // StataCorp, Stata Base Reference Manual, "kappa -- Interrater agreement", two-rater example with weights:
  // 85 xeromammograms rated by two radiologists on 4 ordered categories (normal, benign, suspected cancer, cancer).
  // kap rada radb -> 0.4728; wgt(w) (1 - |i-j|/(k-1)) -> 0.5684; wgt(w2) (1 - ((i-j)/(k-1))^2) -> 0.6713.
  it('Stata [R] kappa radiologists example: 0.4728, linear 0.5684, quadratic 0.6713', () => {
    const [a, b] = fromTable(
      [
        [21, 12, 0, 0],
        [4, 17, 1, 0],
        [3, 9, 15, 2],
        [0, 0, 0, 1],
      ],
      ['normal', 'benign', 'suspect', 'cancer'],
    );
    const kappa = cohenKappa(a, b, { categories: ['normal', 'benign', 'suspect', 'cancer'] });
    expect(kappa.unweighted).toBeCloseTo(0.4728, 4);
    expect(kappa.linear).toBeCloseTo(0.5684, 4);
    expect(kappa.quadratic).toBeCloseTo(0.6713, 3);
  });
});

describe('cohenKappa: scale and missing ratings', () => {
  it('drops pairs with a missing rating', () => {
    const kappa = cohenKappa([1, 2, null, 3, 1], [1, 2, 3, null, 2]);
    expect(kappa.pairs).toBe(3);
    expect(kappa).toEqual(cohenKappa([1, 2, 1], [1, 2, 2]));
  });

  it('uses the full scale for weights when given: an unused middle category widens the distances around it', () => {
    // Hand-computed: positions 0,1,2 (observed scale) vs 0,1,3 (full scale 0-3); linear 2/5 vs 8/23, quadratic 4/7 vs 8/17.
    const first = [0, 1, 3, 0, 1, 3];
    const second = [0, 3, 1, 1, 1, 3];
    const observedScale = cohenKappa(first, second);
    const fullScale = cohenKappa(first, second, { categories: [0, 1, 2, 3] });
    expect(observedScale.linear).toBeCloseTo(2 / 5, 12);
    expect(fullScale.linear).toBeCloseTo(8 / 23, 12);
    expect(observedScale.quadratic).toBeCloseTo(4 / 7, 12);
    expect(fullScale.quadratic).toBeCloseTo(8 / 17, 12);
    expect(fullScale.unweighted).toBeCloseTo(observedScale.unweighted!, 12);
  });

  it('is 1 for perfect agreement and negative for systematic disagreement', () => {
    expect(cohenKappa(['Ja', 'Nee', 'Ja'], ['Ja', 'Nee', 'Ja'])).toEqual({
      unweighted: 1,
      linear: 1,
      quadratic: 1,
      pairs: 3,
    });
    expect(cohenKappa(['Ja', 'Nee'], ['Nee', 'Ja']).unweighted).toBe(-1);
  });

  it('is null where expected disagreement is 0: no pairs, one category, both constant', () => {
    const none = { unweighted: null, linear: null, quadratic: null };
    expect(cohenKappa([], [])).toEqual({ ...none, pairs: 0 });
    expect(cohenKappa([null, 1], [2, null])).toEqual({ ...none, pairs: 0 });
    expect(cohenKappa(['Ja', 'Ja'], ['Ja', 'Ja'])).toEqual({ ...none, pairs: 2 });
    expect(cohenKappa(['Ja', 'Ja'], ['Ja', 'Ja'], { categories: ['Ja', 'Nee'] })).toEqual({ ...none, pairs: 2 });
  });
});
