import type { RawReadResult, RawSegment, RawWord, TranscriptFormatReader, TranscriptWarning } from '../model';
import { minOf } from '../../extremes';

/*
 * OpenAI Whisper JSON, in its two shapes:
 * - the `openai-whisper` CLI (`--output_format json`): `{text, segments: [{id, seek, start, end, text, tokens, ...,
 *   words?: [{word, start, end, probability}]}], language}`; whisper-ctranslate2 writes the same and may add a
 *   `speaker` per segment;
 * - the OpenAI API `response_format=verbose_json`: `{task, language, duration, text, segments?, words?}` where the
 *   top-level `words` (timestamp_granularities[]=word) belong to no segment and are assigned to segments by time.
 * Times are seconds, as numbers or (some proxies) numeric strings.
 */

/** A plain JSON object (not an array, not null). */
export type JsonObject = { readonly [key: string]: unknown };

/** Whether a parsed JSON value is an object (not an array or null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const numericString = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** Reads a number given as a JSON number or a numeric string; NaN for anything else (null, missing, "abc"). */
export function readNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && numericString.test(value)) return Number(value);
  return Number.NaN;
}

/** Seconds (number or numeric string) to milliseconds, keeping the fraction; NaN when there is no usable time. */
export function secondsToMs(value: unknown): number {
  return readNumber(value) * 1000;
}

