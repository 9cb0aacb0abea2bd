import type { Migration } from './migration';

/**
 * Schema version 18: routine reviews travel to the lead (docs/package-format.md, "Team packages").
 * On the lead's computer: `team_member_keys`, the key made for each invited reviewer (it signs their packages);
 * `call_keys`, the recording hash of a call that arrived without its recording (only its evidence clips), so the
 * same call is recognised when it comes again; `evidence_clips`, each clip of such a call, stored as audio of its
 * own. On a reviewer's computer: `team_memberships`, each accepted invitation with its key and the time of the last
 * export to that lead, and `team_known_calls`, the recordings that lead holds (named in the invitation or sent
 * whole since), which are never sent again. Shipped: never edit, add a new version.
 */
export const schemaVersion18: Migration = {
  version: 18,
  name: 'team packages',
  up: (db) => {
    db.exec(`
      CREATE TABLE team_member_keys (
        reviewer_id TEXT PRIMARY KEY REFERENCES reviewers (id),
        package_key TEXT NOT NULL CHECK (length(package_key) = 64),
        invited_at_ms INTEGER NOT NULL
      );
      CREATE TABLE call_keys (
        call_id TEXT PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL UNIQUE
      );
      CREATE TABLE evidence_clips (
        call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        from_ms INTEGER NOT NULL,
        to_ms INTEGER NOT NULL CHECK (to_ms > from_ms),
        audio_id TEXT NOT NULL REFERENCES audio_files (id),
        PRIMARY KEY (call_id, from_ms, to_ms)
      ) WITHOUT ROWID;
      CREATE TABLE team_memberships (
        team_id TEXT PRIMARY KEY,
        lead_name TEXT NOT NULL,
        reviewer_id TEXT NOT NULL,
        reviewer_name TEXT NOT NULL,
        package_key TEXT NOT NULL CHECK (length(package_key) = 64),
        accepted_at_ms INTEGER NOT NULL,
        last_export_at_ms INTEGER
      );
      CREATE TABLE team_known_calls (
        team_id TEXT NOT NULL REFERENCES team_memberships (team_id) ON DELETE CASCADE,
        call_key TEXT NOT NULL,
        PRIMARY KEY (team_id, call_key)
      ) WITHOUT ROWID;
    `);
  },
};
