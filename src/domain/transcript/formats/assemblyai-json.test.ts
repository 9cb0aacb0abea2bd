import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TranscriptFormatReader } from '../model';
import { parseTranscript } from '../parse-transcript';
import {
  assertNeverThrowsOnMutatedSamples,
  expectReaderNeverThrows,
  type Json,
  parsedTranscript,
  transcriptFixture,
  segmentSummary,
  expectWordsAsGenerated,
  type ExpectedWord,
  generatedWordsArb,
  jsonTextArb,
  readJson,
  assertNeverThrowsOn,
  wordClock,
} from '../../../../tests/unit/transcript-fuzz';
import { assemblyAiJsonReader } from './assemblyai-json';
import { awsTranscribeJsonReader } from './aws-transcribe-json';
import { deepgramJsonReader } from './deepgram-json';
import { googleSttJsonReader } from './google-stt-json';

const fixture = (name: string) => transcriptFixture('assemblyai-json', name);

const parsed = (text: string) => parsedTranscript(text);

const otherReaders: readonly TranscriptFormatReader[] = [
  awsTranscribeJsonReader,
  deepgramJsonReader,
  googleSttJsonReader,
];

describe('assemblyai-json: real transcripts', () => {
  it('reads speaker_labels utterances, times in milliseconds', () => {
    const text = fixture('captions-assemblyai-utterances.json');
    const transcript = parsed(text);
    expect(transcript.format).toBe('assemblyai-json');
    expect(transcript.language).toBe('en');
    expect(transcript.warnings).toEqual([]);
    expect(transcript.segments).toHaveLength(1);
    const [segment] = transcript.segments;
    expect(segment).toMatchObject({ speaker: 'A', channel: null, startMs: 170, endMs: 25140 });
    expect(segment!.text.startsWith('Yeah. As much as it')).toBe(true);
    expect(segment!.text.endsWith('that we have today.')).toBe(true);
    expect(segment!.words).toHaveLength(60);
    expect(segment!.words[0]).toEqual({ text: 'Yeah.', startMs: 170, endMs: 718, confidence: 0.9941 });
    expect(segment!.words[59]).toEqual({ text: 'today.', startMs: 25044, endMs: 25140, confidence: 0.99784 });
    expect(otherReaders.some((reader) => reader.detect(text, JSON.parse(text)))).toBe(false);
  });

  it('cuts words into sentences when there are no utterances (speaker: null)', () => {
    const text = fixture('go-sdk-completed-trimmed.json');
    const transcript = parsed(text);
    expect(transcript.language).toBe('en-us');
    expect(transcript.segments).toHaveLength(6);
    expect(transcript.segments.flatMap((segment) => segment.words)).toHaveLength(75);
    expect(segmentSummary(transcript)[0]).toEqual({
      speaker: null,
      channel: null,
      startMs: 250,
      endMs: 6350,
      text: 'Smoke from hundreds of wildfires in Canada is triggering air quality alerts throughout the US.',
    });
    expect(segmentSummary(transcript)[4]).toEqual({
      speaker: null,
      channel: null,
      startMs: 25578,
      endMs: 26950,
      text: 'Good morning, professor.',
    });
    expect(segmentSummary(transcript)[5]).toEqual({
      speaker: null,
      channel: null,
      startMs: 27850,
      endMs: 28920,
      text: 'Good morning.',
    });
    expect(otherReaders.some((reader) => reader.detect(text, JSON.parse(text)))).toBe(false);
  });
});

const aaiWord = (
  text: string,
  start: number | string | null,
  end: number | string | null,
  extra: Record<string, unknown> = {},
) => ({ text, start, end, confidence: 0.9, ...extra });
const transcriptOf = (fields: Record<string, unknown>) => ({
  id: 't',
  status: 'completed',
  audio_url: 'https://example.com/a.mp3',
  ...fields,
});

