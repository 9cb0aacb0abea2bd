import type Database from 'better-sqlite3';
import type { Rubric } from '../domain/rubric/model';

export type RubricStatus = 'draft' | 'published';

export interface StoredRubric {
  readonly rubric: Rubric;
  readonly status: RubricStatus;
  readonly createdAtMs: number;
  readonly publishedAtMs: number | null;
  /** How many reviews were scored with this version. */
  readonly reviewCount: number;
}

interface RubricRow {
  body_json: string;
  status: RubricStatus;
  created_at_ms: number;
  published_at_ms: number | null;
  review_count: number;
}

const selectRubric = `SELECT r.body_json, r.status, r.created_at_ms, r.published_at_ms,
       (SELECT count(*) FROM reviews v WHERE v.rubric_id = r.id AND v.rubric_version = r.version) AS review_count
  FROM rubrics r`;

function toStored(row: RubricRow): StoredRubric {
  return {
    rubric: JSON.parse(row.body_json) as Rubric,
    status: row.status,
    createdAtMs: row.created_at_ms,
    publishedAtMs: row.published_at_ms,
    reviewCount: row.review_count,
  };
}

/** Stores a new rubric version (validated by the caller); false when that id and version already exist. */
export function insertRubric(db: Database.Database, rubric: Rubric, status: RubricStatus, nowMs: number): boolean {
  const result = db
    .prepare(
      'INSERT OR IGNORE INTO rubrics (id, version, status, body_json, created_at_ms, published_at_ms) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(rubric.id, rubric.version, status, JSON.stringify(rubric), nowMs, status === 'published' ? nowMs : null);
  return result.changes === 1;
}

/** One rubric version, or undefined. */
export function getRubric(db: Database.Database, id: string, version: number): StoredRubric | undefined {
  const row = db.prepare(`${selectRubric} WHERE r.id = ? AND r.version = ?`).get(id, version) as RubricRow | undefined;
  return row ? toStored(row) : undefined;
}

/** One rubric version's body without its review count (which reads every review of the rubric), or undefined. */
export function getRubricBody(db: Database.Database, id: string, version: number): Rubric | undefined {
  const body = db.prepare('SELECT body_json FROM rubrics WHERE id = ? AND version = ?').pluck().get(id, version) as
    string | undefined;
  return body === undefined ? undefined : (JSON.parse(body) as Rubric);
}

/** Every rubric version, newest version of each rubric first. */
export function listRubrics(db: Database.Database): StoredRubric[] {
  return (db.prepare(`${selectRubric} ORDER BY r.id, r.version DESC`).all() as RubricRow[]).map(toStored);
}

/** The newest published version of a rubric, or undefined. */
export function latestPublishedRubric(db: Database.Database, id: string): StoredRubric | undefined {
  const row = db
    .prepare(`${selectRubric} WHERE r.id = ? AND r.status = 'published' ORDER BY r.version DESC LIMIT 1`)
    .get(id) as RubricRow | undefined;
  return row ? toStored(row) : undefined;
}

/** The highest version number of a rubric id (drafts included), or 0. */
export function highestRubricVersion(db: Database.Database, id: string): number {
  return (db.prepare('SELECT max(version) FROM rubrics WHERE id = ?').pluck().get(id) as number | null) ?? 0;
}

/** Replaces a draft's content; the database refuses to change a published version (trigger). */
export function updateDraftRubric(db: Database.Database, rubric: Rubric): boolean {
  return (
    db
      .prepare("UPDATE rubrics SET body_json = ? WHERE id = ? AND version = ? AND status = 'draft'")
      .run(JSON.stringify(rubric), rubric.id, rubric.version).changes === 1
  );
}

/** Publishes a draft: from now on it never changes. */
export function publishRubric(db: Database.Database, id: string, version: number, nowMs: number): boolean {
  return (
    db
      .prepare(
        "UPDATE rubrics SET status = 'published', published_at_ms = ? WHERE id = ? AND version = ? AND status = 'draft'",
      )
      .run(nowMs, id, version).changes === 1
  );
}

/** Removes an unused draft. */
export function deleteDraftRubric(db: Database.Database, id: string, version: number): boolean {
  return (
    db.prepare("DELETE FROM rubrics WHERE id = ? AND version = ? AND status = 'draft'").run(id, version).changes === 1
  );
}
