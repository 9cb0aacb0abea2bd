import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerCommand } from './worker-bundle';

/*
 * The line protocol between the fault runner and its worker, one line each on stdout, written synchronously:
 *   STARTED            the worker's code runs (start-up kills are timed from here, never from the spawn)
 *   READY              the backend is open (start-up cleanup and migrations done) and setup acknowledged
 *   BEGIN <i>          operation i is about to be dispatched
 *   ACK <i> <json>     operation i returned ok: what it wrote is acknowledged
 *   FULL <i> <json>    operation i (or `setup`) was refused because the disk is full; the worker then stops
 *   ERR <i> <json>     operation i failed otherwise (the runner counts it)
 *   DONE               the round's work is over (done, refused or failed); the worker waits, idle, to be killed
 */

export { emit, writePaths, type WritePath } from './worker-lines';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');

/** How to start the fault worker (bundled where esbuild can, else under tsx). */
export function faultWorkerCommand(): Promise<{ args: string[]; cleanup: () => void }> {
  return workerCommand(join(here, 'worker.ts'), join(repoRoot, '.tmp', 'fault-test'));
}

/** When a round's kill comes, counted from a line the worker wrote; null: no kill (a full-disk round). */
export type KillPlan =
  | { readonly after: 'started'; readonly delayMs: number }
  | { readonly after: 'begin'; readonly operation: number; readonly delayMs: number }
  | null;

export interface RoundOutput {
  readonly ready: boolean;
  readonly begun: number[];
  readonly acked: { readonly index: number; readonly detail: unknown }[];
  readonly full: { readonly index: string; readonly detail: unknown }[];
  readonly errors: string[];
  readonly killed: boolean;
  /** Milliseconds from BEGIN to ACK of each acknowledged operation (the runner sizes its kill windows with them). */
  readonly durationsMs: number[];
  readonly stderr: string;
}

/** Starts the worker, kills it with SIGKILL as `plan` says (unless it ends first) and reports what it said. */
export function runRound(
  command: readonly string[],
  workerArgs: readonly string[],
  plan: KillPlan,
): Promise<RoundOutput> {
  return new Promise((resolveRound, rejectRound) => {
    const child = spawn(process.execPath, [...command, ...workerArgs], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = {
      ready: false,
      begun: [] as number[],
      acked: [] as RoundOutput['acked'][number][],
      full: [] as RoundOutput['full'][number][],
      errors: [] as string[],
      durationsMs: [] as number[],
    };
    let pending = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    let begunAt = 0;
    // The kill comes at the planned moment, or (when the work ended first) while the worker sits idle after DONE.
    const scheduleKill = (delayMs: number) => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, delayMs);
    };
    const parse = (text: string): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    };
    const handleLine = (line: string) => {
      const [word = '', index = '', ...rest] = line.split(' ');
      const detail = parse(rest.join(' '));
      if (word === 'STARTED') {
        if (plan?.after === 'started') scheduleKill(plan.delayMs);
      } else if (word === 'READY') output.ready = true;
      else if (word === 'BEGIN') {
        output.begun.push(Number(index));
        begunAt = performance.now();
        if (plan?.after === 'begin' && Number(index) >= plan.operation) scheduleKill(plan.delayMs);
      } else if (word === 'ACK') {
        output.acked.push({ index: Number(index), detail });
        output.durationsMs.push(performance.now() - begunAt);
      } else if (word === 'FULL') output.full.push({ index, detail });
      else if (word === 'ERR') output.errors.push(`${index} ${rest.join(' ')}`);
      else if (word === 'DONE') scheduleKill(plan?.after === 'begin' ? plan.delayMs : 0);
      else if (line !== '') output.errors.push(`unexpected output: ${line.slice(0, 200)}`);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) handleLine(line);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      rejectRound(error);
    });
    // 'close' comes after the process ended and its stdout was read to the end: every ACK written is in.
    child.on('close', () => {
      clearTimeout(timer);
      resolveRound({ ...output, killed, stderr });
    });
  });
}
