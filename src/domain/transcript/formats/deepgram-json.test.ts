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

const fixture = (name: string) => transcriptFixture('deepgram-json', name);

const parsed = (text: string) => parsedTranscript(text);

const otherReaders: readonly TranscriptFormatReader[] = [
  awsTranscribeJsonReader,
  assemblyAiJsonReader,
  googleSttJsonReader,
];

describe('deepgram-json: real responses', () => {
  it('reads a smart_format response without utterances, cut at sentence ends', () => {
    const text = fixture('python-sdk-nova3-smart-format.json');
    const transcript = parsed(text);
    expect(transcript.format).toBe('deepgram-json');
    expect(transcript.language).toBeNull();
    expect(transcript.warnings).toEqual([]);
    expect(segmentSummary(transcript)).toEqual([
      { speaker: null, channel: null, startMs: 5520, endMs: 6240, text: 'Yep.' },
      { speaker: null, channel: null, startMs: 6960, endMs: 8960, text: "I said it before, and I'll say it again." },
      { speaker: null, channel: null, startMs: 10071, endMs: 11671, text: 'Life moves pretty fast.' },
      {
        speaker: null,
        channel: null,
        startMs: 12071,
        endMs: 15511,
        text: "You don't stop and look around once in a while, you could miss it.",
      },
    ]);
    expect(transcript.segments.flatMap((segment) => segment.words)).toHaveLength(28);
    // punctuated_word, not the lower-case word.
    expect(transcript.segments[0]!.words[0]).toEqual({
      text: 'Yep.',
      startMs: 5520,
      endMs: 6240,
      confidence: 0.92342806,
    });
    expect(otherReaders.some((reader) => reader.detect(text, JSON.parse(text)))).toBe(false);
  });

  it('prefers utterances when the response has them', () => {
    const transcript = parsed(fixture('captions-dg-utterances.json'));
    expect(transcript.segments).toHaveLength(6);
    expect(transcript.segments.flatMap((segment) => segment.words)).toHaveLength(62);
    expect(segmentSummary(transcript)[0]).toEqual({
      speaker: null,
      channel: null,
      startMs: 80,
      endMs: 3220,
      text: "Yeah. As as much as, it's worth celebrating,",
    });
    expect(segmentSummary(transcript)[5]).toEqual({
      speaker: null,
      channel: null,
      startMs: 22300,
      endMs: 25440,
      text: "and didn't get the same opportunities that we have today.",
    });
    expect(transcript.segments[5]!.words.at(-1)).toEqual({
      text: 'today.',
      startMs: 24940,
      endMs: 25440,
      confidence: 0.725032,
    });
  });

  it('cuts diarized words at speaker changes', () => {
    const transcript = parsed(fixture('captions-dg-speakers-trimmed.json'));
    expect(transcript.segments.map((segment) => segment.speaker)).toEqual(['0', '0', '0', '0', '0', '1', '1']);
    expect(segmentSummary(transcript)[0]).toEqual({
      speaker: '0',
      channel: null,
      startMs: 3040,
      endMs: 7585,
      text: 'And, Jessica, Christina, we are so proud of you.',
    });
    expect(segmentSummary(transcript)[5]).toEqual({
      speaker: '1',
      channel: null,
      startMs: 17660,
      endMs: 18960,
      text: 'Drew, thank you so much.',
    });
    expect(segmentSummary(transcript)[6]).toEqual({
      speaker: '1',
      channel: null,
      startMs: 19180,
      endMs: 19420,
      text: "It's been",
    });
    expect(transcript.segments.flatMap((segment) => segment.words)).toHaveLength(48);
  });
});

const dgWord = (word: string, start: number | string, end: number | string, extra: Record<string, unknown> = {}) => ({
  word,
  start,
  end,
  confidence: 0.9,
  ...extra,
});
const response = (results: Record<string, unknown>, channels = 1) => ({
  metadata: { request_id: 'r', duration: 10, channels },
  results,
});

