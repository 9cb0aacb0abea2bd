import { parentPort } from 'node:worker_threads';
import { transferablesOf, type FromWorker, type JobOutcome, type JobTable, type ToWorker } from './job-messages';

/**
 * The worker side of the pool: runs the jobs it is sent, one at a time, and answers each with an outcome. A job
 * that throws is answered with a `failed` outcome (the worker keeps serving); a cancel message aborts the job's
 * signal, and the job decides how to stop.
 */
export function serveJobs(jobs: JobTable): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs in a worker thread only');
  const running = new Map<number, AbortController>();
  const answer = (message: FromWorker) => {
    try {
      port.postMessage(message, transferablesOf(message.outcome));
    } catch (error) {
      // A result that cannot be cloned is the job's bug: report it rather than leave the caller waiting.
      const outcome: JobOutcome<unknown> = {
        ok: false,
        error: { kind: 'failed', message: `Result not transferable: ${errorText(error)}` },
      };
      port.postMessage({ type: 'done', id: message.id, outcome } satisfies FromWorker);
    }
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    const job = Object.hasOwn(jobs, message.job) ? jobs[message.job] : undefined;
    if (!job) {
      answer({
        type: 'done',
        id: message.id,
        outcome: { ok: false, error: { kind: 'failed', message: `Unknown job: ${message.job}` } },
      });
      return;
    }
    const controller = new AbortController();
    running.set(message.id, controller);
    // Both outcomes are turned into an answer and `answer` reports its own clone failures: nothing is left to reject.
    void Promise.resolve()
      .then(() => job(message.input as never, controller.signal))
      .then(
        (value): JobOutcome<unknown> => ({ ok: true, value }),
        (error: unknown): JobOutcome<unknown> => ({ ok: false, error: { kind: 'failed', message: errorText(error) } }),
      )
      .then((outcome) => {
        running.delete(message.id);
        answer({ type: 'done', id: message.id, outcome });
      });
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
