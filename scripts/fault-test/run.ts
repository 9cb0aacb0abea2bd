/*
 * Fault harness (`npm run test:faults`): for each write path (imports, package imports, exports, migrations from
 * every older schema) it runs the real backend in a child process (worker.ts) and injects faults: SIGKILL at random
 * moments, and a full disk. After every fault it restarts the backend on the data folder (start-up cleanup and
 * migrations run) and checks it (checker.ts). Each path prints one JSON line:
 *
 *   { path, faults, kills, disk_full_rounds, acknowledged, lost, orphan_files, integrity_failures, worker_errors, ... }
 *
 *   tsx scripts/fault-test/run.ts [--faults 200] [--paths imports,packages,exports,migrations] [--seed N]
 *                                 [--disk auto|tmpfs|inject] [--keep]
 *
 * --faults (or KLANKBORD_FAULTS) is per path. A quarter of the rounds are full-disk rounds: a real small file system
 * (tmpfs, mounted where this process may: root on Linux) filled up to a random few hundred kilobytes, or else ENOSPC
 * injected at the file port from a random write call on (`inject`; migrations then run kills only).
 *
 * Kills are timed from what the worker printed, never from the spawn: every tenth round 0-50 ms after STARTED
 * (start-up: cleanup, migrations), otherwise at a random moment of a random operation of the round, its delay drawn
 * from 0 to 1.5 times the median BEGIN-ACK time of the path's recent operations (so kills land inside operations on a fast
 * or a slow machine alike; no result depends on the speed).
 *
 * acknowledged: operations the worker reported ACK for (after dispatch returned ok). lost: acknowledged writes missing
 * or incomplete at a later check. orphan_files: files without a row (audio), temporary files or staging entries still
 * there after the restart. integrity_failures: integrity_check or foreign_key_check not clean, a row whose file is
 * missing or incomplete, a schema not migrated, a database set aside. worker_errors: a worker that failed other than
 * by the fault (including a full disk reported as anything but disk_full). Exit code 1 when any of these is not 0.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDataFolder, type Acknowledged } from './checker';
import { makeOldDatabase, missingAfterMigration } from './old-schemas';
import { PackageSource } from './package-source';
import { seededRandom } from '../../tests/support/seeded-random';
import { runRound, faultWorkerCommand, writePaths, type KillPlan, type RoundOutput, type WritePath } from './protocol';
import { fillDisk, mountSmallDisk } from './small-disk';

interface Options {
  readonly faults: number;
  readonly paths: readonly WritePath[];
  readonly seed: number;
  readonly disk: 'auto' | 'tmpfs' | 'inject';
  readonly keep: boolean;
}

function parseOptions(args: readonly string[]): Options {
  const valueOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const faults = Number(valueOf('--faults') ?? process.env.KLANKBORD_FAULTS ?? 200);
  const paths = (valueOf('--paths') ?? writePaths.join(',')).split(',') as WritePath[];
  const seed = Number(valueOf('--seed') ?? Math.floor(Math.random() * 2 ** 31));
  const disk = (valueOf('--disk') ?? 'auto') as Options['disk'];
  if (
    !Number.isInteger(faults) ||
    faults < 1 ||
    !paths.every((path) => writePaths.includes(path)) ||
    !Number.isInteger(seed) ||
    !['auto', 'tmpfs', 'inject'].includes(disk)
  ) {
    console.error(
      'usage: run.ts [--faults N] [--paths imports,packages,exports,migrations] [--seed N] [--disk auto|tmpfs|inject] [--keep]',
    );
    process.exit(64);
  }
  return { faults, paths, seed, disk, keep: args.includes('--keep') };
}

/** Operations a worker runs per round (it is usually killed before). */
const operationsPerRound = 4;
/** How much room a full-disk round leaves, at most: about one operation's worth, so it fills during one. */
const roomBytes: Record<WritePath, number> = {
  imports: 192 * 1024,
  packages: 384 * 1024,
  exports: 256 * 1024,
  migrations: 256 * 1024,
};
const diskBytes: Record<WritePath, number> = {
  imports: 160 * 1024 ** 2,
  packages: 200 * 1024 ** 2,
  exports: 96 * 1024 ** 2,
  migrations: 48 * 1024 ** 2,
};
/** Calls and reviews written into each old database: enough that migrating it takes real work. */
const oldDatabaseRows = 4000;

