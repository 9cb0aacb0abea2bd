import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DatabaseTooNewError, latestSchemaVersion, migrate } from './migrations';
import { readRecoveryNotice, saveRecoveryNotice, type RecoveryNotice } from './recovery-notice-repository';
import { takeCleanClose } from './clean-close';

export interface OpenedDatabase {
  readonly db: Database.Database;
  readonly schemaVersion: number;
  /**
   * A damaged database file that was moved aside (in this start or an earlier one) and a fresh database started;
   * stored in the fresh database until the user dismisses the notice.
   */
  readonly recovered: RecoveryNotice | null;
  /**
   * The files were exactly as a clean close left them, so the page-by-page check was not run before opening: the
   * caller runs it in the background (see checkDatabaseFile).
   */
  readonly checkDeferred: boolean;
}

export interface OpenOptions {
  /** Path of the native binding; Electron passes one built for its ABI (see scripts/launch.mjs). */
  readonly nativeBinding?: string;
  readonly now?: () => Date;
  /** How long to wait for another process's lock on the database (default 5000 ms). */
  readonly busyTimeoutMs?: number;
  /** Opens a connection (a seam for tests that need a failure SQLite would give on a sick disk). */
  readonly connect?: (filePath: string, options: Database.Options) => Database.Database;
  /** Skip the check before opening when the files are as a clean close left them (see clean-close.ts). */
  readonly trustCleanClose?: boolean;
}

const defaultBusyTimeoutMs = 5000;

/**
 * The database file exists but cannot be used now (disk full, locked by another program, no access, I/O error).
 * Nothing was changed; `code` is SQLite's (extended) result code or the system error code.
 */
export class DatabaseOpenError extends Error {
  readonly code: string;

  constructor(
    readonly filePath: string,
    cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`The database ${filePath} cannot be opened: ${detail}`, { cause });
    this.name = 'DatabaseOpenError';
    const code = cause instanceof Error && 'code' in cause ? cause.code : undefined;
    this.code = typeof code === 'string' ? code : 'UNKNOWN';
  }
}

/** Applies the pragmas every connection needs: WAL, durable commits, foreign keys, waiting on locks. */
export function configureConnection(db: Database.Database, busyTimeoutMs = defaultBusyTimeoutMs): void {
  // Set first: even switching to WAL has to wait when another process holds the database.
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  // better-sqlite3 defaults to NORMAL under WAL, which can lose the last commits on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted and overwritten content is zeroed in the file, so erased or permanently redacted text does not linger in
  // free pages (see scrubWriteAheadLog for the log).
  db.pragma('secure_delete = ON');
}

/** Only these say the file itself is broken; a full disk, a lock or an I/O error says nothing about its content. */
function isCorruption(error: unknown): error is InstanceType<typeof Database.SqliteError> {
  return (
    error instanceof Database.SqliteError && (error.code === 'SQLITE_NOTADB' || error.code.startsWith('SQLITE_CORRUPT'))
  );
}

/**
 * Runs `PRAGMA quick_check` (unless `skipCheck`); returns null when healthy, the reason when the file is damaged.
 * Any other failure (the disk is full, another program holds a lock, the file cannot be read) throws
 * DatabaseOpenError; a database from a newer app throws DatabaseTooNewError.
 */
function damageOf(
  filePath: string,
  options: OpenOptions,
  connect: NonNullable<OpenOptions['connect']>,
  skipCheck: boolean,
): string | null {
  let probe: Database.Database | undefined;
  try {
    probe = connect(filePath, {
      fileMustExist: true,
      nativeBinding: options.nativeBinding,
      timeout: options.busyTimeoutMs ?? defaultBusyTimeoutMs,
    });
    const damage = skipCheck ? null : damageFound(probe);
    if (damage !== null) return damage;
    // Refused before the real connection switches the file to WAL: a newer app's database is not touched at all.
    const version = Number(probe.pragma('user_version', { simple: true }));
    if (version > latestSchemaVersion) throw new DatabaseTooNewError(version, latestSchemaVersion);
    return null;
  } catch (error) {
    if (error instanceof DatabaseTooNewError) throw error;
    if (isCorruption(error)) return error.message;
    throw new DatabaseOpenError(filePath, error);
  } finally {
    probe?.close();
  }
}

/** What `PRAGMA quick_check` finds wrong with the file (its first five problems), or null when it is healthy. */
export function damageFound(db: Database.Database): string | null {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
  return problems.length > 0 ? problems.slice(0, 5).join('; ') : null;
}

/**
 * The check of a database opened with its check deferred, on a read-only connection of its own (a worker's): null
 * when healthy, else what is wrong. A file SQLite refuses outright counts as damage; anything else throws.
 */
export function checkDatabaseFile(filePath: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): string | null {
  let db: Database.Database | undefined;
  try {
    db = openReadOnlyConnection(filePath, options);
    return damageFound(db);
  } catch (error) {
    if (isCorruption(error)) return error.message;
    throw error;
  } finally {
    db?.close();
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
 * Opens (or creates) the database file: checks an existing file with quick_check (or, with `trustCleanClose`, leaves
 * that to the caller when the files are as a clean close left them), moves it aside only when it is really damaged
 * (SQLITE_CORRUPT, SQLITE_NOTADB or quick_check not ok), configures the connection and migrates it.
 * Throws DatabaseTooNewError for a database from a newer app and DatabaseOpenError for anything else that stops it
 * (disk full, locked, no access); in both cases the existing file is left as it was.
 */
export function openDatabase(filePath: string, options: OpenOptions = {}): OpenedDatabase {
  const trusted = options.trustCleanClose === true && existsSync(filePath) && takeCleanClose(filePath);
  if (trusted) {
    try {
      return openAndMigrate(filePath, options, true);
    } catch (error) {
      // A page the opening itself read is damaged after all: check first, as after any other start.
      if (!(error instanceof DatabaseOpenError && isCorruption(error.cause))) throw error;
    }
  }
  return openAndMigrate(filePath, options, false);
}

function openAndMigrate(filePath: string, options: OpenOptions, deferCheck: boolean): OpenedDatabase {
  const connect = options.connect ?? ((path: string, settings: Database.Options) => new Database(path, settings));
  let movedAside: RecoveryNotice | null = null;
  if (existsSync(filePath)) {
    const reason = damageOf(filePath, options, connect, deferCheck);
    if (reason !== null) movedAside = { movedTo: moveAside(filePath, (options.now ?? (() => new Date()))()), reason };
  }
  let db: Database.Database | undefined;
  try {
    const busyTimeoutMs = options.busyTimeoutMs ?? defaultBusyTimeoutMs;
    db = connect(filePath, { nativeBinding: options.nativeBinding, timeout: busyTimeoutMs });
    configureConnection(db, busyTimeoutMs);
    const schemaVersion = migrate(db);
    if (movedAside) saveRecoveryNotice(db, movedAside);
    return { db, schemaVersion, recovered: movedAside ?? readRecoveryNotice(db), checkDeferred: deferCheck };
  } catch (error) {
    db?.close();
    throw error instanceof DatabaseTooNewError ? error : new DatabaseOpenError(filePath, error);
  }
}

/**
 * A second, read-only connection to an existing database, for work off the main connection's thread (exports in a
 * worker). It reads committed data only and can never write, so it needs no migrations or durability pragmas.
 */
export function openReadOnlyConnection(
  filePath: string,
  options: Pick<OpenOptions, 'nativeBinding'> = {},
): Database.Database {
  const db = new Database(filePath, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
  db.pragma('busy_timeout = 5000');
  return db;
}
