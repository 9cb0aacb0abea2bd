import { z } from 'zod';

/** Why a file was not imported (or imported only in part); the renderer translates each (importIssues.<code>). */
export const importIssueCodes = [
  'file_empty',
  'file_too_large',
  'file_unreadable',
  'unsupported_file',
  'duplicate_audio',
  'audio_unrecognized',
  'audio_not_wav',
  'audio_truncated',
  'audio_unsupported_codec',
  'audio_invalid_header',
  'audio_undecodable',
  'audio_decoder_missing',
  'audio_too_many_channels',
  'transcript_unknown_format',
  'transcript_malformed',
  'transcript_empty',
  'transcript_too_large',
  'transcript_longer_than_audio',
  'transcript_without_audio',
  /** A transcript for a call that already has one: a call keeps the transcript it has. */
  'transcript_call_has_one',
  /** A transcript imported on its own whose name fits several calls without a transcript. */
  'transcript_call_ambiguous',
  /** The call to add a transcript to is gone or its media were removed. */
  'transcript_call_unavailable',
  'transcript_not_utf8',
  'cancelled',
  /** The disk holding the data folder is full: this file and the ones after it were not imported. */
  'disk_full',
] as const;
export type ImportIssueCode = (typeof importIssueCodes)[number];

/** A file to import: a path the user chose (Electron, CLI) or a file uploaded to the staging area (browser mode). */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }).strict(),
  z
    .object({
      kind: z.literal('staged'),
      stagedId: z.string().regex(/^[a-f0-9-]{36}$/),
      name: z.string().min(1).max(255),
    })
    .strict(),
]);
export type ImportSource = z.infer<typeof importSourceSchema>;

export const importIssueSchema = z.object({
  fileName: z.string(),
  code: z.enum(importIssueCodes),
  /** Whether the file was refused (error) or imported with a caveat (warning). */
  severity: z.enum(['error', 'warning']),
  detail: z.string(),
  /** For a refused transcript whose audio was imported all the same: the audio file's name (the call has no transcript). */
  importedWithout: z.string().optional(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importProgressSchema = z.object({
  jobId: z.string(),
  /** 1-based number of the file being worked on. */
  current: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  fileName: z.string(),
});

export const importSummarySchema = z.object({
  jobId: z.string(),
  importedCallIds: z.array(z.string()),
  /** Existing calls that received a transcript in this job (a transcript imported on its own, or added on the call). */
  transcriptCallIds: z.array(z.string()),
  issues: z.array(importIssueSchema),
  cancelled: z.boolean(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
