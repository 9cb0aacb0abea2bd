import type { TranscriptFormatReader } from '../model';

/** Placeholder until this format's reader is written: detects nothing. */
export const awsTranscribeJsonReader: TranscriptFormatReader = {
  format: 'aws-transcribe-json',
  detect: () => false,
  read: () => ({ ok: false, error: { code: 'transcript_malformed', detail: 'reader not implemented', format: 'aws-transcribe-json' } }),
};
