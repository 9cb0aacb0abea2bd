import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { poolTestJobs } from './fixtures/pool-test-worker';
import { startWorker } from './start-worker';
import { WorkerPool } from './worker-pool';

const fixtures = join(__dirname, 'fixtures');
let pool: WorkerPool<typeof poolTestJobs> | undefined;

function makePool(size = 1): WorkerPool<typeof poolTestJobs> {
  pool = new WorkerPool<typeof poolTestJobs>({
    start: () => startWorker('pool-test-worker', {}, { directory: fixtures }),
    size,
  });
  return pool;
}

/** Resolves once the worker's job has set its "started" mark in the shared flag. */
async function started(flag: SharedArrayBuffer): Promise<void> {
  const view = new Int32Array(flag);
  while (Atomics.load(view, 1) === 0) await new Promise((resolve) => setImmediate(resolve));
}

function release(flag: SharedArrayBuffer): void {
  const view = new Int32Array(flag);
  Atomics.store(view, 0, 1);
  Atomics.notify(view, 0);
}

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('WorkerPool', () => {
  it('keeps the calling thread free while a worker is blocked in a long synchronous job', async () => {
    const workers = makePool();
    const flag = new SharedArrayBuffer(8);
    const events: string[] = [];
    const job = workers.run('blockUntilReleased', { flag }).then((outcome) => {
      events.push('job finished');
      return outcome;
    });
    await started(flag);
    await new Promise((resolve) => setImmediate(resolve));
    events.push('calling thread answered');
    release(flag);
    expect(await job).toEqual({ ok: true, value: 'released' });
    expect(events).toEqual(['calling thread answered', 'job finished']);
  });

  it('moves large byte arrays instead of copying them, both ways', async () => {
    const workers = makePool();
    const bytes = new Uint8Array(1024 * 1024).fill(7);
    const outcome = await workers.run('echo', { bytes }, { transfer: [bytes.buffer] });
    expect(bytes.byteLength).toBe(0);
    expect(outcome.ok && outcome.value.length).toBe(1024 * 1024);
    expect(outcome.ok && outcome.value.bytes[1000]).toBe(7);
  });

  it('returns a thrown error as a value, and the same worker serves the next job', async () => {
    const workers = makePool();
    expect(await workers.run('fail', undefined as never)).toEqual({
      ok: false,
      error: { kind: 'failed', message: 'bad input' },
    });
    expect(workers.workerCount).toBe(1);
    const next = await workers.run('echo', { bytes: new Uint8Array([1, 2, 3]) });
    expect(next.ok && next.value.length).toBe(3);
  });

  it('fails the job of a worker that crashes with a clear error, and starts a new worker for the next job', async () => {
    const workers = makePool();
    const uncaught = await workers.run('throwUncaught', undefined as never);
    expect(uncaught).toEqual({
      ok: false,
      error: {
        kind: 'crashed',
        message: 'The worker running throwUncaught stopped unexpectedly: boom outside the job',
      },
    });
    const exited = await workers.run('exit', undefined as never);
    expect(exited).toEqual({
      ok: false,
      error: { kind: 'crashed', message: 'The worker running exit stopped unexpectedly (exit code 3)' },
    });
    const next = await workers.run('echo', { bytes: new Uint8Array([1]) });
    expect(next.ok && next.value.length).toBe(1);
    expect(workers.workerCount).toBe(1);
  });

  it('cancels: a queued job never starts, a running one is told or its worker stopped', async () => {
    const workers = makePool(1);
    const flag = new SharedArrayBuffer(8);
    const blocking = new AbortController();
    const blocked = workers.run('blockUntilReleased', { flag }, { signal: blocking.signal });
    await started(flag);
    const waiting = new AbortController();
    const queued = workers.run('echo', { bytes: new Uint8Array(1) }, { signal: waiting.signal });
    waiting.abort();
    expect(await queued).toEqual({ ok: false, error: { kind: 'cancelled', message: 'Cancelled before it started' } });
    blocking.abort();
    expect(await blocked).toEqual({ ok: false, error: { kind: 'cancelled', message: 'Cancelled' } });
    // A fresh worker replaces the stopped one; once it has answered, the next job goes to it at once.
    expect((await workers.run('echo', { bytes: new Uint8Array(1) })).ok).toBe(true);
    const polite = new AbortController();
    const politeJob = workers.run('waitForCancel', undefined, { signal: polite.signal, cancel: 'message' });
    polite.abort();
    expect(await politeJob).toEqual({ ok: true, value: 'stopped on request' });
  });

  it('settles every job as closed when the pool closes', async () => {
    const workers = makePool(1);
    const flag = new SharedArrayBuffer(8);
    const running = workers.run('blockUntilReleased', { flag });
    const queued = workers.run('echo', { bytes: new Uint8Array(1) });
    await started(flag);
    await workers.close();
    const [runningOutcome, queuedOutcome] = await Promise.all([running, queued]);
    expect(runningOutcome.ok ? 'done' : runningOutcome.error.kind).toBe('closed');
    expect(queuedOutcome.ok ? 'done' : queuedOutcome.error.kind).toBe('closed');
    expect((await workers.run('echo', { bytes: new Uint8Array(1) })).ok).toBe(false);
  });
});
