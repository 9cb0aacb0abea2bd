import {
  transcriptLimits,
  type RawSegment,
  type RawWord,
  type Transcript,
  type TranscriptFormat,
  type TranscriptParseResult,
  type TranscriptSegment,
  type TranscriptWarning,
  type TranscriptWarningCode,
  type TranscriptWord,
} from './model';

// Control characters other than tab and newline; bidi overrides that can disguise text.
// eslint-disable-next-line no-control-regex
const unsafeCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Cleans one piece of text: no control or bidi-override characters, single spaces, trimmed. */
export function cleanText(text: string): string {
  return text.replace(unsafeCharacters, '').replace(/\s+/g, ' ').trim();
}

const isTime = (value: number | undefined): value is number => typeof value === 'number' && Number.isFinite(value);
const isPunctuation = (text: string) => /^[\p{P}\p{S}]+$/u.test(text);

/**
 * Turns what a format reader found into the canonical transcript: integer ms, cleaned text, segments sorted by
 * start, reversed or non-finite times dropped, negative times clamped, untimed punctuation attached to the word
 * before it. Every repair is counted in `warnings`. Fails with `transcript_empty` when nothing usable remains.
 */
export function normalizeTranscript(
  format: TranscriptFormat,
  language: string | null,
  rawSegments: readonly RawSegment[],
  readerWarnings: readonly TranscriptWarning[] = [],
): TranscriptParseResult {
  const counts = new Map<TranscriptWarningCode, number>();
  const warn = (code: TranscriptWarningCode, count = 1) => counts.set(code, (counts.get(code) ?? 0) + count);
  for (const warning of readerWarnings) warn(warning.code, warning.count);

  if (rawSegments.length > transcriptLimits.maxSegments) {
    return { ok: false, error: { code: 'transcript_too_large', detail: `${rawSegments.length} segments`, format } };
  }
  let totalWords = 0;
  const segments: TranscriptSegment[] = [];
  for (const raw of rawSegments) {
    if (!isTime(raw.startMs) || !isTime(raw.endMs) || raw.endMs < raw.startMs) {
      warn('reversed_times_dropped');
      continue;
    }
    let startMs = Math.round(raw.startMs);
    const endMs = Math.max(0, Math.round(raw.endMs));
    if (startMs < 0) {
      warn('negative_time_clamped');
      startMs = 0;
    }
    const words = normalizeWords(raw.words, warn);
    totalWords += words.length;
    if (totalWords > transcriptLimits.maxWords) {
      return {
        ok: false,
        error: { code: 'transcript_too_large', detail: `more than ${transcriptLimits.maxWords} words`, format },
      };
    }
    const text =
      cleanText(raw.text).slice(0, transcriptLimits.maxTextPerSegment) || words.map((word) => word.text).join(' ');
    if (text === '') {
      warn('empty_segments_dropped');
      continue;
    }
    const speaker = raw.speaker === null ? null : cleanText(raw.speaker).slice(0, 100) || null;
    const channel =
      typeof raw.channel === 'number' && Number.isInteger(raw.channel) && raw.channel >= 0 ? raw.channel : null;
    segments.push({ speaker, channel, startMs, endMs, text, words });
  }
  if (segments.length === 0)
    return { ok: false, error: { code: 'transcript_empty', detail: 'no segment with text and valid times', format } };

  const sorted = segments.every((segment, index) => index === 0 || segments[index - 1]!.startMs <= segment.startMs);
  if (!sorted) {
    warn('not_sorted');
    segments.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  }
  let overlaps = 0;
  let latestEnd = -1;
  for (const segment of segments) {
    if (segment.startMs < latestEnd) overlaps += 1;
    latestEnd = Math.max(latestEnd, segment.endMs);
  }
  if (overlaps > 0) warn('overlapping_segments', overlaps);

  const warnings = [...counts].map(([code, count]) => ({ code, count }));
  const transcript: Transcript = { format, language, segments, warnings };
  return { ok: true, transcript };
}

function normalizeWords(
  rawWords: readonly RawWord[],
  warn: (code: TranscriptWarningCode, count?: number) => void,
): TranscriptWord[] {
  const words: { text: string; startMs: number; endMs: number; confidence?: number }[] = [];
  let untimed = 0;
  let reversed = 0;
  for (const raw of rawWords) {
    const text = cleanText(raw.text);
    if (text === '') continue;
    if (!isTime(raw.startMs) || !isTime(raw.endMs)) {
      const previous = words.at(-1);
      // Vendors often give punctuation no time: it belongs to the word before it.
      if (previous && isPunctuation(text)) previous.text += text;
      else untimed += 1;
      continue;
    }
    if (raw.endMs < raw.startMs) {
      reversed += 1;
      continue;
    }
    const word: { text: string; startMs: number; endMs: number; confidence?: number } = {
      text,
      startMs: Math.max(0, Math.round(raw.startMs)),
      endMs: Math.max(0, Math.round(raw.endMs)),
    };
    if (typeof raw.confidence === 'number' && Number.isFinite(raw.confidence))
      word.confidence = Math.min(1, Math.max(0, raw.confidence));
    words.push(word);
  }
  if (untimed > 0) warn('words_without_times', untimed);
  if (reversed > 0) warn('reversed_times_dropped', reversed);
  words.sort((a, b) => a.startMs - b.startMs);
  return words;
}
