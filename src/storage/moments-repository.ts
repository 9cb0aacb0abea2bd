import type Database from 'better-sqlite3';
import type { Moment } from '../domain/moments/model';

export interface MomentRow {
  id: string;
  start_ms: number;
  end_ms: number;
  type: Moment['type'];
  speaker: Moment['speaker'];
  polarity: Moment['polarity'];
  intensity: Moment['intensity'] | null;
  emotion: Moment['emotion'] | null;
  item_ids_json: string;
  note: string;
  responds_to: string | null;
}

export function toMoment(row: MomentRow): Moment {
  return {
    id: row.id,
    startMs: row.start_ms,
    endMs: row.end_ms,
    type: row.type,
    speaker: row.speaker,
    polarity: row.polarity,
    ...(row.intensity !== null ? { intensity: row.intensity } : {}),
    ...(row.emotion !== null ? { emotion: row.emotion } : {}),
    itemIds: JSON.parse(row.item_ids_json) as string[],
    note: row.note,
    ...(row.responds_to !== null ? { respondsTo: row.responds_to } : {}),
  };
}

/** A review's moments in time order. */
export function listMoments(db: Database.Database, reviewId: string): Moment[] {
  return (
    db.prepare('SELECT * FROM moments WHERE review_id = ? ORDER BY start_ms, id').all(reviewId) as MomentRow[]
  ).map(toMoment);
}

/** The review a moment belongs to, or undefined. */
export function momentReviewId(db: Database.Database, momentId: string): string | undefined {
  return db.prepare('SELECT review_id FROM moments WHERE id = ?').pluck().get(momentId) as string | undefined;
}

/** Inserts or replaces a moment (same id: an edit, or an undone delete coming back). */
export function saveMoment(db: Database.Database, reviewId: string, moment: Moment, nowMs: number): void {
  db.prepare(
    `INSERT INTO moments (id, review_id, start_ms, end_ms, type, speaker, polarity, intensity, emotion, item_ids_json, note, responds_to, created_at_ms, updated_at_ms)
     VALUES (@id, @reviewId, @startMs, @endMs, @type, @speaker, @polarity, @intensity, @emotion, @itemIds, @note, @respondsTo, @nowMs, @nowMs)
     ON CONFLICT (id) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms, type = excluded.type, speaker = excluded.speaker,
       polarity = excluded.polarity, intensity = excluded.intensity, emotion = excluded.emotion, item_ids_json = excluded.item_ids_json,
       note = excluded.note, responds_to = excluded.responds_to, updated_at_ms = excluded.updated_at_ms
     WHERE moments.review_id = excluded.review_id`,
  ).run({
    id: moment.id,
    reviewId,
    startMs: moment.startMs,
    endMs: moment.endMs,
    type: moment.type,
    speaker: moment.speaker,
    polarity: moment.polarity,
    intensity: moment.intensity ?? null,
    emotion: moment.emotion ?? null,
    itemIds: JSON.stringify(moment.itemIds),
    note: moment.note,
    respondsTo: moment.respondsTo ?? null,
    nowMs,
  });
}

/** Removes a moment; responses paired with it lose the pairing (undo restores both). */
export function deleteMoment(db: Database.Database, reviewId: string, momentId: string): boolean {
  const removed =
    db.prepare('DELETE FROM moments WHERE id = ? AND review_id = ?').run(momentId, reviewId).changes === 1;
  if (removed)
    db.prepare('UPDATE moments SET responds_to = NULL WHERE review_id = ? AND responds_to = ?').run(reviewId, momentId);
  return removed;
}
