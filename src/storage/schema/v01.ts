import type { Migration } from './migration';

/** Schema version 1: calls, reviews and preferences. Shipped: never edit, add a new version. */
export const schemaVersion1: Migration = {
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
};
