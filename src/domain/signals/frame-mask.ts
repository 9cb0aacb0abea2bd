/** Operations on per-frame activity masks (1 = active) and their conversion to time intervals. */

export interface TimeSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/** Fills inactive gaps no longer than `maxGapFrames` between two active runs (the hangover that bridges the
 *  pauses between words without stretching where speech really ends). */
export function bridgeGaps(mask: Uint8Array, maxGapFrames: number): void {
  let lastActive = -1;
  for (let frame = 0; frame < mask.length; frame += 1) {
    if (mask[frame] !== 1) continue;
    const gap = frame - lastActive - 1;
    if (lastActive >= 0 && gap > 0 && gap <= maxGapFrames) mask.fill(1, lastActive + 1, frame);
    lastActive = frame;
  }
}

/** Clears active runs shorter than `minFrames` (clicks, a door, a cough's tail). */
export function dropShortRuns(mask: Uint8Array, minFrames: number): void {
  let runStart = -1;
  for (let frame = 0; frame <= mask.length; frame += 1) {
    const active = frame < mask.length && mask[frame] === 1;
    if (active && runStart < 0) runStart = frame;
    if (!active && runStart >= 0) {
      if (frame - runStart < minFrames) mask.fill(0, runStart, frame);
      runStart = -1;
    }
  }
}

/** The active runs of a mask as millisecond intervals. */
export function maskToSpans(mask: Uint8Array, frameMs: number): TimeSpan[] {
  const spans: TimeSpan[] = [];
  let runStart = -1;
  for (let frame = 0; frame <= mask.length; frame += 1) {
    const active = frame < mask.length && mask[frame] === 1;
    if (active && runStart < 0) runStart = frame;
    if (!active && runStart >= 0) {
      spans.push({ startMs: runStart * frameMs, endMs: frame * frameMs });
      runStart = -1;
    }
  }
  return spans;
}

/** Sorts spans and merges those that overlap or lie closer than `maxGapMs`. */
export function mergeSpans(spans: readonly TimeSpan[], maxGapMs = 0): TimeSpan[] {
  const sorted = [...spans].sort((a, b) => a.startMs - b.startMs);
  const merged: { startMs: number; endMs: number }[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.startMs - last.endMs <= maxGapMs) last.endMs = Math.max(last.endMs, span.endMs);
    else merged.push({ startMs: span.startMs, endMs: span.endMs });
  }
  return merged;
}

/** The times covered by both sorted, non-overlapping span lists. */
export function intersectSpans(a: readonly TimeSpan[], b: readonly TimeSpan[]): TimeSpan[] {
  const result: TimeSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const startMs = Math.max(a[i]!.startMs, b[j]!.startMs);
    const endMs = Math.min(a[i]!.endMs, b[j]!.endMs);
    if (startMs < endMs) result.push({ startMs, endMs });
    if (a[i]!.endMs < b[j]!.endMs) i += 1;
    else j += 1;
  }
  return result;
}
