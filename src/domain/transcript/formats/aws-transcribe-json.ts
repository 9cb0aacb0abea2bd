import { transcriptLimits, type RawReadResult, type RawSegment, type TranscriptFormatReader } from '../model';
import {
  asArray,
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
  mergeByStart,
  millisToMs,
  objectsOf,
  secondsToMs,
  segmentOfTurn,
  segmentOfWords,
  textOf,
  wholeNumber,
  type JsonObject,
  type VendorWord,
} from './vendor-json-helpers';

const format = 'aws-transcribe-json';

/** Keys only the `results` object of an Amazon Transcribe batch job has; Deepgram's `results` has `channels`. */
const resultKeys = ['items', 'transcripts', 'audio_segments', 'speaker_labels', 'channel_labels'];

function isStandardOutput(json: unknown): json is JsonObject {
  const results = field(json, 'results');
  return (
    isJsonObject(results) &&
    !hasKey(results, 'channels') &&
    !hasKey(results, 'utterances') &&
    resultKeys.some((key) => hasKey(results, key))
  );
}

/** Call Analytics output: a top-level `Transcript` list of turns with `ParticipantRole` and millisecond offsets. */
function isCallAnalyticsOutput(json: unknown): json is JsonObject {
  if (!isJsonObject(json) || !Array.isArray(json['Transcript'])) return false;
  const first = objectsOf(json['Transcript'])[0];
  return (
    ['JobStatus', 'LanguageCode', 'ChannelDefinitions', 'Participants', 'AccountId', 'JobName'].some((key) =>
      hasKey(json, key),
    ) ||
    (first !== undefined && (hasKey(first, 'ParticipantRole') || hasKey(first, 'BeginOffsetMillis')))
  );
}

/** "ch_0" -> 0, "ch_1" -> 1 (Amazon numbers channels from 0); a bare number is accepted too. */
function channelOf(value: unknown): number | null {
  if (typeof value === 'string') {
    const match = /^\s*ch_(\d{1,6})\s*$/i.exec(value);
    if (match) return Number(match[1]);
  }
  return wholeNumber(value) ?? null;
}

interface Item extends VendorWord {
  readonly id: number | undefined;
}

/** One entry of `results.items`: the first alternative's content; punctuation has no times. */
function itemOf(raw: JsonObject): Item | undefined {
  const alternative = objectsOf(raw['alternatives'])[0];
  if (alternative === undefined) return undefined;
  const text = textOf(alternative['content']);
  if (text.trim() === '') return undefined;
  return {
    id: wholeNumber(raw['id']),
    text,
    startMs: secondsToMs(raw['start_time']),
    endMs: secondsToMs(raw['end_time']),
    confidence: confidenceOf(alternative['confidence']),
    speaker: labelOf(raw['speaker_label']),
    channel: channelOf(raw['channel_label']),
  };
}

function itemsOf(value: unknown): Item[] {
  const items: Item[] = [];
  for (const raw of objectsOf(value)) {
    const item = itemOf(raw);
    if (item !== undefined) items.push(item);
  }
  return items;
}

/** Newer outputs: `audio_segments` name their items by id, with the segment's own times and text. */
function fromAudioSegments(audioSegments: readonly JsonObject[], items: readonly Item[]): RawSegment[] | undefined {
  const byId = new Map<number, Item>();
  for (const item of items) if (item.id !== undefined && !byId.has(item.id)) byId.set(item.id, item);
  let references = 0;
  const segments: RawSegment[] = [];
  for (const segment of audioSegments) {
    const words: Item[] = [];
    for (const id of asArray(segment['items'])) {
      const item = byId.get(wholeNumber(id) ?? -1);
      if (item !== undefined) words.push(item);
    }
    // A short id can name a long item many times over; stop before that multiplies into millions of words.
    references += words.length;
    if (references > transcriptLimits.maxWords) return undefined;
    segments.push(
      segmentOfTurn(words, {
        speaker: labelOf(segment['speaker_label']),
        channel: channelOf(segment['channel_label']),
        text: textOf(segment['transcript']),
        startMs: secondsToMs(segment['start_time']),
        endMs: secondsToMs(segment['end_time']),
      }),
    );
  }
  return segments;
}

/**
 * Speaker identification: `speaker_labels.segments` are the turns; their `items` only repeat word times, so each
 * word goes to the turn that lists its start time (or, failing that, the last turn starting at or before it).
 * Untimed punctuation follows the word before it.
 */
function fromSpeakerTurns(turns: readonly JsonObject[], items: readonly Item[]): RawSegment[] {
  const spans = turns.map((turn) => ({
    speaker: labelOf(turn['speaker_label']),
    startMs: secondsToMs(turn['start_time']),
    endMs: secondsToMs(turn['end_time']),
  }));
  const turnOfStart = new Map<number, number>();
  turns.forEach((turn, index) => {
    for (const ref of objectsOf(turn['items'])) {
      const startMs = secondsToMs(ref['start_time']);
      if (startMs !== undefined && !turnOfStart.has(Math.round(startMs))) turnOfStart.set(Math.round(startMs), index);
    }
  });
  // Turns by start time, for a binary search when a word's start is not listed in any turn.
  const byStart = spans
    .map((span, index) => ({ startMs: span.startMs, index }))
    .filter((entry): entry is { startMs: number; index: number } => entry.startMs !== undefined)
    .sort((a, b) => a.startMs - b.startMs || a.index - b.index);
  const turnBySpan = (startMs: number): number => {
    let low = 0;
    let high = byStart.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (byStart[middle]!.startMs <= startMs) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found === -1 ? 0 : byStart[found]!.index;
  };
  const buckets: Item[][] = turns.map(() => []);
  let currentTurn = 0;
  for (const item of items) {
    if (item.startMs !== undefined) currentTurn = turnOfStart.get(Math.round(item.startMs)) ?? turnBySpan(item.startMs);
    buckets[currentTurn]?.push(item);
  }
  const segments: RawSegment[] = [];
  buckets.forEach((words, index) => {
    // A turn no word landed in has nothing to show; it is not a loss worth a warning.
    if (words.length === 0) return;
    const span = spans[index]!;
    const fromWords = segmentOfWords(words, span.speaker, words.find((word) => word.channel !== null)?.channel ?? null);
    segments.push({ ...fromWords, startMs: span.startMs ?? fromWords.startMs, endMs: span.endMs ?? fromWords.endMs });
  });
  return segments;
}

