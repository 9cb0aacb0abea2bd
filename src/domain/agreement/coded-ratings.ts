import { compareCategories, isMissingRating, unitCount, type Category, type RatingsMatrix } from './ratings';

/** Ratings as category indices: one flat array, `codes[rater * units + unit]`, -1 where the rating is missing. */
export interface CodedRatings {
  readonly raters: number;
  readonly units: number;
  /** The category of each code, in scale order. */
  readonly categories: readonly Category[];
  readonly codes: Int32Array;
}

/**
 * Replaces every rating by the index of its category, so the statistics count with typed arrays instead of maps.
 * Scale order is `categories` when given (the full scale, used or not), then any observed value it lacks in natural
 * order; without `categories` it is the observed values in natural order (numbers ascending, then labels).
 * The number 1 and the label "1" are different categories. One map lookup per cell: codes are handed out in order
 * of first appearance and renumbered into scale order afterwards.
 */
export function codeRatings(ratings: RatingsMatrix, categories: readonly Category[] = []): CodedRatings {
  const raters = ratings.length;
  const units = unitCount(ratings);
  const firstSeen = new Map<Category, number>();
  const seenOrder: Category[] = [];
  for (const category of categories) {
    if (isMissingRating(category) || firstSeen.has(category)) continue;
    firstSeen.set(category, seenOrder.length);
    seenOrder.push(category);
  }
  const listed = seenOrder.length;
  const codes = new Int32Array(raters * units).fill(-1);
  for (let rater = 0; rater < raters; rater += 1) {
    const row = ratings[rater]!;
    const offset = rater * units;
    for (let unit = 0; unit < row.length; unit += 1) {
      const value = row[unit];
      if (isMissingRating(value)) continue;
      let code = firstSeen.get(value);
      if (code === undefined) {
        code = seenOrder.length;
        firstSeen.set(value, code);
        seenOrder.push(value);
      }
      codes[offset + unit] = code;
    }
  }
  if (seenOrder.length === listed) return { raters, units, categories: seenOrder, codes };
  // Observed values missing from `categories` go after them, in natural order.
  const unlisted = seenOrder.slice(listed).sort(compareCategories);
  const scale = [...seenOrder.slice(0, listed), ...unlisted];
  const renumber = new Int32Array(seenOrder.length);
  for (let code = 0; code < listed; code += 1) renumber[code] = code;
  unlisted.forEach((category, index) => (renumber[firstSeen.get(category)!] = listed + index));
  for (let index = 0; index < codes.length; index += 1) if (codes[index]! >= 0) codes[index] = renumber[codes[index]!]!;
  return { raters, units, categories: scale, codes };
}