interface Totals {
  kills: number;
  diskFullRounds: number;
  diskFullRefusals: number;
  acknowledged: number;
  lost: Set<string>;
  orphans: number;
  integrityFailures: number;
  workerErrors: number;
  cleanedAtStart: number;
  killsInsideOperation: number;
}

function report(round: number, totals: Totals, problems: readonly string[]): void {
  for (const problem of problems) console.error(`round ${round}: ${problem}`);
}

/** Adds a round's worker output to the totals; returns the problems it showed. */
function countOutput(output: RoundOutput, fullDisk: boolean, totals: Totals): string[] {
  // On a full disk the backend may refuse to start (it cannot open the database): start-up stops and touches nothing.
  const startRefused = (error: string) =>
    fullDisk && error.startsWith('setup ') && error.includes('"DatabaseOpenError"');
  const problems = output.errors
    .filter((error) => !startRefused(error))
    .map((error) => `worker: ${error.slice(0, 500)}`);
  if (!output.killed) problems.push(`the worker ended by itself: ${output.stderr.slice(0, 2000)}`);
  if (fullDisk) {
    totals.diskFullRounds += 1;
    totals.diskFullRefusals += output.full.length + output.errors.filter(startRefused).length;
  } else {
    totals.kills += 1;
    if (output.full.length > 0) problems.push(`disk full without a full disk: ${JSON.stringify(output.full)}`);
    const lastBegun = output.begun.at(-1);
    if (lastBegun !== undefined && lastBegun !== output.acked.at(-1)?.index) totals.killsInsideOperation += 1;
  }
  totals.workerErrors += problems.length;
  totals.acknowledged += output.acked.length;
  return problems;
}

function planKill(round: number, start: number, random: () => number, typicalMs: number): KillPlan {
  if (round % 10 === 9) return { after: 'started', delayMs: Math.floor(random() * 51) };
  return {
    after: 'begin',
    operation: start + Math.floor(random() * operationsPerRound),
    delayMs: random() * 1.5 * typicalMs,
  };
}

function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function emptyTotals(): Totals {
  return {
    kills: 0,
    diskFullRounds: 0,
    diskFullRefusals: 0,
    acknowledged: 0,
    lost: new Set(),
    orphans: 0,
    integrityFailures: 0,
    workerErrors: 0,
    cleanedAtStart: 0,
    killsInsideOperation: 0,
  };
}

/** One write path's figures, as the run prints them. */
function summaryOf(
  path: WritePath,
  options: Options,
  totals: Totals,
  disk: string,
  started: number,
): Record<string, unknown> {
  return {
    path,
    faults: options.faults,
    kills: totals.kills,
    kills_inside_operation: totals.killsInsideOperation,
    disk_full_rounds: totals.diskFullRounds,
    disk_full_refusals: totals.diskFullRefusals,
    disk,
    acknowledged: totals.acknowledged,
    lost: totals.lost.size,
    orphan_files: totals.orphans,
    integrity_failures: totals.integrityFailures,
    worker_errors: totals.workerErrors,
    leftovers_cleaned_at_start: totals.cleanedAtStart,
    seed: options.seed,
    duration_s: Math.round((performance.now() - started) / 100) / 10,
  };
}

