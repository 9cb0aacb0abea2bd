import type Database from 'better-sqlite3';

/** A damaged database file that was moved aside, and why; kept until the user has seen and dismissed it. */
export interface RecoveryNotice {
  readonly movedTo: string;
  readonly reason: string;
}

// Kept in the preferences table of the fresh database, next to the other per-installation settings.
const noticeKey = 'recoveredDatabase';

/** Stores the notice of a database moved aside (replacing an older one). */
export function saveRecoveryNotice(db: Database.Database, notice: RecoveryNotice): void {
  db.prepare(
    'INSERT INTO preferences (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(noticeKey, JSON.stringify({ movedTo: notice.movedTo, reason: notice.reason }));
}

/** The stored notice, or null when there is none (or it cannot be read). */
export function readRecoveryNotice(db: Database.Database): RecoveryNotice | null {
  const value = db.prepare('SELECT value FROM preferences WHERE key = ?').pluck().get(noticeKey);
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { movedTo, reason } = parsed as Record<string, unknown>;
    return typeof movedTo === 'string' && typeof reason === 'string' ? { movedTo, reason } : null;
  } catch {
    return null;
  }
}

/** Removes the notice: the user has dismissed it. */
export function dismissRecoveryNotice(db: Database.Database): void {
  db.prepare('DELETE FROM preferences WHERE key = ?').run(noticeKey);
}
