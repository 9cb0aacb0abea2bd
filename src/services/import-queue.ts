import { randomUUID } from 'node:crypto';

type Job = (signal: AbortSignal) => Promise<void>;

/** Runs import jobs one after another in the background; each can be cancelled. */
export class ImportQueue {
  private readonly controllers = new Map<string, AbortController>();
  private tail: Promise<void> = Promise.resolve();

  /** Queues a job and returns its id at once. */
  enqueue(makeJob: (jobId: string) => Job): string {
    const jobId = randomUUID();
    const job = makeJob(jobId);
    const controller = new AbortController();
    this.controllers.set(jobId, controller);
    this.tail = this.tail
      .then(() => job(controller.signal))
      .catch((error: unknown) => console.error('import job failed', error))
      .finally(() => this.controllers.delete(jobId));
    return jobId;
  }

  /** Asks a queued or running job to stop after the current step; false when it is unknown or done. */
  cancel(jobId: string): boolean {
    const controller = this.controllers.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Resolves when every queued job has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.tail;
  }
}