async function runPath(path: WritePath, options: Options, worker: readonly string[]): Promise<Record<string, unknown>> {
  const started = performance.now();
  const random = seededRandom(options.seed ^ (writePaths.indexOf(path) * 0x9e3779b9));
  const workDir = mkdtempSync(join(tmpdir(), `klankbord-faults-${path}-`));
  const disk = options.disk === 'inject' ? null : mountSmallDisk(join(workDir, 'disk'), diskBytes[path]);
  if (options.disk === 'tmpfs' && !disk)
    throw new Error('cannot mount a small file system here (needs root on Linux); use --disk inject');
  const dataDir = join(disk?.folder ?? join(workDir, 'disk'), 'data');
  mkdirSync(dataDir, { recursive: true });
  const packages = path === 'packages' ? new PackageSource(workDir, options.seed) : undefined;
  const acknowledged: Acknowledged = { recordings: new Set(), sessions: new Map(), exports: new Map() };
  const totals = emptyTotals();
  let next = 0;
  let typicalMs = 20;
  const durations: number[] = [];
  try {
    for (let round = 0; round < options.faults; round += 1) {
      const fullDisk = round % 4 === 3 && (disk !== null || path !== 'migrations');
      const seeded = path === 'migrations' ? freshOldDatabase(dataDir, round) : undefined;
      await packages?.ensure(next + operationsPerRound - 1);
      const ballast = fullDisk && disk ? fillDisk(disk.folder, Math.floor(random() * roomBytes[path])) : undefined;
      const inject = fullDisk && !disk ? ['--enospc-after', String(Math.floor(random() * 8))] : [];
      const plan = fullDisk ? null : planKill(round, next, random, typicalMs);
      const output = await runRound(
        worker,
        [path, dataDir, workDir, String(options.seed), String(next), String(operationsPerRound), ...inject],
        plan,
      );
      ballast?.free();
      const problems = countOutput(output, fullDisk, totals);
      durations.push(...output.durationsMs);
      // Killed inside an operation: it takes longer than that delay, so the window grows until some complete.
      if (plan?.after === 'begin' && output.acked.length === 0) durations.push(plan.delayMs * 2);
      typicalMs = median(durations.slice(-40)) ?? typicalMs;
      for (const { detail } of output.acked) remember(path, acknowledged, detail);
      next = path === 'migrations' ? 0 : Math.max(next, ...output.acked.map(({ index }) => index + 1));
      const checked = checkDataFolder(dataDir, acknowledged);
      for (const key of checked.lost) totals.lost.add(key);
      if (seeded)
        for (const key of missingAfterMigration(dataDir, seeded)) totals.lost.add(`v${seeded.version} ${key}`);
      totals.orphans += checked.orphans.length;
      totals.integrityFailures += checked.integrityFailures.length;
      totals.cleanedAtStart += checked.cleanedAtStart;
      report(round, totals, [
        ...problems,
        ...checked.lost.map((key) => `lost ${key}`),
        ...checked.orphans.map((name) => `orphan ${name}`),
        ...checked.integrityFailures,
      ]);
    }
  } finally {
    packages?.close();
    disk?.unmount();
    if (options.keep) console.error(`data kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  return summaryOf(path, options, totals, disk ? 'tmpfs' : path === 'migrations' ? 'none' : 'injected-enospc', started);
}

/** Migrations: every round starts from an old database, its version cycling through 0 (none) .. latest - 1. */
function freshOldDatabase(dataDir: string, round: number) {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  return makeOldDatabase(dataDir, round % 5, oldDatabaseRows);
}

function remember(path: WritePath, acknowledged: Acknowledged, detail: unknown): void {
  const value = detail as { sha256?: string; sessionId?: string; shas?: string[]; exportId?: string; bytes?: number };
  if (path === 'imports' && value.sha256) acknowledged.recordings.add(value.sha256);
  if (path === 'packages' && value.sessionId && value.shas) acknowledged.sessions.set(value.sessionId, value.shas);
  if (path === 'exports' && value.exportId && value.sha256)
    acknowledged.exports.set(value.exportId, { sha256: value.sha256, bytes: value.bytes ?? 0 });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const worker = await faultWorkerCommand();
  let failed = false;
  try {
    for (const path of options.paths) {
      const summary = await runPath(path, options, worker.args);
      console.log(JSON.stringify(summary));
      failed ||= [summary.lost, summary.orphan_files, summary.integrity_failures, summary.worker_errors].some(
        (value) => value !== 0,
      );
    }
  } finally {
    worker.cleanup();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
