import { describe, expect, it } from 'vitest';
import { hasEstimatedWordTimes, timedWordsOf, withEstimatedWordTimes } from './estimated-word-times';
import type { TranscriptSegment } from './model';
import { searchTranscript } from './timeline';

const cue = (text: string, startMs: number, endMs: number): TranscriptSegment => ({
  speaker: 'Peter',
  channel: null,
  startMs,
  endMs,
  text,
  words: [],
});

describe('estimated word times', () => {
  it('places each word of a sentence-timed cue in proportion to its characters and marks it estimated', () => {
    // 20 characters over 2 s: 100 ms per character.
    const words = timedWordsOf(cue('Ik ben het spuugzat.', 1000, 3000));
    expect(words).toEqual([
      { text: 'Ik', startMs: 1000, endMs: 1200, estimated: true },
      { text: 'ben', startMs: 1300, endMs: 1600, estimated: true },
      { text: 'het', startMs: 1700, endMs: 2000, estimated: true },
      { text: 'spuugzat.', startMs: 2100, endMs: 3000, estimated: true },
    ]);
    // The words joined by spaces are the cue's text, so text positions map to words.
    expect(words.map((word) => word.text).join(' ')).toBe('Ik ben het spuugzat.');
  });

  it('keeps real word timings as they are, and estimates only the cues without them', () => {
    const timed: TranscriptSegment = {
      ...cue('Goedemiddag', 0, 900),
      words: [{ text: 'Goedemiddag', startMs: 100, endMs: 800 }],
    };
    const segments = withEstimatedWordTimes([timed, cue('Hallo daar', 1000, 2000)]);
    expect(segments[0]).toBe(timed);
    expect(segments[1]!.words.map((word) => [word.text, word.startMs, word.endMs])).toEqual([
      ['Hallo', 1000, 1500],
      ['daar', 1600, 2000],
    ]);
    expect(hasEstimatedWordTimes([timed])).toBe(false);
    expect(hasEstimatedWordTimes(segments)).toBe(true);
  });

  it('lets search find and place a single word inside a sentence-timed cue', () => {
    const segments = withEstimatedWordTimes([cue('Ik heb een vergadering gemist.', 0, 3000)]);
    expect(searchTranscript(segments, 'vergadering')).toEqual([{ segmentIndex: 0, wordIndex: 3, startMs: 1100 }]);
  });
});
