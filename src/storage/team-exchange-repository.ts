import type Database from 'better-sqlite3';

/*
 * What routine-review exchange between reviewers and their lead keeps (schema 18): the lead's keys per invited
 * reviewer, calls known by hash without their recording and their evidence clips; a reviewer's accepted
 * invitations and the recordings each lead holds.
 */

/** The key this (lead's) computer made for a reviewer of its team, if any. */
export function getMemberKey(db: Database.Database, reviewerId: string): string | undefined {
  return db.prepare('SELECT package_key FROM team_member_keys WHERE reviewer_id = ?').pluck().get(reviewerId) as
    string | undefined;
}

export function setMemberKey(db: Database.Database, reviewerId: string, key: string, nowMs: number): void {
  db.prepare('INSERT INTO team_member_keys (reviewer_id, package_key, invited_at_ms) VALUES (?, ?, ?)').run(
    reviewerId,
    key,
    nowMs,
  );
}

/** The reviewers this computer invited, by name. */
export function listTeamMembers(db: Database.Database): { id: string; name: string; invitedAtMs: number }[] {
  return db
    .prepare(
      `SELECT r.id, r.name, k.invited_at_ms AS invitedAtMs FROM team_member_keys k JOIN reviewers r ON r.id = k.reviewer_id
       ORDER BY r.name, r.id`,
    )
    .all() as { id: string; name: string; invitedAtMs: number }[];
}

/** Every recording hash this computer holds: those of its audio, their hashes before redaction, and clip-only calls. */
export function knownCallKeys(db: Database.Database): string[] {
  return db
    .prepare(
      `SELECT a.sha256 FROM calls c JOIN audio_files a ON a.id = c.audio_id
       UNION SELECT f.sha256 FROM audio_former_hashes f
       UNION SELECT sha256 FROM call_keys ORDER BY 1`,
    )
    .pluck()
    .all() as string[];
}

/** The call known by this recording hash without its recording. */
export function findCallIdByKey(db: Database.Database, sha256: string): string | undefined {
  return db.prepare('SELECT call_id FROM call_keys WHERE sha256 = ?').pluck().get(sha256) as string | undefined;
}

export function setCallKey(db: Database.Database, callId: string, sha256: string): void {
  db.prepare('INSERT INTO call_keys (call_id, sha256) VALUES (?, ?)').run(callId, sha256);
}

export interface StoredClip {
  readonly fromMs: number;
  readonly toMs: number;
  readonly audioId: string;
}

export function listEvidenceClips(db: Database.Database, callId: string): StoredClip[] {
  return db
    .prepare(
      'SELECT from_ms AS fromMs, to_ms AS toMs, audio_id AS audioId FROM evidence_clips WHERE call_id = ? ORDER BY from_ms',
    )
    .all(callId) as StoredClip[];
}

/** Keeps a clip; false when the call has this clip already. */
export function addEvidenceClip(db: Database.Database, callId: string, clip: StoredClip): boolean {
  return (
    db
      .prepare('INSERT OR IGNORE INTO evidence_clips (call_id, from_ms, to_ms, audio_id) VALUES (?, ?, ?, ?)')
      .run(callId, clip.fromMs, clip.toMs, clip.audioId).changes === 1
  );
}

export interface TeamMembership {
  readonly teamId: string;
  readonly leadName: string;
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly key: string;
  readonly acceptedAtMs: number;
  readonly lastExportAtMs: number | null;
}

const membershipColumns = `team_id AS teamId, lead_name AS leadName, reviewer_id AS reviewerId,
  reviewer_name AS reviewerName, package_key AS key, accepted_at_ms AS acceptedAtMs, last_export_at_ms AS lastExportAtMs`;

export function listMemberships(db: Database.Database): TeamMembership[] {
  return db
    .prepare(`SELECT ${membershipColumns} FROM team_memberships ORDER BY lead_name, team_id`)
    .all() as TeamMembership[];
}

export function getMembership(db: Database.Database, teamId: string): TeamMembership | undefined {
  return db.prepare(`SELECT ${membershipColumns} FROM team_memberships WHERE team_id = ?`).get(teamId) as
    TeamMembership | undefined;
}

/** Stores an accepted invitation, or the newer one from the same lead (its key and name replace the old). */
export function saveMembership(db: Database.Database, membership: Omit<TeamMembership, 'lastExportAtMs'>): void {
  db.prepare(
    `INSERT INTO team_memberships (team_id, lead_name, reviewer_id, reviewer_name, package_key, accepted_at_ms)
     VALUES (@teamId, @leadName, @reviewerId, @reviewerName, @key, @acceptedAtMs)
     ON CONFLICT (team_id) DO UPDATE SET lead_name = excluded.lead_name, reviewer_id = excluded.reviewer_id,
       reviewer_name = excluded.reviewer_name, package_key = excluded.package_key`,
  ).run(membership);
}

export function setLastExport(db: Database.Database, teamId: string, atMs: number): void {
  db.prepare('UPDATE team_memberships SET last_export_at_ms = ? WHERE team_id = ?').run(atMs, teamId);
}

export function addKnownCalls(db: Database.Database, teamId: string, keys: readonly string[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO team_known_calls (team_id, call_key) VALUES (?, ?)');
  for (const key of keys) insert.run(teamId, key);
}

export function isKnownCall(db: Database.Database, teamId: string, key: string): boolean {
  return db.prepare('SELECT 1 FROM team_known_calls WHERE team_id = ? AND call_key = ?').get(teamId, key) !== undefined;
}
