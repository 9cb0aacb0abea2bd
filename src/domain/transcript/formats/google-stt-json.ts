import type { RawReadResult, RawSegment, TranscriptFormatReader } from '../model';
import {
  confidenceOf,
  field,
  firstLanguageTag,
  groupWords,
  guardDetect,
  guardRead,
  hasKey,
  isJsonObject,
  labelOf,
  malformed,
  objectsOf,
  textOf,
  toFiniteNumber,
  wholeNumber,
  type JsonObject,
  type VendorWord,
} from './vendor-json-helpers';
import { appendAll } from '../../extremes';

const format = 'google-stt-json';

/** Where the recognition results sit, or why there are none. */
type Located = { readonly results: readonly JsonObject[] } | { readonly problem: string } | undefined;

/** A v2 batch result per file: inline transcripts only; results written to Cloud Storage are elsewhere. */
function fromBatchMap(map: JsonObject): Located {
  const entries = Object.values(map).filter(isJsonObject);
  if (
    entries.length === 0 ||
    !entries.every((entry) =>
      ['transcript', 'inlineResult', 'cloudStorageResult', 'uri', 'error'].some((key) => hasKey(entry, key)),
    )
  ) {
    return undefined;
  }
  const results: JsonObject[] = [];
  for (const entry of entries) {
    const transcript = field(entry, 'transcript') ?? field(field(entry, 'inlineResult'), 'transcript');
    appendAll(results, objectsOf(field(transcript, 'results')));
  }
  if (results.length === 0 && entries.some((entry) => hasKey(entry, 'cloudStorageResult') || hasKey(entry, 'uri'))) {
    return { problem: 'the batch results point to Cloud Storage files; import those files instead' };
  }
  return { results };
}

/**
 * Finds the `results` list in the shapes Google's responses come in: the plain v1/v2 response, the
 * long-running operation (`{name, done, response}`), the Node client's `[response, ...]` tuple and v2 batch maps.
 */
function locate(json: unknown, depth = 0): Located {
  if (depth > 3) return undefined;
  if (Array.isArray(json)) return isJsonObject(json[0]) ? locate(json[0], depth + 1) : undefined;
  if (!isJsonObject(json)) return undefined;
  if (isJsonObject(json['response']) || (hasKey(json, 'done') && hasKey(json, 'name'))) {
    if (json['done'] === false) return { problem: 'the long-running operation is not done yet' };
    if (isJsonObject(json['error']))
      return { problem: `the operation failed: ${textOf(json['error']['message']).slice(0, 200)}` };
    if (isJsonObject(json['response'])) return locate(json['response'], depth + 1);
  }
  const results = json['results'];
  if (Array.isArray(results)) {
    const objects = objectsOf(results);
    const first = objects[0];
    if (first !== undefined)
      return hasKey(first, 'alternatives') || hasKey(first, 'resultEndTime') || hasKey(first, 'resultEndOffset')
        ? { results: objects }
        : undefined;
    // An empty list is Google's only when the envelope says so.
    return ['totalBilledTime', 'requestId', '@type'].some((key) => hasKey(json, key)) ? { results: [] } : undefined;
  }
  if (isJsonObject(results)) return fromBatchMap(results);
  // A finished recognition without speech has no `results` at all; its type still names it.
  const type = json['@type'];
  return results === undefined &&
    typeof type === 'string' &&
    /google\.cloud\.speech\.v\d\w*\.\w*RecognizeResponse$/.test(type)
    ? { results: [] }
    : undefined;
}

/**
 * A protobuf Duration as JSON: "1.300s" (REST), a number of seconds, or `{seconds, nanos}` from older client
 * libraries, where `seconds` may be a string or even a Long object `{low, high}`.
 */
function durationMs(value: unknown): number | undefined {
  if (typeof value === 'string') {
    const match = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))s?\s*$/.exec(value);
    return match ? Number(match[1]) * 1000 : undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : undefined;
  if (!isJsonObject(value) || (!hasKey(value, 'seconds') && !hasKey(value, 'nanos'))) return undefined;
  const rawSeconds = value['seconds'];
  const seconds = isJsonObject(rawSeconds)
    ? (toFiniteNumber(rawSeconds['low']) ?? 0) + (toFiniteNumber(rawSeconds['high']) ?? 0) * 2 ** 32
    : rawSeconds === undefined || rawSeconds === null
      ? 0
      : toFiniteNumber(rawSeconds);
  const nanos = value['nanos'] === undefined || value['nanos'] === null ? 0 : toFiniteNumber(value['nanos']);
  if (seconds === undefined || nanos === undefined) return undefined;
  const ms = seconds * 1000 + nanos / 1e6;
  return Number.isFinite(ms) ? ms : undefined;
}

