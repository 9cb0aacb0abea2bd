import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';
import { combinedReviewStatus } from './call';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [61_000, '1:01'],
    [3_600_000, '1:00:00'],
    [3_723_000, '1:02:03'],
    [-5, '0:00'],
    [Number.NaN, '0:00'],
  ])('%d ms -> %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('combinedReviewStatus', () => {
  it('prefers submitted, then draft', () => {
    expect(combinedReviewStatus([])).toBe('unreviewed');
    expect(combinedReviewStatus(['draft'])).toBe('draft');
    expect(combinedReviewStatus(['draft', 'submitted'])).toBe('submitted');
  });
});
