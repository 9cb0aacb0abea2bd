import type Database from 'better-sqlite3';

export type SuggestionDecision = 'accepted' | 'dismissed';

export interface SuggestionDecisionRecord {
  readonly key: string;
  readonly kind: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly decision: SuggestionDecision;
  /** The moment an accepted suggestion became. */
  readonly momentId: string | null;
  readonly reviewerId: string;
  readonly atMs: number;
}

/** Records a review's decision on a suggestion; deciding again replaces the earlier decision. */
export function saveSuggestionDecision(
  db: Database.Database,
  reviewId: string,
  record: SuggestionDecisionRecord,
): void {
  db.prepare(
    `INSERT INTO review_suggestions (review_id, suggestion_key, kind, start_ms, end_ms, decision, moment_id, reviewer_id, at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (review_id, suggestion_key) DO UPDATE SET decision = excluded.decision, moment_id = excluded.moment_id,
       reviewer_id = excluded.reviewer_id, at_ms = excluded.at_ms`,
  ).run(
    reviewId,
    record.key,
    record.kind,
    record.startMs,
    record.endMs,
    record.decision,
    record.momentId,
    record.reviewerId,
    record.atMs,
  );
}

/** A review's decisions, oldest first. */
export function listSuggestionDecisions(db: Database.Database, reviewId: string): SuggestionDecisionRecord[] {
  const rows = db
    .prepare(
      `SELECT suggestion_key, kind, start_ms, end_ms, decision, moment_id, reviewer_id, at_ms
       FROM review_suggestions WHERE review_id = ? ORDER BY at_ms, suggestion_key`,
    )
    .all(reviewId) as {
    suggestion_key: string;
    kind: string;
    start_ms: number;
    end_ms: number;
    decision: SuggestionDecision;
    moment_id: string | null;
    reviewer_id: string;
    at_ms: number;
  }[];
  return rows.map((row) => ({
    key: row.suggestion_key,
    kind: row.kind,
    startMs: row.start_ms,
    endMs: row.end_ms,
    decision: row.decision,
    momentId: row.moment_id,
    reviewerId: row.reviewer_id,
    atMs: row.at_ms,
  }));
}
