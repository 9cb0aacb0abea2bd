import type Database from 'better-sqlite3';
import { removeFromTranscriptSearch } from './transcript-search-repository';

/** The text fields of a call that can name its customer. */
export interface CallIdentifyingFields {
  readonly callId: string;
  readonly title: string;
  readonly customerRef: string;
}

/** One transcript segment's text, with where it starts. */
export interface SegmentText {
  readonly index: number;
  readonly startMs: number;
  readonly text: string;
}

/**
 * Visits every call's title and customer reference, `windowSize` calls at a time (keyset on the id), so memory stays
 * flat in a library of any size.
 */
export function forEachCallFields(
  db: Database.Database,
  visit: (fields: CallIdentifyingFields) => void,
  windowSize = 500,
): void {
  const window = db.prepare(
    'SELECT id AS callId, title, customer_ref AS customerRef FROM calls WHERE id > ? ORDER BY id LIMIT ?',
  );
  let after = '';
  for (;;) {
    const rows = window.all(after, windowSize) as CallIdentifyingFields[];
    rows.forEach(visit);
    if (rows.length < windowSize) return;
    after = rows.at(-1)!.callId;
  }
}

/**
 * Visits every stored transcript's segment texts (not the word timings), `windowSize` transcripts at a time (keyset
 * on the call id), so one window is all that is held. Parsing the stored JSON here is faster than taking the texts
 * out with SQLite's json_each, which copies every segment with its words before reading its text.
 */
export function forEachTranscriptText(
  db: Database.Database,
  visit: (callId: string, segments: readonly SegmentText[]) => void,
  windowSize = 50,
): void {
  const window = db.prepare(
    'SELECT call_id AS callId, segments_json AS json FROM transcripts WHERE call_id > ? ORDER BY call_id LIMIT ?',
  );
  let after = '';
  for (;;) {
    const rows = window.all(after, windowSize) as { callId: string; json: string }[];
    for (const row of rows) {
      const segments = JSON.parse(row.json) as { startMs?: number; text?: string }[];
      visit(
        row.callId,
        segments.map((segment, index) => ({
          index,
          startMs: Math.round(segment.startMs ?? 0),
          text: segment.text ?? '',
        })),
      );
    }
    if (rows.length < windowSize) return;
    after = rows.at(-1)!.callId;
  }
}

/** When and why a call's recording and transcript were removed, or undefined while it has them. */
export function mediaRemovedOf(
  db: Database.Database,
  callId: string,
): { readonly atMs: number; readonly reason: 'request' | 'retention' } | undefined {
  const row = db
    .prepare(
      'SELECT media_removed_at_ms AS atMs, media_removed_reason AS reason FROM calls WHERE id = ? AND media_removed_at_ms IS NOT NULL',
    )
    .get(callId) as { atMs: number; reason: 'request' | 'retention' } | undefined;
  return row;
}

/**
 * Removes a call's recording (its row and peaks; the file is the caller's to remove after the commit), its
 * transcript, its signals, and the text fields that can name the customer; the call keeps its row, marked as erased. Returns the
 * stored audio file name, if it had one.
 */
export function eraseCallMedia(
  db: Database.Database,
  callId: string,
  neutralTitle: string,
  atMs: number,
): { readonly storedAudioName: string | null } {
  const audio = db
    .prepare(
      'SELECT a.id, a.stored_name AS storedName FROM calls c JOIN audio_files a ON a.id = c.audio_id WHERE c.id = ?',
    )
    .get(callId) as { id: string; storedName: string } | undefined;
  db.prepare(
    `UPDATE calls SET audio_id = NULL, title = ?, customer_ref = '', media_removed_at_ms = ?, media_removed_reason = 'request'
      WHERE id = ?`,
  ).run(neutralTitle, atMs, callId);
  db.prepare('DELETE FROM transcripts WHERE call_id = ?').run(callId);
  removeFromTranscriptSearch(db, callId);
  // Signals are computed from the recording and transcript and keep phrases of it (hints): they go with them.
  db.prepare('DELETE FROM call_signals WHERE call_id = ?').run(callId);
  if (audio)
    db.prepare('DELETE FROM audio_files WHERE id = ? AND NOT EXISTS (SELECT 1 FROM calls WHERE audio_id = ?)').run(
      audio.id,
      audio.id,
    );
  return { storedAudioName: audio?.storedName ?? null };
}

/**
 * Anonymises what reviewers wrote about a call, keeping every score: comments, evidence reasons (an override stays
 * an override, its text becomes `placeholder`), moment notes, reopen reasons, and a calibration session's
 * discussion notes and consensus reasons for the call.
 */
export function anonymiseCallReviews(db: Database.Database, callId: string, placeholder: string): void {
  const reviewsOfCall = 'SELECT id FROM reviews WHERE call_id = @callId';
  const params = { callId, placeholder };
  db.prepare(`UPDATE reviews SET comment = '' WHERE call_id = @callId`).run(params);
  db.prepare(
    `UPDATE review_answers SET comment = '',
            evidence_override = CASE WHEN evidence_override IS NULL THEN NULL ELSE @placeholder END
      WHERE review_id IN (${reviewsOfCall})`,
  ).run(params);
  db.prepare(`UPDATE moments SET note = '' WHERE review_id IN (${reviewsOfCall})`).run(params);
  db.prepare(
    `UPDATE review_audit SET reason = CASE WHEN reason = '' THEN '' ELSE @placeholder END WHERE review_id IN (${reviewsOfCall})`,
  ).run(params);
  db.prepare('UPDATE discussion_notes SET text = @placeholder WHERE call_id = @callId').run(params);
  db.prepare('UPDATE consensus_scores SET reason = @placeholder WHERE call_id = @callId').run(params);
}

export type CustomerRequestKind = 'access' | 'erasure';

/** One line of the request log: what was done, to how many calls, under which reference, by whom. */
export interface CustomerRequestRecord {
  readonly id: string;
  readonly kind: CustomerRequestKind;
  readonly reference: string;
  readonly callCount: number;
  readonly operatorId: string | null;
  readonly operatorName: string;
  readonly atMs: number;
}

export function insertCustomerRequest(db: Database.Database, record: CustomerRequestRecord): void {
  db.prepare(
    `INSERT INTO customer_requests (id, kind, reference, call_count, operator_id, operator_name, at_ms)
     VALUES (@id, @kind, @reference, @callCount, @operatorId, @operatorName, @atMs)`,
  ).run(record);
}

/** The request log, newest first. */
export function listCustomerRequests(db: Database.Database, limit = 500): CustomerRequestRecord[] {
  return db
    .prepare(
      `SELECT id, kind, reference, call_count AS callCount, operator_id AS operatorId, operator_name AS operatorName, at_ms AS atMs
         FROM customer_requests ORDER BY at_ms DESC, rowid DESC LIMIT ?`,
    )
    .all(limit) as CustomerRequestRecord[];
}
