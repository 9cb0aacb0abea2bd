import type { RawReadResult, RawSegment, RawWord, TranscriptFormatReader } from '../model';
import {
  isJsonObject,
  malformedJson,
  readLanguage,
  readNumber,
  readOrMalformed,
  readString,
  type JsonObject,
} from './whisper-json';

/*
 * whisper.cpp `whisper-cli -oj` / `--output-json` and `-ojf` / `--output-json-full`:
 * `{systeminfo, model, params, result: {language}, transcription: [{timestamps: {from: "00:00:00,000", to},
 * offsets: {from: 0, to: 2000}, text, tokens?: [{text, timestamps?, offsets?, id, p, t_dtw}], speaker?,
 * speaker_turn_next?}]}`. `offsets` are integer milliseconds and exact; `timestamps` are the same rounded to text.
 * With `--diarize` (stereo input) each segment has `speaker` "0", "1" or "?" (undecided); with tinydiarize
 * (`-tdrz`) it has `speaker_turn_next`, and the text output marks the turn with "[SPEAKER_TURN]".
 */

const clockPattern = /^\s*(\d+):(\d{1,2}):(\d{1,2})[,.](\d{1,3})\s*$/;

/** "00:01:02,500" to 62500; NaN when it is not such a clock time. */
function clockToMs(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  const match = clockPattern.exec(value);
  if (!match) return Number.NaN;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = '0'] = match;
  return (
    Number(hours) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds) * 1000 + Number(fraction.padEnd(3, '0'))
  );
}

/** A time from `offsets` (ms) when present, else from the `timestamps` clock text. */
function readTime(item: JsonObject, end: 'from' | 'to'): number {
  const offsets = item.offsets;
  if (isJsonObject(offsets)) {
    const ms = readNumber(offsets[end]);
    if (Number.isFinite(ms)) return ms;
  }
  const timestamps = item.timestamps;
  return isJsonObject(timestamps) ? clockToMs(timestamps[end]) : Number.NaN;
}

// Control tokens: [_BEG_], [_TT_123], [_SOT_], [_EOT_], [_SOLM_], ... carry no speech.
const specialToken = /^\[_[A-Za-z0-9_]*\]$/;
// Scripts written without spaces: every token is a word of its own there, or a whole sentence would become one.
const unspacedScript =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const speakerTurnMarker = /\[SPEAKER_TURN\]/g;

interface WordBuilder {
  text: string;
  startMs: number | undefined;
  endMs: number | undefined;
  probabilities: number[];
}

/** -ojf tokens to words: a token starting with a space starts a new word, any other continues the word before. */
function tokensToWords(tokens: readonly unknown[]): RawWord[] {
  const builders: WordBuilder[] = [];
  for (const token of tokens) {
    if (!isJsonObject(token)) continue;
    const text = readString(token.text);
    if (text === '' || specialToken.test(text.trim())) continue;
    const from = readTime(token, 'from');
    const to = readTime(token, 'to');
    const startMs = Number.isFinite(from) ? from : undefined;
    const endMs = Number.isFinite(to) ? to : undefined;
    const p = readNumber(token.p);
    const current = builders.at(-1);
    const startsWord =
      !current ||
      /^\s/.test(text) ||
      (unspacedScript.test(text.charAt(0)) && unspacedScript.test(current.text.slice(-1)));
    if (startsWord) {
      builders.push({ text, startMs, endMs, probabilities: Number.isFinite(p) ? [p] : [] });
    } else {
      current.text += text;
      current.startMs ??= startMs;
      if (endMs !== undefined) current.endMs = endMs;
      if (Number.isFinite(p)) current.probabilities.push(p);
    }
  }
  return builders.map((builder) => {
    const word: { text: string; startMs: number | undefined; endMs: number | undefined; confidence?: number } = {
      text: builder.text.replace(speakerTurnMarker, ''),
      startMs: builder.startMs,
      endMs: builder.endMs,
    };
    // The word's confidence is the mean of its tokens' probabilities.
    if (builder.probabilities.length > 0) {
      word.confidence = builder.probabilities.reduce((sum, p) => sum + p, 0) / builder.probabilities.length;
    }
    return word;
  });
}

function readWhisperCppJson(json: unknown): RawReadResult {
  const malformed = (detail: string) => malformedJson('whisper-cpp-json', detail);
  if (!isJsonObject(json)) return malformed('expected a JSON object with "transcription"');
  const items = json.transcription;
  if (!Array.isArray(items)) return malformed('"transcription" must be an array');

  const result = json.result;
  const params = json.params;
  const language =
    (isJsonObject(result) ? readLanguage(result.language) : null) ??
    (isJsonObject(params) && params.language !== 'auto' ? readLanguage(params.language) : null);

  // tinydiarize only says where the speaker changes; for the two parties of a call alternating labels is right,
  // and "0"/"1" are the labels whisper.cpp's own --diarize uses.
  const hasTurns = items.some(
    (item) =>
      isJsonObject(item) &&
      (typeof item.speaker_turn_next === 'boolean' || readString(item.text).includes('[SPEAKER_TURN]')),
  );
  let turn = 0;
  const segments: RawSegment[] = [];
  for (const item of items) {
    if (!isJsonObject(item)) continue;
    const rawText = readString(item.text);
    let speaker: string | null = null;
    if (typeof item.speaker === 'string' && item.speaker.trim() !== '' && item.speaker.trim() !== '?')
      speaker = item.speaker.trim();
    else if (hasTurns) speaker = String(turn % 2);
    if (item.speaker_turn_next === true || rawText.includes('[SPEAKER_TURN]')) turn += 1;
    const tokens = Array.isArray(item.tokens) ? item.tokens : [];
    segments.push({
      speaker,
      channel: null,
      startMs: readTime(item, 'from'),
      endMs: readTime(item, 'to'),
      // [BLANK_AUDIO] is whisper.cpp's note that nothing was said; a segment of only that is dropped as empty.
      text: rawText.replace(speakerTurnMarker, ' ').replace(/\[BLANK_AUDIO\]/g, ' '),
      words: tokensToWords(tokens),
    });
  }
  return { ok: true, language, segments };
}

/** Reads whisper.cpp JSON output (`-oj`, or `-ojf` with tokens) into raw segments. */
export const whisperCppJsonReader: TranscriptFormatReader = {
  format: 'whisper-cpp-json',
  detect: (_text, json) => {
    if (!isJsonObject(json) || !Array.isArray(json.transcription)) return false;
    const first: unknown = json.transcription[0];
    if (first === undefined) return 'result' in json || 'systeminfo' in json || 'params' in json;
    return isJsonObject(first) && ('offsets' in first || 'timestamps' in first);
  },
  read: readOrMalformed('whisper-cpp-json', readWhisperCppJson),
};
