import type { TranscriptSegment } from '../transcript/model';
import { detectPersonalData } from './detect-personal-data';
import type { PersonalDataKind } from './model';
import { timedWordsOf } from './transcript-words';

/** A finding placed in the recording: the time from the first to the last word it covers. */
export interface TimedFinding {
  readonly kind: PersonalDataKind;
  readonly startMs: number;
  readonly endMs: number;
}

interface PlacedWord {
  readonly start: number;
  readonly end: number;
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Scans a transcript for personal data. The words of all segments are read as one text, so a number read out
 * across two subtitle cues is still found whole.
 */
export function findPersonalDataInTranscript(segments: readonly TranscriptSegment[]): TimedFinding[] {
  const placed: PlacedWord[] = [];
  let text = '';
  for (const segment of segments) {
    for (const word of timedWordsOf(segment)) {
      if (text.length > 0) text += ' ';
      placed.push({ start: text.length, end: text.length + word.text.length, startMs: word.startMs, endMs: word.endMs });
      text += word.text;
    }
  }
  return detectPersonalData(text).flatMap((finding) => {
    // Words are in text order: find the first one ending after the finding starts, then walk while they overlap,
    // so a transcript of 150,000 segments with many findings is not scanned once per finding.
    let startMs = Number.POSITIVE_INFINITY;
    let endMs = Number.NEGATIVE_INFINITY;
    for (let index = firstWordEndingAfter(placed, finding.start); index < placed.length && placed[index]!.start < finding.end; index += 1) {
      startMs = Math.min(startMs, placed[index]!.startMs);
      endMs = Math.max(endMs, placed[index]!.endMs);
    }
    if (startMs === Number.POSITIVE_INFINITY) return [];
    return [{ kind: finding.kind, startMs, endMs: Math.max(endMs, startMs + 1) }];
  });
}

/** The index of the first word whose end lies after `offset` (binary search over words in text order). */
function firstWordEndingAfter(placed: readonly PlacedWord[], offset: number): number {
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (placed[middle]!.end > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}
