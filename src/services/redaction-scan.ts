import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { scannerVersion } from '../domain/privacy/redaction';
import type { TranscriptSegment } from '../domain/transcript/model';
import { findPersonalDataInTranscript } from '../domain/privacy/transcript-findings';
import { readPreferences } from '../storage/preferences-repository';
import {
  auditRedaction,
  insertRedaction,
  listRedactions,
  markScanned,
  scannedWith,
} from '../storage/redactions-repository';
import { getTranscript } from '../storage/transcripts-repository';
import { writeTransaction } from '../storage/transactions';

/** The preference that accepts card numbers without waiting for a reviewer (PCI DSS: they must never be heard). */
export const autoRedactCardNumbersKey = 'autoRedactCardNumbers';

/**
 * Scans a call's transcript for personal data and stores a suggestion per finding. A range already covered by a
 * redaction (in any status: a dismissed suggestion stays dismissed) gets no new one. Card numbers are accepted at
 * once when the setting says so. Returns how many suggestions were added.
 */
export function scanCallTranscript(
  db: Database.Database,
  callId: string,
  nowMs: number,
  segments?: readonly TranscriptSegment[],
): number {
  return writeTransaction(db, () => {
    // An import hands in the segments it just stored: reading them back would hold a second copy of a long transcript.
    const scanned = segments ?? getTranscript(db, callId)?.segments;
    if (!scanned) return 0;
    const existing = listRedactions(db, callId);
    const autoCards = readPreferences(db)[autoRedactCardNumbersKey] === 'on';
    let added = 0;
    for (const finding of findPersonalDataInTranscript(scanned)) {
      if (existing.some((redaction) => redaction.startMs < finding.endMs && finding.startMs < redaction.endMs))
        continue;
      const automatic = autoCards && finding.kind === 'card_number';
      const redaction = {
        id: randomUUID(),
        callId,
        ...finding,
        reason: '',
        status: automatic ? 'accepted' : 'suggested',
        createdBy: null,
        createdAtMs: nowMs,
      } as const;
      insertRedaction(db, redaction);
      auditRedaction(db, redaction, automatic ? 'auto_applied' : 'suggested', null, '', nowMs);
      added++;
    }
    markScanned(db, callId, scannerVersion, nowMs);
    return added;
  });
}

/** Scans the call when its transcript was imported before this scanner version existed. */
export function scanIfNotYetScanned(db: Database.Database, callId: string, nowMs: number): void {
  if ((scannedWith(db, callId) ?? 0) < scannerVersion && getTranscript(db, callId))
    scanCallTranscript(db, callId, nowMs);
}

/**
 * Ranges redacted on another machine (a session package): stored as accepted, with an audit entry saying where they
 * came from. The transcript is still scanned here later, where these ranges get no second suggestion.
 */
export function receiveRedactions(
  db: Database.Database,
  callId: string,
  ranges: readonly { startMs: number; endMs: number }[],
  nowMs: number,
): void {
  for (const range of ranges) {
    if (range.endMs <= range.startMs) continue;
    const redaction = {
      id: randomUUID(),
      callId,
      ...range,
      kind: 'manual',
      reason: packageReason,
      status: 'accepted',
      createdBy: null,
      createdAtMs: nowMs,
    } as const;
    insertRedaction(db, redaction);
    auditRedaction(db, redaction, 'accepted', null, packageReason, nowMs);
  }
}

/** The reason recorded for a range that arrived redacted in a session package (English: the audit is not translated). */
const packageReason = 'redacted before the session package was exported';
