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

const fixture = (name: string) => transcriptFixture('aws-transcribe-json', name);

const parsed = (text: string) => parsedTranscript(text);

const otherReaders: readonly TranscriptFormatReader[] = [deepgramJsonReader, assemblyAiJsonReader, googleSttJsonReader];

describe('aws-transcribe-json: real outputs', () => {
  it('reads a plain job (no speakers) cut at sentence ends', () => {
    const text = fixture('wbur-sample.json');
    const transcript = parsed(text);
    expect(transcript.format).toBe('aws-transcribe-json');
    expect(transcript.language).toBeNull();
    expect(transcript.warnings).toEqual([]);
    expect(transcript.segments).toHaveLength(8);
    expect(transcript.segments.flatMap((segment) => segment.words)).toHaveLength(33);
    const [first] = transcript.segments;
    expect(first).toMatchObject({
      speaker: null,
      channel: null,
      startMs: 1240,
      endMs: 3050,
      text: 'This is a test recording.',
    });
    expect(first!.words[0]).toEqual({ text: 'This', startMs: 1240, endMs: 1500, confidence: 1 });
    // The untimed "." item is attached to the word before it.
    expect(first!.words[4]).toEqual({ text: 'recording.', startMs: 2150, endMs: 3050, confidence: 1 });
    expect(transcript.segments[4]).toMatchObject({
      startMs: 8140,
      endMs: 13690,
      text: "Okay, here's a really, really, really, really, really long sentence.",
    });
    expect(transcript.segments.at(-1)).toMatchObject({ startMs: 16940, endMs: 17590, text: 'Gotta go.' });
    expect(otherReaders.some((reader) => reader.detect(text, JSON.parse(text)))).toBe(false);
  });

  it('reads speaker turns from speaker_labels.segments', () => {
    const transcript = parsed(fixture('transcritter-two-speakers.json'));
    expect(
      transcript.segments.map(({ speaker, channel, startMs, endMs, text }) => ({
        speaker,
        channel,
        startMs,
        endMs,
        text,
      })),
    ).toEqual([
      { speaker: 'spk_0', channel: null, startMs: 940, endMs: 2850, text: 'Hola. Qué tal estás?' },
      { speaker: 'spk_1', channel: null, startMs: 3940, endMs: 5450, text: 'Me gusta la miel.' },
    ]);
    expect(transcript.segments[0]!.words.map((word) => word.text)).toEqual(['Hola.', 'Qué', 'tal', 'estás?']);
    expect(transcript.segments[1]!.words[3]).toEqual({ text: 'miel.', startMs: 4860, endMs: 5450, confidence: 0.977 });
  });

  it('reads Call Analytics turns with the participant role as speaker', () => {
    const text = fixture('call-analytics-example-call-trimmed.json');
    const transcript = parsed(text);
    expect(transcript.format).toBe('aws-transcribe-json');
    expect(transcript.language).toBe('en-US');
    expect(transcript.segments.map((segment) => segment.speaker)).toEqual(['AGENT', 'CUSTOMER', 'AGENT']);
    expect(transcript.segments[0]).toMatchObject({
      startMs: 440,
      endMs: 4960,
      channel: null,
      text: 'Hello and thank you for calling the bank. This is [PII] speaking, how may I help you today?',
    });
    expect(transcript.segments[0]!.words).toHaveLength(18);
    expect(transcript.segments[0]!.words[7]).toEqual({ text: 'bank.', startMs: 2160, endMs: 2550, confidence: 1 });
    // A redacted word has no Confidence of its own.
    expect(transcript.segments[0]!.words[10]).toEqual({ text: '[PII]', startMs: 2820, endMs: 3270 });
    expect(transcript.segments[1]).toMatchObject({ startMs: 6340, endMs: 16930 });
    expect(transcript.segments[1]!.words).toHaveLength(20);
    expect(transcript.segments[2]).toMatchObject({ startMs: 14840, endMs: 15050, text: 'Okay.' });
    // The agent's "Okay." falls inside the customer's turn.
    expect(transcript.warnings).toEqual([{ code: 'overlapping_segments', count: 1 }]);
    expect(otherReaders.some((reader) => reader.detect(text, JSON.parse(text)))).toBe(false);
  });

  it('reads channel identification (ch_0, ch_1) from the documentation example', () => {
    const transcript = parsed(fixture('awsdocs-channel-id-output-batch.json'));
    expect(transcript.language).toBe('en-US');
    expect(
      transcript.segments.map(({ speaker, channel, startMs, endMs, text }) => ({
        speaker,
        channel,
        startMs,
        endMs,
        text,
      })),
    ).toEqual([
      { speaker: null, channel: 0, startMs: 4860, endMs: 6870, text: "I've been on hold for an hour." },
      { speaker: null, channel: 1, startMs: 8500, endMs: 9250, text: 'Sorry about that.' },
    ]);
    expect(transcript.segments[1]!.words[1]).toEqual({ text: 'about', startMs: 8890, endMs: 9060, confidence: 0.9176 });
  });
});

