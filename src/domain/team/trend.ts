import { summariseScores, type ScoreSummary } from './score-interval';
import { groupBy, type SkillObservation } from './skill-observation';

export const trendGranularities = ['week', 'month'] as const;
export type TrendGranularity = (typeof trendGranularities)[number];

/** ISO 8601 week of a calendar day YYYY-MM-DD, as YYYY-Www (the week-year can differ from the calendar year). */
export function isoWeek(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const utc = new Date(Date.UTC(year!, month! - 1, date!));
  // The Thursday of the same ISO week decides its year (ISO 8601: weeks start on Monday).
  const weekday = (utc.getUTCDay() + 6) % 7;
  utc.setUTCDate(utc.getUTCDate() - weekday + 3);
  const weekYear = utc.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((utc.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

export function periodOf(day: string, granularity: TrendGranularity): string {
  return granularity === 'month' ? day.slice(0, 7) : isoWeek(day);
}

export interface TrendPoint {
  /** YYYY-MM or YYYY-Www. */
  readonly period: string;
  readonly summary: ScoreSummary;
}

/** Mean score per week or month, oldest first; periods without reviews are left out rather than drawn as zero. */
export function trendOf(observations: readonly SkillObservation[], granularity: TrendGranularity): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const [period, inPeriod] of groupBy(observations, (observation) => periodOf(observation.day, granularity))) {
    points.push({ period, summary: summariseScores(inPeriod.map((observation) => observation.score)) });
  }
  return points.sort((a, b) => a.period.localeCompare(b.period));
}
