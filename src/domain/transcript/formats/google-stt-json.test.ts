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

const fixture = (name: string) => transcriptFixture('google-stt-json', name);

const parsed = (text: string) => parsedTranscript(text);

const otherReaders: readonly TranscriptFormatReader[] = [
  awsTranscribeJsonReader,
  deepgramJsonReader,
  assemblyAiJsonReader,
];

describe('google-stt-json: real responses', () => {
  it('reads a long-running operation with "1.300s" durations, cut at sentence ends', () => {
    const text = fixture('capitaltyping-longrunning-operation.json');
    const transcript = parsed(text);
    expect(transcript.format).toBe('google-stt-json');
    expect(transcript.language).toBeNull();
    expect(transcript.warnings).toEqual([]);
    expect(transcript.segments).toHaveLength(15);
    expect(transcript.segments.flatMap((segment) => segment.words)).toHaveLength(82);
    expect(segmentSummary(transcript)[0]).toEqual({
      speaker: null,
      channel: null,
      startMs: 500,
      endMs: 5200,
      text: "Hi, I'd like to buy a Chrome Cast I was wondering whether you could help me with that.",
    });
    expect(transcript.segments[0]!.words[5]).toEqual({ text: 'a', startMs: 2400, endMs: 2400 });
    expect(segmentSummary(transcript)[1]).toEqual({
      speaker: null,
      channel: null,
      startMs: 6200,
      endMs: 6900,
      text: 'Certain me.',
    });
    expect(segmentSummary(transcript)[14]).toEqual({
      speaker: null,
      channel: null,
      startMs: 32500,
      endMs: 33700,
      text: 'Bye.',
    });
    expect(otherReaders.some((reader) => reader.detect(text, JSON.parse(text)))).toBe(false);
  });

  it('reads the client-library shape: a [response] tuple with {seconds, nanos} durations and channelTag 0', () => {
    const text = fixture('rxtoolkit-client-library-recognize.json');
    const transcript = parsed(text);
    expect(transcript.language).toBe('en-us');
    expect(segmentSummary(transcript)).toEqual([
      {
        speaker: null,
        channel: null,
        startMs: 0,
        endMs: 4100,
        text: 'soldiers Sailors and Airmen of the Allied expeditionary Force',
      },
    ]);
    expect(transcript.segments[0]!.words).toHaveLength(9);
    expect(transcript.segments[0]!.words[1]).toEqual({
      text: 'Sailors',
      startMs: 900,
      endMs: 1400,
      confidence: 0.9128385782241821,
    });
    expect(otherReaders.some((reader) => reader.detect(text, JSON.parse(text)))).toBe(false);
  });
});

const gWord = (word: string, startTime: unknown, endTime: unknown, extra: Record<string, unknown> = {}) => ({
  startTime,
  endTime,
  word,
  ...extra,
});
const result = (words: unknown[] | undefined, extra: Record<string, unknown> = {}, transcript = '') => ({
  alternatives: [{ transcript, confidence: 0.9, ...(words === undefined ? {} : { words }) }],
  ...extra,
});

