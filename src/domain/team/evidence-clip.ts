/** How much of the call plays around a moment from the team report: enough to hear what led to it and what followed. */
export const evidenceClipPaddingMs = 2000;

/** The part of the call an evidence moment plays: its start to its end, ± 2 s, within the call. */
export function evidenceClip(
  moment: { readonly startMs: number; readonly endMs: number },
  durationMs: number | null = null,
): { readonly fromMs: number; readonly toMs: number } {
  const fromMs = Math.max(0, moment.startMs - evidenceClipPaddingMs);
  const paddedEnd = moment.endMs + evidenceClipPaddingMs;
  return { fromMs, toMs: durationMs === null ? paddedEnd : Math.min(durationMs, paddedEnd) };
}
