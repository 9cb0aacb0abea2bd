import type { TranscriptSegment } from '../transcript/model';
import { appendAll } from '../extremes';
import { detectPersonalData } from './detect-personal-data';
import type { PersonalDataKind } from './model';
import { timedWordsOf } from '../transcript/estimated-word-times';

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

interface PlacedWordInSegment extends PlacedWord {
  readonly segment: number;
}

/** How the scan walks a long transcript: bodies of this many segments, read with this many on either side. */
export interface ScanWindows {
  readonly segments: number;
  readonly context: number;
}

// A window's words are tokenised at once; 2,000 segments keep that to a few megabytes, whatever the transcript's
// length (one pass over 150,000 segments held ~300,000 tokens and took an import past 300 MB).
const defaultWindows: ScanWindows = { segments: 2_000, context: 8 };

/**
 * Scans a transcript for personal data. The words are read as one text, so a number read out across two subtitle
 * cues is still found whole. Long transcripts are read in windows of segments with some context on either side; a
 * finding belongs to the window whose body holds its first word, so each is reported once.
 */
export function findPersonalDataInTranscript(
  segments: readonly TranscriptSegment[],
  windows: ScanWindows = defaultWindows,
): TimedFinding[] {
  const found: TimedFinding[] = [];
  let previous: readonly TimedFinding[] = [];
  for (let first = 0; first < segments.length; first += windows.segments) {
    const body = { from: first, to: Math.min(segments.length, first + windows.segments) };
    const window = {
      from: Math.max(0, body.from - windows.context),
      to: Math.min(segments.length, body.to + windows.context),
    };
    // A lower-priority finding at the edge of a body may overlap one the previous window kept: the earlier wins.
    const own = findingsInWindow(segments, window, body).filter(
      (finding) => !previous.some((kept) => kept.startMs < finding.endMs && finding.startMs < kept.endMs),
    );
    appendAll(found, own);
    previous = own;
  }
  return found;
}

/** The findings of one window whose first word lies in the window's body. */
function findingsInWindow(
  segments: readonly TranscriptSegment[],
  window: { from: number; to: number },
  body: { from: number; to: number },
): TimedFinding[] {
  const placed: PlacedWordInSegment[] = [];
  let text = '';
  for (let index = window.from; index < window.to; index += 1) {
    for (const word of timedWordsOf(segments[index]!)) {
      if (text.length > 0) text += ' ';
      placed.push({
        start: text.length,
        end: text.length + word.text.length,
        startMs: word.startMs,
        endMs: word.endMs,
        segment: index,
      });
      text += word.text;
    }
  }
  return detectPersonalData(text).flatMap((finding) => {
    // Words are in text order: find the first one ending after the finding starts, then walk while they overlap,
    // so a window with many findings is not scanned once per finding.
    const firstWord = firstWordEndingAfter(placed, finding.start);
    const owner = placed[firstWord]?.segment;
    if (owner === undefined || owner < body.from || owner >= body.to) return [];
    let startMs = Number.POSITIVE_INFINITY;
    let endMs = Number.NEGATIVE_INFINITY;
    for (let index = firstWord; index < placed.length && placed[index]!.start < finding.end; index += 1) {
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
