import { transcriptLimits, type TranscriptFormat, type TranscriptParseResult } from './model';
import { normalizeTranscript } from './normalize';
import { transcriptReaders } from './formats';

/**
 * Reads a transcript of any supported format, detected from the content (never the file name), into the
 * canonical model. Never throws: bad input becomes an error value with a translatable code.
 */
export function parseTranscript(text: string): TranscriptParseResult {
  if (text.length > transcriptLimits.maxChars) {
    return { ok: false, error: { code: 'transcript_too_large', detail: `${text.length} characters` } };
  }
  const content = text.replace(/^\uFEFF/, '');
  const trimmed = content.trimStart();
  let json: unknown = undefined;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      json = JSON.parse(content);
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'transcript_malformed',
          detail: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    }
  }
  for (const reader of transcriptReaders) {
    let detected: boolean;
    try {
      detected = reader.detect(content, json);
    } catch {
      detected = false;
    }
    if (!detected) continue;
    try {
      const raw = reader.read(content, json);
      if (!raw.ok) return raw;
      return normalizeTranscript(reader.format, raw.language, raw.segments, raw.warnings);
    } catch (error) {
      // A reader bug on hostile input must not escape: report it as malformed content.
      return {
        ok: false,
        error: {
          code: 'transcript_malformed',
          detail: error instanceof Error ? error.message : String(error),
          format: reader.format,
        },
      };
    }
  }
  return {
    ok: false,
    error: {
      code: 'transcript_unknown_format',
      detail: json === undefined ? 'not JSON, WebVTT or SRT' : 'JSON of an unknown shape',
    },
  };
}

/** Which format the content is, or null. */
export function detectTranscriptFormat(text: string): TranscriptFormat | null {
  const result = parseTranscript(text);
  return result.ok ? result.transcript.format : (result.error.format ?? null);
}
