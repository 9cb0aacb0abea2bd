import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parsedTranscript,
  segmentOrder,
  warningCount,
  assertNeverThrowsOn,
  jsonTextArb,
  restructuredJsonArb,
} from '../../../../tests/unit/transcript-fuzz';
import { cleanText } from '../normalize';
import { detectTranscriptFormat, parseTranscript } from '../parse-transcript';
import { whisperXJsonReader } from './whisperx-json';

const fixturePath = (dir: string, name: string) =>
  new URL(`../../../../tests/fixtures/transcripts/${dir}/${name}`, import.meta.url);
const fixture = (name: string) => readFileSync(fixturePath('whisperx-json', name), 'utf8');

const parsed = (text: string) => parsedTranscript(text, 'whisperx-json');

const warning = warningCount;
const json = (value: unknown) => JSON.stringify(value);

describe('WhisperX JSON: real files', () => {
  it('reads the WhisperX transcription of a recorded support call (first 15 segments)', () => {
    const transcript = parsed(fixture('whisperx-call-english-first15.json'));
    expect(transcript.language).toBe('en');
    expect(transcript.warnings).toEqual([]);
    expect(transcript.segments).toHaveLength(15);
    expect(transcript.segments.reduce((n, s) => n + s.words.length, 0)).toBe(130);
    const first = transcript.segments[0]!;
    expect(first).toMatchObject({ speaker: null, channel: null, startMs: 3828, endMs: 4809, text: 'Hey, Manpreet.' });
    expect(first.words).toEqual([
      { text: 'Hey,', startMs: 3828, endMs: 4068, confidence: 0.573 },
      { text: 'Manpreet.', startMs: 4088, endMs: 4809, confidence: 0.694 },
    ]);
    expect(transcript.segments[10]!.words.find((w) => w.text === '$200,')).toEqual({
      text: '$200,',
      startMs: 37_037,
      endMs: 37_177,
      confidence: 0.78,
    });
    expect(transcript.segments.at(-1)).toMatchObject({
      startMs: 56_105,
      endMs: 58_388,
      text: 'I just put a request for next Tuesday.',
    });
    expect(transcript.segments.at(-1)!.words).toHaveLength(8);
  });

  it('reads the reference example of m-bain/whisperX without doubling word_segments', () => {
    const transcript = parsed(fixture('whisperx-reference-example.json'));
    expect(transcript.segments.map((s) => [s.startMs, s.endMs, s.text, s.words.length])).toEqual([
      [151, 3863, 'Okay, got it.', 3],
      [7395, 8318, "I don't, I don't know.", 5],
    ]);
    expect(transcript.segments[0]!.words[2]).toEqual({ text: 'it.', startMs: 3643, endMs: 3863, confidence: 0.788 });
  });

  it('reads the aligned transcript of whisperX-FastAPI (CRLF, no language)', () => {
    const transcript = parsed(fixture('whisperx-fastapi-aligned-transcript.json'));
    expect(transcript.language).toBeNull();
    expect(transcript.segments).toHaveLength(1);
    expect(transcript.segments[0]).toMatchObject({
      startMs: 2878,
      endMs: 10_199,
      text: 'This is a test audio file of about phone line quality in English.',
    });
    expect(transcript.segments[0]!.words.map((w) => w.text)).toEqual([
      'This',
      'is',
      'a',
      'test',
      'audio',
      'file',
      'of',
      'about',
      'phone',
      'line',
      'quality',
      'in',
      'English.',
    ]);
    expect(transcript.segments[0]!.words[12]).toEqual({
      text: 'English.',
      startMs: 9958,
      endMs: 10_199,
      confidence: 0.908,
    });
  });

  it('leaves Whisper output with Whisper-only keys to the Whisper reader, even with speakers', () => {
    const text = readFileSync(fixturePath('whisper-json', 'whisper-ctranslate2-diarization-ca.json'), 'utf8');
    expect(detectTranscriptFormat(text)).toBe('whisper-json');
  });
});

