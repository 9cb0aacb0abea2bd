import type { TranscriptFormatReader } from '../model';

/** Placeholder until this format's reader is written: detects nothing. */
export const deepgramJsonReader: TranscriptFormatReader = {
  format: 'deepgram-json',
  detect: () => false,
  read: () => ({ ok: false, error: { code: 'transcript_malformed', detail: 'reader not implemented', format: 'deepgram-json' } }),
};
