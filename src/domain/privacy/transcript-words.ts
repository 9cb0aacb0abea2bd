import type { TranscriptSegment, TranscriptWord } from '../transcript/model';

/**
 * A segment's words with times. A segment without word timings (plain subtitles) gets its words estimated from
 * its text, spread over the segment in proportion to their position in the text, so a range can still be found
 * and masked inside it.
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
  }));
}
