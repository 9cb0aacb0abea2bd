import { isMissingRating, type NumericRatingsMatrix } from './ratings';

/** How far one rater (or everyone, pooled) lies from the benchmark rater. */
export interface DeviationSummary {
  /** Units compared: rated by both this rater and the benchmark. */
  readonly units: number;
  /** Mean of rater - benchmark: the bias; positive = more lenient than the benchmark. */
  readonly meanSignedDeviation: number | null;
  readonly meanAbsoluteDeviation: number | null;
  /** Share of compared units with |deviation| <= tolerance, 0..100. */
  readonly percentWithinTolerance: number | null;
}

export interface BenchmarkDeviations {
  readonly benchmark: number;
  readonly tolerance: number;
  /** One entry per rater in row order; the benchmark's own entry is null (it is not compared with itself). */
  readonly perRater: readonly (DeviationSummary | null)[];
  /** Pooled over every compared rater-unit pair of every other rater. */
  readonly overall: DeviationSummary;
}

// Scores such as 8.3 - 3.3 come out as 5.000000000000001; without slack "within 5" would depend on rounding.
const toleranceSlack = 1e-9;

/**
 * Deviations from the benchmark (expert) rater: d = rater - benchmark per unit both rated; per rater the mean of d
 * (bias), the mean of |d| and the percentage of units with |d| <= tolerance (up to 1e-9 rounding slack); `overall`
 * pools all rater-unit pairs. Units the rater or the benchmark did not score are left out; a rater with no such
 * unit gets nulls with units = 0. The benchmark's own entry in `perRater` is null: a zero there would read as a
 * perfectly calibrated reviewer. Returns null for a benchmark index out of range or a negative or non-finite
 * tolerance. With one rater (the benchmark alone) overall has units = 0 and null fields. Never NaN, never throws.
 */
export function benchmarkDeviations(
  ratings: NumericRatingsMatrix,
  benchmark: number,
  tolerance: number,
): BenchmarkDeviations | null {
  if (!Number.isInteger(benchmark) || benchmark < 0 || benchmark >= ratings.length) return null;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) return null;
  const reference = ratings[benchmark]!;
  const limit = tolerance + toleranceSlack * Math.max(1, tolerance);
  const pooled = new DeviationAccumulator();
  const perRater = ratings.map((row, rater) => {
    if (rater === benchmark) return null;
    const own = new DeviationAccumulator();
    const units = Math.max(row.length, reference.length);
    for (let unit = 0; unit < units; unit += 1) {
      const value = row[unit] ?? null;
      const expected = reference[unit] ?? null;
      if (isMissingRating(value) || isMissingRating(expected)) continue;
      const deviation = value - expected;
      own.add(deviation, limit);
      pooled.add(deviation, limit);
    }
    return own.summary();
  });
  return { benchmark, tolerance, perRater, overall: pooled.summary() };
}

class DeviationAccumulator {
  private units = 0;
  private signed = 0;
  private absolute = 0;
  private within = 0;

  add(deviation: number, limit: number): void {
    this.units += 1;
    this.signed += deviation;
    this.absolute += Math.abs(deviation);
    if (Math.abs(deviation) <= limit) this.within += 1;
  }

  summary(): DeviationSummary {
    if (this.units === 0)
      return { units: 0, meanSignedDeviation: null, meanAbsoluteDeviation: null, percentWithinTolerance: null };
    return {
      units: this.units,
      meanSignedDeviation: this.signed / this.units,
      meanAbsoluteDeviation: this.absolute / this.units,
      percentWithinTolerance: (100 * this.within) / this.units,
    };
  }
}
