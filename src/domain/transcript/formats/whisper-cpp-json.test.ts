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
import { whisperCppJsonReader } from './whisper-cpp-json';

const fixture = (name: string) => transcriptFixture('whisper-cpp-json', name);

const parsed = (text: string) => parsedTranscript(text, 'whisper-cpp-json');

const warning = warningCount;
const json = (value: unknown) => JSON.stringify(value);

describe('whisper.cpp JSON: real files', () => {
  it('reads -oj output written on Windows (CRLF)', () => {
    const text = fixture('oj-base-en-interview.json');
    expect(text).toContain('\r\n');
    const transcript = parsed(text);
    expect(transcript.language).toBe('en');
    expect(transcript.segments).toEqual([
      {
        speaker: null,
        channel: null,
        startMs: 0,
        endMs: 7000,
        text: '2 plus 1 k plus 1 k plus 1 k plus 1 k plus 1 k plus 1 k plus 1 k plus 1 k plus 1 k plus',
        words: [],
      },
    ]);
  });

  it('reads -oj output of a newer build', () => {
    const transcript = parsed(fixture('oj-base-en-assistant.json'));
    expect(transcript.segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual([
      [0, 30_000, 'Hello, my name is Ode'],
    ]);
  });

  it('reads -oj output in Japanese', () => {
    const transcript = parsed(fixture('oj-large-ja.json'));
    expect(transcript.language).toBe('ja');
    expect(transcript.segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual([[0, 2000, '今日はいい天気ですね。']]);
  });

  it('reads -ojf output: tokens become words, control tokens are skipped', () => {
    const transcript = parsed(fixture('ojf-base-en-1.9.2.json'));
    expect(transcript.warnings).toEqual([]);
    expect(transcript.segments.map((s) => [s.startMs, s.endMs, s.words.length])).toEqual([
      [0, 3960, 11],
      [4320, 9360, 13],
      [9760, 14_000, 15],
    ]);
    const [first, , third] = transcript.segments;
    expect(first!.text).toBe('Um, you know, I was basically thinking about the alignment problem.');
    expect(first!.words.map((w) => w.text)).toEqual([
      'Um,',
      'you',
      'know,',
      'I',
      'was',
      'basically',
      'thinking',
      'about',
      'the',
      'alignment',
      'problem.',
    ]);
    // " Um" + "," is one word from the first token's start to the last token's end, at their mean probability.
    expect(first!.words[0]!.startMs).toBe(10);
    expect(first!.words[0]!.endMs).toBe(270);
    expect(first!.words[0]!.confidence).toBeCloseTo((0.641438 + 0.884089) / 2, 9);
    expect(third!.words.find((w) => w.text === "let's")).toMatchObject({ startMs: 10_470, endMs: 10_910 });
    expect(third!.words.at(-1)).toMatchObject({ text: 'mean.', startMs: 13_620, endMs: 14_000 });
    expect(transcript.segments.flatMap((s) => s.words).some((w) => w.text.includes('['))).toBe(false);
  });
});

const doc = (transcription: unknown[], extra: Record<string, unknown> = {}) =>
  json({ systeminfo: 'AVX = 1', result: { language: 'nl' }, ...extra, transcription });

describe('whisper.cpp JSON: edge cases', () => {
  it('prefers offsets and falls back to the timestamps text', () => {
    const transcript = parsed(
      doc([
        {
          timestamps: { from: '00:00:01,000', to: '00:00:02,000' },
          offsets: { from: 1234, to: 2345 },
          text: ' offsets win',
        },
        { timestamps: { from: '01:02:03,450', to: '01:02:04,000' }, text: ' from text' },
        {
          timestamps: { from: '00:00:05,000', to: '00:00:06,000' },
          offsets: { from: '5100', to: '5900' },
          text: ' string offsets',
        },
      ]),
    );
    expect(transcript.language).toBe('nl');
    expect(transcript.segments.map((s) => [s.startMs, s.endMs, s.text])).toEqual([
      [1234, 2345, 'offsets win'],
      [5100, 5900, 'string offsets'],
      [3_723_450, 3_724_000, 'from text'],
    ]);
  });

  it('reads --diarize speakers, with "?" as unknown', () => {
    const transcript = parsed(
      doc([
        { offsets: { from: 0, to: 1000 }, text: ' Goedemiddag.', speaker: '0' },
        { offsets: { from: 1000, to: 2000 }, text: ' Hallo.', speaker: '1' },
        { offsets: { from: 2000, to: 3000 }, text: ' Eh.', speaker: '?' },
      ]),
    );
    expect(transcript.segments.map((s) => s.speaker)).toEqual(['0', '1', null]);
  });

  it('turns tinydiarize speaker turns into alternating speakers', () => {
    const transcript = parsed(
      doc([
        { offsets: { from: 0, to: 1000 }, text: ' Goedemiddag.', speaker_turn_next: true },
        { offsets: { from: 1000, to: 2000 }, text: ' Hallo, ik bel over', speaker_turn_next: false },
        { offsets: { from: 2000, to: 3000 }, text: ' mijn factuur. [SPEAKER_TURN]' },
        { offsets: { from: 3000, to: 4000 }, text: ' Die zoek ik op.' },
      ]),
    );
    expect(transcript.segments.map((s) => [s.speaker, s.text])).toEqual([
      ['0', 'Goedemiddag.'],
      ['1', 'Hallo, ik bel over'],
      ['1', 'mijn factuur.'],
      ['0', 'Die zoek ik op.'],
    ]);
  });

  it('drops [BLANK_AUDIO] segments as empty and keeps other text verbatim', () => {
    const transcript = parsed(
      doc([
        { offsets: { from: 0, to: 1000 }, text: ' [BLANK_AUDIO]' },
        { offsets: { from: 1000, to: 2000 }, text: ' <script>alert(1)</script>' },
        { offsets: { from: 3000, to: 2000 }, text: ' reversed' },
        'not a segment',
      ]),
    );
    expect(transcript.segments.map((s) => s.text)).toEqual(['<script>alert(1)</script>']);
    expect(warning(transcript, 'empty_segments_dropped')).toBe(1);
    expect(warning(transcript, 'reversed_times_dropped')).toBe(1);
  });

  it('makes each token a word in scripts without spaces, and keeps untimed tokens untimed', () => {
    const transcript = parsed(
      doc([
        {
          offsets: { from: 0, to: 2000 },
          text: '今日は節約',
          tokens: [
            { text: '[_BEG_]', offsets: { from: 0, to: 0 }, p: 0.9 },
            { text: '今日は', offsets: { from: 320, to: 800 }, p: 0.95 },
            { text: '節約', offsets: { from: 800, to: 1300 }, p: 0.8 },
            { text: '[_TT_100]', offsets: { from: 2000, to: 2000 }, p: 0.1 },
          ],
        },
        {
          offsets: { from: 2000, to: 3000 },
          text: ' hoi daar',
          tokens: [
            { text: ' hoi', p: 0.9 },
            { text: ' daar', offsets: { from: 2500, to: 2900 }, p: 0.9 },
          ],
        },
      ]),
    );
    expect(transcript.segments[0]!.words.map((w) => [w.text, w.startMs, w.endMs])).toEqual([
      ['今日は', 320, 800],
      ['節約', 800, 1300],
    ]);
    expect(transcript.segments[1]!.words.map((w) => w.text)).toEqual(['daar']);
    expect(warning(transcript, 'words_without_times')).toBe(1);
  });

  it('takes the language from params when the result has none, but not "auto"', () => {
    expect(
      parsed(json({ params: { language: 'de' }, transcription: [{ offsets: { from: 0, to: 1 }, text: 'x' }] }))
        .language,
    ).toBe('de');
    expect(
      parsed(json({ params: { language: 'auto' }, transcription: [{ offsets: { from: 0, to: 1 }, text: 'x' }] }))
        .language,
    ).toBeNull();
  });

  it('detects only whisper.cpp-shaped JSON', () => {
    const detect = (value: unknown) => whisperCppJsonReader.detect(JSON.stringify(value), value);
    expect(detect({ transcription: [{ offsets: { from: 0, to: 1 }, text: 'x' }] })).toBe(true);
    expect(detect({ transcription: [{ timestamps: { from: '00:00:00,000', to: '00:00:01,000' } }] })).toBe(true);
    expect(detect({ systeminfo: '', transcription: [] })).toBe(true);
    expect(detect({ transcription: [] })).toBe(false);
    expect(detect({ transcription: 'hello' })).toBe(false);
    expect(detect({ transcription: [{ text: 'no times' }] })).toBe(false);
    expect(detect({ segments: [{ start: 0, end: 1 }] })).toBe(false);
    expect(whisperCppJsonReader.read('', { transcription: 5 })).toMatchObject({
      ok: false,
      error: { code: 'transcript_malformed', format: 'whisper-cpp-json' },
    });
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
  // Letters only, so a word never reads as a control token or a script without spaces.
  text: fc.stringMatching(/^[a-z]{0,6}$/),
  split: fc.boolean(),
  p: fc.double({ min: 0, max: 1, noNaN: true }),
});
const segmentArb = fc.record({
  startMs: fc.integer({ min: 0, max: 36_000_000 }),
  durationMs: fc.integer({ min: 0, max: 600_000 }),
  text: trickyText,
  withTimestamps: fc.boolean(),
  words: fc.option(fc.array(wordArb, { maxLength: 6 }), { nil: undefined }),
});
type GeneratedSegment = ReturnType<typeof segmentArb.generate>['value'];

function clock(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
}

function tokensFor(segment: GeneratedSegment) {
  const tokens: unknown[] = [
    { text: '[_BEG_]', offsets: { from: segment.startMs, to: segment.startMs }, id: 50364, p: 0.9, t_dtw: -1 },
  ];
  (segment.words ?? []).forEach((word, index) => {
    const text = ` w${index}${word.text}`;
    const endMs = word.startMs + word.durationMs;
    if (word.split && text.length > 2) {
      // A word in two tokens: the second, without a leading space, continues the first.
      tokens.push({
        text: text.slice(0, 2),
        offsets: { from: word.startMs, to: word.startMs },
        id: 1,
        p: word.p,
        t_dtw: -1,
      });
      tokens.push({ text: text.slice(2), offsets: { from: word.startMs, to: endMs }, id: 2, p: word.p, t_dtw: -1 });
    } else {
      tokens.push({
        text,
        timestamps: { from: clock(word.startMs), to: clock(endMs) },
        offsets: { from: word.startMs, to: endMs },
        id: 3,
        p: word.p,
        t_dtw: -1,
      });
    }
  });
  tokens.push({
    text: '[_TT_150]',
    offsets: { from: segment.startMs + segment.durationMs, to: segment.startMs + segment.durationMs },
    id: 50514,
    p: 0.01,
    t_dtw: -1,
  });
  return tokens;
}

function buildWhisperCpp(segments: readonly GeneratedSegment[]): string {
  return JSON.stringify(
    {
      systeminfo: 'AVX = 1 | AVX2 = 1',
      model: { type: 'base', multilingual: true },
      params: { model: 'models/ggml-base.bin', language: 'nl', translate: false },
      result: { language: 'nl' },
      transcription: segments.map((segment, index) => ({
        ...(segment.withTimestamps
          ? { timestamps: { from: clock(segment.startMs), to: clock(segment.startMs + segment.durationMs) } }
          : {}),
        offsets: { from: segment.startMs, to: segment.startMs + segment.durationMs },
        text: ` s${index} ${segment.text}`,
        ...(segment.words ? { tokens: tokensFor(segment) } : {}),
      })),
    },
    null,
    '\t',
  );
}

describe('whisper.cpp JSON: properties', () => {
  it('never throws on arbitrary JSON, or on whisper.cpp-shaped JSON with arbitrary values', () => {
    const timed = fc.record({ from: fc.jsonValue(), to: fc.jsonValue() }, { requiredKeys: [] });
    const shaped = fc.record(
      {
        result: fc.oneof(fc.jsonValue(), fc.record({ language: fc.jsonValue() })),
        params: fc.jsonValue(),
        transcription: fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.record(
              {
                offsets: fc.oneof(fc.jsonValue(), timed),
                timestamps: fc.oneof(fc.jsonValue(), timed),
                text: fc.jsonValue(),
                speaker: fc.jsonValue(),
                speaker_turn_next: fc.jsonValue(),
                tokens: fc.oneof(
                  fc.jsonValue(),
                  fc.array(
                    fc.record(
                      { text: fc.jsonValue(), offsets: fc.oneof(fc.jsonValue(), timed), p: fc.jsonValue() },
                      { requiredKeys: [] },
                    ),
                  ),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
      },
      { requiredKeys: ['transcription'] },
    );
    assertNeverThrowsOn(whisperCppJsonReader, jsonTextArb(fc.oneof(fc.jsonValue(), shaped)));
  });

  it('reads every generated valid document back: segments, times, text and words', () => {
    fc.assert(
      fc.property(fc.array(segmentArb, { minLength: 1, maxLength: 8 }), (segments) => {
        const result = parseTranscript(buildWhisperCpp(segments));
        if (!result.ok) throw new Error(result.error.detail);
        expect(result.transcript.format).toBe('whisper-cpp-json');
        const expected = segments.map((s, index) => ({
          startMs: s.startMs,
          endMs: s.startMs + s.durationMs,
          text: cleanText(` s${index} ${s.text}`),
          words: (s.words ?? [])
            .map((w, wi) => [`w${wi}${w.text}`, w.startMs, w.startMs + w.durationMs])
            .sort((a, b) => (a[1] as number) - (b[1] as number)),
        }));
        const actual = result.transcript.segments.map((s) => ({
          startMs: s.startMs,
          endMs: s.endMs,
          text: s.text,
          words: s.words.map((w) => [w.text, w.startMs, w.endMs]),
        }));
        expect(actual.sort(segmentOrder)).toEqual(expected.sort(segmentOrder));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on truncated, corrupted or restructured valid documents', () => {
    const documents = restructuredJsonArb(
      fc.array(segmentArb, { minLength: 1, maxLength: 4 }),
      (segments) => JSON.parse(buildWhisperCpp(segments)),
      { list: 'transcription', indent: '\t' },
    );
    assertNeverThrowsOn(whisperCppJsonReader, documents);
  });
});
