/*
 * Largest and smallest of many numbers, and appending many items, by looping. `Math.max(...values)` and
 * `list.push(...items)` pass every element as a call argument: past roughly 100,000 elements that overflows the
 * stack (a transcript of 150,000 segments did). ESLint forbids the spread forms in src (eslint.config.mjs).
 */

/** The largest value, or `empty` when there are none. */
export function maxOf(values: ArrayLike<number>, empty = Number.NEGATIVE_INFINITY): number {
  if (values.length === 0) return empty;
  let max = values[0]!;
  for (let index = 1; index < values.length; index += 1) if (values[index]! > max) max = values[index]!;
  return max;
}

/** The smallest value, or `empty` when there are none. */
export function minOf(values: ArrayLike<number>, empty = Number.POSITIVE_INFINITY): number {
  if (values.length === 0) return empty;
  let min = values[0]!;
  for (let index = 1; index < values.length; index += 1) if (values[index]! < min) min = values[index]!;
  return min;
}

/** The largest value a function gives over the items (no intermediate array), or `empty` when there are none. */
export function maxBy<T>(items: Iterable<T>, valueOf: (item: T) => number, empty = Number.NEGATIVE_INFINITY): number {
  let max: number | undefined;
  for (const item of items) {
    const value = valueOf(item);
    if (max === undefined || value > max) max = value;
  }
  return max ?? empty;
}

/** Appends every item to the list, one at a time. */
export function appendAll<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) list.push(item);
}
