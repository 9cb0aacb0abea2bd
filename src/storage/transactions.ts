import type Database from 'better-sqlite3';

/**
 * Runs `work` as one write transaction that takes the write lock at BEGIN (`BEGIN IMMEDIATE`).
 *
 * A deferred transaction that reads first and writes later cannot wait for another connection's write: SQLite
 * answers SQLITE_BUSY at once (the busy timeout does not apply to that upgrade). Taking the lock up front lets the
 * busy timeout do its job when a second connection (another process on the same database) is writing.
 * Nested calls become savepoints of the outer transaction.
 */
export function writeTransaction<T>(db: Database.Database, work: () => T): T {
  return db.transaction(work).immediate();
}

/**
 * Copies every committed change into the database file and empties the write-ahead log, which still holds the pages
 * as they were before (erased or redacted text included) until it is checkpointed. Returns false when a reader kept
 * part of the log in use; the next checkpoint then finishes the job.
 */
export function scrubWriteAheadLog(db: Database.Database): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result?.busy === 0;
}
