import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';

/**
 * A clean close leaves a record of the database files exactly as it left them. The next start that finds them so
 * may skip the page-by-page check before opening (seconds on a large library) and run it in the background instead:
 * nothing has touched the files since a close that SQLite completed. A start after a crash, a kill or a power cut
 * finds no record; a file changed since (by another program, a restore, a disk fault that rewrote it) no longer
 * matches it; both are checked before opening, as always.
 *
 * The record is taken away as the database opens, so it never outlives the session that trusted it.
 */

interface FileState {
  readonly size: number;
  readonly modifiedNs: string;
  readonly inode: number;
}

interface CleanCloseRecord {
  readonly database: FileState;
  /** The write-ahead log when one stayed behind (another connection still open at close), else null. */
  readonly log: FileState | null;
}

export const cleanCloseSuffix = '.closed-cleanly';

function stateOf(path: string): FileState | null {
  if (!existsSync(path)) return null;
  const stats = statSync(path, { bigint: true });
  return { size: Number(stats.size), modifiedNs: stats.mtimeNs.toString(), inode: Number(stats.ino) };
}

function sameState(recorded: FileState | null, now: FileState | null): boolean {
  if (recorded === null || now === null) return recorded === now;
  return recorded.size === now.size && recorded.modifiedNs === now.modifiedNs && recorded.inode === now.inode;
}

/**
 * Records the closed database's files. Called only after the connection closed without error; a failure to write
 * the record is harmless (the next start checks first), so it is swallowed.
 */
export function recordCleanClose(databaseFile: string): void {
  const database = stateOf(databaseFile);
  if (!database) return;
  const record: CleanCloseRecord = { database, log: stateOf(`${databaseFile}-wal`) };
  const target = databaseFile + cleanCloseSuffix;
  const temporary = `${target}.tmp`;
  try {
    const handle = openSync(temporary, 'w');
    try {
      writeSync(handle, JSON.stringify(record));
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, target);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/**
 * Whether the database files are exactly as a clean close left them. The record is removed either way, before the
 * database is opened for writing: if this session does not close cleanly, the next start checks first.
 */
export function takeCleanClose(databaseFile: string): boolean {
  const recordFile = databaseFile + cleanCloseSuffix;
  if (!existsSync(recordFile)) return false;
  let trusted: boolean;
  try {
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as CleanCloseRecord;
    trusted =
      sameState(record.database, stateOf(databaseFile)) && sameState(record.log, stateOf(`${databaseFile}-wal`));
  } catch {
    trusted = false;
  }
  rmSync(recordFile, { force: true });
  return trusted && !existsSync(recordFile);
}
