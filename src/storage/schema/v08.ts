import type { Migration } from './migration';

/** Schema version 8: retention (calls whose media was removed, and the removal log). Shipped: never edit, add a new version. */
export const schemaVersion8: Migration = {
  version: 8,
  name: 'retention: media removed from calls, and the removal log',
  up: (db) => {
    // The call row, its reviews, answers and moments stay; only the recording, transcript and peaks go. The log keeps
    // no foreign key (it outlives what it describes) and no personal data: the call id, the rule and counts only.
    db.exec(`
      ALTER TABLE calls ADD COLUMN media_removed_at_ms INTEGER;

      CREATE TABLE retention_log (
        id INTEGER PRIMARY KEY,
        call_id TEXT NOT NULL,
        removed_at_ms INTEGER NOT NULL,
        rule TEXT NOT NULL CHECK (rule IN ('routine', 'calibration')),
        basis TEXT NOT NULL CHECK (basis IN ('after_import', 'after_last_submitted_review')),
        days INTEGER NOT NULL CHECK (days >= 0),
        due_at_ms INTEGER NOT NULL,
        trigger TEXT NOT NULL CHECK (trigger IN ('start', 'daily', 'manual')),
        audio_bytes INTEGER NOT NULL CHECK (audio_bytes >= 0),
        peaks_bytes INTEGER NOT NULL CHECK (peaks_bytes >= 0),
        transcript_segments INTEGER NOT NULL CHECK (transcript_segments >= 0)
      ) STRICT;
      CREATE INDEX retention_log_removed ON retention_log (removed_at_ms DESC, id DESC);
      CREATE TRIGGER retention_log_append_only BEFORE UPDATE ON retention_log
      BEGIN SELECT RAISE(ABORT, 'the retention log is never changed'); END;
    `);
  },
};
