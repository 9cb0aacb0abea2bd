import { regularizedIncompleteBeta } from './incomplete-beta';

/**
 * P(F <= f) for Snedecor's F with (df1, df2) degrees of freedom (non-integer allowed, as Satterthwaite's are):
 * I_(df1 f / (df1 f + df2))(df1 / 2, df2 / 2) (Abramowitz & Stegun 26.6.2). 0 for f <= 0; NaN for df <= 0.
 */
export function fDistributionCdf(f: number, df1: number, df2: number): number {
  if (!(df1 > 0 && df2 > 0)) return Number.NaN;
  if (f <= 0) return 0;
  if (f === Infinity) return 1;
  return regularizedIncompleteBeta((df1 * f) / (df1 * f + df2), df1 / 2, df2 / 2);
}

/**
 * P(F > f), the p-value of an F test, computed as I_(df2 / (df2 + df1 f))(df2 / 2, df1 / 2) rather than 1 - cdf so
 * that small p-values keep their digits. 1 for f <= 0; NaN for df <= 0.
 */
export function fDistributionUpperTail(f: number, df1: number, df2: number): number {
  if (!(df1 > 0 && df2 > 0)) return Number.NaN;
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  return regularizedIncompleteBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
}

/**
 * The F quantile: the f with P(F <= f) = probability, by bisection on the beta variable y = df1 f / (df1 f + df2)
 * in (0, 1) (monotone, so it always converges; 200 halvings reach double precision), then f = df2 y / (df1 (1 - y)).
 * When y lies above 1/2 the bisection runs on 1 - y instead, which is beta(df2 / 2, df1 / 2) at 1 - probability:
 * doubles near 1 are 1e-16 apart, so a y of 1 - 4e-12 (f near 1e11, as Satterthwaite's fractional degrees of
 * freedom give) would carry only five digits of 1 - y and so of f.
 * 0 for probability 0, Infinity for 1, NaN outside [0, 1] or for df <= 0.
 */
export function fDistributionQuantile(probability: number, df1: number, df2: number): number {
  if (!(df1 > 0 && df2 > 0) || !(probability >= 0 && probability <= 1)) return Number.NaN;
  if (probability === 0) return 0;
  if (probability === 1) return Infinity;
  const y = betaQuantile(probability, df1 / 2, df2 / 2);
  if (y <= 0.5) return (df2 * y) / (df1 * (1 - y));
  const rest = betaQuantile(1 - probability, df2 / 2, df1 / 2);
  return (df2 * (1 - rest)) / (df1 * rest);
}

/** The y in (0, 1) with I_y(a, b) = probability, by bisection to double precision. */
function betaQuantile(probability: number, a: number, b: number): number {
  let low = 0;
  let high = 1;
  for (let step = 0; step < 2000; step += 1) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (regularizedIncompleteBeta(middle, a, b) < probability) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
