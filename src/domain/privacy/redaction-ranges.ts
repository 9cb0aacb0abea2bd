import type { TranscriptSegment, TranscriptWord } from '../transcript/model';
import { timedWordsOf } from '../transcript/estimated-word-times';

/** A time range in the recording that is redacted: muted in playback, masked in text. */
export interface RedactedRange {
  readonly startMs: number;
  readonly endMs: number;
}

/** What a masked word reads as, everywhere: on screen, in exports and in packages. */
export const maskText = '████';

const overlapsAny = (word: TranscriptWord, ranges: readonly RedactedRange[]) =>
  ranges.some((range) => word.startMs < range.endMs && range.startMs < word.endMs);

/** Whether a moment in the recording falls inside a redacted range (the player mutes there). */
export function isRedactedAt(timeMs: number, ranges: readonly RedactedRange[]): boolean {
  return ranges.some((range) => timeMs >= range.startMs && timeMs < range.endMs);
}

/** Merges overlapping and touching ranges into a sorted list. */
export function mergeRanges(ranges: readonly RedactedRange[]): RedactedRange[] {
  const sorted = [...ranges].sort((a, b) => a.startMs - b.startMs);
  const merged: RedactedRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.startMs <= last.endMs)
      merged[merged.length - 1] = { startMs: last.startMs, endMs: Math.max(last.endMs, range.endMs) };
    else merged.push(range);
  }
  return merged;
}

/**
 * The transcript with every word that overlaps a redacted range replaced by the mask; the segment text is rebuilt
 * from its words when one of them was masked, so no copy of the original survives.
 */
export function maskTranscript(
  segments: readonly TranscriptSegment[],
  ranges: readonly RedactedRange[],
): TranscriptSegment[] {
  if (ranges.length === 0) return [...segments];
  return segments.map((segment) => {
    const timed = timedWordsOf(segment);
    if (!timed.some((word) => overlapsAny(word, ranges))) return segment;
    const masked = timed.map((word) => (overlapsAny(word, ranges) ? { ...word, text: maskText } : word));
    return {
      ...segment,
      text: masked.map((word) => word.text).join(' '),
      words: segment.words.length > 0 ? masked : [],
    };
  });
}

/** A text spoken between two times (a moment's quote) with redacted words masked. */
export function maskedTextBetween(
  segments: readonly TranscriptSegment[],
  startMs: number,
  endMs: number,
  ranges: readonly RedactedRange[],
): string {
  return maskTranscript(segments, ranges)
    .flatMap((segment) => timedWordsOf(segment))
    .filter((word) => word.startMs < endMs && startMs < word.endMs)
    .map((word) => word.text)
    .join(' ');
}