const word = (
  content: string,
  start?: string | number | null,
  end?: string | number | null,
  extra: Record<string, unknown> = {},
) => ({
  ...(start === undefined ? {} : { start_time: start }),
  ...(end === undefined ? {} : { end_time: end }),
  alternatives: [{ confidence: '0.9', content }],
  type: start === undefined ? 'punctuation' : 'pronunciation',
  ...extra,
});
const job = (results: Record<string, unknown>) => ({ jobName: 'j', accountId: '1', results, status: 'COMPLETED' });

describe('aws-transcribe-json: vendor quirks', () => {
  it('accepts times as numbers as well as strings', () => {
    const transcript = readJson(job({ items: [word('Hallo', 0.5, '1.25'), word('daar', '1.25', 2)] }));
    expect(transcript.segments[0]!.words.map(({ startMs, endMs }) => [startMs, endMs])).toEqual([
      [500, 1250],
      [1250, 2000],
    ]);
  });

  it('attaches untimed punctuation to the word before it without a warning', () => {
    const transcript = readJson(
      job({ items: [word('Goedemiddag', '0.1', '0.8'), word(','), word('meneer', '0.9', '1.3'), word('?')] }),
    );
    expect(transcript.segments).toHaveLength(1);
    expect(transcript.segments[0]!.text).toBe('Goedemiddag, meneer?');
    expect(transcript.segments[0]!.words.map((w) => w.text)).toEqual(['Goedemiddag,', 'meneer?']);
    expect(transcript.warnings).toEqual([]);
  });

  it('cuts plain items at pauses longer than 1.5 s but not at 1.5 s exactly', () => {
    const transcript = readJson(
      job({ items: [word('een', '0', '1'), word('twee', '2.5', '3'), word('drie', '4.501', '5')] }),
    );
    expect(transcript.segments.map((segment) => segment.text)).toEqual(['een twee', 'drie']);
  });

  it('prefers audio_segments and finds their words by item id', () => {
    const transcript = readJson(
      job({
        items: [
          { id: 0, ...word('Goedemorgen', '0.1', '0.9', { speaker_label: 'spk_0' }) },
          { id: 1, ...word('.', undefined, undefined, { speaker_label: 'spk_0' }) },
          { id: 2, ...word('Dag', '1.2', '1.5', { speaker_label: 'spk_1' }) },
        ],
        speaker_labels: {
          speakers: 2,
          segments: [{ start_time: '0.1', end_time: '1.5', speaker_label: 'spk_9', items: [] }],
        },
        audio_segments: [
          {
            id: 0,
            transcript: 'Goedemorgen.',
            start_time: '0.1',
            end_time: '0.9',
            speaker_label: 'spk_0',
            items: [0, 1],
          },
          {
            id: 1,
            transcript: 'Dag',
            start_time: '1.2',
            end_time: '1.5',
            speaker_label: 'spk_1',
            channel_label: 'ch_1',
            items: [2],
          },
        ],
      }),
    );
    expect(
      transcript.segments.map(({ speaker, channel, startMs, endMs, text }) => ({
        speaker,
        channel,
        startMs,
        endMs,
        text,
      })),
    ).toEqual([
      { speaker: 'spk_0', channel: null, startMs: 100, endMs: 900, text: 'Goedemorgen.' },
      { speaker: 'spk_1', channel: 1, startMs: 1200, endMs: 1500, text: 'Dag' },
    ]);
    expect(transcript.segments[0]!.words).toEqual([
      { text: 'Goedemorgen.', startMs: 100, endMs: 900, confidence: 0.9 },
    ]);
  });

  it('places words by turn span when the turns do not list their items', () => {
    const transcript = readJson(
      job({
        items: [
          word('Goedemiddag', '0.2', '0.9'),
          word('.'),
          word('Hallo', '1.4', '1.8'),
          word('ja', '1.9', '2.1'),
          word('nee', '9', '9.5'),
        ],
        speaker_labels: {
          speakers: 2,
          segments: [
            { start_time: '1.3', end_time: '2.2', speaker_label: 'spk_1', items: [] },
            { start_time: '0.1', end_time: '1.0', speaker_label: 'spk_0' },
          ],
        },
      }),
    );
    expect(transcript.segments.map(({ speaker, text }) => [speaker, text])).toEqual([
      ['spk_0', 'Goedemiddag.'],
      ['spk_1', 'Hallo ja nee'],
    ]);
  });

  it('refuses audio_segments that name far more words than exist', () => {
    const ids = new Array<number>(1_000_001).fill(0);
    const document = job({
      items: [{ id: 0, ...word('ja', '0', '1') }],
      audio_segments: [{ items: ids }, { items: ids }],
    });
    const result = parseTranscript(JSON.stringify(document));
    expect(result).toMatchObject({ ok: false, error: { code: 'transcript_too_large', format: 'aws-transcribe-json' } });
  });

  it('interleaves channel_labels channels by time (ch_1 may speak first)', () => {
    const transcript = readJson(
      job({
        channel_labels: {
          channels: [
            { channel_label: 'ch_0', items: [word('Goedemiddag', '3', '4'), word('.')] },
            { channel_label: 'ch_1', items: [word('Hallo', '1', '2'), word('.'), word('Ja', '5', '5.5')] },
          ],
          number_of_channels: 2,
        },
        items: [],
      }),
    );
    expect(transcript.segments.map(({ channel, text }) => [channel, text])).toEqual([
      [1, 'Hallo.'],
      [0, 'Goedemiddag.'],
      [1, 'Ja'],
    ]);
    expect(transcript.warnings).toEqual([]);
  });

  it('skips items with empty or missing alternatives and tolerates null fields', () => {
    const transcript = readJson(
      job({
        language_code: 'nl-NL',
        items: [
          { start_time: '0', end_time: '1', alternatives: [], type: 'pronunciation' },
          { start_time: null, end_time: null, alternatives: null, type: 'pronunciation' },
          null,
          word('ja', '1', '1.5'),
          {
            start_time: '2',
            end_time: '2.5',
            alternatives: [{ confidence: null, content: 'nee' }],
            type: 'pronunciation',
            speaker_label: null,
          },
        ],
        speaker_labels: null,
        audio_segments: null,
      }),
    );
    expect(transcript.language).toBe('nl-NL');
    expect(transcript.segments[0]!.words).toEqual([
      { text: 'ja', startMs: 1000, endMs: 1500, confidence: 0.9 },
      { text: 'nee', startMs: 2000, endMs: 2500 },
    ]);
  });

  it('keeps HTML and script text verbatim as text', () => {
    const transcript = readJson(
      job({ items: [word('<script>alert(1)</script>', '0', '1'), word('<b>vet</b>', '1', '2')] }),
    );
    expect(transcript.segments[0]!.text).toBe('<script>alert(1)</script> <b>vet</b>');
  });

  it('maps Call Analytics roles to channels through ChannelDefinitions', () => {
    const transcript = readJson({
      JobName: 'ca',
      LanguageCode: 'nl-NL',
      ChannelDefinitions: [
        { ChannelId: 0, ParticipantRole: 'AGENT' },
        { ChannelId: 1, ParticipantRole: 'CUSTOMER' },
      ],
      Transcript: [
        { ParticipantRole: 'CUSTOMER', BeginOffsetMillis: 100, EndOffsetMillis: 900, Content: 'Hallo?', Items: [] },
        {
          ParticipantRole: 'AGENT',
          BeginOffsetMillis: 1000,
          EndOffsetMillis: 1800,
          Content: 'Goedemiddag.',
          Items: null,
        },
      ],
    });
    expect(
      transcript.segments.map(({ speaker, channel, startMs, endMs, text }) => ({
        speaker,
        channel,
        startMs,
        endMs,
        text,
      })),
    ).toEqual([
      { speaker: 'CUSTOMER', channel: 1, startMs: 100, endMs: 900, text: 'Hallo?' },
      { speaker: 'AGENT', channel: 0, startMs: 1000, endMs: 1800, text: 'Goedemiddag.' },
    ]);
  });

  it('reports results.items of the wrong type as malformed', () => {
    const result = parseTranscript(JSON.stringify(job({ items: 'nope' })));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'transcript_malformed',
        detail: 'results.items is string, expected a list',
        format: 'aws-transcribe-json',
      },
    });
  });

  it('reports a job that is not completed', () => {
    const result = parseTranscript(
      JSON.stringify({ jobName: 'j', results: { transcripts: [] }, status: 'IN_PROGRESS' }),
    );
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'transcript_malformed',
      detail: 'job status is IN_PROGRESS, not COMPLETED',
    });
  });

  it('does not take other formats', () => {
    const others = [
      { metadata: {}, results: { channels: [{ alternatives: [] }] } },
      { results: [{ alternatives: [{ transcript: 'x' }] }] },
      { text: 'x', segments: [{ start: 0, end: 1, text: 'x' }], language: 'en' },
      { segments: [{ start: 0, end: 1, text: 'x', words: [] }], word_segments: [] },
      { format: 'klankbord-transcript', segments: [] },
      { id: 'x', status: 'completed', words: [], utterances: null },
    ];
    for (const other of others) expect(awsTranscribeJsonReader.detect(JSON.stringify(other), other)).toBe(false);
  });
});