/** Channel identification: each channel's items are cut at pauses and sentence ends, then interleaved by time. */
function fromChannels(channels: readonly JsonObject[]): RawSegment[] {
  return mergeByStart(
    channels.map((channel) => {
      const index = channelOf(channel['channel_label']);
      const items = itemsOf(channel['items']).map((item) => ({ ...item, channel: item.channel ?? index }));
      return groupWords(items);
    }),
  );
}

function readStandard(json: JsonObject): RawReadResult {
  const results = json['results'] as JsonObject;
  const rawItems = results['items'];
  if (rawItems !== undefined && rawItems !== null && !Array.isArray(rawItems)) {
    return malformed(format, `results.items is ${typeof rawItems}, expected a list`);
  }
  const items = itemsOf(rawItems);
  const channels = objectsOf(field(results['channel_labels'], 'channels'));
  // Language identification puts the code on the results; multi-language jobs put it on the items.
  const language = firstLanguageTag([
    results['language_code'],
    ...objectsOf(rawItems).map((item) => item['language_code']),
    ...channels.flatMap((channel) => objectsOf(channel['items']).map((item) => item['language_code'])),
  ]);

  const audioSegments = objectsOf(results['audio_segments']);
  if (audioSegments.length > 0) {
    const segments = fromAudioSegments(audioSegments, items);
    if (segments === undefined)
      return {
        ok: false,
        error: {
          code: 'transcript_too_large',
          detail: `audio_segments name more than ${transcriptLimits.maxWords} words`,
          format,
        },
      };
    return { ok: true, language, segments };
  }

  const turns = objectsOf(field(results['speaker_labels'], 'segments'));
  if (turns.length > 0 && items.length > 0) return { ok: true, language, segments: fromSpeakerTurns(turns, items) };

  // Top-level items carry channel labels too, already in time order; use them when they do.
  if (channels.length > 0 && !items.some((item) => item.channel !== null))
    return { ok: true, language, segments: fromChannels(channels) };

  return { ok: true, language, segments: groupWords(items) };
}

/** Call Analytics: one segment per turn, the role as speaker, the channel from `ChannelDefinitions`. */
function readCallAnalytics(json: JsonObject): RawReadResult {
  const channelOfRole = new Map<string, number>();
  for (const definition of objectsOf(json['ChannelDefinitions'])) {
    const role = labelOf(definition['ParticipantRole']);
    const channel = wholeNumber(definition['ChannelId']);
    if (role !== null && channel !== undefined) channelOfRole.set(role, channel);
  }
  const segments = objectsOf(json['Transcript']).map((turn): RawSegment => {
    const speaker = labelOf(turn['ParticipantRole']);
    const channel = speaker === null ? null : (channelOfRole.get(speaker) ?? null);
    const words: VendorWord[] = [];
    for (const item of objectsOf(turn['Items'])) {
      const text = textOf(item['Content']);
      if (text.trim() === '') continue;
      words.push({
        text,
        startMs: millisToMs(item['BeginOffsetMillis']),
        endMs: millisToMs(item['EndOffsetMillis']),
        confidence: confidenceOf(item['Confidence']),
        speaker,
        channel,
      });
    }
    return segmentOfTurn(words, {
      speaker,
      channel,
      text: textOf(turn['Content']),
      startMs: millisToMs(turn['BeginOffsetMillis']),
      endMs: millisToMs(turn['EndOffsetMillis']),
    });
  });
  return { ok: true, language: firstLanguageTag([json['LanguageCode']]), segments };
}

/**
 * Amazon Transcribe batch output (`results.items` with second-strings, optional speaker turns, channel labels or
 * audio segments) and Transcribe Call Analytics output (`Transcript` turns with `ParticipantRole`).
 */
export const awsTranscribeJsonReader: TranscriptFormatReader = {
  format,
  detect: (_text, json) => guardDetect(() => isStandardOutput(json) || isCallAnalyticsOutput(json)),
  read: (_text, json) =>
    guardRead(format, () => {
      if (isStandardOutput(json)) {
        const status = field(json, 'status');
        if (typeof status === 'string' && status !== 'COMPLETED' && !Array.isArray(field(json['results'], 'items'))) {
          return malformed(format, `job status is ${status}, not COMPLETED`);
        }
        return readStandard(json);
      }
      if (isCallAnalyticsOutput(json)) return readCallAnalytics(json);
      return malformed(format, 'not an Amazon Transcribe result: no results object with items');
    }),
};
