import type { DatabaseCheck } from '../contract/schemas';
import type { EventHub } from '../services/event-hub';
import type { ErrorLogPort } from '../services/ports';
import type { HeavyJobs } from './workers/heavy-jobs';
import type { WorkerPool } from './workers/worker-pool';

/** The session's check of the database file, and whether a clean close may let the next start skip it. */
export interface DatabaseCheckRun {
  state(): DatabaseCheck;
  /**
   * Whether this session may leave a clean-close record: only when the file was checked in this session (before
   * opening, or in the background to the end) and found healthy. A close while the check runs leaves none, so every
   * start either checks first or follows a session whose check passed.
   */
  mayRecordCleanClose(): boolean;
  /** Stops a check still running (the backend is closing). */
  stop(): Promise<void>;
}

/** A database checked before it was opened: nothing more to do. */
export function checkedBeforeOpen(): DatabaseCheckRun {
  return {
    state: () => ({ state: 'before-open', damage: null }),
    mayRecordCleanClose: () => true,
    stop: async () => undefined,
  };
}

/**
 * Runs the check skipped at start-up in a worker of its own (`pool`, closed when done), so the library is usable at
 * once and neither imports nor exports wait behind it. Damage is logged and announced; the notice asks for a restart,
 * where the check before opening sets the damaged file aside as usual.
 */
export function checkInBackground(
  pool: WorkerPool<HeavyJobs>,
  events: EventHub,
  errorLog: ErrorLogPort,
): DatabaseCheckRun {
  let current: DatabaseCheck = { state: 'running', damage: null };
  const finish = (next: DatabaseCheck) => {
    current = next;
    events.emit('app.databaseChecked', {});
  };
  const done = pool.run('checkDatabase', undefined).then(
    (outcome) => {
      if (!outcome.ok) {
        // Closing stops the worker: the check did not finish, which is not a finding.
        if (outcome.error.kind !== 'closed' && outcome.error.kind !== 'cancelled')
          errorLog.error('backend', 'the background check of the database could not run', outcome.error.message);
        finish({ state: 'failed', damage: null });
      } else if (outcome.value === null) {
        finish({ state: 'passed', damage: null });
      } else {
        errorLog.error('backend', 'the background check found the database damaged', outcome.value);
        finish({ state: 'damaged', damage: outcome.value });
      }
      return pool.close();
    },
    () => finish({ state: 'failed', damage: null }),
  );
  return {
    state: () => current,
    mayRecordCleanClose: () => current.state === 'passed',
    stop: async () => {
      await pool.close();
      await done;
    },
  };
}
