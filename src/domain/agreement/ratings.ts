/** One rating: a number or a category label; null marks a missing rating. */
export type Rating = number | string | null;

/** A value a rating can take (a rating that is not missing). */
export type Category = number | string;

/** Reliability data: rows are raters, columns are units (calls); a cell is one rater's rating of one unit. */
export type RatingsMatrix = readonly (readonly Rating[])[];

/** Reliability data with numbers only (null = missing), for the statistics that need arithmetic. */
export type NumericRatingsMatrix = readonly (readonly (number | null)[])[];

/** Krippendorff's levels of measurement; they choose the difference function of alpha. */
export const measurementLevels = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type MeasurementLevel = (typeof measurementLevels)[number];

/**
 * Whether a cell holds no usable rating: null, or a number that is not finite (NaN cannot be compared, so it
 * could never agree with anything; treating it as missing is the only reading that keeps every statistic defined).
 */
export function isMissingRating(value: Rating | undefined): value is null | undefined {
  return value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value));
}

/** The number of units (columns) of a ratings matrix: the longest row, so a short row reads as missing cells. */
export function unitCount(ratings: RatingsMatrix): number {
  let units = 0;
  for (const row of ratings) units = Math.max(units, row.length);
  return units;
}

/** Orders categories the natural way: numbers ascending, then labels by code unit (locale-free, so reproducible). */
export function compareCategories(first: Category, second: Category): number {
  if (typeof first === 'number' && typeof second === 'number') return first - second;
  if (typeof first === 'number') return -1;
  if (typeof second === 'number') return 1;
  return first < second ? -1 : first > second ? 1 : 0;
}