describe('WhisperX JSON: edge cases', () => {
  it('reads diarized output, keeping words the aligner could not time', () => {
    const transcript = parsed(
      json({
        segments: [
          {
            start: 1.0,
            end: 3.5,
            text: ' Dat kost €42,50 per maand.',
            speaker: 'SPEAKER_00',
            words: [
              { word: 'Dat', start: 1.0, end: 1.2, score: 0.9, speaker: 'SPEAKER_00' },
              { word: 'kost', start: 1.3, end: 1.6, score: 0.8, speaker: 'SPEAKER_00' },
              { word: '€42,50' },
              { word: 'per', start: 2.5, end: 2.7, score: 0.7, speaker: 'SPEAKER_00' },
              { word: 'maand', start: 2.8, end: 3.4, score: 0.95, speaker: 'SPEAKER_00' },
              { word: '.' },
            ],
          },
          {
            start: '4',
            end: '5.25',
            text: 'Oké.',
            speaker: 'SPEAKER_01',
            words: [{ word: 'Oké.', start: '4', end: '5.25', score: '0.5', speaker: 'SPEAKER_01' }],
          },
        ],
        language: 'nl',
      }),
    );
    expect(transcript.segments.map((s) => [s.speaker, s.startMs, s.endMs, s.text])).toEqual([
      ['SPEAKER_00', 1000, 3500, 'Dat kost €42,50 per maand.'],
      ['SPEAKER_01', 4000, 5250, 'Oké.'],
    ]);
    // The untimed "." joins "maand"; the untimed amount is counted.
    expect(transcript.segments[0]!.words.map((w) => w.text)).toEqual(['Dat', 'kost', 'per', 'maand.']);
    expect(warning(transcript, 'words_without_times')).toBe(1);
    expect(transcript.segments[1]!.words[0]).toEqual({ text: 'Oké.', startMs: 4000, endMs: 5250, confidence: 0.5 });
  });

  it('takes the speaker of most words when the segment has none, and times a segment by its words when it has none', () => {
    const transcript = parsed(
      json({
        segments: [
          {
            text: 'ja ja nee',
            words: [
              { word: 'ja', start: 1, end: 1.2, score: 1, speaker: 'SPEAKER_01' },
              { word: 'ja', start: 1.3, end: 1.5, score: 1, speaker: 'SPEAKER_01' },
              { word: 'nee', start: 1.6, end: 2, score: 1, speaker: 'SPEAKER_00' },
            ],
          },
        ],
      }),
    );
    expect(transcript.segments[0]).toMatchObject({ speaker: 'SPEAKER_01', startMs: 1000, endMs: 2000 });
  });

  it('assigns word_segments to segments that carry no words', () => {
    const transcript = parsed(
      json({
        segments: [
          { start: 0, end: 1, text: 'een twee' },
          { start: 1, end: 2, text: 'drie' },
        ],
        word_segments: [
          { word: 'een', start: 0.1, end: 0.4, score: 0.9 },
          { word: 'twee', start: 0.5, end: 0.9, score: 0.9 },
          { word: 'drie', start: 1.1, end: 1.8, score: 0.9 },
        ],
      }),
    );
    expect(transcript.segments.map((s) => s.words.map((w) => w.text))).toEqual([['een', 'twee'], ['drie']]);
  });

  it('keeps text verbatim and drops what cannot be used', () => {
    const transcript = parsed(
      json({
        segments: [
          { start: 0, end: 1, text: '<script>alert(1)</script>', speaker: 'SPEAKER_00', words: [] },
          { start: 2, end: 1, text: 'reversed', speaker: 'SPEAKER_00' },
          { start: null, end: null, text: 'untimed', speaker: 'SPEAKER_00', words: [{ word: 'untimed' }] },
          { start: 3, end: 4, text: '   ', speaker: 'SPEAKER_00' },
          42,
        ],
      }),
    );
    expect(transcript.segments.map((s) => s.text)).toEqual(['<script>alert(1)</script>']);
    expect(warning(transcript, 'reversed_times_dropped')).toBe(2);
    expect(warning(transcript, 'empty_segments_dropped')).toBe(2);
  });

  it('needs WhisperX evidence and no Whisper-only keys to detect', () => {
    const detect = (value: unknown) => whisperXJsonReader.detect(JSON.stringify(value), value);
    expect(detect({ segments: [], word_segments: [] })).toBe(true);
    expect(detect({ segments: [{ start: 0, end: 1, text: 'x', speaker: 'SPEAKER_00' }] })).toBe(true);
    expect(
      detect({ segments: [{ start: 0, end: 1, text: 'x', words: [{ word: 'x', start: 0, end: 1, score: 0.5 }] }] }),
    ).toBe(true);
    expect(detect({ segments: [{ start: 0, end: 1, text: 'x' }], language: 'en' })).toBe(false);
    expect(detect({ segments: [{ start: 0, end: 1, text: 'x', speaker: 'A', tokens: [1] }] })).toBe(false);
    expect(detect({ task: 'transcribe', segments: [{ start: 0, end: 1, text: 'x', speaker: 'A' }] })).toBe(false);
    expect(detect({ segments: [{ startMs: 0 }], word_segments: [] })).toBe(false);
    expect(detect({ transcription: [] })).toBe(false);
    expect(detectTranscriptFormat(json({ segments: [{ start: 0, end: 1, text: 'x' }], language: 'en' }))).toBe(
      'whisper-json',
    );
  });
});

