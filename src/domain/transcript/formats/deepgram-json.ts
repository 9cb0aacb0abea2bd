import type { RawReadResult, RawSegment, TranscriptFormatReader } from '../model';
import {
  confidenceOf,
  field,
  firstLanguageTag,
  groupWords,
  hasKey,
  isJsonObject,
  labelOf,
  malformed,
  mergeByStart,
  objectsOf,
  secondsToMs,
  segmentOfTurn,
  textOf,
  toFiniteNumber,
  wholeNumber,
  type JsonObject,
  type VendorWord,
  vendorJsonReader,
} from './vendor-json-helpers';

const format = 'deepgram-json';

/** A Deepgram pre-recorded response: `results.channels` (one per audio channel) and/or `results.utterances`. */
function isDeepgramResponse(json: unknown): json is JsonObject {
  const results = field(json, 'results');
  return (
    isJsonObject(results) &&
    (Array.isArray(results['channels']) || Array.isArray(results['utterances'])) &&
    !hasKey(results, 'items')
  );
}

/** A word: `punctuated_word` (smart_format/punctuate) reads better than the lower-case `word`. */
function wordOf(raw: JsonObject, speaker: string | null, channel: number | null): VendorWord | undefined {
  const punctuated = textOf(raw['punctuated_word']);
  const text = punctuated.trim() !== '' ? punctuated : textOf(raw['word']);
  if (text.trim() === '') return undefined;
  return {
    text,
    startMs: secondsToMs(raw['start']),
    endMs: secondsToMs(raw['end']),
    confidence: confidenceOf(raw['confidence']),
    speaker: labelOf(raw['speaker']) ?? speaker,
    channel,
  };
}

function wordsOf(value: unknown, speaker: string | null, channel: number | null): VendorWord[] {
  const words: VendorWord[] = [];
  for (const raw of objectsOf(value)) {
    const word = wordOf(raw, speaker, channel);
    if (word !== undefined) words.push(word);
  }
  return words;
}

/** `utterances=true`: Deepgram's own segments, each with a 0-based channel and, when diarized, a speaker. */
function fromUtterances(utterances: readonly JsonObject[], multichannel: boolean): RawSegment[] {
  return utterances.map((utterance) => {
    const channel = multichannel ? (wholeNumber(utterance['channel']) ?? null) : null;
    const speaker = labelOf(utterance['speaker']);
    // The utterance's speaker names the segment; per-word speakers can disagree at turn edges.
    const words = wordsOf(utterance['words'], speaker, channel);
    return segmentOfTurn(words, {
      speaker,
      channel,
      text: textOf(utterance['transcript']),
      startMs: secondsToMs(utterance['start']),
      endMs: secondsToMs(utterance['end']),
    });
  });
}

/**
 * Without utterances: each channel's best alternative, cut into segments at speaker changes (diarize), pauses and
 * sentence ends. An alternative with a transcript but no words becomes one segment over the whole duration.
 */
function fromChannels(
  channels: readonly unknown[],
  multichannel: boolean,
  durationMs: number | undefined,
): RawSegment[] {
  return mergeByStart(
    channels.map((channel, index) => {
      const alternative = objectsOf(field(channel, 'alternatives'))[0];
      if (alternative === undefined) return [];
      const channelIndex = multichannel ? index : null;
      const words = wordsOf(alternative['words'], null, channelIndex);
      if (words.length > 0) return groupWords(words);
      const transcript = textOf(alternative['transcript']);
      if (transcript.trim() === '' || durationMs === undefined) return [];
      return [{ speaker: null, channel: channelIndex, startMs: 0, endMs: durationMs, text: transcript, words: [] }];
    }),
  );
}

function readDeepgram(json: JsonObject): RawReadResult {
  const results = json['results'] as JsonObject;
  const rawChannels = results['channels'];
  if (rawChannels !== undefined && rawChannels !== null && !Array.isArray(rawChannels)) {
    return malformed(format, `results.channels is ${typeof rawChannels}, expected a list`);
  }
  const channels = Array.isArray(rawChannels) ? rawChannels : [];
  const metadata = json['metadata'];
  const declaredChannels = toFiniteNumber(field(metadata, 'channels'));
  const utterances = objectsOf(results['utterances']);
  // Channel numbers only mean something for multichannel audio; mono files say "channel 0" for everything.
  const multichannel =
    channels.length > 1 ||
    (declaredChannels !== undefined && declaredChannels > 1) ||
    utterances.some((utterance) => (wholeNumber(utterance['channel']) ?? 0) > 0);
  const language = firstLanguageTag(channels.map((channel) => field(channel, 'detected_language')));
  const segments =
    utterances.length > 0
      ? fromUtterances(utterances, multichannel)
      : fromChannels(channels, multichannel, secondsToMs(field(metadata, 'duration')));
  return { ok: true, language, segments };
}

/** Deepgram pre-recorded (`/v1/listen`) responses: utterances when requested, else words per channel. */
export const deepgramJsonReader: TranscriptFormatReader = vendorJsonReader(
  format,
  isDeepgramResponse,
  readDeepgram,
  'not a Deepgram response: no results.channels',
);