describe('aws-transcribe-json: fuzzing', () => {
  it('never throws on arbitrary JSON', () => {
    assertNeverThrowsOn(awsTranscribeJsonReader, jsonTextArb(fc.jsonValue()), { check: expectReaderNeverThrows });
  });

  it('never throws on arbitrary values inside a Transcribe envelope', () => {
    const key = fc.constantFrom(
      'items',
      'speaker_labels',
      'channel_labels',
      'audio_segments',
      'transcripts',
      'language_code',
    );
    const jobs = fc
      .tuple(fc.dictionary(key, fc.jsonValue({ maxDepth: 4 })), fc.constantFrom('COMPLETED', 'FAILED', undefined))
      .map(([results, status]) => ({ jobName: 'x', results: { transcripts: [], ...results }, status }));
    assertNeverThrowsOn(awsTranscribeJsonReader, jsonTextArb(jobs), { check: expectReaderNeverThrows });
  });

  it('never throws on mutations of real outputs', () => {
    const samples = [fixture('transcritter-two-speakers.json'), fixture('awsdocs-channel-id-output-batch.json')].map(
      (text) => JSON.parse(text) as Json,
    );
    assertNeverThrowsOnMutatedSamples(awsTranscribeJsonReader, samples);
  });

  const turnArb = fc.record({
    speaker: fc.integer({ min: 0, max: 3 }),
    channel: fc.integer({ min: 0, max: 1 }),
    words: generatedWordsArb,
  });

  it('reads generated valid jobs with the generated times, speakers and channels', () => {
    fc.assert(
      fc.property(
        fc.array(turnArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('audio_segments', 'speaker_labels', 'channel_labels', 'item_labels'),
        fc.boolean(),
        (turns, mode, numericTimes) => {
          const timeOf = wordClock();
          let id = 0;
          const seconds = (ms: number) => (numericTimes ? ms / 1000 : (ms / 1000).toFixed(3));
          const expected: ExpectedWord[] = [];
          const built = turns.map((turn) =>
            turn.words.map((w) => {
              const { startMs, endMs } = timeOf(w);
              const speaker = mode === 'channel_labels' ? null : `spk_${turn.speaker}`;
              const channel = mode === 'channel_labels' || mode === 'audio_segments' ? turn.channel : null;
              expected.push({ text: w.text, startMs, endMs, speaker, channel });
              return {
                id: id++,
                start_time: seconds(startMs),
                end_time: seconds(endMs),
                alternatives: [{ confidence: '0.5', content: w.text }],
                type: 'pronunciation',
                ...(speaker === null ? {} : { speaker_label: speaker }),
                ...(channel === null ? {} : { channel_label: `ch_${channel}` }),
              };
            }),
          );
          const items = built.flat();
          const results: Record<string, unknown> = { transcripts: [{ transcript: '' }], items };
          if (mode === 'audio_segments') {
            results['audio_segments'] = built.map((words, index) => ({
              id: index,
              transcript: words.map((w) => w.alternatives[0]!.content).join(' '),
              start_time: words[0]!.start_time,
              end_time: words[words.length - 1]!.end_time,
              speaker_label: words[0]!.speaker_label,
              channel_label: words[0]!.channel_label,
              items: words.map((w) => w.id),
            }));
          }
          if (mode === 'speaker_labels') {
            results['items'] = items.map(({ speaker_label: _speaker, ...rest }) => rest);
            results['speaker_labels'] = {
              speakers: 4,
              segments: built.map((words) => ({
                start_time: words[0]!.start_time,
                end_time: words[words.length - 1]!.end_time,
                speaker_label: words[0]!.speaker_label,
                items: words.map((w) => ({
                  start_time: w.start_time,
                  end_time: w.end_time,
                  speaker_label: w.speaker_label,
                })),
              })),
            };
          }
          if (mode === 'channel_labels') {
            results['items'] = [];
            results['channel_labels'] = {
              number_of_channels: 2,
              channels: [0, 1].map((channel) => ({
                channel_label: `ch_${channel}`,
                items: items.filter((w) => w.channel_label === `ch_${channel}`),
              })),
            };
          }
          const transcript = readJson(job(results));
          expectWordsAsGenerated(transcript, expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
