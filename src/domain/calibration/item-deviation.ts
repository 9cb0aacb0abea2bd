import type { Rating } from '../agreement/ratings';

/** Where one reviewer's rating of an item stands against the reference. */
export type ItemDeviation = 'within' | 'outside';

/**
 * Whether one reviewer's rating of an item is within tolerance of the reference: the benchmark reviewer's rating,
 * or, without a benchmark, the other reviewers' ratings. A level is within when it lies no more than
 * `toleranceItem` scale points from the reference (the benchmark's level, or the mean of the others' levels). A
 * Ja/Nee answer is within when it equals the benchmark's, or, against the group, when at least half of the others
 * gave it. Null when there is nothing to compare: the rating is missing (N.v.t. counts as missing, as in the
 * agreement statistics) or nobody else rated the item.
 */
export function itemDeviation(
  mine: Rating,
  others: readonly Rating[],
  reference: 'benchmark' | 'group',
  toleranceItem: number,
): ItemDeviation | null {
  if (mine === null || mine === undefined) return null;
  const present = others.filter((value): value is string | number => value !== null && value !== undefined);
  if (present.length === 0) return null;
  if (typeof mine === 'number') {
    const levels = present.filter((value): value is number => typeof value === 'number');
    if (levels.length === 0) return 'outside';
    const target = levels.reduce((sum, value) => sum + value, 0) / levels.length;
    return Math.abs(mine - target) <= toleranceItem + 1e-9 ? 'within' : 'outside';
  }
  const same = present.filter((value) => value === mine).length;
  const within = reference === 'benchmark' ? same === present.length : same * 2 >= present.length;
  return within ? 'within' : 'outside';
}
