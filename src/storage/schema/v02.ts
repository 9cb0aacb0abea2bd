import type { Migration } from './migration';

/** Schema version 2: audio files, peaks and transcripts. Shipped: never edit, add a new version. */
export const schemaVersion2: Migration = {
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
};
