import type { TranscriptSegment, TranscriptWord } from './model';

/** Index of the last item whose start is <= timeMs (items sorted by startMs), or -1. */
function lastStartingBefore(items: readonly { readonly startMs: number }[], timeMs: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.startMs <= timeMs) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * The segment being spoken at `timeMs` (segments sorted by start): the latest-starting one that still runs;
 * between segments, the one just finished, so the highlight does not flicker in pauses. -1 before the first.
 */
export function activeSegmentIndex(segments: readonly TranscriptSegment[], timeMs: number): number {
  const candidate = lastStartingBefore(segments, timeMs);
  for (let index = candidate; index >= 0 && index > candidate - 8; index -= 1) {
    if (segments[index]!.endMs > timeMs) return index;
  }
  return candidate;
}

/** The word being spoken at `timeMs` within one segment's words, or -1 (before the first, or in a gap after a word's end). */
export function activeWordIndex(words: readonly TranscriptWord[], timeMs: number): number {
  const index = lastStartingBefore(words, timeMs);
  if (index < 0) return -1;
  const word = words[index]!;
  const next = words[index + 1];
  // Keep the word lit until the next starts, unless the gap is long (then nothing is being said).
  return timeMs < word.endMs || (next !== undefined && timeMs < next.startMs && next.startMs - word.endMs < 400)
    ? index
    : -1;
}

/** Lower-case, accents removed: "Café" matches "cafe". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface TranscriptHit {
  readonly segmentIndex: number;
  /** The word that matched, or null when the segment has no words (the segment matched). */
  readonly wordIndex: number | null;
  readonly startMs: number;
}

/**
 * Finds a query in the transcript, accent- and case-insensitively. Single-word queries match words (so hits can
 * be highlighted word by word); multi-word queries match the segment text and point at its first word.
 */
export function searchTranscript(segments: readonly TranscriptSegment[], query: string): TranscriptHit[] {
  const needle = foldForSearch(query.trim());
  if (needle === '') return [];
  const hits: TranscriptHit[] = [];
  const singleWord = !/\s/.test(needle);
  segments.forEach((segment, segmentIndex) => {
    if (singleWord && segment.words.length > 0) {
      segment.words.forEach((word, wordIndex) => {
        if (foldForSearch(word.text).includes(needle)) hits.push({ segmentIndex, wordIndex, startMs: word.startMs });
      });
    } else if (foldForSearch(segment.text).includes(needle)) {
      hits.push({ segmentIndex, wordIndex: null, startMs: segment.startMs });
    }
  });
  return hits;
}
