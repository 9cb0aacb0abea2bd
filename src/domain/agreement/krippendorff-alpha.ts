import type { Category, MeasurementLevel, RatingsMatrix } from './ratings';
import { countRatings, type CountedRatings, type UnitValueCounts } from './unit-value-counts';

export interface KrippendorffAlphaOptions {
  /** The scale in order; only the order matters (ordinal ranks), unused categories change nothing. */
  readonly categories?: readonly Category[];
}

/**
 * Krippendorff's alpha, alpha = 1 - D_o / D_e = 1 - (n - 1) * sum_ck o_ck delta_ck / sum_ck n_c n_k delta_ck, from
 * the coincidence matrix o_ck = sum_u n_uc n_uk / (m_u - 1) (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability", the general form for any number of observers and missing values), with the nominal,
 * ordinal, interval or ratio difference function delta.
 * Any number of raters, missing ratings allowed: units with fewer than two ratings are unpairable and dropped.
 *
 * Returns null where alpha is undefined: no pairable unit (one rater, all missing, no overlap), and no variation
 * (every pairable value the same, D_e = 0; Krippendorff: such data "cannot be informative" -- report percent
 * agreement next to it). Also null for interval/ratio data with a non-numeric value, and ratio data with a
 * negative value (the ratio metric needs an absolute zero). Never NaN, never throws.
 * Cost: O(cells + units x distinct values per unit^2 + distinct values^2); interval and nominal are O(cells).
 */
export function krippendorffAlpha(
  ratings: RatingsMatrix,
  level: MeasurementLevel,
  options: KrippendorffAlphaOptions = {},
): number | null {
  return krippendorffAlphaFromCounts(countRatings(ratings, options.categories), level);
}

/** krippendorffAlpha on ratings already coded and counted (scale order = the coding's category order). */
export function krippendorffAlphaFromCounts({ coded, counts }: CountedRatings, level: MeasurementLevel): number | null {
  const values = coded.categories;
  if (level === 'interval' || level === 'ratio') {
    if (!values.every((value) => typeof value === 'number')) return null;
    if (level === 'ratio' && values.some((value) => (value as number) < 0)) return null;
  }
  const marginal = new Float64Array(values.length);
  let pairable = 0;
  for (let unit = 0; unit < counts.units; unit += 1) {
    if (counts.ratingsPerUnit[unit]! < 2) continue;
    pairable += counts.ratingsPerUnit[unit]!;
    for (let entry = counts.unitStart[unit]!; entry < counts.unitStart[unit + 1]!; entry += 1) {
      marginal[counts.categoryCodes[entry]!] = marginal[counts.categoryCodes[entry]!]! + counts.counts[entry]!;
    }
  }
  // D_e = 0 exactly when all pairable values are one category; decide that by counting, not by rounding noise.
  if (pairable === 0 || marginal.filter((count) => count > 0).length < 2) return null;
  const sums =
    level === 'nominal'
      ? nominalSums(counts, marginal, pairable)
      : level === 'interval'
        ? intervalSums(counts, marginal, values as readonly number[], pairable)
        : pairwiseSums(counts, marginal, differenceFunction(level, values as readonly number[], marginal));
  return 1 - ((pairable - 1) * sums.observed) / sums.expected;
}

/** Observed and expected disagreement, both summed over ordered pairs of values (the common scale cancels out). */
interface DisagreementSums {
  readonly observed: number;
  readonly expected: number;
}

/**
 * Adds up each pairable unit's observed disagreement (a unit rated once has no pair). `unitDisagreement` gets the
 * unit's entries as the range [start, end) of `counts` and how many ratings it has.
 */
function observedOverUnits(
  counts: UnitValueCounts,
  unitDisagreement: (start: number, end: number, rated: number) => number,
): number {
  let observed = 0;
  for (let unit = 0; unit < counts.units; unit += 1) {
    const rated = counts.ratingsPerUnit[unit]!;
    if (rated < 2) continue;
    observed += unitDisagreement(counts.unitStart[unit]!, counts.unitStart[unit + 1]!, rated);
  }
  return observed;
}

function nominalSums(counts: UnitValueCounts, marginal: Float64Array, pairable: number): DisagreementSums {
  const observed = observedOverUnits(counts, (start, end, rated) => {
    let agreeing = 0;
    for (let entry = start; entry < end; entry += 1) agreeing += counts.counts[entry]! ** 2;
    return (rated * rated - agreeing) / (rated - 1);
  });
  let expectedAgreeing = 0;
  for (const count of marginal) expectedAgreeing += count * count;
  return { observed, expected: pairable * pairable - expectedAgreeing };
}

// Squared differences summed over ordered pairs equal 2 m sum (x - mean)^2, so interval alpha needs no pair loop.
function intervalSums(
  counts: UnitValueCounts,
  marginal: Float64Array,
  values: readonly number[],
  pairable: number,
): DisagreementSums {
  const observed = observedOverUnits(counts, (start, end, rated) => {
    // A unanimous unit contributes exactly nothing; computing its mean could leave rounding dust instead.
    if (end - start < 2) return 0;
    let total = 0;
    for (let entry = start; entry < end; entry += 1)
      total += counts.counts[entry]! * values[counts.categoryCodes[entry]!]!;
    const mean = total / rated;
    let squares = 0;
    for (let entry = start; entry < end; entry += 1)
      squares += counts.counts[entry]! * (values[counts.categoryCodes[entry]!]! - mean) ** 2;
    return (2 * rated * squares) / (rated - 1);
  });
  let total = 0;
  marginal.forEach((count, code) => (total += count * values[code]!));
  const mean = total / pairable;
  let squares = 0;
  marginal.forEach((count, code) => (squares += count * (values[code]! - mean) ** 2));
  return { observed, expected: 2 * pairable * squares };
}

function pairwiseSums(
  counts: UnitValueCounts,
  marginal: Float64Array,
  difference: (first: number, second: number) => number,
): DisagreementSums {
  const observed = observedOverUnits(counts, (start, end, rated) => {
    let unitSum = 0;
    for (let first = start; first < end; first += 1) {
      for (let second = first + 1; second < end; second += 1) {
        unitSum +=
          counts.counts[first]! *
          counts.counts[second]! *
          difference(counts.categoryCodes[first]!, counts.categoryCodes[second]!);
      }
    }
    return (2 * unitSum) / (rated - 1);
  });
  let expected = 0;
  for (let first = 0; first < marginal.length; first += 1) {
    if (marginal[first] === 0) continue;
    for (let second = first + 1; second < marginal.length; second += 1) {
      expected += marginal[first]! * marginal[second]! * difference(first, second);
    }
  }
  return { observed, expected: 2 * expected };
}

/** The ordinal and ratio difference functions over category codes (Krippendorff 2011). */
function differenceFunction(
  level: 'ordinal' | 'ratio',
  values: readonly number[],
  marginal: Float64Array,
): (first: number, second: number) => number {
  if (level === 'ratio') {
    return (first, second) => {
      const sum = values[first]! + values[second]!;
      return sum === 0 ? 0 : ((values[first]! - values[second]!) / sum) ** 2;
    };
  }
  // The ordinal difference is the mass of values between the two ranks: (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2.
  const cumulative = new Float64Array(marginal.length + 1);
  marginal.forEach((count, code) => (cumulative[code + 1] = cumulative[code]! + count));
  return (first, second) => {
    const low = Math.min(first, second);
    const high = Math.max(first, second);
    return (cumulative[high + 1]! - cumulative[low]! - (marginal[low]! + marginal[high]!) / 2) ** 2;
  };
}
