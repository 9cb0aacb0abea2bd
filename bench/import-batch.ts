// import-batch: calls per minute when a batch of five-minute stereo WAV + VTT pairs is imported through the real
// backend (imports.start on a folder), with one import worker and with one per core, in the same run; and each
// run's peak RSS. Each run is a fresh process with a fresh data folder, so its peak RSS is its own, running the code
// bundled as the app is built (bench/bundled-child.ts). A shared machine's speed drifts by a third between minutes,
// so the two are measured in alternating rounds (default 3) and the speed-up is the median of the rounds' own
// ratios; each run also reports how busy the whole machine was (the kernel's writing of the copied recordings to
// disk takes CPU too, outside the process).
//
//   npm run bench:import-batch [-- --count N] [--workers N] [--rounds N]
//
// Prints JSON, the last line holding the figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportSummary } from '../src/contract/imports';
import { createBackend } from '../src/server/backend';
import { bundledChildCommand } from './bundled-child';
import { batchFiles } from './import-batch-files';

interface RunFigures {
  readonly workers: number;
  readonly imported: number;
  readonly errors: number;
  readonly seconds: number;
  readonly callsPerMinute: number;
  readonly peakRssMb: number;
  /** RSS as each tenth of the batch starts, and at the end: flat when memory does not grow with the batch. */
  readonly rssMbByTenth: readonly number[];
  readonly load1mBefore: number;
  readonly load1mAfter: number;
  /** The share of the run the calling thread (dispatch, database writes) was busy. */
  readonly mainThreadBusy: number;
  /** CPU time of all the process's threads over the run's wall time: how many cores it kept busy. */
  readonly coresUsed: number;
  /** The share of the whole machine's CPU time that was busy during the run (this process, the kernel, the rest). */
  readonly machineBusy: number;
}

/** Busy and total CPU time of every core so far (ms); two readings give the share busy between them. */
function machineTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

const mib = 1024 * 1024;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a whole number of at least 1`);
  return value;
}

/** One measured import (run in a child process): the whole folder through imports.start. */
async function runOnce(folder: string, count: number, workers: number): Promise<RunFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-bench-batch-'));
  const load1mBefore = loadavg()[0]!;
  const backend = createBackend({ dataDir, allowPathSources: true, importWorkers: workers });
  try {
    const rssMbByTenth: number[] = [];
    const finished = new Promise<ImportSummary>((resolveSummary) => {
      backend.events.listen((message) => {
        const payload = message.payload as { current?: number };
        // Each pair is two files: a tenth of the batch is count / 5 files.
        if (message.name === 'imports.progress' && (payload.current ?? 0) >= ((rssMbByTenth.length + 1) * count) / 5)
          rssMbByTenth.push(Math.round(process.memoryUsage.rss() / mib));
        if (message.name === 'imports.finished') resolveSummary(message.payload as ImportSummary);
      });
    });
    const start = performance.now();
    const loopBefore = performance.eventLoopUtilization();
    const cpuBefore = process.cpuUsage();
    const machineBefore = machineTimes();
    const started = await backend.dispatch('imports.start', { sources: [{ kind: 'path', path: folder }] });
    if (!started.ok) throw new Error(`imports.start: ${started.error.message}`);
    const summary = await finished;
    const seconds = (performance.now() - start) / 1000;
    const mainThreadBusy = performance.eventLoopUtilization(loopBefore).utilization;
    const cpu = process.cpuUsage(cpuBefore);
    const machineAfter = machineTimes();
    const errors = summary.issues.filter((found) => found.severity === 'error');
    if (errors.length > 0) throw new Error(`the import refused files: ${JSON.stringify(errors.slice(0, 3))}`);
    return {
      workers,
      imported: summary.importedCallIds.length,
      errors: errors.length,
      seconds: Number(seconds.toFixed(1)),
      callsPerMinute: Number(((summary.importedCallIds.length / seconds) * 60).toFixed(1)),
      peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / mib),
      rssMbByTenth: [...rssMbByTenth, Math.round(process.memoryUsage.rss() / mib)],
      load1mBefore: Number(load1mBefore.toFixed(2)),
      load1mAfter: Number(loadavg()[0]!.toFixed(2)),
      mainThreadBusy: Number(mainThreadBusy.toFixed(2)),
      coresUsed: Number(((cpu.user + cpu.system) / 1e6 / seconds).toFixed(2)),
      machineBusy: Number(
        ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)).toFixed(2),
      ),
    };
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs one measured import in a fresh process and returns its figures. */
function runInChild(command: readonly string[], folder: string, count: number, workers: number): RunFigures {
  const args = [...command, '--run', folder, '--count', `${count}`, '--workers', `${workers}`];
  const output = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = output.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as RunFigures;
}

async function main(): Promise<void> {
  const count = option('count', 500);
  const runIndex = process.argv.indexOf('--run');
  if (runIndex >= 0) {
    const figures = await runOnce(process.argv[runIndex + 1]!, count, option('workers', 1));
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  const poolWorkers = option('workers', availableParallelism());
  const generateStart = performance.now();
  const folder = batchFiles(resolve(__dirname, '../.tmp/bench'), count);
  const generateSeconds = (performance.now() - generateStart) / 1000;
  const command = await bundledChildCommand(__filename, 'import-batch');
  const rounds = option('rounds', 3);
  const ones: RunFigures[] = [];
  const pools: RunFigures[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    ones.push(runInChild(command, folder, count, 1));
    process.stderr.write(`round ${round}, 1 worker: ${JSON.stringify(ones.at(-1))}\n`);
    pools.push(runInChild(command, folder, count, poolWorkers));
    process.stderr.write(`round ${round}, ${poolWorkers} workers: ${JSON.stringify(pools.at(-1))}\n`);
  }
  const speedups = ones.map((one, index) => Number((pools[index]!.callsPerMinute / one.callsPerMinute).toFixed(2)));
  // The round whose speed-up is the median stands for the run; every round's figures are printed too.
  const medianRound = speedups.indexOf([...speedups].sort((a, b) => a - b)[Math.floor(speedups.length / 2)]!);
  const one = ones[medianRound]!;
  const pool = pools[medianRound]!;
  const figures = {
    benchmark: 'import-batch',
    count,
    poolWorkers,
    cores: availableParallelism(),
    generateSeconds: Number(generateSeconds.toFixed(1)),
    rounds,
    speedupByRound: speedups,
    callsPerMinute1ByRound: ones.map((run) => run.callsPerMinute),
    callsPerMinutePoolByRound: pools.map((run) => run.callsPerMinute),
    seconds1: one.seconds,
    secondsPool: pool.seconds,
    rssMbByTenth1: one.rssMbByTenth,
    rssMbByTenthPool: pool.rssMbByTenth,
    coresUsed1: one.coresUsed,
    coresUsedPool: pool.coresUsed,
    machineBusy1: one.machineBusy,
    machineBusyPool: pool.machineBusy,
    mainThreadBusy1: one.mainThreadBusy,
    mainThreadBusyPool: pool.mainThreadBusy,
    load1m: [one.load1mBefore, one.load1mAfter, pool.load1mBefore, pool.load1mAfter],
    callsPerMinute1: one.callsPerMinute,
    callsPerMinutePool: pool.callsPerMinute,
    speedup: speedups[medianRound],
    peakRssMb1: Math.max(...ones.map((run) => run.peakRssMb)),
    peakRssMbPool: Math.max(...pools.map((run) => run.peakRssMb)),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
