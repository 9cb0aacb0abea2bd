import type Database from 'better-sqlite3';

export interface Reviewer {
  readonly id: string;
  readonly name: string;
}

/** Adds a reviewer or renames one (ids are stable across machines). */
export function upsertReviewer(db: Database.Database, reviewer: Reviewer, nowMs: number): void {
  db.prepare(
    'INSERT INTO reviewers (id, name, created_at_ms) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name',
  ).run(reviewer.id, reviewer.name, nowMs);
}

/** One reviewer, or undefined. */
export function getReviewer(db: Database.Database, id: string): Reviewer | undefined {
  return db.prepare('SELECT id, name FROM reviewers WHERE id = ?').get(id) as Reviewer | undefined;
}

/** Every known reviewer by name. */
export function listReviewers(db: Database.Database): Reviewer[] {
  return db.prepare('SELECT id, name FROM reviewers ORDER BY name COLLATE NOCASE, id').all() as Reviewer[];
}
