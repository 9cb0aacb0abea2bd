// Property tests across the agreement statistics (fast-check): invariances every definition promises, identities
// with simpler statistics, and "null, never NaN" on arbitrary data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa';
import { fleissKappa } from './fleiss-kappa';
import { gwetAc1 } from './gwet-ac1';
import { iccFormNames, intraclassCorrelation } from './intraclass-correlation';
import { krippendorffAlpha } from './krippendorff-alpha';
import { percentAgreement } from './percent-agreement';
import { raterSeverity } from './rater-severity';
import { measurementLevels, type NumericRatingsMatrix } from './ratings';
import { summariseAgreement } from './summarise-agreement';

type Matrix = (number | null)[][];

/** Raters x units with values 0-4 and about one cell in five missing. */
const sparseMatrix = (minRaters = 1) =>
  fc.tuple(fc.integer({ min: minRaters, max: 6 }), fc.integer({ min: 1, max: 12 })).chain(([raters, units]) =>
    fc.array(
      fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 5 }), {
        minLength: units,
        maxLength: units,
      }),
      {
        minLength: raters,
        maxLength: raters,
      },
    ),
  );

const completeMatrix = (minRaters = 2, maxRaters = 6) =>
  fc.tuple(fc.integer({ min: minRaters, max: maxRaters }), fc.integer({ min: 2, max: 12 })).chain(([raters, units]) =>
    fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: units, maxLength: units }), {
      minLength: raters,
      maxLength: raters,
    }),
  );

const withPermutations = <T extends Matrix>(matrix: fc.Arbitrary<T>) =>
  matrix.chain((ratings) =>
    fc.tuple(
      fc.constant(ratings),
      fc.shuffledSubarray([...ratings.keys()], { minLength: ratings.length, maxLength: ratings.length }),
      fc.shuffledSubarray([...ratings[0]!.keys()], { minLength: ratings[0]!.length, maxLength: ratings[0]!.length }),
    ),
  );

const permute = (ratings: Matrix, raterOrder: number[], unitOrder: number[]): Matrix =>
  raterOrder.map((rater) => unitOrder.map((unit) => ratings[rater]![unit]!));

/**
 * Equal up to rounding, or both null. Relative 1e-6: an ICC bound divides by a difference that can nearly cancel
 * (ICC(A,k) lower bounds reach -3e7 on 5 raters x 3 units), so summing the same cells in another order moves its
 * ninth digit; a real error in a definition moves the first.
 */
function expectSame(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
}

function categoricalStatistics(ratings: Matrix): (number | null)[] {
  return [
    ...measurementLevels.map((level) => krippendorffAlpha(ratings, level)),
    fleissKappa(ratings),
    gwetAc1(ratings),
    percentAgreement(ratings),
  ];
}

/** Scott's pi for two complete raters (Scott 1955): (p_o - p_e) / (1 - p_e) with p_e from the pooled shares. */
function scottsPi(first: readonly number[], second: readonly number[]): number | null {
  const pooled = new Map<number, number>();
  for (const value of [...first, ...second]) pooled.set(value, (pooled.get(value) ?? 0) + 1);
  const observed = first.filter((value, unit) => value === second[unit]).length / first.length;
  let chance = 0;
  for (const count of pooled.values()) chance += (count / (2 * first.length)) ** 2;
  return chance === 1 ? null : (observed - chance) / (1 - chance);
}

/** Backfitting (alternating means) for the additive model: a slow, independent route to the same least squares. */
function backfit(ratings: NumericRatingsMatrix): number[] {
  const raters = ratings.length;
  const units = ratings[0]!.length;
  const raterEffect = new Array<number>(raters).fill(0);
  const unitLevel = new Array<number>(units).fill(0);
  for (let sweep = 0; sweep < 5000; sweep += 1) {
    for (let unit = 0; unit < units; unit += 1) {
      let sum = 0;
      let count = 0;
      for (let rater = 0; rater < raters; rater += 1) {
        const value = ratings[rater]![unit];
        if (value === null || value === undefined) continue;
        sum += value - raterEffect[rater]!;
        count += 1;
      }
      unitLevel[unit] = count === 0 ? 0 : sum / count;
    }
    for (let rater = 0; rater < raters; rater += 1) {
      let sum = 0;
      let count = 0;
      for (let unit = 0; unit < units; unit += 1) {
        const value = ratings[rater]![unit];
        if (value === null || value === undefined) continue;
        sum += value - unitLevel[unit]!;
        count += 1;
      }
      raterEffect[rater] = count === 0 ? 0 : sum / count;
    }
    const mean = raterEffect.reduce((total, effect) => total + effect, 0) / raters;
    for (let rater = 0; rater < raters; rater += 1) raterEffect[rater]! -= mean;
  }
  return raterEffect;
}

