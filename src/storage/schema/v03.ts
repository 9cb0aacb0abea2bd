import type { Migration } from './migration';

/** Schema version 3: rubrics, reviewers, review answers, moments and audit trail. Shipped: never edit, add a new version. */
export const schemaVersion3: Migration = {
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
};