describe('deepgram-json: vendor quirks', () => {
  it('takes 0-based channels and speakers from multichannel utterances', () => {
    const transcript = readJson(
      response(
        {
          channels: [
            { alternatives: [{ transcript: '', words: [] }] },
            { alternatives: [{ transcript: '', words: [] }] },
          ],
          utterances: [
            {
              start: 0.5,
              end: 1.5,
              channel: 1,
              speaker: 0,
              transcript: 'Met de klantenservice.',
              words: [dgWord('met', 0.5, 0.7, { punctuated_word: 'Met' })],
              id: 'a',
            },
            { start: 2, end: 3, channel: 0, speaker: 1, transcript: 'Hallo.', words: [], id: 'b' },
          ],
        },
        2,
      ),
    );
    expect(segmentSummary(transcript)).toEqual([
      { speaker: '0', channel: 1, startMs: 500, endMs: 1500, text: 'Met de klantenservice.' },
      { speaker: '1', channel: 0, startMs: 2000, endMs: 3000, text: 'Hallo.' },
    ]);
  });

  it('interleaves multichannel words by time when there are no utterances', () => {
    const transcript = readJson(
      response(
        {
          channels: [
            { alternatives: [{ transcript: 'b', words: [dgWord('goedemiddag', 2, 3)] }] },
            { alternatives: [{ transcript: 'a', words: [dgWord('hallo', 0, 1), dgWord('ja', 4, 4.5)] }] },
          ],
        },
        2,
      ),
    );
    expect(transcript.segments.map(({ channel, text }) => [channel, text])).toEqual([
      [1, 'hallo'],
      [0, 'goedemiddag'],
      [1, 'ja'],
    ]);
    expect(transcript.warnings).toEqual([]);
  });

  it('merges a response with very many channels quickly and in time order', () => {
    const count = 20_000;
    const channels = Array.from({ length: count }, (_, index) => ({
      alternatives: [{ words: [dgWord('ja', count - index, count - index + 0.5)] }],
    }));
    const started = Date.now();
    const transcript = readJson(response({ channels }, count));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(transcript.segments).toHaveLength(count);
    expect(transcript.segments[0]).toMatchObject({ channel: count - 1, startMs: 1000 });
    expect(transcript.warnings).toEqual([]);
  });

  it('uses word when punctuated_word is missing or empty, and accepts string times', () => {
    const transcript = readJson(
      response({
        channels: [
          {
            alternatives: [
              { words: [dgWord('hallo', '0.25', '0.75', { punctuated_word: '' }), dgWord('daar', '1', '1.5')] },
            ],
          },
        ],
      }),
    );
    expect(transcript.segments[0]!.words).toEqual([
      { text: 'hallo', startMs: 250, endMs: 750, confidence: 0.9 },
      { text: 'daar', startMs: 1000, endMs: 1500, confidence: 0.9 },
    ]);
  });

  it('turns a transcript without words into one segment over the duration', () => {
    const transcript = readJson(
      response({
        channels: [
          { alternatives: [{ transcript: 'Goedemiddag, u spreekt met Anna.', words: null }], detected_language: 'nl' },
        ],
      }),
    );
    expect(transcript.language).toBe('nl');
    expect(segmentSummary(transcript)).toEqual([
      { speaker: null, channel: null, startMs: 0, endMs: 10000, text: 'Goedemiddag, u spreekt met Anna.' },
    ]);
  });

  it('reports empty alternatives as an empty transcript', () => {
    const result = parseTranscript(
      JSON.stringify(response({ channels: [{ alternatives: [] }, { alternatives: [{}] }] })),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'transcript_empty', format: 'deepgram-json' } });
  });

  it('tolerates null fields', () => {
    const transcript = readJson({
      metadata: null,
      results: {
        utterances: null,
        channels: [
          null,
          {
            alternatives: [
              null,
              { transcript: null, words: [null, dgWord('ja', 1, 2, { speaker: null, confidence: null })] },
            ],
          },
        ],
      },
    });
    expect(transcript.segments[0]!.words).toEqual([{ text: 'ja', startMs: 1000, endMs: 2000 }]);
    expect(transcript.segments[0]!.speaker).toBeNull();
  });

  it('keeps HTML and script text verbatim as text', () => {
    const transcript = readJson(
      response({
        channels: [
          { alternatives: [{ words: [dgWord('x', 0, 1, { punctuated_word: '<img src=x onerror=alert(1)>' })] }] },
        ],
      }),
    );
    expect(transcript.segments[0]!.text).toBe('<img src=x onerror=alert(1)>');
  });

  it('reports results.channels of the wrong type as malformed', () => {
    const result = parseTranscript(JSON.stringify({ results: { channels: 'x', utterances: [] } }));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'transcript_malformed',
        detail: 'results.channels is string, expected a list',
        format: 'deepgram-json',
      },
    });
  });

  it('does not take other formats', () => {
    const others = [
      { jobName: 'j', results: { items: [], transcripts: [] } },
      { results: [{ alternatives: [{ transcript: 'x' }] }] },
      { text: 'x', segments: [{ start: 0, end: 1, text: 'x' }], language: 'en' },
      { format: 'klankbord-transcript', segments: [] },
      { id: 'x', status: 'completed', words: [], utterances: [] },
    ];
    for (const other of others) expect(deepgramJsonReader.detect(JSON.stringify(other), other)).toBe(false);
  });
});

