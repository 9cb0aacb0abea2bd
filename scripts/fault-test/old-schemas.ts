import { join } from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileName } from '../../src/server/backend';
import { configureConnection } from '../../src/storage/connection';
import { migrate, migrations } from '../../src/storage/migrations';

/** What an old database held before it was migrated: all of it must be there afterwards. */
export interface SeededDatabase {
  readonly version: number;
  readonly callIds: readonly string[];
  readonly reviewIds: readonly string[];
}

/**
 * A database as an older Klankbord left it: schema `version` (0: none, a first start), with `rows` calls (and reviews
 * of the shape versions 1 and 2 had) written with that version's SQL, so migrating it takes real work.
 */
export function makeOldDatabase(dataDir: string, version: number, rows: number): SeededDatabase {
  if (version === 0) return { version, callIds: [], reviewIds: [] };
  const db = new Database(join(dataDir, databaseFileName));
  try {
    configureConnection(db);
    migrate(db, migrations, version);
    const callIds: string[] = [];
    const reviewIds: string[] = [];
    const insertCall = db.prepare('INSERT INTO calls (id, title, agent_name, created_at_ms) VALUES (?, ?, ?, ?)');
    const insertReview = db.prepare(
      'INSERT INTO reviews (id, call_id, reviewer_id, status, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (let row = 0; row < rows; row += 1) {
        const callId = `call-${version}-${row}`;
        insertCall.run(callId, `Gesprek ${row} over een retour`, `Agent ${row % 17}`, 1_700_000_000_000 + row);
        callIds.push(callId);
        // Reviews without a rubric exist only before version 3 (migration 3 keeps them as placeholders).
        if (version <= 2 && row % 2 === 0) {
          insertReview.run(`review-${row}`, callId, 'someone', 'draft', row, row);
          reviewIds.push(`review-${row}`);
        }
      }
      db.prepare("INSERT INTO preferences (key, value) VALUES ('language', 'nl')").run();
    })();
    return { version, callIds, reviewIds };
  } finally {
    db.close();
  }
}

/** What is missing of a seeded database after it was opened (and migrated) again. */
export function missingAfterMigration(dataDir: string, seeded: SeededDatabase): string[] {
  if (seeded.version === 0) return [];
  const db = new Database(join(dataDir, databaseFileName), { readonly: true });
  try {
    const calls = new Set(db.prepare('SELECT id FROM calls').pluck().all() as string[]);
    const reviews = new Set(db.prepare('SELECT id FROM reviews').pluck().all() as string[]);
    const missing = [
      ...seeded.callIds.filter((id) => !calls.has(id)),
      ...seeded.reviewIds.filter((id) => !reviews.has(id)),
    ];
    if (db.prepare("SELECT value FROM preferences WHERE key = 'language'").pluck().get() !== 'nl')
      missing.push('preference language');
    return missing;
  } finally {
    db.close();
  }
}
