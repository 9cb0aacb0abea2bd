import type { RawReadResult, RawWord, TranscriptFormatReader } from '../model';
import {
  assignWordsByTime,
  isJsonObject,
  malformedJson,
  optionalSecondsToMs,
  readLanguage,
  readNumber,
  readOrMalformed,
  readSegmentObjects,
  readSpeaker,
  readString,
  secondsToMs,
  whisperSegmentsResult,
  wordSpan,
  type JsonObject,
} from './whisper-json';

/*
 * WhisperX output JSON (`whisperx --output_format json`, or `json.dump` of `whisperx.align` / `assign_word_speakers`):
 * `{segments: [{start, end, text, speaker?, words: [{word, start?, end?, score?, speaker?}]}], word_segments?, language?}`.
 * Times are seconds. The aligner cannot place some tokens (digits, symbols), so such words have no start/end: they
 * are kept with undefined times and normalisation attaches them to the word before or counts them.
 */

// Keys only openai-whisper (CLI or API) writes; WhisperX drops them when it aligns.
const whisperOnlySegmentKeys = ['tokens', 'avg_logprob', 'compression_ratio', 'no_speech_prob', 'seek', 'temperature'];
const whisperOnlyTopKeys = ['task', 'duration', 'transcription'];
// Enough segments to find the evidence in real files, few enough to keep detection cheap.
const detectionSample = 25;

function hasWhisperXEvidence(json: JsonObject, segments: readonly unknown[]): boolean {
  if (whisperOnlyTopKeys.some((key) => key in json)) return false;
  let evidence = Array.isArray(json.word_segments);
  for (const segment of segments.slice(0, detectionSample)) {
    if (!isJsonObject(segment)) continue;
    if (whisperOnlySegmentKeys.some((key) => key in segment)) return false;
    if ('speaker' in segment) evidence = true;
    const words = segment.words;
    // Not only the first word: one the aligner could not place (a number) has no score.
    if (
      Array.isArray(words) &&
      words.slice(0, detectionSample).some((word) => isJsonObject(word) && ('score' in word || 'speaker' in word))
    ) {
      evidence = true;
    }
  }
  return evidence;
}

/** One WhisperX word; times stay undefined when the aligner gave none. */
function readWord(value: unknown): RawWord | null {
  if (!isJsonObject(value)) return null;
  const word: { text: string; startMs: number | undefined; endMs: number | undefined; confidence?: number } = {
    text: readString(value.word ?? value.text),
    startMs: optionalSecondsToMs(value.start),
    endMs: optionalSecondsToMs(value.end),
  };
  const score = readNumber(value.score);
  if (Number.isFinite(score)) word.confidence = score;
  return word;
}

/** The speaker most words of a segment were given, for segments that carry none themselves. */
function mostCommonSpeaker(values: readonly unknown[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) {
    if (!isJsonObject(value)) continue;
    const speaker = readSpeaker(value.speaker);
    if (speaker !== null) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [speaker, count] of counts) {
    if (count > bestCount) {
      best = speaker;
      bestCount = count;
    }
  }
  return best;
}

function readWhisperXJson(json: unknown): RawReadResult {
  const malformed = (detail: string) => malformedJson('whisperx-json', detail);
  if (!isJsonObject(json)) return malformed('expected a JSON object with "segments"');
  const segmentValues = json.segments;
  if (!Array.isArray(segmentValues)) return malformed('"segments" must be an array');
  const wordSegmentValues = json.word_segments ?? [];
  if (!Array.isArray(wordSegmentValues)) return malformed('"word_segments" must be an array');

  const { segments, skipped } = readSegmentObjects(segmentValues, (value) => {
    const wordValues = Array.isArray(value.words) ? value.words : [];
    const words = wordValues.map(readWord).filter((word): word is RawWord => word !== null);
    let startMs = secondsToMs(value.start);
    let endMs = secondsToMs(value.end);
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) {
      // A segment the aligner could not time keeps the span of its timed words, when it has any.
      const span = wordSpan(words);
      if (!Number.isFinite(startMs)) startMs = span.startMs;
      if (!Number.isFinite(endMs)) endMs = span.endMs;
    }
    return {
      speaker: readSpeaker(value.speaker) ?? mostCommonSpeaker(wordValues),
      startMs,
      endMs,
      text: readString(value.text),
      words,
    };
  });

  // word_segments repeats the segments' words; it only adds something when the segments carry none.
  if (segments.length > 0 && segments.every((segment) => segment.words.length === 0) && wordSegmentValues.length > 0) {
    const free = wordSegmentValues.map(readWord).filter((word): word is RawWord => word !== null);
    const buckets = assignWordsByTime(segments, free);
    segments.forEach((segment, index) => {
      segment.words = buckets[index] ?? [];
    });
  }

  return whisperSegmentsResult(readLanguage(json.language), segments, skipped);
}

/** Reads WhisperX output JSON (aligned and optionally diarized Whisper segments) into raw segments. */
export const whisperXJsonReader: TranscriptFormatReader = {
  format: 'whisperx-json',
  detect: (_text, json) => {
    if (!isJsonObject(json) || !Array.isArray(json.segments)) return false;
    const first: unknown = json.segments[0];
    if (first !== undefined && !(isJsonObject(first) && ('start' in first || 'end' in first || 'words' in first)))
      return false;
    return hasWhisperXEvidence(json, json.segments);
  },
  read: readOrMalformed('whisperx-json', readWhisperXJson),
};
