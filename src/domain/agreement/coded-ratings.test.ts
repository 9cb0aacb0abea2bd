import { describe, expect, it } from 'vitest';
import { codeRatings } from './coded-ratings';
import { countValuesPerUnit } from './unit-value-counts';

describe('codeRatings', () => {
  it('codes observed values in natural order: numbers ascending, then labels; 1 and "1" differ', () => {
    const coded = codeRatings([
      [3, 'b', null],
      ['1', 1, 'a'],
    ]);
    expect(coded.categories).toEqual([1, 3, '1', 'a', 'b']);
    expect([...coded.codes]).toEqual([1, 4, -1, 2, 0, 3]);
  });

  it('puts the given scale first, unused categories included, then unlisted values in natural order', () => {
    const coded = codeRatings(
      [
        [2, 9],
        [0, 5],
      ],
      [3, 2, 1, 0],
    );
    expect(coded.categories).toEqual([3, 2, 1, 0, 5, 9]);
    expect([...coded.codes]).toEqual([1, 5, 3, 4]);
  });

  it('pads short rows with missing cells and counts values per unit', () => {
    const coded = codeRatings([['Ja', 'Nee', 'Ja'], ['Ja']]);
    expect(coded.units).toBe(3);
    const counts = countValuesPerUnit(coded);
    expect([...counts.ratingsPerUnit]).toEqual([2, 1, 1]);
    expect([...counts.unitStart]).toEqual([0, 1, 2, 3]);
    expect([...counts.counts]).toEqual([2, 1, 1]);
  });
});