/** Like secondsToMs, but undefined instead of NaN: the shape RawWord wants for a word without a time. */
export function optionalSecondsToMs(value: unknown): number | undefined {
  const ms = secondsToMs(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** A string value, or '' for anything else (vendors send null or leave fields out). */
export function readString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A speaker label when the value is a non-blank string, else null. */
export function readSpeaker(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  // Some diarizers write numeric speaker ids.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

// Whisper reports the language by English name ("english", "Catalan"); the model wants a tag. This is the
// LANGUAGES table of openai-whisper's tokenizer, name -> code (javanese mapped to the standard "jv").
const whisperLanguageNames =
  'english:en chinese:zh german:de spanish:es russian:ru korean:ko french:fr japanese:ja portuguese:pt turkish:tr ' +
  'polish:pl catalan:ca dutch:nl arabic:ar swedish:sv italian:it indonesian:id hindi:hi finnish:fi vietnamese:vi ' +
  'hebrew:he ukrainian:uk greek:el malay:ms czech:cs romanian:ro danish:da hungarian:hu tamil:ta norwegian:no thai:th ' +
  'urdu:ur croatian:hr bulgarian:bg lithuanian:lt latin:la maori:mi malayalam:ml welsh:cy slovak:sk telugu:te ' +
  'persian:fa latvian:lv bengali:bn serbian:sr azerbaijani:az slovenian:sl kannada:kn estonian:et macedonian:mk ' +
  'breton:br basque:eu icelandic:is armenian:hy nepali:ne mongolian:mn bosnian:bs kazakh:kk albanian:sq swahili:sw ' +
  'galician:gl marathi:mr punjabi:pa sinhala:si khmer:km shona:sn yoruba:yo somali:so afrikaans:af occitan:oc ' +
  'georgian:ka belarusian:be tajik:tg sindhi:sd gujarati:gu amharic:am yiddish:yi lao:lo uzbek:uz faroese:fo ' +
  'haitian_creole:ht pashto:ps turkmen:tk nynorsk:nn maltese:mt sanskrit:sa luxembourgish:lb myanmar:my tibetan:bo ' +
  'tagalog:tl malagasy:mg assamese:as tatar:tt hawaiian:haw lingala:ln hausa:ha bashkir:ba javanese:jv sundanese:su ' +
  'cantonese:yue flemish:nl';
const languageByName = new Map(
  whisperLanguageNames.split(' ').map((pair) => {
    const [name = '', code = ''] = pair.split(':');
    return [name.replace('_', ' '), code] as const;
  }),
);
const languageTagPattern = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

/** A language tag from a tag ("nl", "en-US") or a Whisper language name ("dutch", "Catalan"); null when neither. */
export function readLanguage(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const byName = languageByName.get(trimmed.toLowerCase());
  if (byName) return byName;
  return languageTagPattern.test(trimmed) && trimmed.length <= 35 ? trimmed.replace(/_/g, '-') : null;
}

type JsonReaderFormat = 'whisper-json' | 'whisperx-json' | 'whisper-cpp-json';

/** The error value the Whisper-family readers return for a document of their format that they cannot read. */
export function malformedJson(format: JsonReaderFormat, detail: string): RawReadResult {
  return { ok: false, error: { code: 'transcript_malformed', detail, format } };
}

/** A segment as the whisper-style readers collect it; its words may still be filled in from a free word list. */
export interface WhisperSegment {
  speaker: string | null;
  startMs: number;
  endMs: number;
  text: string;
  words: RawWord[];
}

/** Reads each object of a `segments` array; entries that are not objects are counted, not read. */
export function readSegmentObjects(
  values: readonly unknown[],
  readSegment: (value: JsonObject) => WhisperSegment,
): { segments: WhisperSegment[]; skipped: number } {
  const segments: WhisperSegment[] = [];
  let skipped = 0;
  for (const value of values) {
    if (isJsonObject(value)) segments.push(readSegment(value));
    else skipped += 1;
  }
  return { segments, skipped };
}

/** The read result of whisper-style segments (no channels), with a warning when entries were dropped. */
export function whisperSegmentsResult(
  language: string | null,
  segments: readonly WhisperSegment[],
  skipped: number,
): RawReadResult {
  const warnings: TranscriptWarning[] = skipped > 0 ? [{ code: 'empty_segments_dropped', count: skipped }] : [];
  const raw: RawSegment[] = segments.map((segment) => ({ ...segment, channel: null }));
  return { ok: true, language, segments: raw, warnings };
}

/** A reader's `read` that never throws: anything thrown becomes a malformed result of the format. */
export function readOrMalformed(
  format: JsonReaderFormat,
  read: (json: unknown) => RawReadResult,
): TranscriptFormatReader['read'] {
  return (_text, json) => {
    try {
      return read(json);
    } catch (error) {
      return malformedJson(format, error instanceof Error ? error.message : String(error));
    }
  };
}

/**
 * Puts free words (the API's top-level `words`, WhisperX's `word_segments`) into the segment whose time they fall
 * in: the last segment starting at or before the word (the first when the word starts before all). A word without
 * a time follows the word before it, so untimed punctuation stays with its word.
 */
export function assignWordsByTime(
  segments: readonly { readonly startMs: number }[],
  words: readonly RawWord[],
): RawWord[][] {
  const buckets: RawWord[][] = segments.map(() => []);
  if (segments.length === 0) return buckets;
  // Segments are usually in order, but not always: search over the indices sorted by start.
  const order = segments.map((segment, index) => ({
    index,
    startMs: Number.isFinite(segment.startMs) ? segment.startMs : Infinity,
  }));
  order.sort((a, b) => a.startMs - b.startMs);
  let previous = order[0]!.index;
  for (const word of words) {
    const at = word.startMs;
    if (typeof at === 'number' && Number.isFinite(at)) {
      let low = 0;
      let high = order.length - 1;
      let found = 0;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (order[middle]!.startMs <= at) {
          found = middle;
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      previous = order[found]!.index;
    }
    buckets[previous]!.push(word);
  }
  return buckets;
}

/** One Whisper word object to a raw word; null when it is not an object. */
function readWhisperWord(value: unknown): RawWord | null {
  if (!isJsonObject(value)) return null;
  const text = readString(value.word ?? value.text);
  const word: { text: string; startMs: number | undefined; endMs: number | undefined; confidence?: number } = {
    text,
    startMs: optionalSecondsToMs(value.start),
    endMs: optionalSecondsToMs(value.end),
  };
  const confidence = readNumber(value.probability ?? value.confidence);
  if (Number.isFinite(confidence)) word.confidence = confidence;
  return word;
}

// Whisper splits "L'esquelet" into " L" + "'esquelet" and "impulsar-los" into " impulsar" + "-los": a piece that
// starts with an apostrophe or hyphen, right after a word, is the rest of that word.
const continuesWord = /^['’-]/u;

/** Whisper word objects to raw words, gluing the pieces Whisper split off at apostrophes and hyphens. */
export function readWhisperWords(values: readonly unknown[]): RawWord[] {
  const words: RawWord[] = [];
  for (const value of values) {
    const word = readWhisperWord(value);
    if (!word) continue;
    const previous = words.at(-1);
    if (previous && continuesWord.test(word.text) && previous.text.trim() !== '') {
      const confidences = [previous.confidence, word.confidence].filter((c): c is number => typeof c === 'number');
      const merged: { text: string; startMs: number | undefined; endMs: number | undefined; confidence?: number } = {
        text: previous.text + word.text,
        startMs: previous.startMs ?? word.startMs,
        endMs: word.endMs ?? previous.endMs,
      };
      if (confidences.length > 0) merged.confidence = minOf(confidences);
      words[words.length - 1] = merged;
      continue;
    }
    words.push(word);
  }
  return words;
}

/** The earliest start and latest end of some words (NaN when none has a time); a loop, as spreading millions of
 * values into Math.min would overflow the call stack. */
export function wordSpan(words: readonly RawWord[]): { startMs: number; endMs: number } {
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const word of words) {
    for (const time of [word.startMs, word.endMs]) {
      if (typeof time !== 'number' || !Number.isFinite(time)) continue;
      if (time < startMs) startMs = time;
      if (time > endMs) endMs = time;
    }
  }
  return startMs === Infinity ? { startMs: Number.NaN, endMs: Number.NaN } : { startMs, endMs };
}

function readWhisperJson(json: unknown): RawReadResult {
  const malformed = (detail: string) => malformedJson('whisper-json', detail);
  if (!isJsonObject(json)) return malformed('expected a JSON object with "segments"');
  const language = readLanguage(json.language);
  const segmentValues = json.segments ?? [];
  if (!Array.isArray(segmentValues)) return malformed('"segments" must be an array');
  const topWordValues = json.words ?? [];
  if (!Array.isArray(topWordValues)) return malformed('"words" must be an array');

  const { segments, skipped } = readSegmentObjects(segmentValues, (value) => ({
    speaker: readSpeaker(value.speaker),
    startMs: secondsToMs(value.start),
    endMs: secondsToMs(value.end),
    text: readString(value.text),
    words: Array.isArray(value.words) ? readWhisperWords(value.words) : [],
  }));

  const topWords = readWhisperWords(topWordValues);
  if (topWords.length > 0) {
    if (segments.length === 0) {
      // Word granularity only: the API sends no segments, so the whole text is one segment spanning its words.
      const span = wordSpan(topWords);
      segments.push({
        speaker: null,
        startMs: span.startMs,
        endMs: span.endMs,
        text: readString(json.text),
        words: topWords,
      });
    } else {
      const buckets = assignWordsByTime(segments, topWords);
      segments.forEach((segment, index) => {
        // A segment that already carries its own words keeps them; the free list would only repeat them.
        if (segment.words.length === 0) segment.words = buckets[index] ?? [];
      });
    }
  }

  return whisperSegmentsResult(language, segments, skipped);
}

/** Reads Whisper JSON (CLI `--output_format json`, API `verbose_json`) into raw segments. */
export const whisperJsonReader: TranscriptFormatReader = {
  format: 'whisper-json',
  detect: (_text, json) => {
    if (!isJsonObject(json)) return false;
    const segments = json.segments;
    if (Array.isArray(segments)) {
      const first: unknown = segments[0];
      if (first === undefined) return typeof json.text === 'string' && ('language' in json || 'task' in json);
      return isJsonObject(first) && 'start' in first && 'end' in first;
    }
    // verbose_json with timestamp_granularities[]=word only: no segments, a top-level word list.
    const words = json.words;
    if (!Array.isArray(words) || segments !== undefined) return false;
    const task = json.task;
    const first: unknown = words[0];
    return (
      (task === 'transcribe' || task === 'translate') &&
      (first === undefined || (isJsonObject(first) && 'word' in first))
    );
  },
  read: readOrMalformed('whisper-json', readWhisperJson),
};
