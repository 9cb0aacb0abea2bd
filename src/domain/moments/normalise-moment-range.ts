import { momentLimits } from './model';

export interface MomentRange {
  readonly startMs: number;
  readonly endMs: number;
}

function wholeMs(value: number, fallback: number): number {
  return Number.isFinite(value) ? Math.round(value) : fallback;
}

/**
 * Turns a range the reviewer dragged into a valid one: whole milliseconds, start before end (a reversed drag is
 * swapped), inside [0, durationMs], and at least `minimumLengthMs` long (200 ms by default) so it can be seen and
 * clicked. A too-short range grows forwards, or backwards at the end of the recording; a recording shorter than the
 * minimum yields the whole recording. A non-finite time is taken as 0 (start) or durationMs (end).
 */
export function normaliseMomentRange(
  startMs: number,
  endMs: number,
  durationMs: number,
  minimumLengthMs: number = momentLimits.minimumLengthMs,
): MomentRange {
  const duration = Math.max(0, wholeMs(durationMs, 0));
  const minimum = Math.max(1, wholeMs(minimumLengthMs, momentLimits.minimumLengthMs));
  const first = wholeMs(startMs, 0);
  const second = wholeMs(endMs, duration);
  const clamp = (value: number) => Math.min(duration, Math.max(0, value));
  let start = clamp(Math.min(first, second));
  let end = clamp(Math.max(first, second));
  if (end - start < minimum) {
    end = Math.min(duration, start + minimum);
    start = Math.max(0, end - minimum);
  }
  return { startMs: start, endMs: end };
}
