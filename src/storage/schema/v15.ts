import type { Migration } from './migration';

/**
 * Schema version 15: the hashes a recording had before a redaction was applied to it permanently. A rewritten
 * recording gets the hash of its new content (packages check content against it), while the hash it was imported
 * under still identifies the call: importing the original file again, or a package made before, finds this call
 * instead of bringing the original sound back as a new one. Shipped: never edit, add a new version.
 */
export const schemaVersion15: Migration = {
  version: 15,
  name: 'former hashes of rewritten recordings',
  up: (db) => {
    db.exec(`
      CREATE TABLE audio_former_hashes (
        sha256 TEXT PRIMARY KEY,
        audio_id TEXT NOT NULL REFERENCES audio_files (id) ON DELETE CASCADE,
        replaced_at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX audio_former_hashes_audio ON audio_former_hashes (audio_id);
    `);
  },
};
