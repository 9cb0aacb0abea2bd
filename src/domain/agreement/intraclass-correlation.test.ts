import { describe, expect, it } from 'vitest';
import { iccFormNames, intraclassCorrelation } from './intraclass-correlation';

// Shrout, P. E., & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater reliability.
// Psychological Bulletin, 86(2), 420-428. Table 2: 6 targets rated by 4 judges; the paper's estimates are
// ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71, ICC(1,4) = .44, ICC(2,4) = .62, ICC(3,4) = .91. McGraw & Wong (1996) call
// ICC(2,*) ICC(A,*) and ICC(3,*) ICC(C,*).
const targetsByJudges = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];
// Our matrices are rows = raters, columns = units: transpose.
const shroutFleiss = [0, 1, 2, 3].map((judge) => targetsByJudges.map((target) => target[judge]!));

describe('intraclassCorrelation: Shrout & Fleiss (1979) Table 2', () => {
  const result = intraclassCorrelation(shroutFleiss)!;

  it('reproduces the six published ICCs', () => {
    const published = {
      'ICC(1,1)': 0.17,
      'ICC(A,1)': 0.29,
      'ICC(C,1)': 0.71,
      'ICC(1,k)': 0.44,
      'ICC(A,k)': 0.62,
      'ICC(C,k)': 0.91,
    };
    for (const form of iccFormNames) expect(result.forms[form].value).toBeCloseTo(published[form], 2);
  });

  it("has the paper's ANOVA mean squares (BMS 11.24, JMS 32.49, EMS 1.02, WMS 6.26)", () => {
    expect(result.meanSquares.rows).toBeCloseTo(11.24, 2);
    expect(result.meanSquares.columns).toBeCloseTo(32.49, 2);
    expect(result.meanSquares.error).toBeCloseTo(1.02, 2);
    expect(result.meanSquares.within).toBeCloseTo(6.26, 2);
  });

  // psych::ICC (Revelle; the package's own example is this data set) prints, for ICC1 ICC2 ICC3 ICC1k ICC2k ICC3k:
  // F 1.8 11.0 11.0 1.8 11.0 11.0; df 5/18 5/15 5/15 5/18 5/15 5/15; p 0.16477 0.00013 0.00013 0.16477 0.00013
  // 0.00013; lower bound -0.133 0.019 0.342 -0.884 0.071 0.676; upper bound 0.72 0.76 0.95 0.91 0.93 0.99.
  // psych uses McGraw & Wong's (1996) intervals, as we do.
  it('reproduces the F tests and 95% intervals that psych::ICC prints for this data', () => {
    const printed = {
      'ICC(1,1)': [1.8, 5, 18, 0.16477, -0.133, 0.72],
      'ICC(A,1)': [11.0, 5, 15, 0.00013, 0.019, 0.76],
      'ICC(C,1)': [11.0, 5, 15, 0.00013, 0.342, 0.95],
      'ICC(1,k)': [1.8, 5, 18, 0.16477, -0.884, 0.91],
      'ICC(A,k)': [11.0, 5, 15, 0.00013, 0.071, 0.93],
      'ICC(C,k)': [11.0, 5, 15, 0.00013, 0.676, 0.99],
    } as const;
    for (const form of iccFormNames) {
      const [f, df1, df2, p, lower, upper] = printed[form];
      const estimate = result.forms[form];
      expect(estimate.fValue).toBeCloseTo(f, 1);
      expect([estimate.df1, estimate.df2]).toEqual([df1, df2]);
      expect(estimate.pValue).toBeCloseTo(p, 5);
      expect(estimate.lower).toBeCloseTo(lower, 3);
      expect(estimate.upper).toBeCloseTo(upper, 2);
    }
  });

  it('agrees to 1e-9 with the same formulas evaluated in SciPy 1.17', () => {
    const forms = result.forms;
    expect(forms['ICC(1,1)'].pValue).toBeCloseTo(0.16476880834463953, 9);
    expect(forms['ICC(C,1)'].pValue! / 0.000134566516484335).toBeCloseTo(1, 9);
    expect(forms['ICC(1,1)'].lower).toBeCloseTo(-0.13293232487475096, 9);
    expect(forms['ICC(1,1)'].upper).toBeCloseTo(0.7225600623281211, 9);
    expect(forms['ICC(A,1)'].lower).toBeCloseTo(0.018786513374712027, 9);
    expect(forms['ICC(A,1)'].upper).toBeCloseTo(0.7610843696489529, 9);
    expect(forms['ICC(C,1)'].lower).toBeCloseTo(0.34246476503392614, 9);
    expect(forms['ICC(C,1)'].upper).toBeCloseTo(0.9458582599553597, 9);
    expect(forms['ICC(A,k)'].lower).toBeCloseTo(0.0711368153025034, 9);
    expect(forms['ICC(A,k)'].upper).toBeCloseTo(0.9272320401677219, 9);
  });

  it('uses another confidence level on request (wider at 99%)', () => {
    const wide = intraclassCorrelation(shroutFleiss, 0.99)!.forms['ICC(A,1)'];
    expect(wide.lower!).toBeLessThan(result.forms['ICC(A,1)'].lower!);
    expect(wide.upper!).toBeGreaterThan(result.forms['ICC(A,1)'].upper!);
  });
});

describe('intraclassCorrelation: edge cases', () => {
  it('is null for incomplete data, labels, one rater or one unit', () => {
    expect(
      intraclassCorrelation([
        [1, 2, 3],
        [1, null, 3],
      ]),
    ).toBeNull();
    expect(
      intraclassCorrelation([
        [1, 2, 3],
        [1, 'x', 3],
      ]),
    ).toBeNull();
    expect(intraclassCorrelation([[1, 2, 3]])).toBeNull();
    expect(intraclassCorrelation([[1], [2]])).toBeNull();
    expect(intraclassCorrelation([])).toBeNull();
    expect(
      intraclassCorrelation([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toBeNull();
  });

  it('gives null values (0/0), not NaN, for constant ratings', () => {
    const constant = intraclassCorrelation([
      [0.1, 0.1, 0.1],
      [0.1, 0.1, 0.1],
    ])!;
    for (const form of iccFormNames) {
      expect(constant.forms[form]).toMatchObject({ value: null, fValue: null, pValue: null, lower: null, upper: null });
    }
  });

  it('gives 1 for identical raters, with F, p and intervals null where MSE = 0', () => {
    const identical = intraclassCorrelation([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ])!;
    for (const form of iccFormNames) expect(identical.forms[form].value).toBe(1);
    expect(identical.forms['ICC(C,1)'].fValue).toBeNull();
    expect(identical.forms['ICC(A,1)'].lower).toBeNull();
  });

  it('separates consistency from absolute agreement when one rater is offset', () => {
    const offset = intraclassCorrelation([
      [1, 2, 3, 4],
      [3, 4, 5, 6],
    ])!;
    expect(offset.forms['ICC(C,1)'].value).toBeCloseTo(1, 12);
    expect(offset.forms['ICC(A,1)'].value!).toBeLessThan(0.6);
  });
});