describe('google-stt-json: vendor quirks', () => {
  it('reads every duration shape: "1.300s", "1s", numbers, {seconds, nanos} and Long seconds', () => {
    const transcript = readJson({
      results: [
        result([
          gWord('nul', { seconds: null, nanos: 100000000 }, { nanos: 400000000 }),
          gWord('een', '1.300s', '1.700s'),
          gWord('twee', '2s', { seconds: '2', nanos: 300000000 }),
          gWord('drie', { seconds: 2, nanos: 500000000 }, 2.9),
          gWord('vier', { seconds: { low: 3, high: 0, unsigned: false }, nanos: 0 }, '3.250s'),
        ]),
      ],
    });
    expect(transcript.segments[0]!.words.map(({ text, startMs, endMs }) => [text, startMs, endMs])).toEqual([
      ['nul', 100, 400],
      ['een', 1300, 1700],
      ['twee', 2000, 2300],
      ['drie', 2500, 2900],
      ['vier', 3000, 3250],
    ]);
    expect(transcript.warnings).toEqual([]);
  });

  it('uses only the last result when diarization repeats all words there, so no word appears twice', () => {
    const transcript = readJson({
      results: [
        result(
          [gWord('Goedemiddag,', '0s', '0.800s'), gWord('Anna.', '0.800s', '1.200s')],
          { languageCode: 'nl-nl' },
          'Goedemiddag, Anna.',
        ),
        result([gWord('Hallo.', '1.500s', '2s')], { languageCode: 'nl-nl' }, 'Hallo.'),
        result(
          [
            gWord('Goedemiddag,', '0s', '0.800s', { speakerTag: 1 }),
            gWord('Anna.', '0.800s', '1.200s', { speakerTag: 1 }),
            gWord('Hallo.', '1.500s', '2s', { speakerTag: 2 }),
          ],
          { languageCode: 'nl-nl' },
        ),
      ],
    });
    expect(transcript.language).toBe('nl-nl');
    expect(segmentSummary(transcript)).toEqual([
      { speaker: '1', channel: null, startMs: 0, endMs: 1200, text: 'Goedemiddag, Anna.' },
      { speaker: '2', channel: null, startMs: 1500, endMs: 2000, text: 'Hallo.' },
    ]);
    expect(transcript.segments.flatMap((segment) => segment.words)).toHaveLength(3);
  });

  it('turns 1-based channelTag into 0-based channels and channelTag 0 into none', () => {
    const transcript = readJson({
      results: [
        result([gWord('hallo', '0s', '1s')], { channelTag: 2 }),
        result([gWord('ja', '2s', '3s')], { channelTag: 1 }),
        result([gWord('nee', '4s', '5s')], { channelTag: 0 }),
      ],
    });
    expect(transcript.segments.map(({ channel, text }) => [channel, text])).toEqual([
      [1, 'hallo'],
      [0, 'ja'],
      [null, 'nee'],
    ]);
  });

  it('bounds results without words by the previous and own resultEndTime, per channel', () => {
    const transcript = readJson({
      results: [
        result(undefined, { resultEndTime: '2.500s', channelTag: 1 }, 'Goedemiddag.'),
        result(undefined, { resultEndTime: '3s', channelTag: 2 }, 'Hallo?'),
        result(undefined, { resultEndTime: '6s', channelTag: 1 }, 'Hoe kan ik u helpen?'),
      ],
    });
    expect(segmentSummary(transcript)).toEqual([
      { speaker: null, channel: 0, startMs: 0, endMs: 2500, text: 'Goedemiddag.' },
      { speaker: null, channel: 1, startMs: 0, endMs: 3000, text: 'Hallo?' },
      { speaker: null, channel: 0, startMs: 2500, endMs: 6000, text: 'Hoe kan ik u helpen?' },
    ]);
  });

  it('reads v2 offsets and speaker labels', () => {
    const transcript = readJson({
      results: [
        {
          alternatives: [
            {
              transcript: 'goedemorgen dag',
              words: [
                { startOffset: '0.100s', endOffset: '0.900s', word: 'goedemorgen', speakerLabel: '1' },
                { startOffset: '1s', endOffset: '1.400s', word: 'dag', speakerLabel: '2' },
              ],
            },
          ],
          resultEndOffset: '1.500s',
          languageCode: 'nl-NL',
        },
      ],
    });
    expect(transcript.language).toBe('nl-NL');
    expect(segmentSummary(transcript)).toEqual([
      { speaker: '1', channel: null, startMs: 100, endMs: 900, text: 'goedemorgen' },
      { speaker: '2', channel: null, startMs: 1000, endMs: 1400, text: 'dag' },
    ]);
  });

  it('reads v2 batch results with inline transcripts and explains Cloud Storage ones', () => {
    const inline = readJson({
      results: {
        'gs://bucket/call.wav': {
          inlineResult: { transcript: { results: [result([gWord('ja', '1s', '2s')])] } },
          metadata: {},
        },
      },
      totalBilledDuration: '3s',
    });
    expect(segmentSummary(inline)).toEqual([{ speaker: null, channel: null, startMs: 1000, endMs: 2000, text: 'ja' }]);
    const stored = parseTranscript(
      JSON.stringify({
        results: {
          'gs://bucket/call.wav': { uri: 'gs://bucket/out.json', cloudStorageResult: { uri: 'gs://bucket/out.json' } },
        },
      }),
    );
    expect(stored.ok ? null : stored.error.detail).toBe(
      'the batch results point to Cloud Storage files; import those files instead',
    );
  });

  it('reports an unfinished or failed long-running operation', () => {
    const pending = parseTranscript(JSON.stringify({ name: '123', metadata: { progressPercent: 40 }, done: false }));
    expect(pending).toEqual({
      ok: false,
      error: {
        code: 'transcript_malformed',
        detail: 'the long-running operation is not done yet',
        format: 'google-stt-json',
      },
    });
    const failed = parseTranscript(
      JSON.stringify({ name: '123', done: true, error: { code: 3, message: 'Invalid audio' } }),
    );
    expect(failed.ok ? null : failed.error.detail).toBe('the operation failed: Invalid audio');
    // A finished operation on silence has a typed response without results.
    const silent = parseTranscript(
      JSON.stringify({
        name: '1',
        done: true,
        response: { '@type': 'type.googleapis.com/google.cloud.speech.v1.LongRunningRecognizeResponse' },
      }),
    );
    expect(silent).toMatchObject({ ok: false, error: { code: 'transcript_empty', format: 'google-stt-json' } });
  });

  it('skips empty alternatives and tolerates null fields', () => {
    const transcript = readJson({
      results: [
        { alternatives: [{}], resultEndTime: '1s' },
        { alternatives: [] },
        { alternatives: null, channelTag: null },
        result([
          null,
          gWord('ja', '1.200s', null),
          gWord('nee', '2s', '2.500s', { speakerTag: null, confidence: null }),
        ]),
      ],
      totalBilledTime: '3s',
    });
    expect(transcript.segments[0]!.words).toEqual([{ text: 'nee', startMs: 2000, endMs: 2500 }]);
    expect(transcript.warnings).toEqual([{ code: 'words_without_times', count: 1 }]);
  });

  it('reports an empty response as an empty transcript and ignores "{}"', () => {
    expect(parseTranscript(JSON.stringify({ results: [], totalBilledTime: '0s' }))).toMatchObject({
      ok: false,
      error: { code: 'transcript_empty', format: 'google-stt-json' },
    });
    expect(googleSttJsonReader.detect('{}', {})).toBe(false);
  });

  it('keeps HTML and script text verbatim as text', () => {
    const transcript = readJson({ results: [result([gWord('<iframe src="javascript:alert(1)">', '0s', '1s')])] });
    expect(transcript.segments[0]!.text).toBe('<iframe src="javascript:alert(1)">');
  });

  it('does not take other formats', () => {
    const others = [
      { jobName: 'j', results: { items: [], transcripts: [] } },
      { metadata: {}, results: { channels: [{ alternatives: [] }], summary: { result: 'success' } } },
      { text: 'x', segments: [{ start: 0, end: 1, text: 'x' }], language: 'en' },
      { format: 'klankbord-transcript', segments: [] },
      { id: 'x', status: 'completed', words: [], utterances: [] },
      [{ start: 0, end: 1, text: 'x' }],
    ];
    for (const other of others) expect(googleSttJsonReader.detect(JSON.stringify(other), other)).toBe(false);
  });
});

