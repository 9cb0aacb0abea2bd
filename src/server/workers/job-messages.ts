/*
 * The messages between the dispatch thread and a worker thread. One job runs in a worker at a time, so a crash
 * fails exactly the job that was running. Results and errors travel as values; large byte arrays are transferred
 * (moved, not copied), so handing a 100 MB archive to a worker does not stall the sender with a copy.
 */

/** A job function in a worker: one structured-clonable input, an abort signal, a structured-clonable result. */
export type JobFunction = (input: never, signal: AbortSignal) => unknown;

/** The jobs a worker offers, by name. */
export type JobTable = Readonly<Record<string, JobFunction>>;

export type JobInput<J extends JobTable, K extends keyof J> = Parameters<J[K]>[0];
export type JobOutput<J extends JobTable, K extends keyof J> = Awaited<ReturnType<J[K]>>;

/** Why a job did not produce a value: it threw, its worker died, it was cancelled, or the pool was closed. */
export type JobFailureKind = 'failed' | 'crashed' | 'cancelled' | 'closed';

export type JobOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly kind: JobFailureKind; readonly message: string } };

export type ToWorker =
  | { readonly type: 'run'; readonly id: number; readonly job: string; readonly input: unknown }
  | { readonly type: 'cancel'; readonly id: number };

export type FromWorker = { readonly type: 'done'; readonly id: number; readonly outcome: JobOutcome<unknown> };

/** Below this a copy is cheaper than a transfer, and Node's pooled small buffers cannot be transferred. */
const minimumTransferBytes = 64 * 1024;

/**
 * The array buffers inside a value (byte arrays in plain objects and arrays, a few levels deep) that are worth
 * transferring: large ones, each once. After the transfer the sender's views of them are empty.
 */
export function transferablesOf(value: unknown, depth = 3, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer;
    if (buffer instanceof ArrayBuffer && buffer.byteLength >= minimumTransferBytes) found.add(buffer);
  } else if (depth > 0 && value !== null && typeof value === 'object') {
    for (const entry of Array.isArray(value) ? value : Object.values(value)) transferablesOf(entry, depth - 1, found);
  }
  return [...found];
}
