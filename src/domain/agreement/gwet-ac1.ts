import type { Category, RatingsMatrix } from './ratings';
import { countRatings, type CountedRatings } from './unit-value-counts';

export interface GwetAc1Options {
  /** The full scale; its size q enters the chance term. Default: the observed categories. */
  readonly categories?: readonly Category[];
}

/**
 * Gwet's AC1 for any number of raters with missing ratings (Gwet 2008, "Computing inter-rater reliability and its
 * variance in the presence of high agreement", BJMSP 61; Gwet 2014, Handbook, ch. 4; as in irrCAC gwet.ac1.raw):
 * AC1 = (p_a - p_e) / (1 - p_e), p_a = mean over units with r_i >= 2 ratings of sum_k r_ik (r_ik - 1) / (r_i (r_i - 1)),
 * p_e = sum_k pi_k (1 - pi_k) / (q - 1), pi_k = mean over units with r_i >= 1 rating of r_ik / r_i.
 * Returns null when no unit has two ratings (one rater, all missing). With a single category on the scale
 * (q = 1), p_e = 0 by definition (no chance disagreement to spread), so AC1 = p_a = 1: the value a full two-category
 * scale with one category used would also give. p_e <= 1/2 always, so there is no 0/0. Never NaN, never throws.
 */
export function gwetAc1(ratings: RatingsMatrix, options: GwetAc1Options = {}): number | null {
  return gwetAc1FromCounts(countRatings(ratings, options.categories));
}

/** gwetAc1 on ratings already coded and counted (q = the coding's number of categories). */
export function gwetAc1FromCounts({ coded, counts }: CountedRatings): number | null {
  const q = coded.categories.length;
  const shares = new Float64Array(q);
  let ratedUnits = 0;
  let pairableUnits = 0;
  let agreement = 0;
  for (let unit = 0; unit < counts.units; unit += 1) {
    const r = counts.ratingsPerUnit[unit]!;
    if (r === 0) continue;
    ratedUnits += 1;
    let agreeing = 0;
    for (let entry = counts.unitStart[unit]!; entry < counts.unitStart[unit + 1]!; entry += 1) {
      const count = counts.counts[entry]!;
      shares[counts.categoryCodes[entry]!] = shares[counts.categoryCodes[entry]!]! + count / r;
      agreeing += count * (count - 1);
    }
    if (r >= 2) {
      pairableUnits += 1;
      agreement += agreeing / (r * (r - 1));
    }
  }
  if (pairableUnits === 0) return null;
  const observed = agreement / pairableUnits;
  let spread = 0;
  for (const share of shares) spread += (share / ratedUnits) * (1 - share / ratedUnits);
  const chance = q < 2 ? 0 : spread / (q - 1);
  return (observed - chance) / (1 - chance);
}
