/** Level statistics over frame energies in dB, by histogram (0.25 dB bins): linear time on an hour of frames. */

const lowestDb = -120;
const highestDb = 20;
const binsPerDb = 4;
const binCount = (highestDb - lowestDb) * binsPerDb + 1;

function binOf(valueDb: number): number {
  const bin = Math.round((valueDb - lowestDb) * binsPerDb);
  return Math.min(binCount - 1, Math.max(0, bin));
}

/** The q-quantile (0..1) of the values the filter keeps, or null when it keeps none. */
export function quantileDb(
  values: ArrayLike<number>,
  quantile: number,
  keep: (index: number) => boolean = () => true,
): number | null {
  const histogram = new Uint32Array(binCount);
  let kept = 0;
  for (let index = 0; index < values.length; index += 1) {
    if (!keep(index)) continue;
    histogram[binOf(values[index]!)]! += 1;
    kept += 1;
  }
  if (kept === 0) return null;
  const target = quantile * (kept - 1);
  let seen = 0;
  for (let bin = 0; bin < binCount; bin += 1) {
    seen += histogram[bin]!;
    if (seen > target) return lowestDb + bin / binsPerDb;
  }
  return highestDb;
}

/** How many frames the filter keeps (to judge whether a quantile rests on enough data). */
export function countWhere(length: number, keep: (index: number) => boolean): number {
  let count = 0;
  for (let index = 0; index < length; index += 1) if (keep(index)) count += 1;
  return count;
}
