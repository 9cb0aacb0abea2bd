import { describe, expect, it } from 'vitest';
import { itemDeviation } from './item-deviation';

describe('itemDeviation', () => {
  it('measures a level against the benchmark within ±tolerance scale points', () => {
    expect(itemDeviation(2, [3], 'benchmark', 1)).toBe('within');
    expect(itemDeviation(1, [3], 'benchmark', 1)).toBe('outside');
    expect(itemDeviation(1, [3], 'benchmark', 2)).toBe('within');
  });

  it('measures a level against the mean of the others, not their median', () => {
    // Others 1, 3, 3: the median (3) would call 1 outside ±1, the mean (2.33) too; 2 is within either way.
    expect(itemDeviation(2, [1, 3, 3], 'group', 1)).toBe('within');
    // Others 0, 0, 3: mean 1, median 0. A 2 is within ±1 of the mean, outside of the median.
    expect(itemDeviation(2, [0, 0, 3], 'group', 1)).toBe('within');
    expect(itemDeviation(3, [0, 0, 3], 'group', 1)).toBe('outside');
  });

  it('needs the same answer as the benchmark, or a half of the group, for Ja/Nee', () => {
    expect(itemDeviation('Ja', ['Ja'], 'benchmark', 1)).toBe('within');
    expect(itemDeviation('Ja', ['Nee'], 'benchmark', 1)).toBe('outside');
    expect(itemDeviation('Ja', ['Ja', 'Nee'], 'group', 1)).toBe('within');
    expect(itemDeviation('Ja', ['Nee', 'Nee', 'Ja'], 'group', 1)).toBe('outside');
  });

  it('has nothing to say when the rating is missing or nobody else rated the item', () => {
    expect(itemDeviation(null, [2], 'group', 1)).toBeNull();
    expect(itemDeviation(2, [null, null], 'group', 1)).toBeNull();
    expect(itemDeviation(2, [], 'benchmark', 1)).toBeNull();
  });
});
