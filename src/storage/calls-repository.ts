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
}

/** Inserts one call. */
export function insertCall(db: Database.Database, call: NewCall): void {
  db.prepare(
    `INSERT INTO calls (id, title, agent_name, customer_ref, recorded_at, duration_ms, created_at_ms)
     VALUES (@id, @title, @agentName, @customerRef, @recordedAt, @durationMs, @createdAtMs)`,
  ).run({
    id: call.id,
    title: call.title,
    agentName: call.agentName ?? '',
    customerRef: call.customerRef ?? '',
    recordedAt: call.recordedAt ?? null,
    durationMs: call.durationMs ?? 0,
    createdAtMs: call.createdAtMs,
  });
}

interface CallRow {
  id: string;
  title: string;
  agent_name: string;
  customer_ref: string;
  recorded_at: string | null;
  duration_ms: number;
  statuses: string | null;
}

/** Lists calls newest first, with their combined review status; `search` matches title, agent or customer ref. */
export function listCalls(db: Database.Database, search?: string): CallSummary[] {
  const pattern = search && search.trim() !== '' ? `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = db
    .prepare(
      `SELECT c.id, c.title, c.agent_name, c.customer_ref, c.recorded_at, c.duration_ms,
              (SELECT group_concat(r.status) FROM reviews r WHERE r.call_id = c.id) AS statuses
         FROM calls c
        WHERE @pattern IS NULL
           OR c.title LIKE @pattern ESCAPE '\\' OR c.agent_name LIKE @pattern ESCAPE '\\'
           OR c.customer_ref LIKE @pattern ESCAPE '\\'
        ORDER BY coalesce(c.recorded_at, '') DESC, c.created_at_ms DESC, c.id`,
    )
    .all({ pattern }) as CallRow[];
  return rows.map((row) => {
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
    };
  });
}
