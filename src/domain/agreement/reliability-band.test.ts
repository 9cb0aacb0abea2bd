import { describe, expect, it } from 'vitest';
import { reliabilityBand } from './reliability-band';

describe('reliabilityBand', () => {
  it.each([
    [1, 'reliable'],
    [0.8, 'reliable'],
    [0.7999, 'tentative'],
    [0.667, 'tentative'],
    [0.6669, 'unreliable'],
    [-0.2, 'unreliable'],
    [null, null],
    [Number.NaN, null],
  ] as const)('%s -> %s', (value, band) => expect(reliabilityBand(value)).toBe(band));
});
