import { isMissingRating, type Rating, type RatingsMatrix } from './ratings';

/** The labels that mark an item as not applicable (Dutch "niet van toepassing", English "not applicable"). */
export const notApplicableMarkers: readonly string[] = ['N.v.t.', 'NA'];

/** Whether a rater judged the item applicable to the unit; null where the rater gave no rating at all. */
export type Applicability = 'applicable' | 'not applicable';

export interface NotApplicableSplit {
  /** The ratings with every not-applicable marker turned into a missing rating (the default N.v.t. policy). */
  readonly ratings: RatingsMatrix;
  /** Nominal data on applicability itself, so agreement on "N.v.t. or not" can be reported separately. */
  readonly applicability: readonly (readonly (Applicability | null)[])[];
  /** How many cells held a marker. */
  readonly notApplicableCells: number;
}

/**
 * Splits N.v.t. from the ratings: (a) the ratings with markers as missing, for the item statistics, and (b) an
 * applicability matrix ('applicable' for any rating, 'not applicable' for a marker, null for missing) to compute
 * agreement on applicability with the nominal statistics. Markers match trimmed and case-insensitively; any
 * other string stays a rating. Row lengths are kept.
 */
export function splitNotApplicable(
  ratings: RatingsMatrix,
  markers: readonly string[] = notApplicableMarkers,
): NotApplicableSplit {
  const normalised = new Set(markers.map((marker) => marker.trim().toLowerCase()));
  // Labels repeat ("Ja", "Nee", "N.v.t."), so decide each distinct label once.
  const verdicts = new Map<string, boolean>();
  const isMarker = (label: string): boolean => {
    let verdict = verdicts.get(label);
    if (verdict === undefined) {
      verdict = normalised.has(label.trim().toLowerCase());
      verdicts.set(label, verdict);
    }
    return verdict;
  };
  let notApplicableCells = 0;
  const split: Rating[][] = [];
  const applicability: (Applicability | null)[][] = [];
  for (const row of ratings) {
    const values = new Array<Rating>(row.length);
    const applicable = new Array<Applicability | null>(row.length);
    for (let unit = 0; unit < row.length; unit += 1) {
      const value = row[unit]!;
      if (typeof value === 'string' && isMarker(value)) {
        values[unit] = null;
        applicable[unit] = 'not applicable';
        notApplicableCells += 1;
      } else {
        values[unit] = value;
        applicable[unit] = isMissingRating(value) ? null : 'applicable';
      }
    }
    split.push(values);
    applicability.push(applicable);
  }
  return { ratings: split, applicability, notApplicableCells };
}
