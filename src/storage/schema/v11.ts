import type { Migration } from './migration';

/**
 * Schema version 11: each call's signals (speech, overtalk, silences, talk ratio, speech rate, latencies, hints) as
 * computed at import. `basis` says what they were computed from (engine version, agent channel, speaker roles,
 * transcript); a call whose row is missing (calls imported before this version) or whose basis differs is computed
 * again from its stored recording the first time its signals are asked for. Shipped: never edit, add a new version.
 */
export const schemaVersion11: Migration = {
  version: 11,
  name: 'call signals',
  up: (db) => {
    db.exec(`
      CREATE TABLE call_signals (
        call_id TEXT PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
        basis TEXT NOT NULL,
        signals_json TEXT NOT NULL,
        computed_at_ms INTEGER NOT NULL
      );
    `);
  },
};
