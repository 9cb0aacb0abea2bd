import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parsedTranscript,
  segmentOrder,
  transcriptFixture,
  warningCount,
  assertNeverThrowsOn,
  jsonTextArb,
  restructuredJsonArb,
} from '../../../../tests/unit/transcript-fuzz';
import { cleanText } from '../normalize';
import { parseTranscript } from '../parse-transcript';
import { readLanguage, whisperJsonReader } from './whisper-json';

const fixture = (name: string) => transcriptFixture('whisper-json', name);

const parsed = (text: string) => parsedTranscript(text, 'whisper-json');

const warning = warningCount;
const json = (value: unknown) => JSON.stringify(value);

describe('Whisper JSON: real files', () => {
  it('reads whisper-ctranslate2 output with word timestamps, gluing the pieces Whisper split at apostrophes', () => {
    const transcript = parsed(fixture('whisper-ctranslate2-word-timestamps-ca.json'));
    expect(transcript.language).toBe('ca'); // "Catalan"
    expect(transcript.warnings).toEqual([]);
    expect(transcript.segments.map((s) => [s.startMs, s.endMs, s.speaker, s.words.length])).toEqual([
      [1180, 16_000, null, 34],
      [16_000, 31_240, null, 28],
    ]);
    const [first, second] = transcript.segments;
    expect(first!.text.startsWith('Igual que la majoria de mamíferes de predadors,')).toBe(true);
    expect(first!.words[0]).toEqual({ text: 'Igual', startMs: 1180, endMs: 1980, confidence: 0.9105865955352783 });
    expect(first!.words.at(-1)).toMatchObject({ text: 'preses.', startMs: 15_520, endMs: 16_000 });
    // " L" + "'esquelet", " s" + "'han", " impulsar" + "-los" are one word each.
    expect(second!.words[0]).toEqual({
      text: "L'esquelet",
      startMs: 16_000,
      endMs: 17_180,
      confidence: 0.6727828979492188,
    });
    expect(second!.words.find((w) => w.text === "s'han")).toMatchObject({ startMs: 22_980, endMs: 23_420 });
    expect(second!.words.find((w) => w.text === 'impulsar-los')).toMatchObject({ startMs: 24_420, endMs: 25_900 });
    expect(second!.words.at(-1)).toMatchObject({ text: 'preses.', startMs: 30_560, endMs: 31_240 });
  });

  it('reads whisper-ctranslate2 diarized output as Whisper JSON with speakers', () => {
    const transcript = parsed(fixture('whisper-ctranslate2-diarization-ca.json'));
    expect(transcript.language).toBe('ca');
    expect(transcript.segments).toHaveLength(14);
    expect(transcript.segments.map((s) => s.speaker)).toEqual([
      'SPEAKER_01',
      'SPEAKER_00',
      'SPEAKER_01',
      'SPEAKER_00',
      'SPEAKER_00',
      'SPEAKER_00',
      'SPEAKER_01',
      'SPEAKER_00',
      'SPEAKER_01',
      'SPEAKER_00',
      'SPEAKER_01',
      'SPEAKER_00',
      'SPEAKER_00',
      'SPEAKER_01',
    ]);
    expect(transcript.segments[0]).toEqual({
      speaker: 'SPEAKER_01',
      channel: null,
      startMs: 0,
      endMs: 2000,
      text: 'Hola, bon dia, com et dius?',
      words: [],
    });
    expect(transcript.segments.at(-1)).toMatchObject({
      startMs: 32_000,
      endMs: 34_000,
      text: "D'acord, moltes gràcies.",
    });
  });
});

