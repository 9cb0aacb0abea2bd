import type { RatingsMatrix } from './ratings';
import { countRatings, type CountedRatings } from './unit-value-counts';

/**
 * Fleiss' kappa (Fleiss 1971): kappa = (P_bar - P_e) / (1 - P_e), with P_i = (sum_j n_ij^2 - m) / (m (m - 1)) the
 * agreement on unit i, P_bar their mean and P_e = sum_j p_j^2 from the category shares p_j.
 * Needs the same number m >= 2 of ratings on every unit; units nobody rated are ignored (they carry no
 * information). Returns null when that does not hold (missing ratings elsewhere, one rater), when no unit is
 * rated, and when all ratings are one category (P_e = 1). Never NaN, never throws.
 */
export function fleissKappa(ratings: RatingsMatrix): number | null {
  return fleissKappaFromCounts(countRatings(ratings));
}

/** fleissKappa on ratings already coded and counted. */
export function fleissKappaFromCounts({ coded, counts }: CountedRatings): number | null {
  let perUnit = 0;
  let rated = 0;
  let agreementSum = 0;
  const shares = new Float64Array(coded.categories.length);
  for (let unit = 0; unit < counts.units; unit += 1) {
    const m = counts.ratingsPerUnit[unit]!;
    if (m === 0) continue;
    if (perUnit === 0) perUnit = m;
    if (m !== perUnit || m < 2) return null;
    let squares = 0;
    for (let entry = counts.unitStart[unit]!; entry < counts.unitStart[unit + 1]!; entry += 1) {
      const count = counts.counts[entry]!;
      squares += count * count;
      shares[counts.categoryCodes[entry]!] = shares[counts.categoryCodes[entry]!]! + count;
    }
    agreementSum += (squares - m) / (m * (m - 1));
    rated += 1;
  }
  if (rated === 0) return null;
  let chance = 0;
  for (const share of shares) chance += (share / (rated * perUnit)) ** 2;
  if (shares.filter((share) => share > 0).length < 2) return null;
  return (agreementSum / rated - chance) / (1 - chance);
}
