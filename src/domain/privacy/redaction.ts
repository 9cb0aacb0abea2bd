import { personalDataKinds } from './model';

/** What a redaction covers: a kind the scanner found, or a range a reviewer marked by hand. */
export const redactionKinds = [...personalDataKinds, 'manual'] as const;
export type RedactionKind = (typeof redactionKinds)[number];

/** A suggestion waits for a reviewer; accepted ranges are muted and masked; dismissed ones stay only in the audit. */
export const redactionStatuses = ['suggested', 'accepted', 'dismissed'] as const;
export type RedactionStatus = (typeof redactionStatuses)[number];

/** What the audit trail records about a redaction. */
export const redactionActions = [
  'suggested',
  'accepted',
  'dismissed',
  'marked',
  'auto_applied',
  'applied_permanently',
] as const;
export type RedactionAction = (typeof redactionActions)[number];

export interface Redaction {
  readonly id: string;
  readonly callId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly kind: RedactionKind;
  readonly reason: string;
  readonly status: RedactionStatus;
  /** The reviewer who marked it, or null for a suggestion from the transcript scanner. */
  readonly createdBy: string | null;
  readonly createdAtMs: number;
  /** When the range was written into the stored audio and transcript for good, or null. */
  readonly appliedAtMs: number | null;
}

/**
 * Bumped whenever a detector changes, so calls scanned by an older build are scanned again (new suggestions only
 * where no redaction already covers the range).
 */
export const scannerVersion = 1;