describe('Whisper JSON: edge cases', () => {
  it("assigns the API's top-level words (timestamp_granularities[]=word) to segments by time", () => {
    const transcript = parsed(
      json({
        task: 'transcribe',
        language: 'dutch',
        duration: 4.5,
        text: 'Goedemiddag. Hoe kan ik helpen?',
        segments: [
          {
            id: 0,
            seek: 0,
            start: 0.0,
            end: 1.5,
            text: ' Goedemiddag.',
            tokens: [1],
            temperature: 0,
            avg_logprob: -0.2,
            compression_ratio: 1,
            no_speech_prob: 0.01,
          },
          {
            id: 1,
            seek: 0,
            start: 2.0,
            end: 4.0,
            text: ' Hoe kan ik helpen?',
            tokens: [2],
            temperature: 0,
            avg_logprob: -0.2,
            compression_ratio: 1,
            no_speech_prob: 0.01,
          },
        ],
        words: [
          { word: 'Goedemiddag', start: 0.1, end: 1.2 },
          { word: 'Hoe', start: 2.0, end: 2.3 },
          { word: 'kan', start: 2.3, end: 2.6 },
          { word: 'ik', start: 2.6, end: 2.8 },
          { word: 'helpen', start: 2.8, end: 3.9 },
        ],
      }),
    );
    expect(transcript.language).toBe('nl');
    expect(transcript.segments.map((s) => s.words.map((w) => w.text))).toEqual([
      ['Goedemiddag'],
      ['Hoe', 'kan', 'ik', 'helpen'],
    ]);
    expect(transcript.segments[1]!.words[3]).toEqual({ text: 'helpen', startMs: 2800, endMs: 3900 });
  });

  it('makes one segment of a word-only verbose_json response', () => {
    const transcript = parsed(
      json({
        task: 'transcribe',
        language: 'english',
        duration: 8.470000267028809,
        text: 'The beach was a popular spot.',
        words: [
          { word: 'The', start: 0.0, end: 0.23999999463558197 },
          { word: 'beach', start: 0.23999999463558197, end: 0.6 },
          { word: 'spot', start: 1.0, end: 1.5 },
        ],
      }),
    );
    expect(transcript.segments).toHaveLength(1);
    expect(transcript.segments[0]).toMatchObject({ startMs: 0, endMs: 1500, text: 'The beach was a popular spot.' });
    expect(transcript.segments[0]!.words.map((w) => [w.text, w.startMs, w.endMs])).toEqual([
      ['The', 0, 240],
      ['beach', 240, 600],
      ['spot', 1000, 1500],
    ]);
  });

  it('reads the diarized verbose shape (speaker per segment) of newer OpenAI models', () => {
    const transcript = parsed(
      json({
        task: 'transcribe',
        duration: 18.5,
        text: 'Thanks for calling. Hi.',
        segments: [
          {
            type: 'transcript.text.segment',
            id: 'seg_001',
            start: 0.0,
            end: 4.7,
            text: 'Thanks for calling.',
            speaker: 'agent',
          },
          { type: 'transcript.text.segment', id: 'seg_002', start: 4.7, end: 11.8, text: 'Hi.', speaker: 'A' },
        ],
      }),
    );
    expect(transcript.segments.map((s) => [s.speaker, s.startMs, s.endMs])).toEqual([
      ['agent', 0, 4700],
      ['A', 4700, 11_800],
    ]);
  });

  it('reads times given as strings, drops what has no usable time, and keeps text verbatim', () => {
    const transcript = parsed(
      json({
        language: 'en',
        segments: [
          {
            start: '1.25',
            end: '2.5',
            text: ' <script>alert(1)</script> & co',
            words: [{ word: ' <b>', start: '1.25', end: '1.5', probability: '0.9' }],
          },
          { start: 3, end: null, text: 'no end' },
          { start: 5, text: 'missing end' },
          { start: 'soon', end: 7, text: 'bad start' },
          null,
          'not a segment',
          { start: 8, end: 7, text: 'reversed' },
          { start: 9, end: 10, text: '' },
        ],
      }),
    );
    expect(transcript.segments).toHaveLength(1);
    expect(transcript.segments[0]).toMatchObject({
      startMs: 1250,
      endMs: 2500,
      text: '<script>alert(1)</script> & co',
    });
    expect(transcript.segments[0]!.words).toEqual([{ text: '<b>', startMs: 1250, endMs: 1500, confidence: 0.9 }]);
    expect(warning(transcript, 'reversed_times_dropped')).toBe(4);
    expect(warning(transcript, 'empty_segments_dropped')).toBe(3);
  });

  it('keeps words without times for normalisation to attach or count', () => {
    const transcript = parsed(
      json({
        segments: [
          {
            start: 0,
            end: 2,
            text: 'Yes, 42.',
            words: [{ word: ' Yes', start: 0, end: 0.5 }, { word: ',' }, { word: ' 42.', start: null, end: null }],
          },
        ],
      }),
    );
    expect(transcript.segments[0]!.words.map((w) => w.text)).toEqual(['Yes,']);
    expect(warning(transcript, 'words_without_times')).toBe(1);
  });

  it('maps Whisper language names to tags', () => {
    expect(readLanguage('english')).toBe('en');
    expect(readLanguage('Dutch')).toBe('nl');
    expect(readLanguage('haitian creole')).toBe('ht');
    expect(readLanguage('nl')).toBe('nl');
    expect(readLanguage('en_US')).toBe('en-US');
    expect(readLanguage('klingon')).toBeNull();
    expect(readLanguage(42)).toBeNull();
  });

  it('detects only Whisper-shaped JSON', () => {
    const detect = (value: unknown) => whisperJsonReader.detect(JSON.stringify(value), value);
    expect(detect({ text: '', segments: [], language: 'en' })).toBe(true);
    expect(detect({ segments: [{ start: 0, end: 1, text: 'x' }] })).toBe(true);
    expect(detect({ task: 'transcribe', words: [{ word: 'x', start: 0, end: 1 }] })).toBe(true);
    expect(detect({ text: 'only text' })).toBe(false);
    expect(detect({ words: [{ text: 'x', start: 0, end: 1 }], status: 'completed' })).toBe(false);
    expect(detect({ transcription: [{ offsets: { from: 0, to: 1 }, text: 'x' }] })).toBe(false);
    expect(detect({ format: 'klankbord-transcript', version: 1, segments: [{ startMs: 0, endMs: 1 }] })).toBe(false);
    expect(detect([{ start: 0, end: 1 }])).toBe(false);
    expect(parseTranscript('{"text": "only text"}')).toMatchObject({
      ok: false,
      error: { code: 'transcript_unknown_format' },
    });
  });

  it('reports a broken document of its shape as malformed instead of throwing', () => {
    expect(whisperJsonReader.read('', { segments: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'transcript_malformed', format: 'whisper-json' },
    });
    expect(whisperJsonReader.read('', { segments: [], words: 5 })).toMatchObject({ ok: false });
    expect(whisperJsonReader.read('', 'text')).toMatchObject({ ok: false });
  });
});