// A shortened copy of the real long-running operation keeps each mutation run fast.
function smallOperationSample(): Json {
  const sample = JSON.parse(fixture('capitaltyping-longrunning-operation.json')) as { response: { results: Json[] } };
  sample.response.results = sample.response.results.slice(0, 3);
  return sample as unknown as Json;
}

describe('google-stt-json: fuzzing', () => {
  it('never throws on arbitrary JSON', () => {
    assertNeverThrowsOn(googleSttJsonReader, jsonTextArb(fc.jsonValue()), { check: expectReaderNeverThrows });
  });

  it('never throws on arbitrary values inside Google envelopes', () => {
    const resultArb = fc.record(
      {
        alternatives: fc.jsonValue({ maxDepth: 4 }),
        channelTag: fc.jsonValue({ maxDepth: 1 }),
        resultEndTime: fc.jsonValue({ maxDepth: 2 }),
        languageCode: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: ['alternatives'] },
    );
    const documents = fc
      .tuple(fc.array(resultArb, { maxLength: 5 }), fc.constantFrom('plain', 'operation', 'tuple'))
      .map(([results, shape]) => {
        const response = { results };
        return shape === 'plain'
          ? response
          : shape === 'operation'
            ? { name: '1', done: true, response }
            : [response, null, null];
      });
    assertNeverThrowsOn(googleSttJsonReader, jsonTextArb(documents), { check: expectReaderNeverThrows });
  });

  it('never throws on mutations of real responses', () => {
    const samples = [smallOperationSample(), JSON.parse(fixture('rxtoolkit-client-library-recognize.json')) as Json];
    assertNeverThrowsOnMutatedSamples(googleSttJsonReader, samples);
  });

  const turnArb = fc.record({
    speaker: fc.integer({ min: 1, max: 3 }),
    channelTag: fc.integer({ min: 0, max: 2 }),
    words: generatedWordsArb,
  });
  const durationOf = (ms: number, shape: 'string' | 'object' | 'number') =>
    shape === 'string'
      ? `${(ms / 1000).toFixed(3)}s`
      : shape === 'object'
        ? { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1e6 }
        : ms / 1000;

  it('reads generated valid responses with the generated times, speakers and channels', () => {
    fc.assert(
      fc.property(
        fc.array(turnArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('results', 'diarized_last', 'v2_labels'),
        fc.constantFrom('string', 'object', 'number'),
        fc.boolean(),
        (turns, mode, shape, wrapped) => {
          const timeOf = wordClock();
          const expected: ExpectedWord[] = [];
          const perTurn = turns.map((turn) =>
            turn.words.map((w) => {
              const { startMs, endMs } = timeOf(w);
              const speaker = mode === 'results' ? null : String(turn.speaker);
              const channel = mode === 'diarized_last' || turn.channelTag === 0 ? null : turn.channelTag - 1;
              expected.push({ text: w.text, startMs, endMs, speaker, channel });
              const times =
                mode === 'v2_labels'
                  ? { startOffset: durationOf(startMs, shape), endOffset: durationOf(endMs, shape) }
                  : { startTime: durationOf(startMs, shape), endTime: durationOf(endMs, shape) };
              return { ...times, word: w.text, speaker: turn.speaker };
            }),
          );
          const untagged = (words: (typeof perTurn)[number]) => words.map(({ speaker: _speaker, ...rest }) => rest);
          const results =
            mode === 'diarized_last'
              ? [
                  ...perTurn.map((words) => result(untagged(words), { languageCode: 'en-us' })),
                  result(perTurn.flat().map(({ speaker, ...rest }) => ({ ...rest, speakerTag: speaker }))),
                ]
              : perTurn.map((words, index) =>
                  result(
                    mode === 'v2_labels'
                      ? words.map(({ speaker, ...rest }) => ({ ...rest, speakerLabel: String(speaker) }))
                      : untagged(words),
                    {
                      ...(turns[index]!.channelTag === 0 ? {} : { channelTag: turns[index]!.channelTag }),
                    },
                  ),
                );
          const response = { results, totalBilledTime: '1s' };
          const transcript = readJson(
            wrapped
              ? {
                  name: 'op',
                  done: true,
                  response: {
                    '@type': 'type.googleapis.com/google.cloud.speech.v1.LongRunningRecognizeResponse',
                    ...response,
                  },
                }
              : response,
          );
          expectWordsAsGenerated(transcript, expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
