import type Database from 'better-sqlite3';
import type { CallSummary } from '../domain/call';
import { callSearchPattern, callSearchSql, summaryColumns, toSummary, type CallRow } from './calls-repository';

/** A row's place in the library order: its date ('' when unknown), import time and id. */
export interface CallPlace {
  readonly recordedAt: string;
  readonly createdAtMs: number;
  readonly id: string;
}

export interface CallWindow {
  readonly rows: readonly CallSummary[];
  /** The last row's place when the window is full (there may be more), otherwise null. */
  readonly next: CallPlace | null;
}

/**
 * One window of the library, newest first: at most `limit` calls after the place `after` (keyset, so the thousandth
 * window costs what the first costs). It walks the library-order index from that place and stops after `limit`
 * matches; the first condition bounds the walk, the second skips the rows of the same date already shown.
 */
export function listCallWindow(
  db: Database.Database,
  search: string | undefined,
  page: { readonly limit: number; readonly after?: CallPlace },
): CallWindow {
  const after = page.after;
  const afterSql = after
    ? `AND coalesce(c.recorded_at, '') <= @afterDate
       AND (coalesce(c.recorded_at, '') < @afterDate
            OR c.created_at_ms < @afterCreated OR (c.created_at_ms = @afterCreated AND c.id > @afterId))`
    : '';
  const rows = db
    .prepare(
      `SELECT ${summaryColumns}, coalesce(c.recorded_at, '') AS place_date, c.created_at_ms AS place_created
         FROM calls c
        WHERE ${callSearchSql} ${afterSql}
        ORDER BY coalesce(c.recorded_at, '') DESC, c.created_at_ms DESC, c.id
        LIMIT @limit`,
    )
    .all({
      pattern: callSearchPattern(search),
      limit: page.limit,
      ...(after ? { afterDate: after.recordedAt, afterCreated: after.createdAtMs, afterId: after.id } : {}),
    }) as (CallRow & { place_date: string; place_created: number })[];
  const last = rows.at(-1);
  return {
    rows: rows.map(toSummary),
    next:
      rows.length === page.limit && last
        ? { recordedAt: last.place_date, createdAtMs: last.place_created, id: last.id }
        : null,
  };
}

/**
 * How many calls match a library search. Without a search SQLite counts the smallest index; a search for text
 * inside a title reads every call's row once (no index can find a substring), which stays well under the list's
 * budget at 100,000 calls (see bench:scale).
 */
export function countCallRows(db: Database.Database, search: string | undefined): number {
  const pattern = callSearchPattern(search);
  if (pattern === null) return db.prepare('SELECT count(*) FROM calls').pluck().get() as number;
  return db.prepare(`SELECT count(*) FROM calls c WHERE ${callSearchSql}`).pluck().get({ pattern }) as number;
}
