import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The file in the data folder whose lock says "a Klankbord process is using this folder". It holds no data. */
export const folderLockFileName = 'klankbord.lock';

/** Another process (desktop app, browser mode or CLI) holds the data folder. */
export class DataFolderInUseError extends Error {
  constructor(readonly lockFile: string) {
    super(`Another Klankbord process is using this data folder (${lockFile} is locked).`);
    this.name = 'DataFolderInUseError';
  }
}

export interface FolderLock {
  readonly lockFile: string;
  release(): void;
}

const isBusy = (error: unknown) => error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code);

/**
 * Takes the data folder for this process, or throws DataFolderInUseError at once when another process has it.
 *
 * The lock is SQLite's own file lock on `klankbord.lock`: a connection in `locking_mode = EXCLUSIVE` that has run a
 * write transaction keeps its exclusive lock until it closes. The operating system drops that lock when the process
 * ends in any way (a crash or SIGKILL included), so a dead process never blocks the next start, and there is no pid
 * or timestamp to go stale. Within one process a second lock on the same folder is refused too.
 */
export function lockDataFolder(dataDir: string, options: { readonly nativeBinding?: string } = {}): FolderLock {
  const lockFile = join(dataDir, folderLockFileName);
  // timeout 0: a folder in use is reported at once; waiting would not make the other process go away.
  const db = new Database(lockFile, { timeout: 0, nativeBinding: options.nativeBinding });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    throw isBusy(error) ? new DataFolderInUseError(lockFile) : error;
  }
  let released = false;
  return {
    lockFile,
    release: () => {
      if (released) return;
      released = true;
      db.close();
    },
  };
}
