import type { RatingsMatrix } from './ratings';
import { countRatings, type CountedRatings } from './unit-value-counts';

/**
 * Percent exact agreement, 0..100: the mean over units with at least two ratings of the share of agreeing rater
 * pairs, sum_k n_k (n_k - 1) / (m (m - 1)) (the p_a of Fleiss 1971 and Gwet 2014 with missing ratings), times 100.
 * Returns null when no unit has two ratings (one rater, all missing). Constant ratings give 100. Never NaN.
 */
export function percentAgreement(ratings: RatingsMatrix): number | null {
  return percentAgreementFromCounts(countRatings(ratings));
}

/** percentAgreement on ratings already coded and counted. */
export function percentAgreementFromCounts({ counts }: CountedRatings): number | null {
  let units = 0;
  let agreement = 0;
  for (let unit = 0; unit < counts.units; unit += 1) {
    const m = counts.ratingsPerUnit[unit]!;
    if (m < 2) continue;
    let agreeing = 0;
    for (let entry = counts.unitStart[unit]!; entry < counts.unitStart[unit + 1]!; entry += 1) {
      agreeing += counts.counts[entry]! * (counts.counts[entry]! - 1);
    }
    agreement += agreeing / (m * (m - 1));
    units += 1;
  }
  return units === 0 ? null : (100 * agreement) / units;
}
