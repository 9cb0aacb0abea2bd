import type Database from 'better-sqlite3';
import type { CallSignals } from '../domain/signals/model';

export interface StoredCallSignals {
  readonly basis: string;
  readonly signals: CallSignals;
  readonly computedAtMs: number;
}

/** Stores (or replaces) a call's signals with what they were computed from. */
export function saveCallSignals(
  db: Database.Database,
  callId: string,
  basis: string,
  signals: CallSignals,
  computedAtMs: number,
): void {
  db.prepare(
    `INSERT INTO call_signals (call_id, basis, signals_json, computed_at_ms) VALUES (?, ?, ?, ?)
     ON CONFLICT (call_id) DO UPDATE SET basis = excluded.basis, signals_json = excluded.signals_json,
       computed_at_ms = excluded.computed_at_ms`,
  ).run(callId, basis, JSON.stringify(signals), computedAtMs);
}

export function getCallSignals(db: Database.Database, callId: string): StoredCallSignals | undefined {
  const row = db
    .prepare('SELECT basis, signals_json, computed_at_ms FROM call_signals WHERE call_id = ?')
    .get(callId) as { basis: string; signals_json: string; computed_at_ms: number } | undefined;
  if (!row) return undefined;
  return { basis: row.basis, signals: JSON.parse(row.signals_json) as CallSignals, computedAtMs: row.computed_at_ms };
}
