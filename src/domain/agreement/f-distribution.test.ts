import { describe, expect, it } from 'vitest';
import { fDistributionCdf, fDistributionQuantile, fDistributionUpperTail } from './f-distribution';
import { regularizedIncompleteBeta } from './incomplete-beta';
import { logGamma } from './log-gamma';

// Reference values computed with SciPy 1.17 (scipy.special.gammaln / betainc, scipy.stats.f.cdf / sf / ppf),
// and tabled critical values from the NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.3
// (https://www.itl.nist.gov/div898/handbook/eda/section3/eda3673.htm): F(0.95; 5, 15) = 2.901.
describe('logGamma', () => {
  it.each([
    [0.5, 0.5723649429247004], // ln sqrt(pi)
    [10, 12.801827480081467], // ln 9!
    [0.01, 4.599479878042022],
    [171.5, 709.1431630309282],
    [1e-8, 18.42068073818021],
  ])('ln Gamma(%d)', (x, expected) => expect(logGamma(x)).toBeCloseTo(expected, 12));
});

describe('regularizedIncompleteBeta', () => {
  it.each([
    [0.5, 2, 3, 0.6875], // exact: I_0.5(2,3) = 11/16
    [0.1, 0.5, 0.5, 0.20483276469913345], // = (2/pi) asin(sqrt(0.1))
    [0.9, 10, 2, 0.6973568802000002],
    [0.3, 50, 60, 0.0003434115187662847],
  ])('I_%d(%d, %d)', (x, a, b, expected) => expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(expected, 13));

  it('is 0 and 1 at the ends, NaN for invalid shape parameters', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
  });
});

describe('F distribution', () => {
  it.each([
    [2.0, 5, 15, 0.8629633280459476, 0.13703667195405242],
    [1.0, 1, 1, 0.5, 0.5],
    [3.5, 10, 3.3, 0.8508211723799538, 0.14917882762004617],
    [0.2, 2, 40, 0.18045552966270445, 0.8195444703372956],
    [11.027247956403299, 5, 15, 0.9998654334835155, 0.000134566516484335],
  ])('F = %d on (%d, %d)', (f, df1, df2, cdf, upperTail) => {
    expect(fDistributionCdf(f, df1, df2)).toBeCloseTo(cdf, 12);
    expect(fDistributionUpperTail(f, df1, df2) / upperTail).toBeCloseTo(1, 10);
  });

  it('keeps the digits of tiny p-values', () => {
    expect(fDistributionUpperTail(50, 3, 100) / 7.94442467908758e-20).toBeCloseTo(1, 8);
  });

  it('matches the NIST table and SciPy quantiles, including non-integer df', () => {
    expect(fDistributionQuantile(0.95, 5, 15)).toBeCloseTo(2.901, 3);
    expect(fDistributionQuantile(0.95, 5, 15)).toBeCloseTo(2.9012945362361573, 10);
    expect(fDistributionQuantile(0.975, 5, 18)).toBeCloseTo(3.381967805875243, 10);
    expect(fDistributionQuantile(0.975, 18, 5)).toBeCloseTo(6.361883204654352, 9);
    expect(fDistributionQuantile(0.5, 1, 1)).toBeCloseTo(1, 12);
    expect(fDistributionQuantile(0.99, 2.5, 7.3)).toBeCloseTo(8.605795795742965, 9);
    expect(fDistributionQuantile(0.025, 4, 4.785143862212757)).toBeCloseTo(0.10628684745273666, 12);
  });

  it('inverts the CDF', () => {
    for (const p of [0.001, 0.05, 0.5, 0.9, 0.999])
      expect(fDistributionCdf(fDistributionQuantile(p, 3, 12), 3, 12)).toBeCloseTo(p, 12);
  });

  it('keeps its digits far in the tail, where fractional degrees of freedom put quantiles past 1e10', () => {
    for (const df2 of [0.2, 0.29, 0.5]) {
      const f = fDistributionQuantile(0.975, 1, df2);
      expect(f).toBeGreaterThan(1e4);
      // The upper tail at the quantile reads back 0.025 to nine digits (five before: 1 - y held f's digits).
      expect(Math.abs(fDistributionUpperTail(f, 1, df2) / 0.025 - 1)).toBeLessThan(1e-9);
    }
  });

  it('handles the boundaries', () => {
    expect(fDistributionCdf(0, 2, 3)).toBe(0);
    expect(fDistributionUpperTail(0, 2, 3)).toBe(1);
    expect(fDistributionQuantile(0, 2, 3)).toBe(0);
    expect(fDistributionQuantile(1, 2, 3)).toBe(Infinity);
    expect(fDistributionQuantile(1.5, 2, 3)).toBeNaN();
    expect(fDistributionCdf(1, 0, 3)).toBeNaN();
  });
});
