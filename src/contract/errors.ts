import { z } from 'zod';

/** Codes of expected failures; the renderer translates each (errors.<code>). */
export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'storage_failed',
  'internal',
  /** No local reviewer profile yet: ask for a name first. */
  'reviewer_missing',
  /** The review is submitted: reopen it (with a reason) to change it. */
  'review_locked',
  /** Submit refused: items are unanswered (details.itemIds). */
  'review_incomplete',
  /** Submit refused: scores below the maximum without a linked moment or a written override (details.itemIds). */
  'evidence_missing',
  /** The edit does not fit the review's rubric (unknown item, answer not on the item's scale). */
  'answer_invalid',
  /** The moment is not valid (times, pairing, links); details.problems lists why. */
  'moment_invalid',
  /** The rubric breaks a rule (details.problems); nothing was saved. */
  'rubric_invalid',
  /** A published rubric version never changes: make a new version. */
  'rubric_published',
  /** A rubric file was refused (details.fileCode says why, details.issues where). */
  'rubric_file_refused',
  /** A blind session: other reviewers' scores stay hidden until your own review of the call is submitted. */
  'blind_until_submitted',
  /** A calibration package was refused (details.packageCode says why); nothing was changed. */
  'package_refused',
  /** A review package cannot be signed: this computer holds no key for you in the session (import your own session package). */
  'package_key_missing',
  /** A package would be larger than a package may be (the same limit as for importing). */
  'package_too_large_to_export',
  /** The disk holding the data folder is full: nothing was saved by this request, everything saved before is kept. */
  'disk_full',
  /** The renderer could not reach the backend at all (transport failure). */
  'backend_unreachable',
  /** Desktop: a file to import was not chosen in the open dialog or dropped on the window. */
  'path_not_granted',
  /** Desktop: the export could not be written where the user chose in the save dialog (details.reason). */
  'export_not_saved',
  /** A retention rule removed the call's audio and transcript (details.callTitles): a session package cannot carry it. */
  'media_removed',
  /** Applying redactions permanently failed (details.reason: the recording could not be read or written); nothing changed. */
  'redaction_not_applied',
  /** "Export my reviews" found no submitted routine review to send (none changed since the last export, or in the period). */
  'nothing_to_export',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  /** English developer text; users see the translation of `code`. */
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result with a translatable code. */
export function fail<T = never>(code: ErrorCode, message: string, details?: Record<string, unknown>): Result<T> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}
