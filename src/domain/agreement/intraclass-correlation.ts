import { fDistributionQuantile, fDistributionUpperTail } from './f-distribution';
import type { RatingsMatrix } from './ratings';

/**
 * The six Shrout & Fleiss (1979) forms under McGraw & Wong's (1996) names: ICC(1,1) is S&F's ICC(1,1),
 * ICC(A,1) their ICC(2,1), ICC(C,1) their ICC(3,1), and the k forms the reliability of the mean of k raters.
 */
export const iccFormNames = ['ICC(1,1)', 'ICC(A,1)', 'ICC(C,1)', 'ICC(1,k)', 'ICC(A,k)', 'ICC(C,k)'] as const;
export type IccFormName = (typeof iccFormNames)[number];

/** One ICC form with its F test against ICC = 0 and its confidence interval. */
export interface IccEstimate {
  readonly value: number | null;
  readonly fValue: number | null;
  readonly df1: number;
  readonly df2: number;
  readonly pValue: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Two-way ANOVA mean squares with n units (targets) as rows and k raters as columns of the design. */
export interface IccMeanSquares {
  /** Between units (MSR in McGraw & Wong, BMS in Shrout & Fleiss). */
  readonly rows: number;
  /** Between raters (MSC / JMS). */
  readonly columns: number;
  /** Residual (MSE / EMS). */
  readonly error: number;
  /** Within units, for the one-way model (MSW / WMS). */
  readonly within: number;
}

export interface IntraclassCorrelation {
  readonly units: number;
  readonly raters: number;
  readonly confidenceLevel: number;
  readonly meanSquares: IccMeanSquares;
  readonly forms: Readonly<Record<IccFormName, IccEstimate>>;
}

/**
 * All six intraclass correlations from the two-way ANOVA mean squares (Shrout & Fleiss 1979, Psychological Bulletin
 * 86(2); McGraw & Wong 1996, Psychological Methods 1(1)): ICC(1,1) = (MSR - MSW) / (MSR + (k-1) MSW), ICC(A,1) = (MSR - MSE) / (MSR + (k-1) MSE + k (MSC -
 * MSE) / n), ICC(C,1) = (MSR - MSE) / (MSR + (k-1) MSE); ICC(1,k) = (MSR - MSW) / MSR, ICC(A,k) = (MSR - MSE) / (MSR
 * + (MSC - MSE) / n), ICC(C,k) = (MSR - MSE) / MSR. F tests against 0: MSR / MSW on (n-1, n(k-1)) df for the 1-forms,
 * MSR / MSE on (n-1, (n-1)(k-1)) for A and C. Confidence intervals: McGraw & Wong 1996 (for ICC(A,1) with
 * Satterthwaite's df, as in Shrout & Fleiss 1979); the k-forms' bounds are the Spearman-Brown step-up of the
 * 1-forms' bounds, which is algebraically identical to McGraw & Wong's k-form formulas.
 *
 * Complete numeric data only: returns null for fewer than 2 raters or 2 units, or any missing or non-numeric cell
 * (listwise deletion is the caller's choice, not ours). A form whose denominator is 0 (constant ratings, or a pole such as
 * MSR + (MSC - MSE) / n = 0) has value null; F, p and bounds are null where their denominators are 0 (MSE = 0
 * for raters that agree exactly). "0" means below 1e-12 of the largest mean square, so rounding dust cannot
 * turn into a huge number. Never NaN, never throws.
 */
export function intraclassCorrelation(ratings: RatingsMatrix, confidenceLevel = 0.95): IntraclassCorrelation | null {
  const raters = ratings.length;
  const units = raters === 0 ? 0 : ratings[0]!.length;
  if (raters < 2 || units < 2) return null;
  const cells: number[][] = [];
  for (const row of ratings) {
    if (row.length !== units) return null;
    const numbers: number[] = [];
    for (const value of row) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return null;
      numbers.push(value);
    }
    cells.push(numbers);
  }
  const n = units;
  const k = raters;
  const alpha = 1 - confidenceLevel;
  const first = cells[0]![0]!;
  if (cells.every((row) => row.every((value) => value === first))) {
    // Constant ratings: every ICC is 0 / 0. Decided exactly here, because rounding in the sums below would
    // otherwise leave tiny non-zero mean squares whose ratios are noise.
    const meanSquares: IccMeanSquares = { rows: 0, columns: 0, error: 0, within: 0 };
    return { units: n, raters: k, confidenceLevel, meanSquares, forms: buildForms(meanSquares, n, k, alpha) };
  }
  let grandTotal = 0;
  for (const row of cells) for (const value of row) grandTotal += value;
  const grandMean = grandTotal / (n * k);
  const unitMeans = Array.from({ length: n }, (_, unit) => cells.reduce((sum, row) => sum + row[unit]!, 0) / k);
  const raterMeans = cells.map((row) => row.reduce((sum, value) => sum + value, 0) / n);
  let totalSquares = 0;
  for (const row of cells) for (const value of row) totalSquares += (value - grandMean) ** 2;
  const rowSquares = k * unitMeans.reduce((sum, mean) => sum + (mean - grandMean) ** 2, 0);
  const columnSquares = n * raterMeans.reduce((sum, mean) => sum + (mean - grandMean) ** 2, 0);
  // The residual is a difference of sums; rounding can push an exact zero slightly negative.
  const errorSquares = Math.max(0, totalSquares - rowSquares - columnSquares);
  const meanSquares: IccMeanSquares = {
    rows: rowSquares / (n - 1),
    columns: columnSquares / (k - 1),
    error: errorSquares / ((n - 1) * (k - 1)),
    within: (columnSquares + errorSquares) / (n * (k - 1)),
  };
  const forms = buildForms(meanSquares, n, k, alpha);
  return { units: n, raters: k, confidenceLevel, meanSquares, forms };
}

