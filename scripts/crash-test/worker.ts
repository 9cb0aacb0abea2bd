/*
 * The crash test's child process: runs the real backend on a data folder and applies the scripted review edits one
 * by one through `dispatch`, until it is killed (or, with --count, until it has applied that many).
 *
 *   worker <dataDir> <seed> <startIndex> [--count N] [--snapshot file.json] [--fault ack-before-commit]
 *
 * Without --snapshot the worker generates the script from edit 0 up to startIndex; with it, it resumes from the
 * runner's snapshot of the script at startIndex (the same edits, without the generating time on every start).
 * --fault ack-before-commit makes the worker lie like a write-behind cache: it acknowledges each edit, then commits it
 * a few milliseconds later. The runner must then find lost edits; a test uses it to prove the harness can fail.
 *
 * Protocol on stdout, one line each, written synchronously so a line is in the pipe before the next step starts:
 *   STARTED            the worker's code runs (the runner's start-up kills are timed from here, not from the spawn)
 *   RECOVERED <json>   the backend found the database damaged and moved it aside (the runner counts it as a failure)
 *   READY <reviewId>   the call, the reviewer and the review exist (setup acknowledged)
 *   BEGIN <i>          edit i is about to be dispatched
 *   ACK <i>            dispatch of edit i returned ok: the transaction has committed
 *   ERR <i> <json>     dispatch of edit i failed (the worker exits with code 2)
 *   DONE               --count edits applied, backend closed
 */
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import { createBackend, databaseFileName, type Backend } from '../../src/server/backend';
import { getCall, insertCall } from '../../src/storage/calls-repository';
import { configureConnection } from '../../src/storage/connection';
import { crashCall, crashReviewerName, EditScript, type ScriptSnapshot } from './edit-script';

/** Writes a whole line to stdout with a blocking write (retrying if the pipe is full and non-blocking). */
function emit(line: string): void {
  const bytes = Buffer.from(`${line}\n`, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

class DispatchError extends Error {
  constructor(
    readonly method: string,
    readonly detail: unknown,
  ) {
    super(`${method} failed: ${JSON.stringify(detail)}`);
  }
}

async function call<M extends MethodName>(
  backend: Backend,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new DispatchError(method, result.error);
  return result.value as MethodOutput<M>;
}

/** Creates the call (there is no import of an audio-less call through the API) when it is missing. */
function ensureCall(dataDir: string): void {
  const db = new Database(join(dataDir, databaseFileName));
  try {
    configureConnection(db);
    if (!getCall(db, crashCall.id)) insertCall(db, { ...crashCall, createdAtMs: Date.now() });
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const [dataDir, seedText, startText, ...rest] = process.argv.slice(2);
  const countAt = rest.indexOf('--count');
  const count = countAt >= 0 ? Number(rest[countAt + 1]) : Infinity;
  const ackBeforeCommit = rest.includes('--fault') && rest[rest.indexOf('--fault') + 1] === 'ack-before-commit';
  const snapshotFile = rest.includes('--snapshot') ? rest[rest.indexOf('--snapshot') + 1] : undefined;
  const seed = Number(seedText);
  const start = Number(startText);
  if (!dataDir || !Number.isInteger(seed) || !Number.isInteger(start) || start < 0 || !(count >= 0)) {
    console.error(
      'usage: worker <dataDir> <seed> <startIndex> [--count N] [--snapshot file.json] [--fault ack-before-commit]',
    );
    process.exit(64);
  }

  emit('STARTED');
  const backend = createBackend({ dataDir, checkOutputs: true });
  if (backend.info.recoveredDatabase) emit(`RECOVERED ${JSON.stringify(backend.info.recoveredDatabase)}`);
  ensureCall(dataDir);
  if ((await call(backend, 'reviewer.get', {})) === null)
    await call(backend, 'reviewer.set', { name: crashReviewerName });
  const reviewId = (await call(backend, 'reviews.open', { callId: crashCall.id })).review.id;
  emit(`READY ${reviewId}`);

  const script = snapshotFile
    ? new EditScript(seed, JSON.parse(readFileSync(snapshotFile, 'utf8')) as ScriptSnapshot)
    : new EditScript(seed);
  script.skipTo(start);
  for (let index = start; index < start + count; index += 1) {
    const edit = script.next();
    emit(`BEGIN ${index}`);
    if (ackBeforeCommit) {
      emit(`ACK ${index}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const result = await backend.dispatch(edit.method, { reviewId, ...edit.input });
    if (!result.ok) {
      emit(`ERR ${index} ${JSON.stringify(result.error)}`);
      backend.close();
      process.exit(2);
    }
    if (!ackBeforeCommit) emit(`ACK ${index}`);
  }
  backend.close();
  emit('DONE');
}

main().catch((error: unknown) => {
  emit(`ERR setup ${JSON.stringify(error instanceof DispatchError ? error.detail : String(error))}`);
  process.exit(2);
});
