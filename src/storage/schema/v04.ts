import type { Migration } from './migration';

/** Schema version 4: calibration sessions, their calls and reviewers, consensus scores, review revisions. Shipped: never edit, add a new version. */
export const schemaVersion4: Migration = {
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
};
