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
  {
    version: 2,
    name: 'audio files, peaks and transcripts',
    up: (db) => {
      db.exec(`
        CREATE TABLE audio_files (
          id TEXT PRIMARY KEY,
          sha256 TEXT NOT NULL UNIQUE,
          stored_name TEXT NOT NULL,
          original_name TEXT NOT NULL,
          container TEXT NOT NULL,
          codec TEXT NOT NULL,
          mime_type TEXT NOT NULL,
          sample_rate_hz INTEGER NOT NULL CHECK (sample_rate_hz > 0),
          channels INTEGER NOT NULL CHECK (channels > 0),
          duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
          size_bytes INTEGER NOT NULL,
          created_at_ms INTEGER NOT NULL
        ) STRICT;

        -- Int16 little-endian, interleaved min/max pairs, one row per channel.
        CREATE TABLE audio_peaks (
          audio_id TEXT NOT NULL REFERENCES audio_files (id) ON DELETE CASCADE,
          channel INTEGER NOT NULL,
          pairs_per_second INTEGER NOT NULL,
          peaks BLOB NOT NULL,
          PRIMARY KEY (audio_id, channel)
        ) STRICT;

        ALTER TABLE calls ADD COLUMN audio_id TEXT REFERENCES audio_files (id);
        -- Stereo recordings: which channel is the agent (0 = left); the other is the customer.
        ALTER TABLE calls ADD COLUMN agent_channel INTEGER NOT NULL DEFAULT 0 CHECK (agent_channel IN (0, 1));
        CREATE UNIQUE INDEX calls_audio ON calls (audio_id) WHERE audio_id IS NOT NULL;

        CREATE TABLE transcripts (
          call_id TEXT PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
          format TEXT NOT NULL,
          language TEXT,
          source_name TEXT NOT NULL,
          segments_json TEXT NOT NULL,
          warnings_json TEXT NOT NULL,
          speaker_roles_json TEXT NOT NULL,
          created_at_ms INTEGER NOT NULL
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
