import { describe, expect, it } from 'vitest';
import { summariseAgreement, type AgreementInput, type AgreementSummary } from './summarise-agreement';

function summary(input: AgreementInput): AgreementSummary {
  const result = summariseAgreement(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function failure(input: AgreementInput): string {
  const result = summariseAgreement(input);
  if (result.ok) throw new Error('expected invalid input');
  expect(result.error.code).toBe('invalid_input');
  return result.error.message;
}

// Krippendorff (2011) / Gwet (2014, p. 120) data; see krippendorff-alpha.test.ts and gwet-ac1.test.ts.
const krippendorff2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

// Shrout & Fleiss (1979) Table 2, rows = judges.
const shroutFleiss = [
  [9, 6, 8, 7, 10, 6],
  [2, 1, 4, 1, 5, 2],
  [5, 3, 6, 2, 6, 4],
  [8, 2, 8, 6, 9, 7],
];

describe('summariseAgreement', () => {
  it('summarises incomplete ordinal data: alpha, AC1, % agreement, severity; no Fleiss, Cohen or ICC', () => {
    const result = summary({ ratings: krippendorff2011, level: 'ordinal' });
    expect(result).toMatchObject({
      raters: 4,
      units: 12,
      level: 'ordinal',
      reliability: 'reliable',
      fleiss_kappa: null,
      cohen_kappa: null,
      icc: null,
      icc_tests: null,
      benchmark: null,
      not_applicable: null,
    });
    expect(result.krippendorff_alpha).toBeCloseTo(0.815, 3);
    expect(result.gwet_ac1).toBeCloseTo(0.77544, 5);
    expect(result.percent_agreement).toBeCloseTo(81.81818, 5);
    expect(result.severity!.rater_effect).toHaveLength(4);
    expect(result.severity!.fair_unit_score).toHaveLength(12);
    expect(result.severity!.rater_standard_error[0]).toBeCloseTo(0.13226470975930155, 12);
  });

  it('summarises complete interval data with ICCs, their tests and a benchmark', () => {
    const result = summary({ ratings: shroutFleiss, level: 'interval', benchmark: 0, tolerance: 3 });
    expect(result.icc!['ICC(A,1)']).toBeCloseTo(0.29, 2);
    expect(result.icc!['ICC(C,k)']).toBeCloseTo(0.91, 2);
    expect(result.icc_tests!['ICC(1,1)']).toMatchObject({ df1: 5, df2: 18 });
    expect(result.icc_tests!['ICC(A,1)'].ci_lower).toBeCloseTo(0.019, 3);
    expect(result.fleiss_kappa).not.toBeNull();
    expect(result.benchmark!.rater).toBe(0);
    expect(result.benchmark!.per_rater[0]).toBeNull();
    // Judge 2 - judge 1: -7 -5 -4 -6 -5 -4.
    expect(result.benchmark!.per_rater[1]).toEqual({
      units: 6,
      mean_signed_deviation: -31 / 6,
      mean_abs_deviation: 31 / 6,
      pct_within_tolerance: 0,
    });
    expect(result.benchmark!.overall.units).toBe(18);
  });

  it('treats N.v.t. as missing and reports agreement on applicability separately', () => {
    const result = summary({
      ratings: [
        ['Ja', 'Nee', 'N.v.t.', 'Ja', 'Ja'],
        ['Ja', 'Ja', 'N.v.t.', 'Ja', 'NA'],
      ],
      level: 'nominal',
    });
    expect(result.percent_agreement).toBeCloseTo((100 * 2) / 3, 12);
    // Labels have no distances: only the unweighted kappa at the nominal level.
    expect(result.cohen_kappa).toEqual({ unweighted: expect.any(Number), linear: null, quadratic: null });
    expect(result.severity).toBeNull();
    expect(result.icc).toBeNull();
    expect(result.not_applicable!.cells).toBe(3);
    expect(result.not_applicable!.percent_agreement).toBeCloseTo(80, 12);
  });

  it('accepts N.v.t. in numeric data and keeps it out of the numbers', () => {
    const result = summary({
      ratings: [
        [0, 3, 'N.v.t.', 2],
        [1, 3, 2, 2],
      ],
      level: 'ordinal',
      categories: [0, 1, 2, 3],
    });
    expect(result.cohen_kappa!.quadratic).not.toBeNull();
    expect(result.icc).toBeNull(); // a not-applicable cell is a missing cell
    expect(result.not_applicable!.cells).toBe(1);
  });

  it('edge cases give nulls, not errors: no raters, one rater, all missing, constant', () => {
    expect(summary({ ratings: [], level: 'interval' })).toMatchObject({
      raters: 0,
      units: 0,
      krippendorff_alpha: null,
      percent_agreement: null,
      severity: null,
    });
    expect(summary({ ratings: [[1, 2, 3]], level: 'interval' })).toMatchObject({
      krippendorff_alpha: null,
      gwet_ac1: null,
      icc: null,
      cohen_kappa: null,
    });
    expect(
      summary({
        ratings: [
          [null, null],
          [null, null],
        ],
        level: 'ordinal',
      }),
    ).toMatchObject({ krippendorff_alpha: null, severity: null, reliability: null });
    const constant = summary({
      ratings: [
        [2, 2],
        [2, 2],
      ],
      level: 'interval',
    });
    expect(constant).toMatchObject({
      krippendorff_alpha: null,
      percent_agreement: 100,
      gwet_ac1: 1,
      fleiss_kappa: null,
    });
    expect(constant.icc!['ICC(A,1)']).toBeNull();
  });

  it('refuses invalid input with a clear message', () => {
    expect(
      failure({
        ratings: [
          [1, 2, 3],
          [1, 2],
        ],
        level: 'nominal',
      }),
    ).toMatch(/rater 1 has 2 ratings but rater 0 has 3/);
    expect(failure({ ratings: [[1, 'x']], level: 'interval' })).toMatch(
      /rater 0, unit 1: "x" is not a number \(level interval/,
    );
    expect(failure({ ratings: [[1, 7]], level: 'ordinal', categories: [0, 1, 2, 3] })).toMatch(
      /7 is not one of the categories/,
    );
    expect(failure({ ratings: [[1]], level: 'nominal', categories: [1, 1] })).toMatch(/lists 1 twice/);
    expect(failure({ ratings: [[1]], level: 'ordinal', categories: ['laag'] })).toMatch(
      /category "laag" is not a number/,
    );
    expect(failure({ ratings: [[1], [2]], level: 'interval', benchmark: 2 })).toMatch(
      /benchmark 2 is not a rater: there are 2 raters \(rows 0-1\)/,
    );
    expect(failure({ ratings: [['Ja'], ['Nee']], level: 'nominal', benchmark: 0 })).toMatch(/need numeric ratings/);
    expect(failure({ ratings: [[1], [2]], level: 'interval', benchmark: 0, tolerance: -1 })).toMatch(
      /tolerance must be a non-negative number/,
    );
  });
});
