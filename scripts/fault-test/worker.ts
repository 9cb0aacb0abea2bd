/*
 * The fault run's child process: runs the real backend on a data folder and performs one write path's operations
 * (imports, package imports, exports, or opening = migrating the database) until it is killed, the disk is full,
 * or it has done `count` operations; then it waits, idle, for the runner's SIGKILL. See protocol.ts for what it prints.
 *
 *   worker <path> <dataDir> <workDir> <seed> <start> <count> [--enospc-after N]
 *
 * --enospc-after N: the file port's N-th write call and every one after it fail with ENOSPC (used where no small
 * file system can be mounted).
 */
import { createBackend, type Backend } from '../../src/server/backend';
import { isDiskFull } from '../../src/services/disk-full';
import { faultyFileCalls } from './faulty-file-calls';
import { emit, writePaths, type WritePath } from './worker-lines';
import {
  prepareExport,
  prepareImport,
  preparePackageImport,
  setUpExports,
  type Operation,
  type WorkerSettings,
} from './worker-operations';

function diskFullCause(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) if (isDiskFull(current)) return true;
  return false;
}

async function operationsOf(
  path: WritePath,
  backend: Backend,
  settings: WorkerSettings,
): Promise<(index: number) => Operation> {
  if (path === 'imports') return (index) => prepareImport(backend, settings, index);
  if (path === 'packages') return (index) => preparePackageImport(backend, settings, index);
  const target = await setUpExports(backend, settings);
  return (index) => prepareExport(backend, target, index);
}

async function main(): Promise<void> {
  const [pathText, dataDir, workDir, seedText, startText, countText, ...rest] = process.argv.slice(2);
  const path = writePaths.find((candidate) => candidate === pathText);
  const enospcAt = rest.indexOf('--enospc-after');
  const enospcAfter = enospcAt >= 0 ? Number(rest[enospcAt + 1]) : undefined;
  if (!path || !dataDir || !workDir) {
    console.error(
      'usage: worker <imports|packages|exports|migrations> <dataDir> <workDir> <seed> <start> <count> [--enospc-after N]',
    );
    process.exit(64);
  }
  const settings: WorkerSettings = { dataDir, workDir, seed: Number(seedText) };
  const start = Number(startText);
  const count = Number(countText);
  emit('STARTED');
  if (path === 'migrations') emit(`BEGIN ${start}`);
  let backend: Backend;
  let operation: (index: number) => Operation;
  try {
    const fileSystemCalls = enospcAfter === undefined ? undefined : faultyFileCalls((_, index) => index >= enospcAfter);
    backend = createBackend({ dataDir, allowPathSources: true, heavyWork: 'in-thread', fileSystemCalls });
    if (path === 'migrations') {
      emit(
        `ACK ${start} ${JSON.stringify({ schemaVersion: backend.info.schemaVersion, recovered: backend.info.recoveredDatabase !== null })}`,
      );
      waitForKill();
      return;
    }
    operation = await operationsOf(path, backend, settings);
  } catch (error) {
    const detail = JSON.stringify(
      error instanceof Error
        ? { name: error.name, code: (error as { code?: unknown }).code, message: error.message }
        : String(error),
    );
    emit(
      `${diskFullCause(error) || (error as { appCode?: string }).appCode === 'disk_full' ? 'FULL' : 'ERR'} setup ${detail}`,
    );
    waitForKill();
    return;
  }
  emit('READY');
  for (let index = start; index < start + count; index += 1) {
    let run: Operation;
    try {
      run = operation(index);
    } catch (error) {
      // The upload into staging/ (browser mode) already found the disk full: nothing was sent to the backend.
      if (!diskFullCause(error)) throw error;
      emit(`FULL ${index} ${JSON.stringify({ upload: String(error) })}`);
      break;
    }
    emit(`BEGIN ${index}`);
    const outcome = await run();
    emit(
      `${outcome.kind === 'ack' ? 'ACK' : outcome.kind === 'full' ? 'FULL' : 'ERR'} ${index} ${JSON.stringify(outcome.detail)}`,
    );
    if (outcome.kind !== 'ack') break;
  }
  waitForKill();
}

/** The round's work is done: the backend stays open, idle, until the runner's SIGKILL (which is also a fault). */
function waitForKill(): void {
  emit('DONE');
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  emit(`ERR crash ${JSON.stringify(String(error instanceof Error ? error.stack : error))}`);
  process.exit(2);
});
