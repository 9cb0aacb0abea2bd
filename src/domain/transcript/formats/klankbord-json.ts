import type { TranscriptFormatReader } from '../model';

/** Placeholder until this format's reader is written: detects nothing. */
export const klankbordJsonReader: TranscriptFormatReader = {
  format: 'klankbord-json',
  detect: () => false,
  read: () => ({ ok: false, error: { code: 'transcript_malformed', detail: 'reader not implemented', format: 'klankbord-json' } }),
};
