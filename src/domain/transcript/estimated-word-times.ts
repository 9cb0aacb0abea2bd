import type { TranscriptSegment, TranscriptWord } from './model';

/**
 * A segment's words with times. WebVTT and SRT usually time whole sentences only; such a segment gets its words
 * estimated from its text, each placed in proportion to its character position within the cue, and marked
 * `estimated` so the UI can say so. This keeps word highlight, click-to-seek, selection-to-moment, search and
 * redaction working as with word timings. Segments with real word timings are returned as they are.
 */
export function timedWordsOf(segment: TranscriptSegment): readonly TranscriptWord[] {
  if (segment.words.length > 0) return segment.words;
  const length = segment.text.length;
  if (length === 0) return [];
  const span = segment.endMs - segment.startMs;
  const at = (offset: number) => segment.startMs + Math.round((span * offset) / length);
  return [...segment.text.matchAll(/\S+/g)].map((match) => ({
    text: match[0],
    startMs: at(match.index),
    endMs: at(match.index + match[0].length),
    estimated: true,
  }));
}

/** The segments with estimated words filled in where the source timed only the sentence (see `timedWordsOf`). */
export function withEstimatedWordTimes(segments: readonly TranscriptSegment[]): TranscriptSegment[] {
  return segments.map((segment) => (segment.words.length > 0 ? segment : { ...segment, words: timedWordsOf(segment) }));
}

/** True when any word shown came from an estimate rather than the source's own timings. */
export function hasEstimatedWordTimes(segments: readonly TranscriptSegment[]): boolean {
  return segments.some((segment) => segment.words.some((word) => word.estimated === true));
}
