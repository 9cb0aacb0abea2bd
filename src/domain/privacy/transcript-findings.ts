import type { TranscriptSegment } from '../transcript/model';
import { maxOf, minOf } from '../extremes';
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
    const covered = placed.filter((word) => word.start < finding.end && finding.start < word.end);
    if (covered.length === 0) return [];
    const startMs = minOf(covered.map((word) => word.startMs));
    const endMs = maxOf(covered.map((word) => word.endMs));
    return [{ kind: finding.kind, startMs, endMs: Math.max(endMs, startMs + 1) }];
  });
}