describe('assemblyai-json: vendor quirks', () => {
  it('treats times as integer milliseconds, not seconds', () => {
    const transcript = readJson(
      transcriptOf({ words: [aaiWord('Hallo', 1500, 1980), aaiWord('daar', '2000', '2400')] }),
    );
    expect(transcript.segments[0]!.words.map(({ startMs, endMs }) => [startMs, endMs])).toEqual([
      [1500, 1980],
      [2000, 2400],
    ]);
  });

  it('turns 1-based string channels into 0-based channels', () => {
    const transcript = readJson(
      transcriptOf({
        multichannel: true,
        audio_channels: 2,
        words: [],
        utterances: [
          {
            speaker: '1',
            channel: '1',
            start: 100,
            end: 900,
            text: 'Goedemiddag.',
            words: [aaiWord('Goedemiddag.', 100, 900, { channel: '1', speaker: '1' })],
          },
          {
            speaker: '2',
            start: 1000,
            end: 1600,
            text: 'Hallo.',
            words: [aaiWord('Hallo.', 1000, 1600, { channel: '2', speaker: '2' })],
          },
        ],
      }),
    );
    expect(segmentSummary(transcript)).toEqual([
      { speaker: '1', channel: 0, startMs: 100, endMs: 900, text: 'Goedemiddag.' },
      { speaker: '2', channel: 1, startMs: 1000, endMs: 1600, text: 'Hallo.' },
    ]);
  });

  it('cuts words at channel and speaker changes and at long pauses when there are no utterances', () => {
    const transcript = readJson(
      transcriptOf({
        words: [
          aaiWord('ja', 0, 300, { speaker: 'A', channel: '1' }),
          aaiWord('nee', 400, 700, { speaker: 'A', channel: '2' }),
          aaiWord('toch', 800, 1000, { speaker: 'B', channel: '2' }),
          aaiWord('wel', 3000, 3200, { speaker: 'B', channel: '2' }),
        ],
        utterances: null,
      }),
    );
    expect(transcript.segments.map(({ speaker, channel, text }) => [speaker, channel, text])).toEqual([
      ['A', 0, 'ja'],
      ['A', 1, 'nee'],
      ['B', 1, 'toch'],
      ['B', 1, 'wel'],
    ]);
  });

  it('reports a queued or failed transcript with its status', () => {
    const queued = parseTranscript(
      JSON.stringify({ id: 't', status: 'queued', audio_url: 'u', words: null, utterances: null }),
    );
    expect(queued).toEqual({
      ok: false,
      error: {
        code: 'transcript_malformed',
        detail: 'transcript status is queued, not completed',
        format: 'assemblyai-json',
      },
    });
    const failed = parseTranscript(JSON.stringify({ id: 't', status: 'error', error: 'Download error', words: null }));
    expect(failed.ok ? null : failed.error.detail).toBe('transcript status is error, not completed: Download error');
  });

  it('tolerates null fields and words without times', () => {
    const transcript = readJson(
      transcriptOf({
        language_code: null,
        text: null,
        words: [
          null,
          aaiWord('ja', 0, 500, { speaker: null, confidence: null }),
          aaiWord('eh', null, null),
          aaiWord('', 600, 700),
        ],
        utterances: null,
      }),
    );
    expect(transcript.language).toBeNull();
    expect(transcript.segments[0]!.words).toEqual([{ text: 'ja', startMs: 0, endMs: 500 }]);
    expect(transcript.warnings).toEqual([{ code: 'words_without_times', count: 1 }]);
  });

  it('reports a completed transcript without words as empty', () => {
    const result = parseTranscript(JSON.stringify(transcriptOf({ words: null, utterances: null, text: '' })));
    expect(result).toMatchObject({ ok: false, error: { code: 'transcript_empty', format: 'assemblyai-json' } });
  });

  it('keeps HTML and script text verbatim as text', () => {
    const transcript = readJson(transcriptOf({ words: [aaiWord('<script>alert("x")</script>', 0, 100)] }));
    expect(transcript.segments[0]!.text).toBe('<script>alert("x")</script>');
  });

  it('does not take other formats', () => {
    const others = [
      {
        text: 'x',
        segments: [{ start: 0, end: 1, text: 'x', words: [{ word: 'x', start: 0, end: 1 }] }],
        language: 'en',
      },
      { segments: [{ start: 0, end: 1, text: 'x' }], word_segments: [{ word: 'x', start: 0, end: 1 }] },
      { format: 'klankbord-transcript', segments: [], words: [] },
      { metadata: {}, results: { channels: [] } },
      { text: 'hello', words: [{ text: 'hello', start: 0, end: 1 }] },
    ];
    for (const other of others) expect(assemblyAiJsonReader.detect(JSON.stringify(other), other)).toBe(false);
  });
});