/** v1 `speakerTag` (1-based; 0 means "no speaker") or v2 `speakerLabel`. */
function speakerOf(word: JsonObject): string | null {
  const tag = wholeNumber(word['speakerTag']);
  if (tag !== undefined) return tag > 0 ? String(tag) : null;
  return labelOf(word['speakerLabel']);
}

/** `channelTag` counts from 1; 0 (proto default) or absent means the audio was not split by channel. */
function channelOf(result: JsonObject): number | null {
  const tag = wholeNumber(result['channelTag']);
  return tag !== undefined && tag >= 1 ? tag - 1 : null;
}

const bestAlternative = (result: JsonObject) => objectsOf(result['alternatives'])[0];

function wordsOf(result: JsonObject): VendorWord[] {
  const channel = channelOf(result);
  const words: VendorWord[] = [];
  for (const raw of objectsOf(bestAlternative(result)?.['words'])) {
    const text = textOf(raw['word']);
    if (text.trim() === '') continue;
    words.push({
      text,
      startMs: durationMs(raw['startTime'] ?? raw['startOffset']),
      endMs: durationMs(raw['endTime'] ?? raw['endOffset']),
      confidence: confidenceOf(raw['confidence']),
      speaker: speakerOf(raw),
      channel,
    });
  }
  return words;
}

const resultEndMs = (result: JsonObject) => durationMs(result['resultEndTime'] ?? result['resultEndOffset']);

/**
 * Segments per result: words cut at pauses, sentence ends and speaker changes; a result without words spans from
 * the previous result's end (on the same channel) to its own `resultEndTime`.
 */
function fromResults(results: readonly JsonObject[]): RawSegment[] {
  const segments: RawSegment[] = [];
  const previousEnd = new Map<number | null, number>();
  for (const result of results) {
    const channel = channelOf(result);
    const endMs = resultEndMs(result);
    const words = wordsOf(result);
    if (words.some((word) => word.startMs !== undefined)) {
      appendAll(segments, groupWords(words));
    } else {
      const text = textOf(bestAlternative(result)?.['transcript']);
      if (text.trim() !== '') {
        segments.push({
          speaker: null,
          channel,
          startMs: previousEnd.get(channel) ?? 0,
          endMs: endMs ?? Number.NaN,
          text,
          words: words.map(({ text: wordText }) => ({ text: wordText, startMs: undefined, endMs: undefined })),
        });
      }
    }
    let end = endMs;
    for (const word of words)
      if (endMs === undefined && word.endMs !== undefined && !(end !== undefined && end >= word.endMs))
        end = word.endMs;
    if (end !== undefined) previousEnd.set(channel, end);
  }
  return segments;
}

function readGoogle(json: unknown): RawReadResult {
  const located = locate(json);
  if (located === undefined) return malformed(format, 'no results list with alternatives');
  if ('problem' in located) return malformed(format, located.problem);
  const results = located.results;
  const language = firstLanguageTag(results.map((result) => result['languageCode']));
  const last = results[results.length - 1];
  const tagged = (result: JsonObject) => wordsOf(result).some((word) => word.speaker !== null);
  // With diarization, v1 repeats every word with its speaker tag in the last result; the earlier results carry
  // the same words untagged. Only the last result is read then, so no word appears twice.
  if (last !== undefined && tagged(last) && !results.slice(0, -1).some(tagged)) {
    return { ok: true, language, segments: groupWords(wordsOf(last)) };
  }
  return { ok: true, language, segments: fromResults(results) };
}

/** Google Cloud Speech-to-Text responses (v1 and v2, plain, long-running operation or client-library shaped). */
export const googleSttJsonReader: TranscriptFormatReader = {
  format,
  detect: (_text, json) => guardDetect(() => locate(json) !== undefined),
  read: (_text, json) => guardRead(format, () => readGoogle(json)),
};