function buildForms(squares: IccMeanSquares, n: number, k: number, alpha: number): Record<IccFormName, IccEstimate> {
  const { rows: msr, columns: msc, error: mse, within: msw } = squares;
  // Denominators are sums and differences of mean squares; one that is zero in exact arithmetic comes out as
  // rounding dust (1e-17), and dividing by it gives +-1e16 nonsense. Below this scale a denominator counts as 0.
  const zero = 1e-12 * Math.max(msr, msc, mse, msw);
  const ratio = (numerator: number, denominator: number): number | null =>
    Math.abs(denominator) <= zero ? null : finiteOrNull(numerator / denominator);
  const upperQuantile = (df1: number, df2: number) => fDistributionQuantile(1 - alpha / 2, df1, df2);
  // An average-measures form's bounds are McGraw & Wong's own closed forms (1996, Table 7), not the single measure's
  // bound stepped up by Spearman-Brown. The two are equal in exact arithmetic, but the step divides by
  // 1 + (k - 1) x bound, which cancels as the single bound nears its floor -1 / (k - 1): a last-digit difference in
  // the single bound then moved the average one's fifth digit, with the order of the raters.
  const averageOfF = (f: number) => finiteOrNull((f - 1) / f);

  // One-way model: F = MSR / MSW, its bounds F / F(n - 1, n(k - 1)) and F x F(n(k - 1), n - 1).
  const oneWayDf = [n - 1, n * (k - 1)] as const;
  const oneWayF = ratio(msr, msw);
  const oneWayP = oneWayF === null ? null : finiteOrNull(fDistributionUpperTail(oneWayF, ...oneWayDf));
  const oneWayBoundsOfF =
    oneWayF === null
      ? null
      : ([oneWayF / upperQuantile(...oneWayDf), oneWayF * upperQuantile(oneWayDf[1], oneWayDf[0])] as const);

  // Two-way models share the F test MSR / MSE.
  const twoWayDf = [n - 1, (n - 1) * (k - 1)] as const;
  const twoWayF = ratio(msr, mse);
  const twoWayP = twoWayF === null ? null : finiteOrNull(fDistributionUpperTail(twoWayF, ...twoWayDf));
  const twoWayBoundsOfF =
    twoWayF === null
      ? null
      : ([twoWayF / upperQuantile(...twoWayDf), twoWayF * upperQuantile(twoWayDf[1], twoWayDf[0])] as const);

  const single = (bounds: readonly [number, number] | null): Bounds =>
    bounds === null ? [null, null] : [singleOfF(bounds[0], k), singleOfF(bounds[1], k)];
  const average = (bounds: readonly [number, number] | null): Bounds =>
    bounds === null ? [null, null] : [averageOfF(bounds[0]), averageOfF(bounds[1])];

  const icc11 = ratio(msr - msw, msr + (k - 1) * msw);
  const iccA1 = ratio(msr - mse, msr + (k - 1) * mse + (k * (msc - mse)) / n);
  const iccC1 = ratio(msr - mse, msr + (k - 1) * mse);
  const absoluteF = iccA1 === null ? null : absoluteAgreementQuantiles(squares, n, k, iccA1, upperQuantile);
  // McGraw & Wong, case 2A: single measure n(MSR - F MSE) / (F spread + n MSR), average n(MSR - F MSE) /
  // (F (MSC - MSE) + n MSR); the upper bounds with the quantile on MSR's side.
  const spread = k * msc + (k * n - k - n) * mse;
  const absoluteSingle: Bounds =
    absoluteF === null
      ? [null, null]
      : [
          finiteOrNull((n * (msr - absoluteF.lower * mse)) / (absoluteF.lower * spread + n * msr)),
          finiteOrNull((n * (absoluteF.upper * msr - mse)) / (spread + n * absoluteF.upper * msr)),
        ];
  // MSC - MSE is multiplied by a quantile that passes 1e10 when Satterthwaite's v falls below 1: rounding dust in it
  // (MSC = MSE exactly, computed as two sums) would decide the bound, so dust counts as the 0 it is.
  const columnExcess = Math.abs(msc - mse) <= zero ? 0 : msc - mse;
  const absoluteAverage: Bounds =
    absoluteF === null
      ? [null, null]
      : [
          ratio(n * (msr - absoluteF.lower * mse), absoluteF.lower * columnExcess + n * msr),
          ratio(n * (absoluteF.upper * msr - mse), columnExcess + n * absoluteF.upper * msr),
        ];

  const estimate = (
    value: number | null,
    fValue: number | null,
    df: readonly [number, number],
    pValue: number | null,
    bounds: Bounds,
  ): IccEstimate => ({ value, fValue, df1: df[0], df2: df[1], pValue, lower: bounds[0], upper: bounds[1] });

  return {
    'ICC(1,1)': estimate(icc11, oneWayF, oneWayDf, oneWayP, single(oneWayBoundsOfF)),
    'ICC(A,1)': estimate(iccA1, twoWayF, twoWayDf, twoWayP, absoluteSingle),
    'ICC(C,1)': estimate(iccC1, twoWayF, twoWayDf, twoWayP, single(twoWayBoundsOfF)),
    'ICC(1,k)': estimate(ratio(msr - msw, msr), oneWayF, oneWayDf, oneWayP, average(oneWayBoundsOfF)),
    'ICC(A,k)': estimate(ratio(msr - mse, msr + (msc - mse) / n), twoWayF, twoWayDf, twoWayP, absoluteAverage),
    'ICC(C,k)': estimate(ratio(msr - mse, msr), twoWayF, twoWayDf, twoWayP, average(twoWayBoundsOfF)),
  };
}

type Bounds = readonly [number | null, number | null];

/** A single-measure bound from a bound of F: (F - 1) / (F + k - 1). */
function singleOfF(f: number, k: number): number | null {
  return finiteOrNull((f - 1) / (f + k - 1));
}

// McGraw & Wong 1996, case 2A (absolute agreement): the F quantiles of its bounds, with Satterthwaite's v for
// a MSC + b MSE taken from the single-measure estimate (the average-measures bounds use the same v).
function absoluteAgreementQuantiles(
  squares: IccMeanSquares,
  n: number,
  k: number,
  icc: number,
  upperQuantile: (df1: number, df2: number) => number,
): { readonly lower: number; readonly upper: number } | null {
  const { columns: msc, error: mse } = squares;
  if (icc >= 1) return null;
  const a = (k * icc) / (n * (1 - icc));
  const b = 1 + (k * icc * (n - 1)) / (n * (1 - icc));
  const v = (a * msc + b * mse) ** 2 / ((a * msc) ** 2 / (k - 1) + (b * mse) ** 2 / ((n - 1) * (k - 1)));
  if (!(v > 0 && Number.isFinite(v))) return null;
  return { lower: upperQuantile(n - 1, v), upper: upperQuantile(v, n - 1) };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
