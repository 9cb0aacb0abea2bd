import type { Migration } from './migration';

/** Schema version 6: redactions and their audit trail. Shipped: never edit, add a new version. */
export const schemaVersion6: Migration = {
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
};
