import { describe, expect, it } from 'vitest';
import { roundTo } from './table-model';

describe('roundTo', () => {
  it('rounds half away from zero, symmetric around 0', () => {
    expect(roundTo(94.444444, 2)).toBe(94.44);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(2 / 3, 4)).toBe(0.6667);
    expect(roundTo(12.5, 0)).toBe(13);
  });

  it('never gives -0 and turns NaN and infinities into null', () => {
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
    expect(roundTo(Number.NaN, 2)).toBeNull();
    expect(roundTo(Number.POSITIVE_INFINITY, 2)).toBeNull();
  });
});