// ---- Property-based tests ---------------------------------------------------------------------------------------

const trickyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom('<', '&', '-->', '<script>alert(1)</script>', 'é', '😀', '\n', '"', '\u202e'),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(''));
const wordArb = fc.record({
  startMs: fc.integer({ min: 0, max: 36_000_000 }),
  durationMs: fc.integer({ min: 0, max: 5000 }),
  timed: fc.boolean(),
  text: fc.string({ maxLength: 6 }),
  score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});
const segmentArb = fc.record({
  startMs: fc.integer({ min: 0, max: 36_000_000 }),
  durationMs: fc.integer({ min: 0, max: 600_000 }),
  text: trickyText,
  speaker: fc.option(fc.constantFrom('SPEAKER_00', 'SPEAKER_01', 'SPEAKER_02'), { nil: undefined }),
  words: fc.array(wordArb, { maxLength: 6 }),
});
type GeneratedSegment = ReturnType<typeof segmentArb.generate>['value'];

function buildWhisperX(segments: readonly GeneratedSegment[], withWordSegments: boolean): string {
  const builtSegments = segments.map((segment, index) => ({
    start: segment.startMs / 1000,
    end: (segment.startMs + segment.durationMs) / 1000,
    text: ` s${index} ${segment.text}`,
    words: segment.words.map((w, wi) => ({
      // A letter first: an untimed word is then never punctuation that would join the word before.
      word: `w${wi}${w.text}`,
      ...(w.timed ? { start: w.startMs / 1000, end: (w.startMs + w.durationMs) / 1000 } : {}),
      ...(w.score !== undefined ? { score: w.score } : {}),
      ...(segment.speaker ? { speaker: segment.speaker } : {}),
    })),
    ...(segment.speaker ? { speaker: segment.speaker } : {}),
  }));
  return JSON.stringify({
    segments: builtSegments,
    // Evidence for detection when nothing else gives it: WhisperX always writes word_segments.
    ...(withWordSegments || segments.every((s) => !s.speaker && s.words.every((w) => w.score === undefined))
      ? { word_segments: builtSegments.flatMap((s) => s.words) }
      : {}),
    language: 'nl',
  });
}

describe('WhisperX JSON: properties', () => {
  it('never throws on arbitrary JSON, or on WhisperX-shaped JSON with arbitrary values', () => {
    const shaped = fc.record(
      {
        segments: fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.record(
              {
                start: fc.jsonValue(),
                end: fc.jsonValue(),
                text: fc.jsonValue(),
                speaker: fc.jsonValue(),
                words: fc.oneof(
                  fc.jsonValue(),
                  fc.array(
                    fc.record(
                      {
                        word: fc.jsonValue(),
                        start: fc.jsonValue(),
                        end: fc.jsonValue(),
                        score: fc.jsonValue(),
                        speaker: fc.jsonValue(),
                      },
                      { requiredKeys: [] },
                    ),
                  ),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
        word_segments: fc.jsonValue(),
        language: fc.jsonValue(),
      },
      { requiredKeys: ['segments'] },
    );
    assertNeverThrowsOn(whisperXJsonReader, jsonTextArb(fc.oneof(fc.jsonValue(), shaped)));
  });

  it('reads every generated valid document back: segments, times, speakers, text and timed words', () => {
    fc.assert(
      fc.property(fc.array(segmentArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (segments, withWordSegments) => {
        const result = parseTranscript(buildWhisperX(segments, withWordSegments));
        if (!result.ok) throw new Error(result.error.detail);
        expect(result.transcript.format).toBe('whisperx-json');
        expect(result.transcript.language).toBe('nl');
        const expected = segments.map((s, index) => ({
          startMs: s.startMs,
          endMs: s.startMs + s.durationMs,
          speaker: s.speaker ?? null,
          text: cleanText(` s${index} ${s.text}`),
          words: s.words.filter((w) => w.timed).length,
        }));
        const actual = result.transcript.segments.map((s) => ({
          startMs: s.startMs,
          endMs: s.endMs,
          speaker: s.speaker,
          text: s.text,
          words: s.words.length,
        }));
        expect(actual.sort(segmentOrder)).toEqual(expected.sort(segmentOrder));
        const untimed = segments.reduce((n, s) => n + s.words.filter((w) => !w.timed).length, 0);
        expect(result.transcript.warnings.find((w) => w.code === 'words_without_times')?.count ?? 0).toBe(untimed);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on truncated, corrupted or restructured valid documents', () => {
    const documents = restructuredJsonArb(fc.array(segmentArb, { minLength: 1, maxLength: 4 }), (segments) =>
      JSON.parse(buildWhisperX(segments, true)),
    );
    assertNeverThrowsOn(whisperXJsonReader, documents);
  });
});
