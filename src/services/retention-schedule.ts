import { dayMs } from '../domain/retention/model';
import type { ServiceContext } from './context';
import { applyRetention } from './retention-service';

/** The timer the schedule uses; tests hand in one they fire themselves (never a real wait). */
export interface RetentionTimer {
  /** Calls `run` after `delayMs`; the returned function cancels it. */
  after(delayMs: number, run: () => void): () => void;
}

/** A real timer that does not keep the process alive (the CLI ends when its command is done). */
export const realRetentionTimer: RetentionTimer = {
  after: (delayMs, run) => {
    const handle = setTimeout(run, delayMs);
    handle.unref();
    return () => clearTimeout(handle);
  },
};

export interface RetentionSchedule {
  /** The run at start, for callers (and tests) that wait for it. */
  readonly started: Promise<void>;
  stop(): void;
}

/** Applies the retention rules at start and then every 24 hours for as long as the backend runs. */
export function startRetentionSchedule(
  context: ServiceContext,
  timer: RetentionTimer = realRetentionTimer,
  intervalMs = dayMs,
): RetentionSchedule {
  let cancel: (() => void) | undefined;
  let stopped = false;
  const run = async (trigger: 'start' | 'daily') => {
    try {
      await applyRetention(context, trigger);
    } catch (error) {
      context.ports.errorLog.error('backend', `retention: the ${trigger} run failed`, error);
    }
    if (!stopped) cancel = timer.after(intervalMs, () => void run('daily'));
  };
  const started = run('start');
  return {
    started,
    stop: () => {
      stopped = true;
      cancel?.();
    },
  };
}
