import type { TranscriptFormatReader } from '../model';

/** Placeholder until this format's reader is written: detects nothing. */
export const assemblyAiJsonReader: TranscriptFormatReader = {
  format: 'assemblyai-json',
  detect: () => false,
  read: () => ({ ok: false, error: { code: 'transcript_malformed', detail: 'reader not implemented', format: 'assemblyai-json' } }),
};
