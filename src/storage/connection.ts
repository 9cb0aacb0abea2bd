import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { migrate } from './migrations';

export interface OpenedDatabase {
  readonly db: Database.Database;
  readonly schemaVersion: number;
  /** Set when the file at `filePath` was damaged and has been moved aside; a fresh database was created. */
  readonly recovered: { readonly movedTo: string; readonly reason: string } | null;
}

export interface OpenOptions {
  /** Path of the native binding; Electron passes one built for its ABI (see scripts/launch.mjs). */
  readonly nativeBinding?: string;
  readonly now?: () => Date;
}

/** Applies the pragmas every connection needs: WAL, durable commits, foreign keys, waiting on locks. */
export function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // better-sqlite3 defaults to NORMAL under WAL, which can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Runs `PRAGMA quick_check` (and reading the schema); returns null when healthy, else the reason. */
function damageOf(filePath: string, options: OpenOptions): string | null {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(filePath, { fileMustExist: true, nativeBinding: options.nativeBinding });
    const rows = probe.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    return problems.length > 0 ? problems.slice(0, 5).join('; ') : null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    probe?.close();
  }
}

/** Moves a damaged database and its WAL/SHM files aside, never overwriting anything; returns the new path. */
function moveAside(filePath: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let target = `${filePath}.damaged-${stamp}`;
  for (let n = 2; existsSync(target); n += 1) target = `${filePath}.damaged-${stamp}-${n}`;
  renameSync(filePath, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(filePath + suffix)) renameSync(filePath + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens (or creates) the database file: checks an existing file with quick_check, moves a damaged one aside,
 * configures the connection and migrates it. Throws DatabaseTooNewError for a database from a newer app.
 */
export function openDatabase(filePath: string, options: OpenOptions = {}): OpenedDatabase {
  let recovered: OpenedDatabase['recovered'] = null;
  if (existsSync(filePath)) {
    const reason = damageOf(filePath, options);
    if (reason !== null) recovered = { movedTo: moveAside(filePath, (options.now ?? (() => new Date()))()), reason };
  }
  const db = new Database(filePath, { nativeBinding: options.nativeBinding });
  try {
    configureConnection(db);
    const schemaVersion = migrate(db);
    return { db, schemaVersion, recovered };
  } catch (error) {
    db.close();
    throw error;
  }
}
