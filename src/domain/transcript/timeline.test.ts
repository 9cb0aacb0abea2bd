import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TranscriptSegment } from './model';
import { activeSegmentIndex, activeWordIndex, searchTranscript } from './timeline';

const words = (...spans: [string, number, number][]) =>
  spans.map(([text, startMs, endMs]) => ({ text, startMs, endMs }));
const segments: TranscriptSegment[] = [
  {
    speaker: 'A',
    channel: null,
    startMs: 0,
    endMs: 2000,
    text: 'Goedemiddag, met Sanne',
    words: words(['Goedemiddag,', 0, 800], ['met', 900, 1200], ['Sanne', 1300, 2000]),
  },
  {
    speaker: 'B',
    channel: null,
    startMs: 2500,
    endMs: 6000,
    text: 'Ik ben echt woedend over de café rekening',
    words: [],
  },
  {
    speaker: 'A',
    channel: null,
    startMs: 5800,
    endMs: 7000,
    text: 'Dat begrijp ik',
    words: words(['Dat', 5800, 6000], ['begrijp', 6100, 6600], ['ik', 6650, 7000]),
  },
];

describe('activeSegmentIndex', () => {
  it.each([
    [-5, -1],
    [0, 0],
    [1999, 0],
    [2200, 0], // pause: keep the last one lit
    [2500, 1],
    [5900, 2], // overlap: the later-starting segment
    [9000, 2],
  ])('at %d ms -> %d', (timeMs, index) => expect(activeSegmentIndex(segments, timeMs)).toBe(index));

  it('agrees with a linear scan (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(100_000), fc.nat(5000)), { maxLength: 60 }),
        fc.nat(110_000),
        (spans, timeMs) => {
          const sorted = spans
            .map(([start, length]) => ({
              speaker: null,
              channel: null,
              startMs: start,
              endMs: start + length + 1,
              text: 'x',
              words: [],
            }))
            .sort((a, b) => a.startMs - b.startMs);
          const index = activeSegmentIndex(sorted, timeMs);
          const started = sorted.filter((s) => s.startMs <= timeMs);
          if (started.length === 0) return index === -1;
          return index >= 0 && sorted[index]!.startMs <= timeMs;
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('activeWordIndex', () => {
  const w = segments[0]!.words;
  it.each([
    [0, 0],
    [850, 0], // short gap: keep the word
    [900, 1],
    [2100, -1],
  ])('at %d ms -> %d', (timeMs, index) => expect(activeWordIndex(w, timeMs)).toBe(index));
});

describe('searchTranscript', () => {
  it('finds words ignoring case and accents', () => {
    expect(searchTranscript(segments, 'SANNE')).toEqual([{ segmentIndex: 0, wordIndex: 2, startMs: 1300 }]);
    expect(searchTranscript(segments, 'cafe')).toEqual([{ segmentIndex: 1, wordIndex: null, startMs: 2500 }]);
    expect(searchTranscript(segments, 'begrijp ik')).toEqual([{ segmentIndex: 2, wordIndex: null, startMs: 5800 }]);
    expect(searchTranscript(segments, '  ')).toEqual([]);
  });
});
