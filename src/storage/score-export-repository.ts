import type Database from 'better-sqlite3';
import type { Moment } from '../domain/moments/model';
import { toMoment, type MomentRow } from './moments-repository';
import {
  reviewFilterSql,
  toAnswer,
  toRecord,
  type AnswerRecord,
  type AnswerRow,
  type ReviewFilter,
  type ReviewRecord,
  type ReviewRow,
} from './reviews-repository';

/*
 * The reads of a streamed score export: reviews a page at a time (keyset, in the review list's order), and the
 * answers and moments of a page in one query each, so an export of 300,000 reviews never holds more than a page.
 */

/** Where a page ended: the next page starts after this review. */
export interface ReviewPlace {
  readonly updatedAtMs: number;
  readonly id: string;
}

/** Up to `limit` reviews matching `filter` after `after`, most recently changed first (then by id), as listReviews. */
export function listReviewPage(
  db: Database.Database,
  filter: ReviewFilter,
  after: ReviewPlace | null,
  limit: number,
): ReviewRecord[] {
  const { where, params } = reviewFilterSql(filter);
  const keyset = after ? ' AND (r.updated_at_ms < @afterMs OR (r.updated_at_ms = @afterMs AND r.id > @afterId))' : '';
  const rows = db
    .prepare(
      `SELECT r.* FROM reviews r JOIN calls c ON c.id = r.call_id WHERE ${where}${keyset}
        ORDER BY r.updated_at_ms DESC, r.id LIMIT @limit`,
    )
    .all({ ...params, ...(after ? { afterMs: after.updatedAtMs, afterId: after.id } : {}), limit }) as ReviewRow[];
  return rows.map(toRecord).filter((record): record is ReviewRecord => record !== undefined);
}

/** The reviews among `ids` that match `filter`, in the order of `ids` (unknown ids are left out). */
export function listReviewsWithIds(
  db: Database.Database,
  filter: ReviewFilter,
  ids: readonly string[],
): ReviewRecord[] {
  const { where, params } = reviewFilterSql(filter);
  const rows = db
    .prepare(
      `SELECT r.* FROM reviews r JOIN calls c ON c.id = r.call_id
        WHERE r.id IN (SELECT value FROM json_each(@ids)) AND ${where}`,
    )
    .all({ ...params, ids: JSON.stringify(ids) }) as ReviewRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    const record = row ? toRecord(row) : undefined;
    return record ? [record] : [];
  });
}

/** The answers of each review in `reviewIds` (as listAnswers gives them, by item id), by review id. */
export function listAnswersOfReviews(db: Database.Database, reviewIds: readonly string[]): Map<string, AnswerRecord[]> {
  const rows = db
    .prepare(
      `SELECT review_id, item_id, answer, level, comment, evidence_override FROM review_answers
        WHERE review_id IN (SELECT value FROM json_each(?)) ORDER BY review_id, item_id`,
    )
    .all(JSON.stringify(reviewIds)) as (AnswerRow & { review_id: string })[];
  const answers = new Map<string, AnswerRecord[]>(reviewIds.map((id) => [id, []]));
  for (const row of rows)
    answers.get(row.review_id)?.push({
      itemId: row.item_id,
      answer: toAnswer(row),
      comment: row.comment,
      evidenceOverride: row.evidence_override,
    });
  return answers;
}

/** The moments of each review in `reviewIds`, in time order (as listMoments gives them), by review id. */
export function listMomentsOfReviews(db: Database.Database, reviewIds: readonly string[]): Map<string, Moment[]> {
  const rows = db
    .prepare(
      `SELECT * FROM moments WHERE review_id IN (SELECT value FROM json_each(?)) ORDER BY review_id, start_ms, id`,
    )
    .all(JSON.stringify(reviewIds)) as (MomentRow & { review_id: string })[];
  const moments = new Map<string, Moment[]>(reviewIds.map((id) => [id, []]));
  for (const row of rows) moments.get(row.review_id)?.push(toMoment(row));
  return moments;
}

/**
 * Starts a read transaction on a connection of the caller's own and returns what ends it: every read until then
 * sees the database as it was at the first read, while other connections go on writing (WAL).
 */
export function beginReadSnapshot(db: Database.Database): () => void {
  db.prepare('BEGIN DEFERRED').run();
  // The snapshot is taken at the first read, not at BEGIN.
  db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
  return () => {
    if (db.inTransaction) db.prepare('COMMIT').run();
  };
}
