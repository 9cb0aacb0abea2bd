import { codeRatings } from './coded-ratings';
import { isMissingRating, type Category, type Rating } from './ratings';

/** Cohen's kappa for two raters with its two usual weightings. */
export interface CohenKappa {
  readonly unweighted: number | null;
  readonly linear: number | null;
  readonly quadratic: number | null;
  /** Units both raters rated (the pairs used). */
  readonly pairs: number;
}

export interface CohenKappaOptions {
  /** The full ordered scale; its positions give the weights' distances. Default: the observed values in natural order. */
  readonly categories?: readonly Category[];
}

/**
 * Cohen's kappa for two raters, written as kappa_w = 1 - sum w_ij p_ij / sum w_ij p_i. p_.j with disagreement
 * weights w_ij (Cohen 1968): unweighted w = [i != j] (Cohen 1960: (p_o - p_e) / (1 - p_e)), linear |i - j| / (q - 1)
 * and quadratic (i - j)^2 / (q - 1)^2 (Fleiss & Cohen 1973), with i, j the positions on the scale of q categories.
 * Units with a missing rating from either rater are dropped. Returns null for a weighting whose expected
 * disagreement is 0: no pairs, one category on the whole scale, or both raters constant on the same value.
 * Never NaN, never throws.
 */
export function cohenKappa(
  first: readonly Rating[],
  second: readonly Rating[],
  options: CohenKappaOptions = {},
): CohenKappa {
  const units = Math.max(first.length, second.length);
  const paired: [Rating[], Rating[]] = [[], []];
  for (let unit = 0; unit < units; unit += 1) {
    const a = first[unit] ?? null;
    const b = second[unit] ?? null;
    if (isMissingRating(a) || isMissingRating(b)) continue;
    paired[0].push(a);
    paired[1].push(b);
  }
  const pairs = paired[0].length;
  const coded = codeRatings(paired, options.categories);
  const q = coded.categories.length;
  if (pairs === 0 || q < 2) return { unweighted: null, linear: null, quadratic: null, pairs };
  const table = new Float64Array(q * q);
  const rowTotals = new Float64Array(q);
  const columnTotals = new Float64Array(q);
  for (let unit = 0; unit < pairs; unit += 1) {
    const row = coded.codes[unit]!;
    const column = coded.codes[pairs + unit]!;
    table[row * q + column] = table[row * q + column]! + 1;
    rowTotals[row] = rowTotals[row]! + 1;
    columnTotals[column] = columnTotals[column]! + 1;
  }
  const kappa = (weight: (distance: number) => number): number | null => {
    let observed = 0;
    let expected = 0;
    for (let row = 0; row < q; row += 1) {
      for (let column = 0; column < q; column += 1) {
        const w = weight(Math.abs(row - column));
        if (w === 0) continue;
        observed += w * table[row * q + column]!;
        expected += (w * rowTotals[row]! * columnTotals[column]!) / pairs;
      }
    }
    return expected === 0 ? null : 1 - observed / expected;
  };
  return {
    unweighted: kappa((distance) => (distance === 0 ? 0 : 1)),
    linear: kappa((distance) => distance / (q - 1)),
    quadratic: kappa((distance) => (distance / (q - 1)) ** 2),
    pairs,
  };
}
