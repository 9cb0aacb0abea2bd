import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';
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

describe('parseDuration', () => {
  it('reads seconds, m:ss and h:mm:ss with decimals', () => {
    expect(parseDuration('12')).toBe(12_000);
    expect(parseDuration('1:05,5')).toBe(65_500);
    expect(parseDuration('1:00:01')).toBe(3_601_000);
    expect(parseDuration('abc')).toBeUndefined();
    expect(parseDuration('1:2:3:4')).toBeUndefined();
  });
});