describe('invariances', () => {
  it('permuting raters or units changes no categorical statistic', () => {
    fc.assert(
      fc.property(withPermutations(sparseMatrix()), ([ratings, raterOrder, unitOrder]) => {
        const before = categoricalStatistics(ratings);
        const raters = categoricalStatistics(permute(ratings, raterOrder, [...ratings[0]!.keys()]));
        const units = categoricalStatistics(permute(ratings, [...ratings.keys()], unitOrder));
        before.forEach((value, index) => {
          expectSame(raters[index]!, value);
          expectSame(units[index]!, value);
        });
      }),
    );
  });

  it('permuting raters or units changes no ICC', () => {
    fc.assert(
      fc.property(withPermutations(completeMatrix()), ([ratings, raterOrder, unitOrder]) => {
        const before = intraclassCorrelation(ratings)!;
        const after = intraclassCorrelation(permute(ratings, raterOrder, unitOrder))!;
        for (const form of iccFormNames) {
          expectSame(after.forms[form].value, before.forms[form].value);
          expectSame(after.forms[form].lower, before.forms[form].lower);
        }
      }),
      // Found by this property: 6 raters x 2 units, whose ICC(A,k) lower bound is about -6.4e10.
      {
        examples: [
          [
            [
              [
                [0, 1],
                [1, 0],
                [1, 2],
                [1, 0],
                [1, 1],
                [1, 2],
              ],
              [4, 3, 0, 1, 5, 2],
              [0, 1],
            ],
          ],
        ],
      },
    );
  });

  it('permuting raters permutes their severity effects, permuting units changes none', () => {
    fc.assert(
      fc.property(withPermutations(completeMatrix()), ([ratings, raterOrder, unitOrder]) => {
        const before = raterSeverity(ratings)!;
        const raters = raterSeverity(permute(ratings, raterOrder, [...ratings[0]!.keys()]))!;
        const units = raterSeverity(permute(ratings, [...ratings.keys()], unitOrder))!;
        raterOrder.forEach((rater, position) => expectSame(raters.raterEffect[position]!, before.raterEffect[rater]!));
        before.raterEffect.forEach((effect, rater) => expectSame(units.raterEffect[rater]!, effect));
      }),
    );
  });

  it('interval alpha ignores affine rescaling, ratio alpha ignores scaling', () => {
    fc.assert(
      fc.property(
        sparseMatrix(2),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (ratings, scale, shift) => {
          const affine = ratings.map((row) => row.map((value) => (value === null ? null : value * scale + shift)));
          const scaled = ratings.map((row) => row.map((value) => (value === null ? null : value * scale)));
          const interval = krippendorffAlpha(ratings, 'interval');
          const ratio = krippendorffAlpha(ratings, 'ratio');
          if (interval === null) expect(krippendorffAlpha(affine, 'interval')).toBeNull();
          else expect(krippendorffAlpha(affine, 'interval')).toBeCloseTo(interval, 6);
          if (ratio === null) expect(krippendorffAlpha(scaled, 'ratio')).toBeNull();
          else expect(krippendorffAlpha(scaled, 'ratio')).toBeCloseTo(ratio, 6);
        },
      ),
    );
  });
});