// ---- Property-based tests ---------------------------------------------------------------------------------------

const trickyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom('<', '&', '-->', '<script>alert(1)</script>', 'é', '😀', '\n', '"', '\\', '\u202e'),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(''));
const time = (ms: number, asString: boolean) => (asString ? String(ms / 1000) : ms / 1000);

const wordArb = fc.record({
  startMs: fc.integer({ min: 0, max: 36_000_000 }),
  durationMs: fc.integer({ min: 0, max: 5000 }),
  text: fc.string({ maxLength: 6 }),
  p: fc.double({ min: 0, max: 1, noNaN: true }),
});
const segmentArb = fc.record({
  startMs: fc.integer({ min: 0, max: 36_000_000 }),
  durationMs: fc.integer({ min: 0, max: 600_000 }),
  text: trickyText,
  stringTimes: fc.boolean(),
  whisperKeys: fc.boolean(),
  words: fc.option(fc.array(wordArb, { maxLength: 5 }), { nil: undefined }),
});
type GeneratedSegment = ReturnType<typeof segmentArb.generate>['value'];

function buildWhisper(segments: readonly GeneratedSegment[], api: boolean): string {
  return JSON.stringify({
    ...(api ? { task: 'transcribe', language: 'english', duration: 1 } : {}),
    text: segments.map((s) => s.text).join(''),
    segments: segments.map((segment, index) => ({
      id: index,
      ...(segment.whisperKeys
        ? {
            seek: 0,
            tokens: [50364, 1, 50414],
            temperature: 0,
            avg_logprob: -0.3,
            compression_ratio: 1.2,
            no_speech_prob: 0.1,
          }
        : {}),
      start: time(segment.startMs, segment.stringTimes),
      end: time(segment.startMs + segment.durationMs, segment.stringTimes),
      // The anchor keeps the text non-empty after cleaning.
      text: ` s${index} ${segment.text}`,
      ...(segment.words
        ? {
            words: segment.words.map((w, wi) => ({
              word: ` w${wi}${w.text}`,
              start: time(w.startMs, segment.stringTimes),
              end: time(w.startMs + w.durationMs, segment.stringTimes),
              probability: w.p,
            })),
          }
        : {}),
    })),
    ...(api ? {} : { language: 'en' }),
  });
}

describe('Whisper JSON: properties', () => {
  it('never throws on arbitrary JSON, or on Whisper-shaped JSON with arbitrary values', () => {
    const shaped = fc.record(
      {
        text: fc.jsonValue(),
        language: fc.jsonValue(),
        task: fc.constantFrom('transcribe', 'translate', 5),
        segments: fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.record(
              {
                start: fc.jsonValue(),
                end: fc.jsonValue(),
                text: fc.jsonValue(),
                words: fc.jsonValue(),
                speaker: fc.jsonValue(),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
        words: fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.record(
              { word: fc.jsonValue(), start: fc.jsonValue(), end: fc.jsonValue(), probability: fc.jsonValue() },
              { requiredKeys: [] },
            ),
          ),
        ),
      },
      { requiredKeys: [] },
    );
    assertNeverThrowsOn(whisperJsonReader, jsonTextArb(fc.oneof(fc.jsonValue(), shaped)));
  });

  it('reads every generated valid document back with the same segments, times, text and words', () => {
    fc.assert(
      fc.property(fc.array(segmentArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (segments, api) => {
        const result = parseTranscript(buildWhisper(segments, api));
        if (!result.ok) throw new Error(result.error.detail);
        expect(result.transcript.format).toBe('whisper-json');
        expect(result.transcript.language).toBe('en');
        const expected = segments.map((s, index) => ({
          startMs: s.startMs,
          endMs: s.startMs + s.durationMs,
          text: cleanText(` s${index} ${s.text}`),
          words: (s.words ?? []).length,
        }));
        const actual = result.transcript.segments.map((s) => ({
          startMs: s.startMs,
          endMs: s.endMs,
          text: s.text,
          words: s.words.length,
        }));
        expect(actual.sort(segmentOrder)).toEqual(expected.sort(segmentOrder));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on truncated, corrupted or restructured valid documents', () => {
    const documents = restructuredJsonArb(fc.array(segmentArb, { minLength: 1, maxLength: 4 }), (segments) =>
      JSON.parse(buildWhisper(segments, false)),
    );
    assertNeverThrowsOn(whisperJsonReader, documents);
  });
});
