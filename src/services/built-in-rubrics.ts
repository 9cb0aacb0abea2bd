import type Database from 'better-sqlite3';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { insertRubric } from '../storage/rubrics-repository';

/** Makes sure the shipped rubric is present as a published version (a no-op once it is). */
export function ensureBuiltInRubrics(db: Database.Database, nowMs: number): void {
  insertRubric(db, defaultRubric, 'published', nowMs);
}
