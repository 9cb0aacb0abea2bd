import { codeRatings, type CodedRatings } from './coded-ratings';
import type { Category, RatingsMatrix } from './ratings';

/**
 * For every unit, how many raters gave each category: a compressed sparse row layout (unit u's entries are
 * `unitStart[u] .. unitStart[u + 1] - 1`), so the statistics run in O(cells + units x distinct values per unit)
 * whatever the size of the scale.
 */
export interface UnitValueCounts {
  readonly units: number;
  /** Offsets into `categoryCodes` / `counts`, length units + 1. */
  readonly unitStart: Int32Array;
  readonly categoryCodes: Int32Array;
  readonly counts: Int32Array;
  /** Ratings per unit (m_u). */
  readonly ratingsPerUnit: Int32Array;
}

/** Counts each unit's ratings per category (Krippendorff's "values by units" matrix, stored sparsely). */
export function countValuesPerUnit(coded: CodedRatings): UnitValueCounts {
  const { raters, units, codes } = coded;
  const scratch = new Int32Array(coded.categories.length);
  const touched = new Int32Array(Math.max(raters, 1));
  const unitStart = new Int32Array(units + 1);
  const ratingsPerUnit = new Int32Array(units);
  const categoryCodes: number[] = [];
  const counts: number[] = [];
  for (let unit = 0; unit < units; unit += 1) {
    unitStart[unit] = categoryCodes.length;
    let distinct = 0;
    let rated = 0;
    for (let rater = 0; rater < raters; rater += 1) {
      const code = codes[rater * units + unit]!;
      if (code < 0) continue;
      if (scratch[code] === 0) touched[distinct++] = code;
      scratch[code] = scratch[code]! + 1;
      rated += 1;
    }
    ratingsPerUnit[unit] = rated;
    for (let entry = 0; entry < distinct; entry += 1) {
      const code = touched[entry]!;
      categoryCodes.push(code);
      counts.push(scratch[code]!);
      scratch[code] = 0;
    }
  }
  unitStart[units] = categoryCodes.length;
  return {
    units,
    unitStart,
    categoryCodes: Int32Array.from(categoryCodes),
    counts: Int32Array.from(counts),
    ratingsPerUnit,
  };
}

/** Coded ratings with their per-unit counts: what the categorical statistics share, so a summary codes once. */
export interface CountedRatings {
  readonly coded: CodedRatings;
  readonly counts: UnitValueCounts;
}

/** Codes the ratings (see codeRatings for the scale order) and counts them per unit. */
export function countRatings(ratings: RatingsMatrix, categories?: readonly Category[]): CountedRatings {
  const coded = codeRatings(ratings, categories);
  return { coded, counts: countValuesPerUnit(coded) };
}
