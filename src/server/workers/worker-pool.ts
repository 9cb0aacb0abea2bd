import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FromWorker, JobFailureKind, JobInput, JobOutcome, JobOutput, JobTable, ToWorker } from './job-messages';

export interface RunOptions {
  /** Aborting cancels the job: a queued job never starts; a running one is told (message) or its worker stopped. */
  readonly signal?: AbortSignal;
  /**
   * How a running job is cancelled: 'message' aborts the job's own signal and waits for its answer (for jobs that
   * check it, like audio analysis); 'terminate' (default) stops the worker at once and answers `cancelled`.
   */
  readonly cancel?: 'message' | 'terminate';
  /** Array buffers of the input to move to the worker instead of copying (unusable by the caller afterwards). */
  readonly transfer?: readonly ArrayBuffer[];
}

export interface WorkerPoolOptions {
  /** Starts one worker that serves the pool's jobs (see serveJobs). */
  readonly start: () => Worker;
  /** How many workers may run at once; default: one fewer than the cores, at least one. */
  readonly size?: number;
}

interface QueuedJob {
  readonly id: number;
  readonly job: string;
  readonly input: unknown;
  readonly options: RunOptions;
  settle: (outcome: JobOutcome<unknown>) => void;
  settled: boolean;
  detach?: () => void;
}

interface Slot {
  readonly worker: Worker;
  current: QueuedJob | undefined;
  /** Set when the slot's worker has been stopped or has died; it takes no more jobs. */
  gone: boolean;
  lastError?: string;
}

/** One fewer worker than cores keeps a core for the thread that answers the user. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * A small pool of worker threads for heavy jobs. Workers start when work arrives and do not keep the process alive
 * while idle. Every job settles with a value: its result, or an error of kind `failed` (it threw), `crashed` (its
 * worker died; the worker is replaced for the next job), `cancelled` or `closed`. Nothing a worker does can leave a
 * caller waiting forever.
 */
export class WorkerPool<J extends JobTable> {
  /** How many workers may run at once. */
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: QueuedJob[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
  }

  run<K extends keyof J & string>(
    job: K,
    input: JobInput<J, K>,
    options: RunOptions = {},
  ): Promise<JobOutcome<JobOutput<J, K>>> {
    return new Promise<JobOutcome<unknown>>((settle) => {
      if (this.closed) return settle(failure('closed', 'The worker pool is closed'));
      if (options.signal?.aborted) return settle(failure('cancelled', 'Cancelled before it started'));
      const queued: QueuedJob = { id: this.nextId++, job, input, options, settled: false, settle: () => undefined };
      queued.settle = (outcome) => {
        if (queued.settled) return;
        queued.settled = true;
        queued.detach?.();
        settle(outcome);
      };
      if (options.signal) {
        const onAbort = () => this.cancel(queued);
        options.signal.addEventListener('abort', onAbort, { once: true });
        queued.detach = () => options.signal?.removeEventListener('abort', onAbort);
      }
      this.queue.push(queued);
      this.pump();
    }) as Promise<JobOutcome<JobOutput<J, K>>>;
  }

  /** Stops every worker; queued and running jobs settle as `closed`. */
  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) queued.settle(failure('closed', 'The worker pool was closed'));
    const stopping = this.slots.map((slot) => {
      slot.gone = true;
      slot.current?.settle(failure('closed', 'The worker pool was closed'));
      return slot.worker.terminate();
    });
    this.slots.length = 0;
    await Promise.allSettled(stopping);
  }

  /** How many workers are running now (for tests and diagnostics). */
  get workerCount(): number {
    return this.slots.length;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => !candidate.gone && !candidate.current);
      if (!slot && this.slots.length >= this.size) return;
      const queued = this.queue.shift()!;
      try {
        slot ??= this.spawn();
      } catch (error) {
        queued.settle(
          failure(
            'crashed',
            `A worker could not be started: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
        continue;
      }
      slot.current = queued;
      slot.worker.ref();
      try {
        slot.worker.postMessage(
          { type: 'run', id: queued.id, job: queued.job, input: queued.input } satisfies ToWorker,
          queued.options.transfer ? [...queued.options.transfer] : [],
        );
      } catch (error) {
        slot.current = undefined;
        slot.worker.unref();
        queued.settle(
          failure(
            'failed',
            `The job's input cannot be sent to a worker: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      }
    }
  }

  private spawn(): Slot {
    const worker = this.options.start();
    const slot: Slot = { worker, current: undefined, gone: false };
    worker.unref();
    worker.on('message', (message: FromWorker) => {
      const current = slot.current;
      if (!current || message.type !== 'done' || message.id !== current.id) return;
      slot.current = undefined;
      worker.unref();
      current.settle(message.outcome);
      this.pump();
    });
    worker.on('error', (error) => {
      slot.lastError = error instanceof Error ? error.message : String(error);
    });
    worker.on('exit', (code) => this.onExit(slot, code));
    this.slots.push(slot);
    return slot;
  }

  private onExit(slot: Slot, code: number): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    const wasGone = slot.gone;
    slot.gone = true;
    const current = slot.current;
    slot.current = undefined;
    if (current && !wasGone) {
      const reason = slot.lastError ? `: ${slot.lastError}` : ` (exit code ${code})`;
      current.settle(failure('crashed', `The worker running ${current.job} stopped unexpectedly${reason}`));
    }
    // Jobs still waiting get a fresh worker.
    if (!this.closed) this.pump();
  }

  private cancel(queued: QueuedJob): void {
    const queueIndex = this.queue.indexOf(queued);
    if (queueIndex >= 0) {
      this.queue.splice(queueIndex, 1);
      queued.settle(failure('cancelled', 'Cancelled before it started'));
      return;
    }
    const slot = this.slots.find((candidate) => candidate.current === queued);
    if (!slot) return;
    if (queued.options.cancel === 'message') {
      slot.worker.postMessage({ type: 'cancel', id: queued.id } satisfies ToWorker);
      return;
    }
    slot.gone = true;
    slot.current = undefined;
    queued.settle(failure('cancelled', 'Cancelled'));
    void slot.worker.terminate();
  }
}

function failure(kind: JobFailureKind, message: string): JobOutcome<never> {
  return { ok: false, error: { kind, message } };
}
