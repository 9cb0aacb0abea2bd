import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseMomentRange } from './normalise-moment-range';

describe('normaliseMomentRange', () => {
  it.each([
    ['a valid range is kept', [1000, 2500, 60_000], [1000, 2500]],
    ['a reversed drag is swapped', [2500, 1000, 60_000], [1000, 2500]],
    ['times are rounded to whole ms', [1000.4, 2500.6, 60_000], [1000, 2501]],
    ['a negative start is clamped to 0', [-300, 900, 60_000], [0, 900]],
    ['an end beyond the recording is clamped', [59_000, 61_000, 60_000], [59_000, 60_000]],
    ['a click becomes the minimum length', [5000, 5000, 60_000], [5000, 5200]],
    ['a short range at the end grows backwards', [59_950, 60_000, 60_000], [59_800, 60_000]],
    ['a range wholly beyond the end becomes the last 200 ms', [70_000, 80_000, 60_000], [59_800, 60_000]],
    ['a recording shorter than the minimum gives the whole recording', [10, 20, 150], [0, 150]],
    ['non-finite times become the whole recording', [Number.NaN, Number.POSITIVE_INFINITY, 60_000], [0, 60_000]],
  ])('%s', (_name, [startMs, endMs, durationMs], [expectedStart, expectedEnd]) => {
    expect(normaliseMomentRange(startMs!, endMs!, durationMs!)).toEqual({ startMs: expectedStart, endMs: expectedEnd });
  });

  it('takes another minimum length', () => {
    expect(normaliseMomentRange(5000, 5100, 60_000, 1000)).toEqual({ startMs: 5000, endMs: 6000 });
  });

  it('always gives whole ms within the recording, start before end, at least the minimum when the recording allows (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e7, noNaN: true }),
        fc.double({ min: -1e6, max: 1e7, noNaN: true }),
        fc.integer({ min: 1, max: 5_000_000 }),
        (startMs, endMs, durationMs) => {
          const range = normaliseMomentRange(startMs, endMs, durationMs);
          return (
            Number.isInteger(range.startMs) &&
            Number.isInteger(range.endMs) &&
            range.startMs >= 0 &&
            range.endMs <= durationMs &&
            range.endMs > range.startMs &&
            range.endMs - range.startMs >= Math.min(200, durationMs)
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
