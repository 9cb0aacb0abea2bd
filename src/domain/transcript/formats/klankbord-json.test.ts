import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parsedTranscript,
  segmentOrder,
  assertNeverThrowsOn,
  jsonTextArb,
  restructuredJsonArb,
} from '../../../../tests/unit/transcript-fuzz';
import { cleanText } from '../normalize';
import { parseTranscript } from '../parse-transcript';
import { klankbordJsonReader } from './klankbord-json';

const fixtureText = readFileSync(
  new URL('../../../../tests/fixtures/transcripts/klankbord-json/dutch-support-call.json', import.meta.url),
  'utf8',
);

const parsed = (text: string) => parsedTranscript(text, 'klankbord-json');

const header = { format: 'klankbord-transcript', version: 1, language: 'nl' };
const segment = (fields: Record<string, unknown> = {}) => ({
  speaker: 'agent',
  channel: 0,
  startMs: 0,
  endMs: 1000,
  text: 'Hallo',
  ...fields,
});
const documentWith = (segments: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...header, ...extra, segments });

function malformedDetail(text: string): string {
  const result = parseTranscript(text);
  if (result.ok) throw new Error('expected malformed, got ok');
  expect(result.error).toMatchObject({ code: 'transcript_malformed', format: 'klankbord-json' });
  return result.error.detail;
}

