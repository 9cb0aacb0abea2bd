import type { TranscriptFormatReader } from '../model';

/** Placeholder until this format's reader is written: detects nothing. */
export const whisperCppJsonReader: TranscriptFormatReader = {
  format: 'whisper-cpp-json',
  detect: () => false,
  read: () => ({ ok: false, error: { code: 'transcript_malformed', detail: 'reader not implemented', format: 'whisper-cpp-json' } }),
};