describe('deepgram-json: fuzzing', () => {
  it('never throws on arbitrary JSON', () => {
    assertNeverThrowsOn(deepgramJsonReader, jsonTextArb(fc.jsonValue()), { check: expectReaderNeverThrows });
  });

  it('never throws on arbitrary values inside a Deepgram envelope', () => {
    const responses = fc
      .tuple(fc.jsonValue({ maxDepth: 5 }), fc.jsonValue({ maxDepth: 5 }), fc.jsonValue({ maxDepth: 2 }))
      .map(([channels, utterances, metadata]) => ({
        metadata,
        results: { channels: Array.isArray(channels) ? channels : [channels], utterances },
      }));
    assertNeverThrowsOn(deepgramJsonReader, jsonTextArb(responses), { check: expectReaderNeverThrows });
  });

  it('never throws on mutations of real responses', () => {
    const samples = [fixture('python-sdk-nova3-smart-format.json')].map((text) => JSON.parse(text) as Json);
    assertNeverThrowsOnMutatedSamples(deepgramJsonReader, samples);
  });

  const turnArb = fc.record({
    speaker: fc.integer({ min: 0, max: 3 }),
    channel: fc.integer({ min: 0, max: 2 }),
    words: generatedWordsArb,
  });

  it('reads generated valid responses with the generated times, speakers and channels', () => {
    fc.assert(
      fc.property(
        fc.array(turnArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('utterances', 'diarized_words', 'multichannel_words'),
        (turns, mode) => {
          const timeOf = wordClock();
          const multichannel = mode !== 'diarized_words';
          const expected: ExpectedWord[] = [];
          const built = turns.map((turn) =>
            turn.words.map((w) => {
              const { startMs, endMs } = timeOf(w);
              expected.push({
                text: w.text,
                startMs,
                endMs,
                speaker: mode === 'multichannel_words' ? null : String(turn.speaker),
                channel: multichannel ? turn.channel : null,
              });
              return {
                word: w.text.toLowerCase(),
                start: startMs / 1000,
                end: endMs / 1000,
                confidence: 0.5,
                punctuated_word: w.text,
                ...(mode === 'multichannel_words' ? {} : { speaker: turn.speaker }),
              };
            }),
          );
          const channelCount = multichannel ? 3 : 1;
          const channels = Array.from({ length: channelCount }, (_, channel) => ({
            alternatives: [
              {
                transcript: '',
                confidence: 0.5,
                words: built.filter((_, index) => !multichannel || turns[index]!.channel === channel).flat(),
              },
            ],
          }));
          const results: Record<string, unknown> = { channels };
          if (mode === 'utterances') {
            results['utterances'] = built.map((words, index) => ({
              start: words[0]!.start,
              end: words[words.length - 1]!.end,
              confidence: 0.5,
              channel: turns[index]!.channel,
              transcript: words.map((w) => w.punctuated_word).join(' '),
              words,
              speaker: turns[index]!.speaker,
              id: String(index),
            }));
          }
          const transcript = readJson(response(results, channelCount));
          expectWordsAsGenerated(transcript, expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