describe('Klankbord JSON: the documented example', () => {
  it('reads the fixture exactly', () => {
    const transcript = parsed(fixtureText);
    expect(transcript.language).toBe('nl');
    expect(transcript.warnings).toEqual([]);
    expect(transcript.segments.map((s) => [s.speaker, s.channel, s.startMs, s.endMs, s.words.length])).toEqual([
      ['agent', 0, 1200, 4350, 8],
      ['customer', 1, 4900, 9800, 16],
      ['agent', 0, 10_150, 13_600, 0],
      [null, null, 13_600, 15_000, 0],
    ]);
    expect(transcript.segments[0]!.text).toBe('Goedemiddag, u spreekt met Sanne van de klantenservice.');
    expect(transcript.segments[0]!.words[0]).toEqual({
      text: 'Goedemiddag,',
      startMs: 1200,
      endMs: 1910,
      confidence: 0.97,
    });
    expect(transcript.segments[1]!.words[1]).toEqual({ text: 'ik', startMs: 5450, endMs: 5560 });
    expect(transcript.segments[3]!.text).toBe('[wachtmuziek]');
  });

  it('matches the example in docs/transcript-format.md', () => {
    const markdown = readFileSync(new URL('../../../../docs/transcript-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(example).toBeDefined();
    const transcript = parsed(example!);
    expect(transcript.segments.map((s) => s.speaker)).toEqual(['agent', 'customer', null]);
  });
});

describe('Klankbord JSON: strict validation', () => {
  it.each([
    [documentWith([segment({ endMs: 500, startMs: 900 })]), 'segments[0].endMs: 500 is before startMs 900'],
    [
      documentWith([segment({ startMs: 1.5 })]),
      'segments[0].startMs: expected a whole number of milliseconds >= 0, got 1.5',
    ],
    [documentWith([segment({ startMs: '100' })]), 'segments[0].startMs'],
    [documentWith([segment({ startMs: -1 })]), 'segments[0].startMs'],
    [documentWith([segment(), segment({ start_ms: 5 })]), 'segments[1]: unknown key "start_ms"'],
    [documentWith([segment({ speaker: undefined })]), 'segments[0].speaker: required'],
    [documentWith([segment({ speaker: '  ' })]), 'segments[0].speaker'],
    [documentWith([segment({ channel: -1 })]), 'segments[0].channel'],
    [documentWith([segment({ text: null })]), 'segments[0].text: expected a string, got null'],
    [documentWith([segment({ words: {} })]), 'segments[0].words: expected an array'],
    [
      documentWith([segment({ words: [{ text: 'x', startMs: 0, endMs: 10, confidence: 1.5 }] })]),
      'segments[0].words[0].confidence',
    ],
    [documentWith([segment({ words: [{ text: '', startMs: 0, endMs: 10 }] })]), 'segments[0].words[0].text'],
    [
      documentWith([segment({ words: [{ text: 'x', startMs: 10, endMs: 0 }] })]),
      'segments[0].words[0].endMs: 0 is before startMs 10',
    ],
    [documentWith([segment()], { version: 2 }), 'version: this Klankbord reads version 1, got 2'],
    [documentWith([segment()], { language: 'Nederlands!' }), 'language'],
    [documentWith([segment()], { extra: true }), '$: unknown key "extra"'],
    [JSON.stringify({ ...header, segments: 'none' }), 'segments: expected an array'],
    [JSON.stringify({ ...header, segments: [7] }), 'segments[0]: expected an object, got 7'],
  ])('refuses %s', (text, detail) => {
    expect(malformedDetail(text)).toContain(detail);
  });

  it('accepts the optional fields left out or null, and keeps text verbatim', () => {
    const transcript = parsed(
      JSON.stringify({
        format: 'klankbord-transcript',
        version: 1,
        segments: [
          { speaker: null, startMs: 0, endMs: 0, text: '<script>alert(1)</script> & <b>' },
          {
            speaker: 'SPEAKER_00',
            channel: null,
            startMs: 5,
            endMs: 10,
            text: '',
            words: [{ text: 'woord', startMs: 5, endMs: 10 }],
          },
        ],
      }),
    );
    expect(transcript.language).toBeNull();
    expect(transcript.segments.map((s) => [s.speaker, s.channel, s.text])).toEqual([
      [null, null, '<script>alert(1)</script> & <b>'],
      ['SPEAKER_00', null, 'woord'],
    ]);
  });

  it('leaves overlaps, order and empty text to normalisation, like any format', () => {
    const transcript = parsed(
      documentWith([
        segment({ startMs: 2000, endMs: 3000 }),
        segment({ startMs: 0, endMs: 2500 }),
        segment({ startMs: 3000, endMs: 4000, text: ' ' }),
      ]),
    );
    expect(transcript.segments.map((s) => s.startMs)).toEqual([0, 2000]);
    expect(transcript.warnings).toEqual(
      expect.arrayContaining([
        { code: 'empty_segments_dropped', count: 1 },
        { code: 'not_sorted', count: 1 },
        { code: 'overlapping_segments', count: 1 },
      ]),
    );
  });

  it('is detected by its format marker only', () => {
    const detect = (value: unknown) => klankbordJsonReader.detect(JSON.stringify(value), value);
    expect(detect({ format: 'klankbord-transcript' })).toBe(true);
    expect(detect({ format: 'klankbord-transcript', version: 99 })).toBe(true); // detected, then refused with a reason
    expect(detect({ format: 'other', segments: [] })).toBe(false);
    expect(detect({ segments: [{ startMs: 0, endMs: 1, text: 'x', speaker: null }] })).toBe(false);
    expect(detect([{ format: 'klankbord-transcript' }])).toBe(false);
    expect(detect(undefined)).toBe(false);
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
const wordArb = fc.record({
  text: fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
    .filter((t) => cleanText(t) !== '' && !/^[\p{P}\p{S}]+$/u.test(cleanText(t))),
  startMs: fc.integer({ min: 0, max: 36_000_000 }),
  durationMs: fc.integer({ min: 0, max: 5000 }),
  confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});
const segmentArb = fc.record({
  speaker: fc.oneof(fc.constant(null), fc.constantFrom('agent', 'customer', 'SPEAKER_00', 'Sanne de Vries')),
  channel: fc.option(fc.constantFrom(0, 1), { nil: undefined }),
  startMs: fc.integer({ min: 0, max: 36_000_000 }),
  durationMs: fc.integer({ min: 0, max: 600_000 }),
  text: trickyText,
  words: fc.option(fc.array(wordArb, { maxLength: 5 }), { nil: undefined }),
});
type GeneratedSegment = ReturnType<typeof segmentArb.generate>['value'];

function buildDocument(segments: readonly GeneratedSegment[]): unknown {
  return {
    format: 'klankbord-transcript',
    version: 1,
    language: 'nl-NL',
    segments: segments.map((s, index) => ({
      speaker: s.speaker,
      ...(s.channel !== undefined ? { channel: s.channel } : {}),
      startMs: s.startMs,
      endMs: s.startMs + s.durationMs,
      text: `s${index} ${s.text}`,
      ...(s.words
        ? {
            words: s.words.map((w) => ({
              text: w.text,
              startMs: w.startMs,
              endMs: w.startMs + w.durationMs,
              ...(w.confidence !== undefined ? { confidence: w.confidence } : {}),
            })),
          }
        : {}),
    })),
  };
}

describe('Klankbord JSON: properties', () => {
  it('never throws on arbitrary JSON, or on documents with the marker and arbitrary values', () => {
    const shaped = fc.record(
      {
        format: fc.constant('klankbord-transcript'),
        version: fc.oneof(fc.constant(1), fc.jsonValue()),
        language: fc.jsonValue(),
        segments: fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.record(
              {
                speaker: fc.jsonValue(),
                channel: fc.jsonValue(),
                startMs: fc.jsonValue(),
                endMs: fc.jsonValue(),
                text: fc.jsonValue(),
                words: fc.jsonValue(),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
      },
      { requiredKeys: ['format'] },
    );
    assertNeverThrowsOn(klankbordJsonReader, jsonTextArb(fc.oneof(fc.jsonValue(), shaped)));
  });

  it('reads every generated valid document back exactly', () => {
    fc.assert(
      fc.property(fc.array(segmentArb, { minLength: 1, maxLength: 8 }), (segments) => {
        const result = parseTranscript(JSON.stringify(buildDocument(segments)));
        if (!result.ok) throw new Error(result.error.detail);
        expect(result.transcript.format).toBe('klankbord-json');
        expect(result.transcript.language).toBe('nl-NL');
        const expected = segments.map((s, index) => ({
          speaker: s.speaker,
          channel: s.channel ?? null,
          startMs: s.startMs,
          endMs: s.startMs + s.durationMs,
          text: cleanText(`s${index} ${s.text}`),
          words: [...(s.words ?? [])]
            .sort((a, b) => a.startMs - b.startMs)
            .map((w) => ({
              text: cleanText(w.text),
              startMs: w.startMs,
              endMs: w.startMs + w.durationMs,
              ...(w.confidence !== undefined ? { confidence: w.confidence } : {}),
            })),
        }));
        expect([...result.transcript.segments].sort(segmentOrder)).toEqual(expected.sort(segmentOrder));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on truncated, corrupted or restructured valid documents', () => {
    const documents = restructuredJsonArb(
      fc.array(segmentArb, { minLength: 1, maxLength: 4 }),
      (segments) => buildDocument(segments),
      { indent: 2 },
    );
    assertNeverThrowsOn(klankbordJsonReader, documents);
  });
});
