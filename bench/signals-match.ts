// Interval matching for the signals bench: a detected interval matches a true one when both edges are within the
// tolerance; each true interval is matched at most once.
export interface Interval {
  readonly startMs: number;
  readonly endMs: number;
}

export interface MatchCounts {
  truth: number;
  detected: number;
  matched: number;
}

export function matchIntervals(
  truth: readonly Interval[],
  detected: readonly Interval[],
  toleranceMs = 150,
): MatchCounts {
  const used = new Set<number>();
  let matched = 0;
  for (const found of detected) {
    const index = truth.findIndex(
      (real, at) =>
        !used.has(at) &&
        Math.abs(real.startMs - found.startMs) <= toleranceMs &&
        Math.abs(real.endMs - found.endMs) <= toleranceMs,
    );
    if (index >= 0) {
      used.add(index);
      matched += 1;
    }
  }
  return { truth: truth.length, detected: detected.length, matched };
}

export function addCounts(total: MatchCounts, counts: MatchCounts): void {
  total.truth += counts.truth;
  total.detected += counts.detected;
  total.matched += counts.matched;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

export function precisionRecall(counts: MatchCounts) {
  return {
    ...counts,
    precision: counts.detected === 0 ? null : round3(counts.matched / counts.detected),
    recall: counts.truth === 0 ? null : round3(counts.matched / counts.truth),
  };
}
