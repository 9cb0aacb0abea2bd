import { describe, expect, it } from 'vitest';
import { raterSeverity } from './rater-severity';

// Reference: ordinary least squares on the full design matrix with sum-to-zero (effect) coding, solved with
// numpy.linalg.lstsq (NumPy 2.4), standard errors from sigma^2 (X'X)^-1 -- an independent route to the same model.
const krippendorff2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

describe('raterSeverity', () => {
  it('matches least squares on the full design matrix, standard errors included', () => {
    const fit = raterSeverity(krippendorff2011)!;
    expect(fit.grandMean).toBeCloseTo(2.494376912263294, 12);
    const effects = [-0.2305259240883159, -0.09978913420987405, 0.22419995038451918, 0.10611510791367079];
    const errors = [0.13226470975930155, 0.12610019315549445, 0.1278200505962477, 0.1220631080589301];
    effects.forEach((effect, rater) => expect(fit.raterEffect[rater]).toBeCloseTo(effect, 12));
    errors.forEach((error, rater) => expect(fit.raterStandardError[rater]).toBeCloseTo(error, 12));
    const fair = [
      1.0747333167948414, 2.25, 3, 3, 2, 2.5, 4, 1.25, 2, 4.923158025303897, 0.8348424708509081, 3.099789134209875,
    ];
    fair.forEach((score, unit) => expect(fit.fairUnitScore[unit]).toBeCloseTo(score, 12));
    expect(fit.residualStandardDeviation).toBeCloseTo(0.455084269834922, 12);
    expect(fit.residualDegreesOfFreedom).toBe(26);
  });

  it('keeps both sets of effects summing to zero', () => {
    const fit = raterSeverity(krippendorff2011)!;
    expect(fit.raterEffect.reduce((sum, effect) => sum! + effect!, 0)).toBeCloseTo(0, 12);
    expect(fit.unitEffect.reduce((sum, effect) => sum! + effect!, 0)).toBeCloseTo(0, 12);
  });

  it('reproduces an exactly additive matrix with missing cells exactly', () => {
    // mu = 6, unit effects -1, +1, 0, -2, +2, rater effects 0, +1, -1.
    const fit = raterSeverity([
      [5, 7, 6, 4, 8],
      [6, 8, null, 5, 9],
      [4, null, 5, 3, 7],
    ])!;
    expect(fit.grandMean).toBeCloseTo(6, 12);
    [0, 1, -1].forEach((effect, rater) => expect(fit.raterEffect[rater]).toBeCloseTo(effect, 12));
    [-1, 1, 0, -2, 2].forEach((effect, unit) => expect(fit.unitEffect[unit]).toBeCloseTo(effect, 12));
    [5, 7, 6, 4, 8].forEach((score, unit) => expect(fit.fairUnitScore[unit]).toBeCloseTo(score, 12));
    expect(fit.residualStandardDeviation).toBeCloseTo(0, 12);
  });

  it('edge cases: all missing, disconnected design, one rater, constant ratings, an idle rater', () => {
    expect(
      raterSeverity([
        [null, null],
        [null, null],
      ]),
    ).toBeNull();
    expect(raterSeverity([])).toBeNull();
    // Raters 0-1 and 2-3 share no unit: who is stricter across the groups cannot be told.
    expect(
      raterSeverity([
        [1, 2, null, null],
        [2, 3, null, null],
        [null, null, 1, 2],
        [null, null, 3, 3],
      ]),
    ).toBeNull();
    const single = raterSeverity([[3, 4, 5]])!;
    expect(single.raterEffect).toEqual([0]);
    expect(single.raterStandardError).toEqual([null]);
    expect(single.fairUnitScore).toEqual([3, 4, 5]);
    const constant = raterSeverity([
      [2, 2],
      [2, 2],
    ])!;
    constant.raterEffect.forEach((effect) => expect(effect).toBeCloseTo(0, 12));
    expect(constant.raterStandardError).toEqual([0, 0]);
    const idle = raterSeverity([
      [1, 2, 3],
      [null, null, null],
      [2, 3, 4],
    ])!;
    expect(idle.raterEffect[1]).toBeNull();
    expect(idle.raterStandardError[1]).toBeNull();
    expect(idle.raterEffect[0]).toBeCloseTo(-0.5, 12);
    expect(
      raterSeverity([
        [1, null],
        [2, null],
      ])!.fairUnitScore,
    ).toEqual([1.5, null]);
  });
});
