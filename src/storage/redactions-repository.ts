import type Database from 'better-sqlite3';
import type { Redaction, RedactionAction, RedactionStatus } from '../domain/privacy/redaction';
import { reindexCallTranscript } from './transcript-search-repository';

interface RedactionRow {
  id: string;
  call_id: string;
  start_ms: number;
  end_ms: number;
  kind: Redaction['kind'];
  reason: string;
  status: RedactionStatus;
  created_by: string | null;
  created_at_ms: number;
  applied_at_ms: number | null;
}

const toRedaction = (row: RedactionRow): Redaction => ({
  id: row.id,
  callId: row.call_id,
  startMs: row.start_ms,
  endMs: row.end_ms,
  kind: row.kind,
  reason: row.reason,
  status: row.status,
  createdBy: row.created_by,
  createdAtMs: row.created_at_ms,
  appliedAtMs: row.applied_at_ms,
});

export function insertRedaction(db: Database.Database, redaction: Omit<Redaction, 'appliedAtMs'>): void {
  db.prepare(
    `INSERT INTO redactions (id, call_id, start_ms, end_ms, kind, reason, status, created_by, created_at_ms, updated_at_ms)
     VALUES (@id, @callId, @startMs, @endMs, @kind, @reason, @status, @createdBy, @createdAtMs, @createdAtMs)`,
  ).run(redaction);
  // Accepted ranges are masked in the search index: a redacted word is never findable.
  if (redaction.status === 'accepted') reindexCallTranscript(db, redaction.callId);
}

/** A call's redactions in time order, every status. */
export function listRedactions(db: Database.Database, callId: string): Redaction[] {
  return (
    db.prepare('SELECT * FROM redactions WHERE call_id = ? ORDER BY start_ms, id').all(callId) as RedactionRow[]
  ).map(toRedaction);
}

export function getRedaction(db: Database.Database, id: string): Redaction | undefined {
  const row = db.prepare('SELECT * FROM redactions WHERE id = ?').get(id) as RedactionRow | undefined;
  return row ? toRedaction(row) : undefined;
}

/** The accepted ranges of a call: what playback mutes and every export masks. */
export function acceptedRanges(db: Database.Database, callId: string): { startMs: number; endMs: number }[] {
  return db
    .prepare(
      "SELECT start_ms AS startMs, end_ms AS endMs FROM redactions WHERE call_id = ? AND status = 'accepted' ORDER BY start_ms",
    )
    .all(callId) as { startMs: number; endMs: number }[];
}

export function setRedactionStatus(
  db: Database.Database,
  id: string,
  status: RedactionStatus,
  reason: string,
  nowMs: number,
): boolean {
  const changed =
    db
      .prepare('UPDATE redactions SET status = ?, reason = ?, updated_at_ms = ? WHERE id = ?')
      .run(status, reason, nowMs, id).changes > 0;
  const callId = db.prepare('SELECT call_id FROM redactions WHERE id = ?').pluck().get(id) as string | undefined;
  if (changed && callId) reindexCallTranscript(db, callId);
  return changed;
}

export function markRedactionApplied(db: Database.Database, id: string, nowMs: number): void {
  db.prepare('UPDATE redactions SET applied_at_ms = ?, updated_at_ms = ? WHERE id = ?').run(nowMs, nowMs, id);
}

export interface RedactionAuditEntry {
  readonly redactionId: string;
  readonly callId: string;
  readonly action: RedactionAction;
  readonly kind: Redaction['kind'];
  readonly startMs: number;
  readonly endMs: number;
  /** Null when the app did it (a scanner suggestion, the automatic card-number rule). */
  readonly actorId: string | null;
  readonly actorName: string;
  readonly reason: string;
  readonly atMs: number;
}

export function appendRedactionAudit(db: Database.Database, entry: RedactionAuditEntry): void {
  db.prepare(
    `INSERT INTO redaction_audit (redaction_id, call_id, action, kind, start_ms, end_ms, actor_id, actor_name, reason, at_ms)
     VALUES (@redactionId, @callId, @action, @kind, @startMs, @endMs, @actorId, @actorName, @reason, @atMs)`,
  ).run(entry);
}

/**
 * Appends to the audit trail what was done to a redaction (its kind and range as stored), by whom (no actor: the
 * app itself, a scanner suggestion or an automatic rule), why and when.
 */
export function auditRedaction(
  db: Database.Database,
  redaction: Pick<Redaction, 'id' | 'callId' | 'kind' | 'startMs' | 'endMs'>,
  action: RedactionAction,
  actor: { readonly id: string; readonly name: string } | null,
  reason: string,
  atMs: number,
): void {
  appendRedactionAudit(db, {
    redactionId: redaction.id,
    callId: redaction.callId,
    action,
    kind: redaction.kind,
    startMs: redaction.startMs,
    endMs: redaction.endMs,
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? '',
    reason,
    atMs,
  });
}

/** A call's audit trail, oldest first. */
export function listRedactionAudit(db: Database.Database, callId: string): RedactionAuditEntry[] {
  return db
    .prepare(
      `SELECT redaction_id AS redactionId, call_id AS callId, action, kind, start_ms AS startMs, end_ms AS endMs,
         actor_id AS actorId, actor_name AS actorName, reason, at_ms AS atMs
       FROM redaction_audit WHERE call_id = ? ORDER BY at_ms, id`,
    )
    .all(callId) as RedactionAuditEntry[];
}

/** The scanner version that last scanned the call's transcript, or undefined when it never was. */
export function scannedWith(db: Database.Database, callId: string): number | undefined {
  return db.prepare('SELECT scanner_version FROM redaction_scans WHERE call_id = ?').pluck().get(callId) as
    number | undefined;
}

export function markScanned(db: Database.Database, callId: string, scannerVersion: number, nowMs: number): void {
  db.prepare(
    `INSERT INTO redaction_scans (call_id, scanner_version, scanned_at_ms) VALUES (?, ?, ?)
     ON CONFLICT (call_id) DO UPDATE SET scanner_version = excluded.scanner_version, scanned_at_ms = excluded.scanned_at_ms`,
  ).run(callId, scannerVersion, nowMs);
}

/** Calls that have a transcript not yet scanned by this scanner version (imported before, or by an older build). */
export function callsToScan(db: Database.Database, scannerVersion: number): string[] {
  return db
    .prepare(
      `SELECT t.call_id FROM transcripts t LEFT JOIN redaction_scans s ON s.call_id = t.call_id
       WHERE s.call_id IS NULL OR s.scanner_version < ? ORDER BY t.call_id`,
    )
    .pluck()
    .all(scannerVersion) as string[];
}
