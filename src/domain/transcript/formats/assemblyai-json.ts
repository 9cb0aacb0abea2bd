import type { RawReadResult, RawSegment, TranscriptFormatReader } from '../model';
import {
  confidenceOf,
  firstLanguageTag,
  groupWords,
  hasKey,
  isJsonObject,
  labelOf,
  malformed,
  millisToMs,
  objectsOf,
  segmentOfTurn,
  textOf,
  toFiniteNumber,
  type JsonObject,
  type VendorWord,
  vendorJsonReader,
} from './vendor-json-helpers';

const format = 'assemblyai-json';

/** Fields of AssemblyAI's transcript object that Whisper-like JSON (which has `segments`) does not carry. */
const transcriptKeys = [
  'status',
  'audio_url',
  'acoustic_model',
  'language_model',
  'audio_duration',
  'speaker_labels',
  'punctuate',
  'format_text',
];

// A queued or failed transcript has `words: null`; it is still recognisably AssemblyAI's and deserves a clear error.
const listOrNull = (value: unknown) => value === undefined || value === null || Array.isArray(value);

function isAssemblyAiTranscript(json: unknown): json is JsonObject {
  return (
    isJsonObject(json) &&
    !hasKey(json, 'segments') &&
    !hasKey(json, 'results') &&
    (listOrNull(json['words']) || listOrNull(json['utterances'])) &&
    (hasKey(json, 'words') || hasKey(json, 'utterances')) &&
    (hasKey(json, 'id') || hasKey(json, 'audio_url')) &&
    transcriptKeys.some((key) => hasKey(json, key))
  );
}

/** Multichannel transcripts number channels "1", "2"... (1-based, as strings); the model counts from 0. */
function channelOf(value: unknown): number | null {
  const number = toFiniteNumber(value);
  return number !== undefined && Number.isSafeInteger(number) && number >= 1 ? number - 1 : null;
}

/** A word; times are integer milliseconds here, unlike the other vendors' seconds. */
function wordsOf(value: unknown): VendorWord[] {
  const words: VendorWord[] = [];
  for (const raw of objectsOf(value)) {
    const text = textOf(raw['text']);
    if (text.trim() === '') continue;
    words.push({
      text,
      startMs: millisToMs(raw['start']),
      endMs: millisToMs(raw['end']),
      confidence: confidenceOf(raw['confidence']),
      speaker: labelOf(raw['speaker']),
      channel: channelOf(raw['channel']),
    });
  }
  return words;
}

/** `speaker_labels` (or multichannel) utterances: AssemblyAI's own turns with their speaker and channel. */
function fromUtterances(utterances: readonly JsonObject[]): RawSegment[] {
  return utterances.map((utterance) => {
    const words = wordsOf(utterance['words']);
    const speaker = labelOf(utterance['speaker']);
    const channel = channelOf(utterance['channel']) ?? words.find((word) => word.channel !== null)?.channel ?? null;
    return segmentOfTurn(words, {
      speaker,
      channel,
      text: textOf(utterance['text']),
      startMs: millisToMs(utterance['start']),
      endMs: millisToMs(utterance['end']),
    });
  });
}

function readAssemblyAi(json: JsonObject): RawReadResult {
  const status = json['status'];
  const rawWords = json['words'];
  const utterances = objectsOf(json['utterances']);
  if (typeof status === 'string' && status !== 'completed' && utterances.length === 0 && !Array.isArray(rawWords)) {
    const error = textOf(json['error']).slice(0, 200);
    return malformed(
      format,
      `transcript status is ${status.slice(0, 40)}, not completed${error === '' ? '' : `: ${error}`}`,
    );
  }
  if (rawWords !== undefined && rawWords !== null && !Array.isArray(rawWords)) {
    return malformed(format, `words is ${typeof rawWords}, expected a list`);
  }
  const language = firstLanguageTag([json['language_code']]);
  const segments = utterances.length > 0 ? fromUtterances(utterances) : groupWords(wordsOf(rawWords));
  return { ok: true, language, segments };
}

/** AssemblyAI transcript objects (`GET /v2/transcript/{id}`): utterances when diarized, else words cut into sentences. */
export const assemblyAiJsonReader: TranscriptFormatReader = vendorJsonReader(
  format,
  isAssemblyAiTranscript,
  readAssemblyAi,
  'not an AssemblyAI transcript: no words or utterances',
);
