import type Database from 'better-sqlite3';
import { combinedReviewStatus, type CallSummary } from '../domain/call';

export interface NewCall {
  readonly id: string;
  readonly title: string;
  readonly agentName?: string;
  readonly customerRef?: string;
  readonly recordedAt?: string | null;
  readonly durationMs?: number;
  readonly createdAtMs: number;
  readonly audioId?: string | null;
  readonly agentChannel?: 0 | 1;
}

/** Inserts one call. */
export function insertCall(db: Database.Database, call: NewCall): void {
  db.prepare(
    `INSERT INTO calls (id, title, agent_name, customer_ref, recorded_at, duration_ms, created_at_ms, audio_id, agent_channel)
     VALUES (@id, @title, @agentName, @customerRef, @recordedAt, @durationMs, @createdAtMs, @audioId, @agentChannel)`,
  ).run({
    id: call.id,
    title: call.title,
    agentName: call.agentName ?? '',
    customerRef: call.customerRef ?? '',
    recordedAt: call.recordedAt ?? null,
    durationMs: call.durationMs ?? 0,
    createdAtMs: call.createdAtMs,
    audioId: call.audioId ?? null,
    agentChannel: call.agentChannel ?? 0,
  });
}

/** A call's own columns: the library row's facts, the recording it was made from and the agent's channel. */
export interface CallRecord extends Pick<
  CallSummary,
  'id' | 'title' | 'agentName' | 'customerRef' | 'recordedAt' | 'durationMs'
> {
  readonly audioId: string | null;
  readonly agentChannel: 0 | 1;
}

/** Reads one call's own columns. */
export function getCall(db: Database.Database, id: string): CallRecord | undefined {
  return db
    .prepare(
      `SELECT id, title, agent_name AS agentName, customer_ref AS customerRef, recorded_at AS recordedAt, duration_ms AS durationMs,
              audio_id AS audioId, agent_channel AS agentChannel
         FROM calls WHERE id = ?`,
    )
    .get(id) as CallRecord | undefined;
}

/** The call made from an audio file (a recording belongs to at most one call), if any. */
export function findCallIdByAudio(db: Database.Database, audioId: string): string | undefined {
  return db.prepare('SELECT id FROM calls WHERE audio_id = ?').pluck().get(audioId) as string | undefined;
}

export type CallChanges = Partial<
  Pick<CallRecord, 'title' | 'agentName' | 'customerRef' | 'recordedAt' | 'agentChannel'>
>;

const changeColumns: Record<keyof CallChanges, string> = {
  title: 'title',
  agentName: 'agent_name',
  customerRef: 'customer_ref',
  recordedAt: 'recorded_at',
  agentChannel: 'agent_channel',
};

/** Updates the given metadata fields; returns false when the call does not exist. */
export function updateCall(db: Database.Database, id: string, changes: CallChanges): boolean {
  const keys = (Object.keys(changes) as (keyof CallChanges)[]).filter((key) => changes[key] !== undefined);
  if (keys.length === 0) return getCall(db, id) !== undefined;
  const assignments = keys.map((key) => `${changeColumns[key]} = @${key}`).join(', ');
  return db.prepare(`UPDATE calls SET ${assignments} WHERE id = @id`).run({ ...changes, id }).changes > 0;
}

export interface CallRow {
  id: string;
  title: string;
  agent_name: string;
  customer_ref: string;
  recorded_at: string | null;
  duration_ms: number;
  media_removed_at_ms: number | null;
  statuses: string | null;
}

export const summaryColumns = `c.id, c.title, c.agent_name, c.customer_ref, c.recorded_at, c.duration_ms, c.media_removed_at_ms,
       (SELECT group_concat(r.status) FROM reviews r WHERE r.call_id = c.id) AS statuses`;

export function toSummary(row: CallRow): CallSummary {
  const statuses = (row.statuses ? row.statuses.split(',') : []) as ('draft' | 'submitted')[];
  return {
    id: row.id,
    title: row.title,
    agentName: row.agent_name,
    customerRef: row.customer_ref,
    recordedAt: row.recorded_at,
    durationMs: row.duration_ms,
    reviewStatus: combinedReviewStatus(statuses),
    reviewCount: statuses.length,
    mediaRemovedAtMs: row.media_removed_at_ms,
  };
}

/** The LIKE pattern for a library search (title, agent or customer ref contain it), or null for no search. */
export function callSearchPattern(search: string | undefined): string | null {
  return search && search.trim() !== '' ? `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/** The library search's condition on `calls c`; true for every call when `@pattern` is null. */
export const callSearchSql = `(@pattern IS NULL
           OR c.title LIKE @pattern ESCAPE '\\' OR c.agent_name LIKE @pattern ESCAPE '\\'
           OR c.customer_ref LIKE @pattern ESCAPE '\\')`;

/**
 * Lists calls newest first, with their combined review status; `search` matches title, agent or customer ref. A
 * window (`limit` rows from `offset`) walks the library-order index and stops, so a screenful costs the same in a
 * library of any size.
 */
export function listCalls(
  db: Database.Database,
  search?: string,
  window: { limit?: number; offset?: number } = {},
): CallSummary[] {
  const pattern = callSearchPattern(search);
  const rows = db
    .prepare(
      `SELECT ${summaryColumns}
         FROM calls c
        WHERE ${callSearchSql}
        ORDER BY coalesce(c.recorded_at, '') DESC, c.created_at_ms DESC, c.id
        LIMIT @limit OFFSET @offset`,
    )
    .all({ pattern, limit: window.limit ?? -1, offset: window.offset ?? 0 }) as CallRow[];
  return rows.map(toSummary);
}

/** How many calls the library holds. */
export function countCalls(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM calls').pluck().get() as number;
}

/** One call's library row, or undefined. */
export function getCallSummary(db: Database.Database, callId: string): CallSummary | undefined {
  const row = db.prepare(`SELECT ${summaryColumns} FROM calls c WHERE c.id = ?`).get(callId) as CallRow | undefined;
  return row ? toSummary(row) : undefined;
}

export interface TranscriptTarget {
  readonly callId: string;
  readonly audioName: string;
  readonly hasTranscript: boolean;
  /** Retention or a customer's request removed the call's media: nothing may be added to it. */
  readonly mediaRemoved: boolean;
}

/**
 * Calls whose recording's original file name starts with `namePrefix` (ASCII case-insensitive): the candidates for
 * a transcript imported on its own. The caller compares the exact pairing name; this only narrows the rows read.
 */
export function callsWithAudioNamed(db: Database.Database, namePrefix: string): TranscriptTarget[] {
  const pattern = `${namePrefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const rows = db
    .prepare(
      `SELECT c.id AS callId, a.original_name AS audioName,
              EXISTS (SELECT 1 FROM transcripts t WHERE t.call_id = c.id) AS hasTranscript,
              c.media_removed_at_ms IS NOT NULL AS mediaRemoved
         FROM calls c JOIN audio_files a ON a.id = c.audio_id
        WHERE a.original_name LIKE ? ESCAPE '\\'
        ORDER BY c.created_at_ms`,
    )
    .all(pattern) as { callId: string; audioName: string; hasTranscript: number; mediaRemoved: number }[];
  return rows.map((row) => ({ ...row, hasTranscript: row.hasTranscript === 1, mediaRemoved: row.mediaRemoved === 1 }));
}