// A shortened copy of the real utterances sample keeps each mutation run fast.
function smallUtterancesSample(): Json {
  const sample = JSON.parse(fixture('captions-assemblyai-utterances.json')) as {
    words: Json[];
    utterances: { words: Json[] }[];
  };
  sample.words = sample.words.slice(0, 8);
  sample.utterances[0]!.words = sample.utterances[0]!.words.slice(0, 8);
  return sample as unknown as Json;
}

describe('assemblyai-json: fuzzing', () => {
  it('never throws on arbitrary JSON', () => {
    assertNeverThrowsOn(assemblyAiJsonReader, jsonTextArb(fc.jsonValue()), { check: expectReaderNeverThrows });
  });

  it('never throws on arbitrary values inside an AssemblyAI envelope', () => {
    const envelopes = fc
      .tuple(fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 4 }), fc.jsonValue({ maxDepth: 1 }))
      .map(([words, utterances, status]) => ({
        id: 'x',
        status,
        audio_url: 'u',
        words: Array.isArray(words) ? words : null,
        utterances,
      }));
    assertNeverThrowsOn(assemblyAiJsonReader, jsonTextArb(envelopes), { check: expectReaderNeverThrows });
  });

  it('never throws on mutations of real transcripts', () => {
    const samples = [smallUtterancesSample()];
    assertNeverThrowsOnMutatedSamples(assemblyAiJsonReader, samples);
  });

  const turnArb = fc.record({
    speaker: fc.constantFrom('A', 'B', 'C'),
    channel: fc.integer({ min: 1, max: 2 }),
    words: generatedWordsArb,
  });

  it('reads generated valid transcripts with the generated times, speakers and channels', () => {
    fc.assert(
      fc.property(
        fc.array(turnArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('utterances', 'words', 'multichannel'),
        (turns, mode) => {
          const timeOf = wordClock();
          const expected: ExpectedWord[] = [];
          const built = turns.map((turn) =>
            turn.words.map((w) => {
              const { startMs, endMs } = timeOf(w);
              const speaker = mode === 'multichannel' ? String(turn.channel) : turn.speaker;
              const channel = mode === 'multichannel' ? turn.channel - 1 : null;
              expected.push({ text: w.text, startMs, endMs, speaker, channel });
              return {
                text: w.text,
                start: startMs,
                end: endMs,
                confidence: 0.5,
                speaker,
                ...(mode === 'multichannel' ? { channel: String(turn.channel) } : {}),
              };
            }),
          );
          const utterances =
            mode === 'words'
              ? null
              : built.map((words) => ({
                  speaker: words[0]!.speaker,
                  ...(mode === 'multichannel' ? { channel: words[0]!.channel } : {}),
                  start: words[0]!.start,
                  end: words[words.length - 1]!.end,
                  text: words.map((w) => w.text).join(' '),
                  confidence: 0.5,
                  words,
                }));
          const transcript = readJson(
            transcriptOf({ words: built.flat(), utterances, multichannel: mode === 'multichannel' }),
          );
          expectWordsAsGenerated(transcript, expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
