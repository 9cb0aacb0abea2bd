import type Database from 'better-sqlite3';

export interface CalibrationSession {
  readonly id: string;
  readonly name: string;
  readonly rubricId: string;
  readonly rubricVersion: number;
  readonly blind: boolean;
  readonly benchmarkReviewerId: string | null;
  readonly toleranceTotal: number;
  readonly toleranceItem: number;
  /** ISO date (yyyy-mm-dd) or null. */
  readonly deadline: string | null;
  readonly leadReviewerId: string;
  readonly createdAtMs: number;
  readonly callIds: readonly string[];
  readonly reviewerIds: readonly string[];
}

interface SessionRow {
  id: string;
  name: string;
  rubric_id: string;
  rubric_version: number;
  blind: number;
  benchmark_reviewer_id: string | null;
  tolerance_total: number;
  tolerance_item: number;
  deadline: string | null;
  lead_reviewer_id: string;
  created_at_ms: number;
}

function toSession(db: Database.Database, row: SessionRow): CalibrationSession {
  return {
    id: row.id,
    name: row.name,
    rubricId: row.rubric_id,
    rubricVersion: row.rubric_version,
    blind: row.blind === 1,
    benchmarkReviewerId: row.benchmark_reviewer_id,
    toleranceTotal: row.tolerance_total,
    toleranceItem: row.tolerance_item,
    deadline: row.deadline,
    leadReviewerId: row.lead_reviewer_id,
    createdAtMs: row.created_at_ms,
    callIds: db
      .prepare('SELECT call_id FROM session_calls WHERE session_id = ? ORDER BY position')
      .pluck()
      .all(row.id) as string[],
    reviewerIds: db
      .prepare('SELECT reviewer_id FROM session_reviewers WHERE session_id = ? ORDER BY position')
      .pluck()
      .all(row.id) as string[],
  };
}

/** Stores a session with its calls (in order) and reviewers; false when the id exists already. */
export function insertSession(db: Database.Database, session: CalibrationSession): boolean {
  const inserted =
    db
      .prepare(
        `INSERT OR IGNORE INTO calibration_sessions (id, name, rubric_id, rubric_version, blind, benchmark_reviewer_id, tolerance_total, tolerance_item, deadline, lead_reviewer_id, created_at_ms)
       VALUES (@id, @name, @rubricId, @rubricVersion, @blind, @benchmarkReviewerId, @toleranceTotal, @toleranceItem, @deadline, @leadReviewerId, @createdAtMs)`,
      )
      .run({ ...session, blind: session.blind ? 1 : 0 }).changes === 1;
  if (!inserted) return false;
  const addCall = db.prepare('INSERT INTO session_calls (session_id, call_id, position) VALUES (?, ?, ?)');
  session.callIds.forEach((callId, index) => addCall.run(session.id, callId, index));
  const addReviewer = db.prepare('INSERT INTO session_reviewers (session_id, reviewer_id, position) VALUES (?, ?, ?)');
  session.reviewerIds.forEach((reviewerId, index) => addReviewer.run(session.id, reviewerId, index));
  return true;
}

/** One session, or undefined. */
export function getSession(db: Database.Database, sessionId: string): CalibrationSession | undefined {
  const row = db.prepare('SELECT * FROM calibration_sessions WHERE id = ?').get(sessionId) as SessionRow | undefined;
  return row ? toSession(db, row) : undefined;
}

/** Every session, newest first. */
export function listSessions(db: Database.Database): CalibrationSession[] {
  return (db.prepare('SELECT * FROM calibration_sessions ORDER BY created_at_ms DESC, id').all() as SessionRow[]).map(
    (row) => toSession(db, row),
  );
}

/** The key that signs this reviewer's review packages in this session, if this machine holds one. */
export function getPackageKey(db: Database.Database, sessionId: string, reviewerId: string): string | undefined {
  const key = db
    .prepare('SELECT package_key FROM session_reviewers WHERE session_id = ? AND reviewer_id = ?')
    .pluck()
    .get(sessionId, reviewerId) as string | null | undefined;
  return key ?? undefined;
}

/** Stores a reviewer's package key (64 hex digits); false when the reviewer is not in the session. */
export function setPackageKey(db: Database.Database, sessionId: string, reviewerId: string, key: string): boolean {
  return (
    db
      .prepare('UPDATE session_reviewers SET package_key = ? WHERE session_id = ? AND reviewer_id = ?')
      .run(key, sessionId, reviewerId).changes === 1
  );
}

export interface ConsensusRecord {
  readonly callId: string;
  readonly itemId: string;
  readonly answer: { kind: 'level'; value: number } | { kind: 'yes' } | { kind: 'no' } | { kind: 'not-applicable' };
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedAtMs: number;
}

/** Records (or replaces) the consensus answer for one item of one call in a session. */
export function saveConsensus(db: Database.Database, sessionId: string, record: ConsensusRecord): void {
  db.prepare(
    `INSERT INTO consensus_scores (session_id, call_id, item_id, answer, level, reason, decided_by, decided_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (session_id, call_id, item_id) DO UPDATE SET answer = excluded.answer, level = excluded.level, reason = excluded.reason,
       decided_by = excluded.decided_by, decided_at_ms = excluded.decided_at_ms`,
  ).run(
    sessionId,
    record.callId,
    record.itemId,
    record.answer.kind,
    record.answer.kind === 'level' ? record.answer.value : null,
    record.reason,
    record.decidedBy,
    record.decidedAtMs,
  );
}

/** A session's consensus answers. */
export function listConsensus(db: Database.Database, sessionId: string): ConsensusRecord[] {
  const rows = db
    .prepare(
      'SELECT call_id, item_id, answer, level, reason, decided_by, decided_at_ms FROM consensus_scores WHERE session_id = ? ORDER BY call_id, item_id',
    )
    .all(sessionId) as {
    call_id: string;
    item_id: string;
    answer: ConsensusRecord['answer']['kind'];
    level: number | null;
    reason: string;
    decided_by: string;
    decided_at_ms: number;
  }[];
  return rows.map((row) => ({
    callId: row.call_id,
    itemId: row.item_id,
    answer: row.answer === 'level' ? { kind: 'level', value: row.level ?? 0 } : { kind: row.answer },
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedAtMs: row.decided_at_ms,
  }));
}

export interface DiscussionNote {
  readonly itemId: string | null;
  readonly authorId: string;
  readonly text: string;
  readonly atMs: number;
}

/** Adds a discussion note to a call of a session (optionally about one item). */
export function addDiscussionNote(
  db: Database.Database,
  sessionId: string,
  callId: string,
  note: DiscussionNote,
): void {
  db.prepare(
    'INSERT INTO discussion_notes (session_id, call_id, item_id, author_id, text, at_ms) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(sessionId, callId, note.itemId, note.authorId, note.text, note.atMs);
}

/** A call's discussion notes in a session, oldest first. */
export function listDiscussionNotes(db: Database.Database, sessionId: string, callId: string): DiscussionNote[] {
  const rows = db
    .prepare(
      'SELECT item_id, author_id, text, at_ms FROM discussion_notes WHERE session_id = ? AND call_id = ? ORDER BY id',
    )
    .all(sessionId, callId) as { item_id: string | null; author_id: string; text: string; at_ms: number }[];
  return rows.map((row) => ({ itemId: row.item_id, authorId: row.author_id, text: row.text, atMs: row.at_ms }));
}
