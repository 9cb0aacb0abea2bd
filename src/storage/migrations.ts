import type Database from 'better-sqlite3';
import { writeTransaction } from './transactions';

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
  {
    version: 3,
    name: 'rubrics, reviewers, review answers, moments and audit trail',
    up: (db) => {
      // reviews gains its rubric (a composite foreign key, so the table is rebuilt). Reviews from version 2 were
      // empty placeholders (there was no way to score yet); they keep their rows and get no rubric.
      db.exec(`
        CREATE TABLE reviewers (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          created_at_ms INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE rubrics (
          id TEXT NOT NULL,
          version INTEGER NOT NULL CHECK (version >= 1),
          status TEXT NOT NULL CHECK (status IN ('draft', 'published')),
          body_json TEXT NOT NULL,
          created_at_ms INTEGER NOT NULL,
          published_at_ms INTEGER,
          PRIMARY KEY (id, version)
        ) STRICT;
        -- A published version is what reviews were scored with: it never changes, and a used one is never removed.
        CREATE TRIGGER rubrics_published_never_change BEFORE UPDATE ON rubrics WHEN OLD.status = 'published'
        BEGIN SELECT RAISE(ABORT, 'a published rubric version never changes'); END;

        CREATE TABLE reviews_new (
          id TEXT PRIMARY KEY,
          call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
          reviewer_id TEXT NOT NULL,
          rubric_id TEXT,
          rubric_version INTEGER,
          status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
          context_json TEXT,
          comment TEXT NOT NULL DEFAULT '',
          created_at_ms INTEGER NOT NULL,
          updated_at_ms INTEGER NOT NULL,
          submitted_at_ms INTEGER,
          FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics (id, version)
        ) STRICT;
        INSERT INTO reviews_new (id, call_id, reviewer_id, status, created_at_ms, updated_at_ms)
          SELECT id, call_id, reviewer_id, status, created_at_ms, updated_at_ms FROM reviews;
        DROP TABLE reviews;
        ALTER TABLE reviews_new RENAME TO reviews;
        CREATE INDEX reviews_call ON reviews (call_id);
        CREATE INDEX reviews_reviewer ON reviews (reviewer_id);
        CREATE TRIGGER rubrics_used_never_removed BEFORE DELETE ON rubrics
          WHEN EXISTS (SELECT 1 FROM reviews WHERE rubric_id = OLD.id AND rubric_version = OLD.version)
        BEGIN SELECT RAISE(ABORT, 'a rubric version used by a review is never removed'); END;

        CREATE TABLE review_answers (
          review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
          item_id TEXT NOT NULL,
          -- NULL while only a comment or an evidence override was given.
          answer TEXT CHECK (answer IN ('level', 'yes', 'no', 'not-applicable')),
          level INTEGER CHECK ((answer = 'level') = (level IS NOT NULL)),
          comment TEXT NOT NULL DEFAULT '',
          evidence_override TEXT,
          updated_at_ms INTEGER NOT NULL,
          PRIMARY KEY (review_id, item_id)
        ) STRICT;

        CREATE TABLE moments (
          id TEXT PRIMARY KEY,
          review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
          start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
          end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
          type TEXT NOT NULL,
          speaker TEXT NOT NULL,
          polarity TEXT NOT NULL,
          intensity INTEGER CHECK (intensity BETWEEN 1 AND 3),
          emotion TEXT,
          item_ids_json TEXT NOT NULL DEFAULT '[]',
          note TEXT NOT NULL DEFAULT '',
          responds_to TEXT,
          created_at_ms INTEGER NOT NULL,
          updated_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX moments_review ON moments (review_id, start_ms);

        CREATE TABLE review_audit (
          id INTEGER PRIMARY KEY,
          review_id TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
          at_ms INTEGER NOT NULL,
          reviewer_id TEXT NOT NULL,
          action TEXT NOT NULL CHECK (action IN ('created', 'submitted', 'reopened', 'imported')),
          reason TEXT NOT NULL DEFAULT '',
          details_json TEXT NOT NULL DEFAULT '{}'
        ) STRICT;
        CREATE INDEX review_audit_review ON review_audit (review_id, id);
      `);
    },
  },
  {
    version: 4,
    name: 'calibration sessions, their calls and reviewers, consensus scores, review revisions',
    up: (db) => {
      db.exec(`
        CREATE TABLE calibration_sessions (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          rubric_id TEXT NOT NULL,
          rubric_version INTEGER NOT NULL,
          blind INTEGER NOT NULL CHECK (blind IN (0, 1)),
          benchmark_reviewer_id TEXT,
          tolerance_total REAL NOT NULL CHECK (tolerance_total >= 0),
          tolerance_item REAL NOT NULL CHECK (tolerance_item >= 0),
          deadline TEXT,
          lead_reviewer_id TEXT NOT NULL,
          created_at_ms INTEGER NOT NULL,
          FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics (id, version)
        ) STRICT;

        CREATE TABLE session_calls (
          session_id TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
          call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          PRIMARY KEY (session_id, call_id)
        ) STRICT;

        CREATE TABLE session_reviewers (
          session_id TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
          reviewer_id TEXT NOT NULL REFERENCES reviewers (id),
          position INTEGER NOT NULL,
          PRIMARY KEY (session_id, reviewer_id)
        ) STRICT;

        -- Session reviews belong to their session; routine reviews have none. Revision counts imported changes.
        ALTER TABLE reviews ADD COLUMN session_id TEXT REFERENCES calibration_sessions (id);
        ALTER TABLE reviews ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
        CREATE UNIQUE INDEX reviews_session_call_reviewer ON reviews (session_id, call_id, reviewer_id) WHERE session_id IS NOT NULL;

        CREATE TABLE consensus_scores (
          session_id TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
          call_id TEXT NOT NULL,
          item_id TEXT NOT NULL,
          answer TEXT NOT NULL CHECK (answer IN ('level', 'yes', 'no', 'not-applicable')),
          level INTEGER CHECK ((answer = 'level') = (level IS NOT NULL)),
          reason TEXT NOT NULL,
          decided_by TEXT NOT NULL,
          decided_at_ms INTEGER NOT NULL,
          PRIMARY KEY (session_id, call_id, item_id)
        ) STRICT;

        CREATE TABLE discussion_notes (
          id INTEGER PRIMARY KEY,
          session_id TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
          call_id TEXT NOT NULL,
          item_id TEXT,
          author_id TEXT NOT NULL,
          text TEXT NOT NULL,
          at_ms INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 5,
    name: 'a package key per session reviewer',
    up: (db) => {
      // The key that signs a reviewer's review packages: the lead's machine holds one per reviewer (made when their
      // session package is first exported), a reviewer's machine holds its own (from that package).
      db.exec(`
        ALTER TABLE session_reviewers ADD COLUMN package_key TEXT CHECK (package_key IS NULL OR package_key GLOB '[0-9a-f]*' AND length(package_key) = 64);
      `);
    },
  },
  {
    version: 6,
    name: 'redactions and their audit trail',
    up: (db) => {
      // The audit trail keeps no foreign keys, so it outlives what it describes; it is append-only.
      db.exec(`
        CREATE TABLE redactions (
          id TEXT PRIMARY KEY,
          call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
          start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
          end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
          kind TEXT NOT NULL CHECK (kind IN ('card_number', 'iban', 'bsn', 'phone_number', 'email', 'date_of_birth', 'postcode', 'manual')),
          reason TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'dismissed')),
          created_by TEXT REFERENCES reviewers (id),
          created_at_ms INTEGER NOT NULL,
          updated_at_ms INTEGER NOT NULL,
          applied_at_ms INTEGER
        ) STRICT;
        CREATE INDEX redactions_call ON redactions (call_id, start_ms);

        CREATE TABLE redaction_audit (
          id INTEGER PRIMARY KEY,
          redaction_id TEXT NOT NULL,
          call_id TEXT NOT NULL,
          action TEXT NOT NULL CHECK (action IN ('suggested', 'accepted', 'dismissed', 'marked', 'auto_applied', 'applied_permanently')),
          kind TEXT NOT NULL,
          start_ms INTEGER NOT NULL,
          end_ms INTEGER NOT NULL,
          actor_id TEXT,
          actor_name TEXT NOT NULL,
          reason TEXT NOT NULL,
          at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX redaction_audit_call ON redaction_audit (call_id, at_ms);
        CREATE TRIGGER redaction_audit_append_only BEFORE UPDATE ON redaction_audit
        BEGIN SELECT RAISE(ABORT, 'the redaction audit trail is never changed'); END;

        CREATE TABLE redaction_scans (
          call_id TEXT PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
          scanner_version INTEGER NOT NULL,
          scanned_at_ms INTEGER NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 7,
    name: 'indexes for the library order and every review list filter',
    up: (db) => {
      // The review list is ordered by its last change and filtered by status, reviewer, agent, period and call; the
      // library is ordered by recording date. In list order (newest change first), so a page stops early. Without these, a year of reviews is scanned and sorted on every list.
      db.exec(`
        CREATE INDEX reviews_updated ON reviews (updated_at_ms DESC, id);
        CREATE INDEX reviews_status_updated ON reviews (status, updated_at_ms DESC, id);
        DROP INDEX reviews_reviewer;
        CREATE INDEX reviews_reviewer_updated ON reviews (reviewer_id, updated_at_ms DESC, id);
        CREATE INDEX reviews_session ON reviews (session_id) WHERE session_id IS NOT NULL;
        CREATE INDEX calls_agent ON calls (agent_name);
        CREATE INDEX calls_library_order ON calls (coalesce(recorded_at, '') DESC, created_at_ms DESC, id);
      `);
    },
  },
];

/** The schema version this build of the app knows. */
export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`The database has schema version ${found}; this app supports up to ${supported}.`);
    this.name = 'DatabaseTooNewError';
  }
}

const schemaVersionOf = (db: Database.Database): number => Number(db.pragma('user_version', { simple: true }));

/**
 * Brings the database to `target` (default: latest), each migration in its own write transaction. The version is
 * read again inside each transaction (which holds the write lock from its BEGIN), so a second process starting on
 * the same database at the same moment waits and then skips what the first one already did.
 */
export function migrate(
  db: Database.Database,
  list: readonly Migration[] = migrations,
  target = list.at(-1)?.version ?? 0,
): number {
  const newest = list.at(-1)?.version ?? 0;
  const refuseNewer = (version: number) => {
    if (version > newest) throw new DatabaseTooNewError(version, newest);
  };
  // Fast path without a write lock: an up-to-date database is the common case at every start.
  const seen = schemaVersionOf(db);
  refuseNewer(seen);
  if (seen >= target) return seen;
  for (const migration of list) {
    if (migration.version > target) break;
    writeTransaction(db, () => {
      const current = schemaVersionOf(db);
      refuseNewer(current);
      if (migration.version <= current) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
  return schemaVersionOf(db);
}
