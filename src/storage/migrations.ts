import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

/**
 * The ordered schema history. Never edit a migration that has shipped: add a new one.
 * Times are integer milliseconds since the epoch; ids are UUIDs so rows stay stable across machines.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'calls, reviews and preferences',
    up: (db) => {
      db.exec(`
        CREATE TABLE calls (
          id TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          agent_name TEXT NOT NULL DEFAULT '',
          customer_ref TEXT NOT NULL DEFAULT '',
          recorded_at TEXT,
          duration_ms INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
          created_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX calls_recorded_at ON calls (recorded_at);

        CREATE TABLE reviews (
          id TEXT PRIMARY KEY,
          call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
          reviewer_id TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
          created_at_ms INTEGER NOT NULL,
          updated_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX reviews_call ON reviews (call_id);

        CREATE TABLE preferences (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
];

/** The schema version this build of the app knows. */
export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`The database has schema version ${found}; this app supports up to ${supported}.`);
    this.name = 'DatabaseTooNewError';
  }
}

/** Brings the database to `target` (default: latest), each migration in its own transaction. */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations, target = list.at(-1)?.version ?? 0): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  const newest = list.at(-1)?.version ?? 0;
  if (current > newest) throw new DatabaseTooNewError(current, newest);
  for (const migration of list) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return Number(db.pragma('user_version', { simple: true }));
}