describe('identities and special values', () => {
  it('perfect agreement gives 1 wherever the statistic is defined', () => {
    const perfect = fc
      .tuple(fc.integer({ min: 2, max: 6 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 12 }))
      .filter(([, unitValues]) => new Set(unitValues).size >= 2)
      .map(([raters, unitValues]) => Array.from({ length: raters }, () => [...unitValues]));
    fc.assert(
      fc.property(perfect, (ratings) => {
        for (const level of measurementLevels) expect(krippendorffAlpha(ratings, level)).toBe(1);
        expect(fleissKappa(ratings)).toBeCloseTo(1, 12);
        expect(gwetAc1(ratings)).toBeCloseTo(1, 12);
        expect(percentAgreement(ratings)).toBe(100);
        const icc = intraclassCorrelation(ratings)!;
        for (const form of iccFormNames) expect(icc.forms[form].value).toBeCloseTo(1, 12);
        expect(cohenKappa(ratings[0]!, ratings[1]!)).toMatchObject({ unweighted: 1, linear: 1, quadratic: 1 });
      }),
    );
  });

  it("nominal alpha for two complete raters is 1 - (2N-1)/(2N) (1 - Scott's pi): alpha's D_e is pi's times n/(n-1)", () => {
    fc.assert(
      fc.property(completeMatrix(2, 2), (ratings) => {
        const pi = scottsPi(ratings[0]!, ratings[1]!);
        const alpha = krippendorffAlpha(ratings, 'nominal');
        const n = ratings[0]!.length;
        if (pi === null) expect(alpha).toBeNull();
        else expect(alpha).toBeCloseTo(1 - ((2 * n - 1) / (2 * n)) * (1 - pi), 12);
      }),
    );
  });

  it("Fleiss' kappa for two complete raters is Scott's pi (Fleiss 1971)", () => {
    fc.assert(
      fc.property(completeMatrix(2, 2), (ratings) => {
        const pi = scottsPi(ratings[0]!, ratings[1]!);
        if (pi === null) expect(fleissKappa(ratings)).toBeNull();
        else expect(fleissKappa(ratings)).toBeCloseTo(pi, 12);
      }),
    );
  });

  it('quadratic kappa equals 2 s_xy / (s_x^2 + s_y^2 + (mean_x - mean_y)^2) on an equally spaced scale (the identity behind Fleiss & Cohen 1973)', () => {
    fc.assert(
      fc.property(completeMatrix(2, 2), (ratings) => {
        const [x, y] = ratings as [number[], number[]];
        const n = x.length;
        const meanX = x.reduce((sum, value) => sum + value, 0) / n;
        const meanY = y.reduce((sum, value) => sum + value, 0) / n;
        const covariance = x.reduce((sum, value, unit) => sum + (value - meanX) * (y[unit]! - meanY), 0) / n;
        const varianceX = x.reduce((sum, value) => sum + (value - meanX) ** 2, 0) / n;
        const varianceY = y.reduce((sum, value) => sum + (value - meanY) ** 2, 0) / n;
        const denominator = varianceX + varianceY + (meanX - meanY) ** 2;
        const kappa = cohenKappa(x, y, { categories: [0, 1, 2, 3, 4] }).quadratic;
        if (denominator === 0) expect(kappa).toBeNull();
        else expect(kappa).toBeCloseTo((2 * covariance) / denominator, 12);
      }),
    );
  });

  it('severity effects sum to zero and reproduce an exactly additive matrix with missing cells', () => {
    const additive = fc
      .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 10 }))
      .chain(([raters, units]) =>
        fc.tuple(
          fc.double({ min: -50, max: 50, noNaN: true }),
          fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: units, maxLength: units }),
          fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: raters, maxLength: raters }),
          fc.array(fc.array(fc.boolean(), { minLength: units, maxLength: units }), {
            minLength: raters,
            maxLength: raters,
          }),
        ),
      );
    fc.assert(
      fc.property(additive, ([mean, unitEffects, raterEffects, missing]) => {
        // Unit 0 is fully rated, so the design stays connected whatever else is missing.
        const ratings = raterEffects.map((raterEffect, rater) =>
          unitEffects.map((unitEffect, unit) =>
            unit > 0 && missing[rater]![unit] ? null : mean + unitEffect + raterEffect,
          ),
        );
        const fit = raterSeverity(ratings)!;
        const raterMean = raterEffects.reduce((sum, effect) => sum + effect, 0) / raterEffects.length;
        raterEffects.forEach((effect, rater) => expect(fit.raterEffect[rater]!).toBeCloseTo(effect - raterMean, 8));
        expect(fit.raterEffect.reduce((sum, effect) => sum! + effect!, 0)).toBeCloseTo(0, 9);
        expect(fit.unitEffect.reduce((sum, effect) => sum! + effect!, 0)).toBeCloseTo(0, 9);
        ratings.forEach((row, rater) =>
          row.forEach((value, unit) => {
            if (value !== null) expect(fit.fairUnitScore[unit]! + fit.raterEffect[rater]!).toBeCloseTo(value, 8);
          }),
        );
      }),
    );
  });

  it('severity effects agree with backfitting on arbitrary connected data', () => {
    const connected = completeMatrix(2, 5).chain((ratings) =>
      fc
        .array(fc.array(fc.boolean(), { minLength: ratings[0]!.length, maxLength: ratings[0]!.length }), {
          minLength: ratings.length,
          maxLength: ratings.length,
        })
        .map((missing) =>
          ratings.map((row, rater) => row.map((value, unit) => (unit > 0 && missing[rater]![unit] ? null : value))),
        ),
    );
    fc.assert(
      fc.property(connected, (ratings) => {
        const fit = raterSeverity(ratings)!;
        backfit(ratings).forEach((effect, rater) => expect(fit.raterEffect[rater]!).toBeCloseTo(effect, 6));
      }),
      { numRuns: 50 },
    );
  });
});

describe('robustness', () => {
  it('every statistic is a finite number or null on arbitrary data, and the ranges hold', () => {
    fc.assert(
      fc.property(sparseMatrix(), (ratings) => {
        for (const level of measurementLevels) {
          const result = summariseAgreement({ ratings, level, benchmark: 0, tolerance: 1 });
          expect(result.ok).toBe(true);
          JSON.stringify(result, (_key, value: unknown) => {
            if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
            return value;
          });
        }
        const alpha = krippendorffAlpha(ratings, 'nominal');
        if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1);
        const percent = percentAgreement(ratings);
        if (percent !== null) {
          expect(percent).toBeGreaterThanOrEqual(0);
          expect(percent).toBeLessThanOrEqual(100);
        }
        const ac1 = gwetAc1(ratings);
        if (ac1 !== null) expect(ac1).toBeLessThanOrEqual(1);
      }),
    );
  });
});
