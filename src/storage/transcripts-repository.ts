import type Database from 'better-sqlite3';
import type { TranscriptSegment, TranscriptWarning } from '../domain/transcript/model';
import type { SpeakerRoles } from '../domain/transcript/speaker-roles';
import { indexTranscript, reindexCallTranscript } from './transcript-search-repository';

export interface StoredTranscript {
  readonly format: string;
  readonly language: string | null;
  readonly sourceName: string;
  readonly segments: readonly TranscriptSegment[];
  readonly warnings: readonly TranscriptWarning[];
  readonly speakerRoles: SpeakerRoles;
}

/**
 * Stores (or replaces) a call's transcript and its turns in the search index. Segments are kept as one JSON document:
 * always read whole.
 */
export function saveTranscript(
  db: Database.Database,
  callId: string,
  transcript: StoredTranscript,
  nowMs: number,
): void {
  db.prepare(
    `INSERT INTO transcripts (call_id, format, language, source_name, segments_json, warnings_json, speaker_roles_json, created_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (call_id) DO UPDATE SET format = excluded.format, language = excluded.language, source_name = excluded.source_name,
       segments_json = excluded.segments_json, warnings_json = excluded.warnings_json, speaker_roles_json = excluded.speaker_roles_json`,
  ).run(
    callId,
    transcript.format,
    transcript.language,
    transcript.sourceName,
    JSON.stringify(transcript.segments),
    JSON.stringify(transcript.warnings),
    JSON.stringify(transcript.speakerRoles),
    nowMs,
  );
  indexTranscript(db, callId, transcript.segments, transcript.speakerRoles);
}

/** Reads a call's transcript, if it has one. */
export function getTranscript(db: Database.Database, callId: string): StoredTranscript | undefined {
  const row = db
    .prepare(
      'SELECT format, language, source_name AS sourceName, segments_json, warnings_json, speaker_roles_json FROM transcripts WHERE call_id = ?',
    )
    .get(callId) as
    | {
        format: string;
        language: string | null;
        sourceName: string;
        segments_json: string;
        warnings_json: string;
        speaker_roles_json: string;
      }
    | undefined;
  if (!row) return undefined;
  return {
    format: row.format,
    language: row.language,
    sourceName: row.sourceName,
    segments: JSON.parse(row.segments_json) as TranscriptSegment[],
    warnings: JSON.parse(row.warnings_json) as TranscriptWarning[],
    speakerRoles: JSON.parse(row.speaker_roles_json) as SpeakerRoles,
  };
}

/** Replaces the agent/customer mapping of a call's speakers. */
export function saveSpeakerRoles(db: Database.Database, callId: string, roles: SpeakerRoles): boolean {
  const changed =
    db.prepare('UPDATE transcripts SET speaker_roles_json = ? WHERE call_id = ?').run(JSON.stringify(roles), callId)
      .changes > 0;
  // The index filters by role ("what the customer said"), so it follows the mapping.
  if (changed) reindexCallTranscript(db, callId);
  return changed;
}

/** How many segments a call's stored transcript has (0 without one), without reading them. */
export function transcriptSegmentCount(db: Database.Database, callId: string): number {
  const count = db
    .prepare('SELECT json_array_length(segments_json) FROM transcripts WHERE call_id = ?')
    .pluck()
    .get(callId) as number | undefined;
  return count ?? 0;
}
