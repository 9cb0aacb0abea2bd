import { describe, expect, it } from 'vitest';
import type { SkillObservation } from './skill-observation';
import { isoWeek, trendOf } from './trend';

describe('isoWeek', () => {
  it('follows ISO 8601 at year edges', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: still in 2026's 53rd week
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday in the week of 2 January
    expect(isoWeek('2021-01-03')).toBe('2020-W53'); // a Sunday
    expect(isoWeek('2026-12-05')).toBe('2026-W49');
  });
});

describe('trendOf', () => {
  const observation = (day: string, score: number): SkillObservation => ({
    reviewId: day + score,
    agentId: 'a',
    skillId: 's',
    score,
    day,
  });

  it('averages per month, oldest first, without empty months', () => {
    const points = trendOf(
      [observation('2026-03-02', 0.9), observation('2026-01-10', 0.5), observation('2026-01-20', 0.7)],
      'month',
    );
    expect(points.map((point) => [point.period, point.summary.count])).toEqual([
      ['2026-01', 2],
      ['2026-03', 1],
    ]);
    expect(points[0]!.summary.mean).toBeCloseTo(0.6, 12);
  });

  it('groups by ISO week across a year edge', () => {
    const points = trendOf([observation('2027-01-01', 0.4), observation('2026-12-28', 0.6)], 'week');
    expect(points).toHaveLength(1);
    expect(points[0]!.period).toBe('2026-W53');
    expect(points[0]!.summary.mean).toBeCloseTo(0.5, 12);
  });
});
