import { describe, expect, it } from 'vitest';
import { percentAgreement } from './percent-agreement';

describe('percentAgreement', () => {
  // irrCAC (Gwet): pa.coeff.raw(cac.raw4raters) and the p_a of gwet.ac1.raw: 0.8181818 (= 9/11).
  it('reproduces irrCAC on cac.raw4raters (81.81818 %)', () => {
    const raw4raters = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
      [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];
    expect(percentAgreement(raw4raters)).toBeCloseTo(81.81818, 5);
  });

  it('averages the share of agreeing pairs per unit', () => {
    // Unit 1: 3 of 3 pairs agree; unit 2: 1 of 3; unit 3: 1 of 1 (one rating missing).
    expect(
      percentAgreement([
        ['a', 'a', 'x'],
        ['a', 'a', 'x'],
        ['a', 'b', null],
      ]),
    ).toBeCloseTo((100 * (1 + 1 / 3 + 1)) / 3, 12);
  });

  it('edge cases: null without pairable units, 100 for constant ratings', () => {
    expect(percentAgreement([[1, 2]])).toBeNull();
    expect(percentAgreement([[null], [null]])).toBeNull();
    expect(
      percentAgreement([
        [7, 7],
        [7, 7],
      ]),
    ).toBe(100);
  });
});
