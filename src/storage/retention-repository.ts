import type Database from 'better-sqlite3';
import type { RetentionBasis, RetentionRuleKind } from '../domain/retention/model';
import type { RetentionCallFacts } from '../domain/retention/schedule';
import { removeFromTranscriptSearch } from './transcript-search-repository';

/** Every call whose media is still stored, with what the retention rules need to know about it. */
export function listRetentionCandidates(db: Database.Database): RetentionCallFacts[] {
  const rows = db
    .prepare(
      `SELECT c.id AS callId, c.created_at_ms AS importedAtMs,
              (SELECT max(r.submitted_at_ms) FROM reviews r WHERE r.call_id = c.id AND r.status = 'submitted') AS lastSubmittedAtMs,
              EXISTS (SELECT 1 FROM reviews r WHERE r.call_id = c.id AND r.status = 'draft') AS hasOpenDraft,
              EXISTS (SELECT 1 FROM session_calls s WHERE s.call_id = c.id) AS inCalibrationSession
         FROM calls c
        WHERE c.media_removed_at_ms IS NULL AND c.audio_id IS NOT NULL`,
    )
    .all() as {
    callId: string;
    importedAtMs: number;
    lastSubmittedAtMs: number | null;
    hasOpenDraft: number;
    inCalibrationSession: number;
  }[];
  return rows.map((row) => ({
    ...row,
    hasOpenDraft: row.hasOpenDraft === 1,
    inCalibrationSession: row.inCalibrationSession === 1,
  }));
}

/** What removing a call's media frees: the recording's file name and size, the peaks and the transcript. */
export interface StoredMedia {
  readonly audioId: string;
  readonly storedName: string;
  readonly audioBytes: number;
  readonly peaksBytes: number;
  readonly transcriptSegments: number;
}

/** The media a call still holds, or undefined when it has none (or it was removed already). */
export function storedMediaOf(db: Database.Database, callId: string): StoredMedia | undefined {
  return db
    .prepare(
      `SELECT a.id AS audioId, a.stored_name AS storedName, a.size_bytes AS audioBytes,
              coalesce((SELECT sum(length(p.peaks)) FROM audio_peaks p WHERE p.audio_id = a.id), 0) AS peaksBytes,
              coalesce((SELECT json_array_length(t.segments_json) FROM transcripts t WHERE t.call_id = c.id), 0) AS transcriptSegments
         FROM calls c JOIN audio_files a ON a.id = c.audio_id
        WHERE c.id = ? AND c.media_removed_at_ms IS NULL`,
    )
    .get(callId) as StoredMedia | undefined;
}

/**
 * Marks the call's media removed and deletes its transcript, peaks and what was derived from the transcript (the
 * scan record and the suggestions nobody decided on). Reviews, answers, moments, decided redactions (times only)
 * and both audit trails stay. The audio_files row stays too: its hash still identifies the call in packages.
 * Call inside a write transaction; the file itself is removed after it commits.
 */
export function markMediaRemoved(db: Database.Database, callId: string, audioId: string, atMs: number): void {
  db.prepare("UPDATE calls SET media_removed_at_ms = ?, media_removed_reason = 'retention' WHERE id = ?").run(
    atMs,
    callId,
  );
  db.prepare('DELETE FROM transcripts WHERE call_id = ?').run(callId);
  removeFromTranscriptSearch(db, callId);
  db.prepare('DELETE FROM audio_peaks WHERE audio_id = ?').run(audioId);
  db.prepare('DELETE FROM redaction_scans WHERE call_id = ?').run(callId);
  db.prepare("DELETE FROM redactions WHERE call_id = ? AND status = 'suggested'").run(callId);
}

/** When the call's media was removed, or null while it is stored (undefined: no such call). */
export function mediaRemovedAt(db: Database.Database, callId: string): number | null | undefined {
  const row = db.prepare('SELECT media_removed_at_ms AS at FROM calls WHERE id = ?').get(callId) as
    { at: number | null } | undefined;
  return row?.at;
}

/** Whether an audio file belongs to a call whose media was removed (the media route then answers 404). */
export function isAudioRemoved(db: Database.Database, audioId: string): boolean {
  return (
    db.prepare('SELECT 1 FROM calls WHERE audio_id = ? AND media_removed_at_ms IS NOT NULL').pluck().get(audioId) !==
    undefined
  );
}

export type RetentionTrigger = 'start' | 'daily' | 'manual';

/** One removal, as the log keeps it: no title, no transcript text, no file name. */
export interface RetentionLogEntry {
  readonly callId: string;
  readonly removedAtMs: number;
  readonly rule: RetentionRuleKind;
  readonly basis: Exclude<RetentionBasis, 'off'>;
  readonly days: number;
  readonly dueAtMs: number;
  readonly trigger: RetentionTrigger;
  readonly audioBytes: number;
  readonly peaksBytes: number;
  readonly transcriptSegments: number;
}

export function insertRetentionLog(db: Database.Database, entry: RetentionLogEntry): void {
  db.prepare(
    `INSERT INTO retention_log (call_id, removed_at_ms, rule, basis, days, due_at_ms, trigger, audio_bytes, peaks_bytes, transcript_segments)
     VALUES (@callId, @removedAtMs, @rule, @basis, @days, @dueAtMs, @trigger, @audioBytes, @peaksBytes, @transcriptSegments)`,
  ).run(entry);
}

/** The newest removals first; the call's current title is looked up (null once the call itself is gone). */
export function listRetentionLog(
  db: Database.Database,
  limit: number,
): (RetentionLogEntry & { readonly callTitle: string | null })[] {
  return db
    .prepare(
      `SELECT l.call_id AS callId, l.removed_at_ms AS removedAtMs, l.rule, l.basis, l.days, l.due_at_ms AS dueAtMs,
              l.trigger, l.audio_bytes AS audioBytes, l.peaks_bytes AS peaksBytes,
              l.transcript_segments AS transcriptSegments, c.title AS callTitle
         FROM retention_log l LEFT JOIN calls c ON c.id = l.call_id
        ORDER BY l.removed_at_ms DESC, l.id DESC
        LIMIT ?`,
    )
    .all(limit) as (RetentionLogEntry & { callTitle: string | null })[];
}

/** How many removals the log holds. */
export function countRetentionLog(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM retention_log').pluck().get() as number;
}

/** The titles of calls, by id (for the preview list). */
export function callTitles(db: Database.Database, callIds: readonly string[]): Map<string, string> {
  const titles = new Map<string, string>();
  const select = db.prepare('SELECT title FROM calls WHERE id = ?').pluck();
  for (const id of callIds) {
    const title = select.get(id) as string | undefined;
    if (title !== undefined) titles.set(id, title);
  }
  return titles;
}
