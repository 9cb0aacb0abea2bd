import type { RawReadResult, RawSegment, RawWord, TranscriptFormatReader } from '../model';

/*
 * Klankbord's own transcript format, documented in docs/transcript-format.md:
 * `{"format": "klankbord-transcript", "version": 1, "language": "nl" | null, "segments": [{"speaker": string | null,
 * "channel"?: integer | null, "startMs": integer, "endMs": integer, "text": string, "words"?: [{"text": string,
 * "startMs": integer, "endMs": integer, "confidence"?: number}]}]}`.
 * Unlike the vendor readers this one is strict: it is our own contract, so anything off the documented shape (an
 * unknown key, a fractional or reversed time, a confidence above 1) is refused with the path of the first problem
 * rather than guessed at. Validation is by hand because the domain layer imports no packages.
 */

const formatName = 'klankbord-transcript';
const supportedVersion = 1;
const rootKeys = new Set(['format', 'version', 'language', 'segments']);
const segmentKeys = new Set(['speaker', 'channel', 'startMs', 'endMs', 'text', 'words']);
const wordKeys = new Set(['text', 'startMs', 'endMs', 'confidence']);
const languagePattern = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const maxSpeakerLength = 100;

type JsonObject = { readonly [key: string]: unknown };

/** Thrown inside the validator only, caught in `read`: it carries the path of the first problem. */
class Invalid extends Error {}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function expectObject(value: unknown, path: string, allowed: ReadonlySet<string>): JsonObject {
  if (!isObject(value)) throw new Invalid(`${path}: expected an object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) throw new Invalid(`${path}: unknown key "${key}"`);
  }
  return value;
}

function expectTime(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new Invalid(`${path}: expected a whole number of milliseconds >= 0, got ${describe(value)}`);
  }
  return value;
}

function expectTimes(item: JsonObject, path: string): { startMs: number; endMs: number } {
  const startMs = expectTime(item.startMs, `${path}.startMs`);
  const endMs = expectTime(item.endMs, `${path}.endMs`);
  if (endMs < startMs) throw new Invalid(`${path}.endMs: ${endMs} is before startMs ${startMs}`);
  return { startMs, endMs };
}

function readWord(value: unknown, path: string): RawWord {
  const item = expectObject(value, path, wordKeys);
  if (typeof item.text !== 'string' || item.text.trim() === '') {
    throw new Invalid(`${path}.text: expected a non-empty string, got ${describe(item.text)}`);
  }
  const word: { text: string; startMs: number; endMs: number; confidence?: number } = {
    text: item.text,
    ...expectTimes(item, path),
  };
  if ('confidence' in item) {
    const confidence = item.confidence;
    if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) {
      throw new Invalid(`${path}.confidence: expected a number from 0 to 1, got ${describe(confidence)}`);
    }
    word.confidence = confidence;
  }
  return word;
}

function readSegment(value: unknown, path: string): RawSegment {
  const item = expectObject(value, path, segmentKeys);
  if (!('speaker' in item)) throw new Invalid(`${path}.speaker: required (a string, or null when unknown)`);
  const speaker = item.speaker;
  if (speaker !== null && (typeof speaker !== 'string' || speaker.trim() === '' || speaker.length > maxSpeakerLength)) {
    throw new Invalid(
      `${path}.speaker: expected null or a non-empty string of at most ${maxSpeakerLength} characters, got ${describe(speaker)}`,
    );
  }
  const channel = item.channel ?? null;
  if (channel !== null && (typeof channel !== 'number' || !Number.isSafeInteger(channel) || channel < 0)) {
    throw new Invalid(`${path}.channel: expected null or a whole number >= 0, got ${describe(channel)}`);
  }
  const times = expectTimes(item, path);
  if (typeof item.text !== 'string') throw new Invalid(`${path}.text: expected a string, got ${describe(item.text)}`);
  const wordValues = item.words ?? [];
  if (!Array.isArray(wordValues)) throw new Invalid(`${path}.words: expected an array, got ${describe(wordValues)}`);
  const words = wordValues.map((word, index) => readWord(word, `${path}.words[${index}]`));
  return { speaker, channel, ...times, text: item.text, words };
}

function readDocument(json: unknown): RawReadResult {
  const root = expectObject(json, '$', rootKeys);
  if (root.format !== formatName) throw new Invalid(`format: expected "${formatName}", got ${describe(root.format)}`);
  if (root.version !== supportedVersion) {
    throw new Invalid(`version: this Klankbord reads version ${supportedVersion}, got ${describe(root.version)}`);
  }
  const language = root.language ?? null;
  if (language !== null && (typeof language !== 'string' || !languagePattern.test(language) || language.length > 35)) {
    throw new Invalid(`language: expected null or a language tag such as "nl" or "nl-BE", got ${describe(language)}`);
  }
  if (!Array.isArray(root.segments)) throw new Invalid(`segments: expected an array, got ${describe(root.segments)}`);
  const segments = root.segments.map((segment, index) => readSegment(segment, `segments[${index}]`));
  return { ok: true, language, segments };
}

/** Reads Klankbord's own transcript JSON, validating it strictly. */
export const klankbordJsonReader: TranscriptFormatReader = {
  format: 'klankbord-json',
  detect: (_text, json) => isObject(json) && json.format === formatName,
  read: (_text, json) => {
    try {
      return readDocument(json);
    } catch (error) {
      const detail =
        error instanceof Invalid
          ? error.message
          : `unexpected: ${error instanceof Error ? error.message : String(error)}`;
      return { ok: false, error: { code: 'transcript_malformed', detail, format: 'klankbord-json' } };
    }
  },
};
