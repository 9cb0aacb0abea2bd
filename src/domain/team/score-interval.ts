import { fDistributionQuantile } from '../agreement/f-distribution';

/** How sure a mean of section scores is: the mean with a 95 % interval that is wide when there are few reviews. */
export interface ScoreSummary {
  /** Number of reviews behind the figure. */
  readonly count: number;
  /** Mean score in [0, 1]; null without reviews. */
  readonly mean: number | null;
  /** Sample standard deviation; null below two reviews. */
  readonly standardDeviation: number | null;
  /**
   * Student-t 95 % interval of the mean, clipped to the score range [0, 1]; null below two reviews (one review says
   * nothing about how an agent usually does).
   */
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * The two-sided 95 % Student-t critical value with `df` degrees of freedom, through t^2 = F(1, df): a t with df
 * degrees of freedom squared is F-distributed with (1, df). df 4 gives 2.776, df 30 gives 2.042.
 */
export function tCritical95(df: number): number {
  let value = tCriticalByDf.get(df);
  if (value === undefined) tCriticalByDf.set(df, (value = Math.sqrt(fDistributionQuantile(0.95, 1, df))));
  return value;
}

/** The quantile is found by search, and a team report asks for it once per figure with only a few distinct df. */
const tCriticalByDf = new Map<number, number>();

/** Mean, standard deviation and the t interval of section scores in [0, 1]. */
export function summariseScores(scores: readonly number[]): ScoreSummary {
  const count = scores.length;
  if (count === 0) return { count, mean: null, standardDeviation: null, lower: null, upper: null };
  let sum = 0;
  for (const score of scores) sum += score;
  const mean = sum / count;
  if (count < 2) return { count, mean, standardDeviation: null, lower: null, upper: null };
  let squares = 0;
  for (const score of scores) squares += (score - mean) ** 2;
  return intervalSummary(count, mean, Math.sqrt(squares / (count - 1)));
}

/** The summary of two or more scores from their mean and sample standard deviation: the t interval, clipped to [0, 1]. */
export function intervalSummary(count: number, mean: number, standardDeviation: number): ScoreSummary {
  const halfWidth = (tCritical95(count - 1) * standardDeviation) / Math.sqrt(count);
  return {
    count,
    mean,
    standardDeviation,
    lower: Math.max(0, mean - halfWidth),
    upper: Math.min(1, mean + halfWidth),
  };
}
