/**
 * Whether an error means the disk is full: ENOSPC from the file system, SQLITE_FULL from the database, or either as
 * the message of an error that crossed a worker thread (which keeps the message only).
 */
export function isDiskFull(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? String(error.code) : '';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return true;
  return /\bENOSPC\b|\bEDQUOT\b|SQLITE_FULL|database or disk is full|no space left on device/i.test(error.message);
}
