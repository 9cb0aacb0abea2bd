// Support shared by the transcript reader tests: reading sample files, mutating real sample documents anywhere in
// their tree, and the check every reader must pass whatever it is given.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import type {
  Transcript,
  TranscriptFormat,
  TranscriptFormatReader,
  TranscriptParseResult,
} from '../../src/domain/transcript/model';
import { parseTranscript } from '../../src/domain/transcript/parse-transcript';

/** A sample file's text from tests/fixtures/transcripts/<folder>/. */
export function transcriptFixture(folder: string, name: string): string {
  return readFileSync(new URL(`../fixtures/transcripts/${folder}/${name}`, import.meta.url), 'utf8');
}

/** What parseTranscript reads from `text`; the test fails when it refuses, or when it reads another `format`. */
export function parsedTranscript(text: string, format?: TranscriptFormat): Transcript {
  const result = parseTranscript(text);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.detail}`);
  if (format) expect(result.transcript.format).toBe(format);
  return result.transcript;
}

/** How often normalisation counted a warning (0 when never). */
export function warningCount(transcript: Transcript, code: string): number {
  return transcript.warnings.find((warning) => warning.code === code)?.count ?? 0;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Every path into a JSON value, so a mutation can reach any field. */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

/** The same value as another JSON type: numbers become strings, arrays objects, and so on. */
function retyped(value: Json): Json {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return Number.isFinite(Number(value)) ? Number(value) : value.length;
  if (typeof value === 'boolean') return value ? 1 : null;
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
  return Object.values(value);
}

export interface Mutation {
  readonly pick: number;
  readonly kind: 'delete' | 'replace' | 'retype';
  readonly value: Json;
}

/** One edit somewhere in a document: delete a field, replace it with any JSON, or change its type. */
export const mutationArb = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('delete', 'replace', 'retype'),
  value: fc.jsonValue({ maxDepth: 2 }),
}) as fc.Arbitrary<Mutation>;

/** A copy of `document` with the mutations applied in turn. */
export function mutated(document: Json, mutations: readonly Mutation[]): Json {
  let root = structuredClone(document);
  for (const mutation of mutations) {
    const paths = pathsOf(root);
    const path = paths[mutation.pick % paths.length]!;
    if (path.length === 0) {
      root = mutation.kind === 'replace' ? mutation.value : retyped(root);
      continue;
    }
    const parent = path
      .slice(0, -1)
      .reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, root) as Record<
      string | number,
      Json
    >;
    const key = path[path.length - 1]!;
    if (mutation.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else {
      parent[key] = mutation.kind === 'replace' ? mutation.value : retyped(parent[key]!);
    }
  }
  return root;
}

/**
 * Parses `text` and checks the result is well formed whatever the input (whole-millisecond, ordered times; no empty
 * text; a refusal with a reason), and that `reader` refuses what it detected but cannot read as malformed, in its
 * own format, rather than throwing.
 */
export function expectReaderNeverThrows(reader: TranscriptFormatReader, text: string): void {
  const result = parseTranscript(text);
  if (result.ok) {
    for (const segment of result.transcript.segments) {
      expect(Number.isInteger(segment.startMs) && segment.startMs >= 0 && segment.startMs <= segment.endMs).toBe(true);
      expect(segment.text).not.toBe('');
    }
  } else {
    expect(typeof result.error.detail).toBe('string');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return;
  }
  if (reader.detect(text, json)) {
    const raw = reader.read(text, json);
    if (!raw.ok) expect(raw.error).toMatchObject({ code: 'transcript_malformed', format: reader.format });
  }
}

/** Order of segments for comparing a read-back transcript with what was generated: by start, end, then text. */
export function segmentOrder(
  a: { startMs: number; endMs: number; text: string },
  b: { startMs: number; endMs: number; text: string },
): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

/**
 * `reader` neither detects nor reads `text` with a throw (JSON or not), and `parseTranscript` answers with a result;
 * the result is returned for further checks.
 */
export function expectJsonReaderNeverThrows(reader: TranscriptFormatReader, text: string): TranscriptParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  expect(() => reader.read(text, value)).not.toThrow();
  expect(() => reader.detect(text, value)).not.toThrow();
  const result = parseTranscript(text);
  expect(typeof result.ok).toBe('boolean');
  return result;
}

export type TextMutation = readonly ['cut' | 'flip' | 'insert' | 'delete', number, string];

/** Up to three byte-level edits of a document: cut it short, flip a character, insert or delete a few. */
export const textMutationsArb: fc.Arbitrary<TextMutation[]> = fc.array(
  fc.tuple(
    fc.constantFrom('cut' as const, 'flip' as const, 'insert' as const, 'delete' as const),
    fc.nat(),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
  ),
  { maxLength: 3 },
);

/** `text` with the edits applied in turn. */
export function applyTextMutations(text: string, mutations: readonly TextMutation[]): string {
  let result = text;
  for (const [kind, at, insert] of mutations) {
    const position = at % Math.max(1, result.length);
    if (kind === 'cut') result = result.slice(0, position);
    else if (kind === 'flip') result = result.slice(0, position) + insert.charAt(0) + result.slice(position + 1);
    else if (kind === 'insert') result = result.slice(0, position) + insert + result.slice(position);
    else result = result.slice(0, position) + result.slice(position + insert.length);
  }
  return result;
}

/** Word texts that survive cleaning unchanged (no spaces, controls or bidi marks, not punctuation only), hostile ones included. */
export const cleanWordTextArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 8 })
    .filter((text) => /^[^\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u.test(text) && !/^[\p{P}\p{S}]+$/u.test(text)),
  fc.constantFrom('<script>alert(1)</script>', '&amp;', 'één', '日本語', '😀👍'),
);

/** The property that `reader` never throws on up to six mutations anywhere in any of the sample documents. */
export function assertNeverThrowsOnMutatedSamples(reader: TranscriptFormatReader, samples: readonly Json[]): void {
  fc.assert(
    fc.property(
      fc.constantFrom(...samples),
      fc.array(mutationArb, { minLength: 1, maxLength: 6 }),
      (sample, mutations) => expectReaderNeverThrows(reader, JSON.stringify(mutated(sample, mutations))),
    ),
    { numRuns: 2000 },
  );
}

/** Up to three structural edits of a segment list: a field of a segment replaced with any JSON value. */
export const segmentReplacementsArb = fc.array(fc.tuple(fc.nat(), fc.jsonValue()), { maxLength: 3 });

/** Applies the structural edits to `segments` in place. */
export function replaceSegmentFields(
  segments: Record<string, unknown>[],
  replacements: readonly (readonly [number, unknown])[],
): void {
  for (const [at, value] of replacements) {
    const segment = segments[at % segments.length]!;
    const keys = Object.keys(segment);
    segment[keys[at % keys.length]!] = value;
  }
}

/** How many cases a reader property tries. */
export const fuzzRuns = 2000;

/**
 * The property that `reader` never throws on any text `texts` gives; `check` is expectJsonReaderNeverThrows (the
 * reader and parseTranscript answer) unless a stricter one is given.
 */
export function assertNeverThrowsOn(
  reader: TranscriptFormatReader,
  texts: fc.Arbitrary<string>,
  {
    check = expectJsonReaderNeverThrows,
    numRuns = fuzzRuns,
  }: { check?: typeof expectReaderNeverThrows; numRuns?: number } = {},
): void {
  fc.assert(
    fc.property(texts, (text) => {
      check(reader, text);
    }),
    { numRuns },
  );
}

/** Any JSON value a generator gives, as text. */
export const jsonTextArb = (values: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  values.map((value) => JSON.stringify(value) ?? 'null');

/** Any text of up to 300 characters, half the time after `head` (a signature, a timing line). */
export const arbitraryTextArb = (head: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.string({ unit: 'binary', maxLength: 300 }), fc.boolean())
    .map(([text, withHead]) => (withHead ? `${head}${text}` : text));

/** Valid documents, then cut, flipped or spliced (textMutationsArb). */
export const corruptedTextArb = (documents: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(documents, textMutationsArb).map(([text, mutations]) => applyTextMutations(text, mutations));

/**
 * Valid JSON documents (parsed), a field of a segment in their `list` replaced by any JSON value, written with `indent`
 * and then corrupted.
 */
export function restructuredJsonArb<Segment>(
  segments: fc.Arbitrary<Segment[]>,
  documentOf: (segments: Segment[]) => unknown,
  { list = 'segments', indent }: { list?: string; indent?: string | number } = {},
): fc.Arbitrary<string> {
  return corruptedTextArb(
    fc.tuple(segments, segmentReplacementsArb).map(([generated, replacements]) => {
      const document = documentOf(generated) as Record<string, Record<string, unknown>[]>;
      replaceSegmentFields(document[list]!, replacements);
      return JSON.stringify(document, null, indent);
    }),
  );
}

/** The words of a generated turn: clean texts, each after a gap and lasting a while (ms). */
export const generatedWordsArb = fc.array(
  fc.record({
    text: cleanWordTextArb,
    gap: fc.integer({ min: 0, max: 3000 }),
    duration: fc.integer({ min: 1, max: 2000 }),
  }),
  { minLength: 1, maxLength: 6 },
);

/** A word the reader should find, with its segment's speaker and channel. */
export interface ExpectedWord {
  readonly text: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly speaker: string | null;
  readonly channel: number | null;
}

/** A clock for generated words: each starts its gap after the previous one's end. */
export function wordClock(): (word: { gap: number; duration: number }) => { startMs: number; endMs: number } {
  let clock = 0;
  return ({ gap, duration }) => {
    const startMs = clock + gap;
    clock = startMs + duration;
    return { startMs, endMs: clock };
  };
}

/** The transcript's words, with their segment's speaker and channel, are the generated ones (times to 1 ms). */
export function expectWordsAsGenerated(transcript: Transcript, expected: readonly ExpectedWord[]): void {
  const found = transcript.segments
    .flatMap((segment) => segment.words.map((w) => ({ ...w, speaker: segment.speaker, channel: segment.channel })))
    .sort((a, b) => a.startMs - b.startMs);
  expect(found).toHaveLength(expected.length);
  expected.forEach((want, index) => {
    const got = found[index]!;
    expect(Math.abs(got.startMs - want.startMs)).toBeLessThanOrEqual(1);
    expect(got.text).toBe(want.text);
    expect(Math.abs(got.endMs - want.endMs)).toBeLessThanOrEqual(1);
    expect(got.speaker).toBe(want.speaker);
    expect(got.channel).toBe(want.channel);
  });
}

/** The speaker, channel, times and text of each segment (what most reader tests compare). */
export const segmentSummary = (transcript: Transcript) =>
  transcript.segments.map(({ speaker, channel, startMs, endMs, text }) => ({ speaker, channel, startMs, endMs, text }));

/** What parseTranscript reads from a JSON document. */
export const readJson = (document: unknown): Transcript => parsedTranscript(JSON.stringify(document));
