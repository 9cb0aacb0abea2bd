/** The canonical transcript: every supported format is parsed into this. Times are integer milliseconds. */

export const transcriptFormats = [
  'webvtt',
  'srt',
  'whisper-json',
  'whisper-cpp-json',
  'whisperx-json',
  'aws-transcribe-json',
  'deepgram-json',
  'assemblyai-json',
  'google-stt-json',
  'klankbord-json',
] as const;
export type TranscriptFormat = (typeof transcriptFormats)[number];

export interface TranscriptWord {
  readonly text: string;
  readonly startMs: number;
  readonly endMs: number;
  /** 0..1 where the source gives one. */
  readonly confidence?: number;
  /** Set when the source timed only the sentence and this word's times were estimated from its place in the text. */
  readonly estimated?: boolean;
}

export interface TranscriptSegment {
  /** The speaker label as the source names it ("spk_0", "A", "Agent", "SPEAKER_01"), or null when it has none. */
  readonly speaker: string | null;
  /** 0-based audio channel when the source says which channel this came from (channel identification). */
  readonly channel: number | null;
  readonly startMs: number;
  readonly endMs: number;
  /** Plain text (markup removed); rendered as text, never as HTML. */
  readonly text: string;
  /** Word timings; empty when the source has none (then the segment is highlighted as a whole). */
  readonly words: readonly TranscriptWord[];
}

export interface Transcript {
  readonly format: TranscriptFormat;
  /** BCP 47-ish language tag when the source states it ("nl", "nl-NL", "en-US"). */
  readonly language: string | null;
  readonly segments: readonly TranscriptSegment[];
  /** Things repaired or dropped while reading; shown to the user in the import summary. */
  readonly warnings: readonly TranscriptWarning[];
}

export const transcriptWarningCodes = [
  'reversed_times_dropped',
  'negative_time_clamped',
  'overlapping_segments',
  'words_without_times',
  'empty_segments_dropped',
  'markup_removed',
  'not_sorted',
] as const;
export type TranscriptWarningCode = (typeof transcriptWarningCodes)[number];

export interface TranscriptWarning {
  readonly code: TranscriptWarningCode;
  /** How many cues/segments/words it concerned. */
  readonly count: number;
}

export const transcriptErrorCodes = [
  /** The content matches no supported format. */
  'transcript_unknown_format',
  /** It looked like the format but is broken (bad JSON, bad timestamp syntax...). */
  'transcript_malformed',
  /** Parsed, but no segment with text and valid times remained. */
  'transcript_empty',
  /** Over the size limits (bytes, segments or words). */
  'transcript_too_large',
] as const;
export type TranscriptErrorCode = (typeof transcriptErrorCodes)[number];

export interface TranscriptError {
  readonly code: TranscriptErrorCode;
  /** English developer detail (line number, field name); the UI translates `code`. */
  readonly detail: string;
  readonly format?: TranscriptFormat;
}

export type TranscriptParseResult =
  { readonly ok: true; readonly transcript: Transcript } | { readonly ok: false; readonly error: TranscriptError };

/** One format's reader. `json` is the already-parsed JSON value when the text is valid JSON, else undefined. */
export interface TranscriptFormatReader {
  readonly format: TranscriptFormat;
  /** Cheap structural check on content (never the file name). */
  detect(text: string, json: unknown): boolean;
  /** Reads the content into raw segments; normalisation (sorting, repairs, warnings) happens afterwards. */
  read(text: string, json: unknown): RawReadResult;
}

/** What a format reader returns before normalisation. Times may be fractional or broken here. */
export type RawReadResult =
  | {
      readonly ok: true;
      readonly language: string | null;
      readonly segments: readonly RawSegment[];
      readonly warnings?: readonly TranscriptWarning[];
    }
  | { readonly ok: false; readonly error: TranscriptError };

export interface RawSegment {
  readonly speaker: string | null;
  readonly channel: number | null;
  readonly startMs: number;
  readonly endMs: number;
  readonly text: string;
  readonly words: readonly RawWord[];
}

export interface RawWord {
  readonly text: string;
  /** NaN/undefined when the source gives no time for this word (some vendors omit times on punctuation). */
  readonly startMs: number | undefined;
  readonly endMs: number | undefined;
  readonly confidence?: number;
}

/**
 * Limits that keep a hostile or absurd file from exhausting memory. The readers apply them while reading (a cue's
 * text is refused once it passes `maxCueChars`, not after it was taken apart), so memory stays within a few times
 * the file's size. A transcript of a long call is a few megabytes; 12 MB leaves ample room.
 */
export const transcriptLimits = {
  maxBytes: 12 * 1024 * 1024,
  maxChars: 12 * 1024 * 1024,
  maxSegments: 200_000,
  maxWords: 2_000_000,
  maxTextPerSegment: 20_000,
  /** One cue's text with its markup (inline word timestamps add ~14 characters a word). */
  maxCueChars: 100_000,
} as const;
