import { intervalSummary, type ScoreSummary } from './score-interval';

/**
 * Scores added up rather than listed: how many, their sum and their sum of squares. Enough for a mean, a standard
 * deviation and its interval, and they add and subtract, so the team report sums stored section scores per agent,
 * skill and day in the database and combines those sums here (a skill's team is the sum over agents; the rest of
 * the team is that minus the agent).
 */
export interface ScoreMoments {
  readonly count: number;
  readonly sum: number;
  readonly sumSquares: number;
}

export const noScores: ScoreMoments = { count: 0, sum: 0, sumSquares: 0 };

export function addMoments(a: ScoreMoments, b: ScoreMoments): ScoreMoments {
  return { count: a.count + b.count, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares };
}

export function subtractMoments(a: ScoreMoments, b: ScoreMoments): ScoreMoments {
  return { count: a.count - b.count, sum: a.sum - b.sum, sumSquares: a.sumSquares - b.sumSquares };
}

/** `times` scores of the same value. */
export function repeatedScore(score: number, times: number): ScoreMoments {
  return { count: times, sum: score * times, sumSquares: score * score * times };
}

/** The same summary as summariseScores, from the sums: mean, standard deviation and the Student-t 95 % interval. */
export function summariseMoments({ count, sum, sumSquares }: ScoreMoments): ScoreSummary {
  if (count <= 0) return { count: 0, mean: null, standardDeviation: null, lower: null, upper: null };
  const mean = sum / count;
  if (count < 2) return { count, mean, standardDeviation: null, lower: null, upper: null };
  // Rounding can leave a hair below zero when every score is the same.
  const variance = Math.max(0, (sumSquares - sum * mean) / (count - 1));
  return intervalSummary(count, mean, Math.sqrt(variance));
}
