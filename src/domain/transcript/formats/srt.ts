import type { TranscriptFormatReader } from '../model';

/** Placeholder until this format's reader is written: detects nothing. */
export const srtReader: TranscriptFormatReader = {
  format: 'srt',
  detect: () => false,
  read: () => ({ ok: false, error: { code: 'transcript_malformed', detail: 'reader not implemented', format: 'srt' } }),
};
