/*
 * Crash test harness (`npm run test:crash`): runs the backend in a child process (worker.ts) that applies scripted
 * review edits, kills it with SIGKILL at a random moment, reopens the database read-only and compares it with every
 * edit the worker had acknowledged. Repeats for --kills rounds on the same data folder; each round continues the
 * script after the last acknowledged edit (re-applying the edit that was in flight, which is harmless).
 *
 *   tsx scripts/crash-test/run.ts [--kills 200] [--seed N] [--keep] [--no-bundle] [--fault ack-before-commit]
 *
 * --fault ack-before-commit runs a worker that acknowledges edits before committing them: a self-check that must
 * report lost edits (and exit 1).
 *
 * The last line of output is one JSON object: kills, acknowledged, lost, integrity_failures and more (see summary
 * below). The exit code is 1 when anything was lost, an integrity check failed or the worker failed by itself.
 *
 * Definitions:
 * - acknowledged: edits the worker reported with `ACK i`, which it writes only after `dispatch` returned ok, i.e.
 *   after the SQLite transaction committed. Edits run strictly one after another, so edits 0..A are acknowledged.
 * - lost: acknowledged edits whose effect was missing from the database at some check after their acknowledgement
 *   (each counted once). At a check, every key of the review (an item's answer, comment and evidence override, the
 *   overall comment, the call context, each moment) must hold its value after edits 0..A, or after 0..A+1 when edit
 *   A+1 had been started (in flight at a kill, committed or not: both are fine). A key holding neither loses the
 *   acknowledged edit that last set it; an edit whose keys were all set again by later edits is superseded.
 * - integrity_failures: failed checks: integrity_check not ok, foreign_key_check rows, a torn in-flight edit (partly
 *   applied), a value no edit wrote, a database that cannot be read, or one the backend had to move aside as damaged.
 *
 * When the kill comes is decided per round, and always counted from what the worker said, never from the spawn (a
 * busy machine can take seconds to start a worker, and a timer started at spawn would kill every worker before it ran):
 * - every tenth round: 0-50 ms after STARTED, while the backend opens, checks and migrates the database;
 * - odd rounds: when the worker begins its k-th edit of the round (k = 1..60), after 0-3 ms, so every such round has
 *   acknowledged edits whatever the machine's speed;
 * - the other rounds: 50-600 ms after READY, while edits run.
 *
 * Also reported: rounds_with_inflight_edit (the kill came after `BEGIN i` and before `ACK i`),
 * inflight_applied_unacknowledged (checks that found the in-flight edit committed though never acknowledged),
 * kills_before_ready (the kill came during start-up: opening, checking and migrating the database, setup),
 * worker_errors (the worker failed or ended by itself, or acknowledged out of order; also fails the run).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDatabase, setupEdit } from './checker';
import { createRandom, EditScript, type Edit, type ReviewModel, type ScriptSnapshot } from './edit-script';
import { databaseFileName } from '../../src/server/backend';
import { workerCommand } from '../fault-test/worker-bundle';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

interface Options {
  readonly kills: number;
  readonly seed: number;
  readonly keep: boolean;
  readonly bundle: boolean;
  readonly fault: 'ack-before-commit' | null;
}

function parseOptions(args: readonly string[]): Options {
  const valueOf = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const kills = Number(valueOf('--kills') ?? 200);
  const seed = Number(valueOf('--seed') ?? Math.floor(Math.random() * 2 ** 31));
  const fault = valueOf('--fault') ?? null;
  if (
    !Number.isInteger(kills) ||
    kills < 1 ||
    !Number.isInteger(seed) ||
    seed < 0 ||
    (fault !== null && fault !== 'ack-before-commit')
  ) {
    console.error('usage: run.ts [--kills N] [--seed N] [--keep] [--no-bundle] [--fault ack-before-commit]');
    process.exit(64);
  }
  return { kills, seed, keep: args.includes('--keep'), bundle: !args.includes('--no-bundle'), fault };
}

interface RoundOutput {
  readonly ready: string | null;
  readonly begun: number[];
  readonly acked: number[];
  readonly recovered: string[];
  readonly errors: string[];
  /** The worker ended by itself before the kill. */
  readonly exitedEarly: boolean;
  readonly stderr: string;
}

/** When a round's kill comes, counted from a line the worker wrote. */
type KillPlan =
  | { readonly after: 'started' | 'ready'; readonly delayMs: number }
  | { readonly after: 'begin'; readonly editIndex: number; readonly delayMs: number };

function planKill(round: number, firstEdit: number, random: () => number): KillPlan {
  if (round % 10 === 9) return { after: 'started', delayMs: Math.floor(random() * 51) };
  if (round % 2 === 1)
    return { after: 'begin', editIndex: firstEdit + 1 + Math.floor(random() * 60), delayMs: Math.floor(random() * 4) };
  return { after: 'ready', delayMs: 50 + Math.floor(random() * 551) };
}

/** Starts the worker, kills it as `plan` says (unless it ends first) and reports what it said. */
function runRound(
  command: readonly string[],
  workerArgs: readonly string[],
  plan: KillPlan,
  onAck: (index: number) => void,
): Promise<RoundOutput> {
  return new Promise((resolveRound, rejectRound) => {
    const child = spawn(process.execPath, [...command, ...workerArgs], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = {
      ready: null as string | null,
      begun: [] as number[],
      acked: [] as number[],
      recovered: [] as string[],
      errors: [] as string[],
    };
    let pending = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    const scheduleKill = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, plan.delayMs);
    };
    const handleLine = (line: string) => {
      const space = line.indexOf(' ');
      const word = space < 0 ? line : line.slice(0, space);
      const rest = space < 0 ? '' : line.slice(space + 1);
      if (word === 'STARTED') {
        if (plan.after === 'started') scheduleKill();
      } else if (word === 'READY') {
        output.ready = rest;
        if (plan.after === 'ready') scheduleKill();
      } else if (word === 'BEGIN') {
        output.begun.push(Number(rest));
        if (plan.after === 'begin' && Number(rest) >= plan.editIndex) scheduleKill();
      } else if (word === 'ACK') {
        output.acked.push(Number(rest));
        onAck(Number(rest));
      } else if (word === 'RECOVERED') output.recovered.push(rest);
      else if (word === 'ERR') output.errors.push(rest);
      else if (word !== 'DONE' && line !== '') output.errors.push(`unexpected output: ${line.slice(0, 200)}`);
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
      // A partial last line means the kill hit mid-write; only whole lines count.
      resolveRound({ ...output, exitedEarly: !killed, stderr });
    });
  });
}

/**
 * The script as the runner sees it: `acknowledged` is the state after edits 0..lastAck; edits after it are kept
 * in `upcoming` (with the PRNG state before each) until they are acknowledged.
 */
class AcknowledgedScript {
  readonly acknowledged: ReviewModel;
  lastAck = -1;
  private readonly script: EditScript;
  private readonly upcoming: { edit: Edit; randomState: number }[] = [];

  constructor(
    private readonly seed: number,
    private readonly snapshotFile: string,
  ) {
    this.script = new EditScript(seed);
    this.acknowledged = this.script.model.clone();
  }

  editAt(index: number): Edit {
    const offset = index - (this.lastAck + 1);
    if (offset < 0) throw new Error(`edit ${index} was already acknowledged`);
    while (this.upcoming.length <= offset) {
      const randomState = this.script.randomState;
      this.upcoming.push({ edit: this.script.next(), randomState });
    }
    return this.upcoming[offset]!.edit;
  }

  acknowledge(index: number): void {
    this.acknowledged.apply(this.editAt(index));
    this.upcoming.shift();
    this.lastAck = index;
  }

  /** The script at the first unacknowledged edit, for the next worker to resume from. */
  writeSnapshot(): void {
    this.editAt(this.lastAck + 1);
    const snapshot: ScriptSnapshot = {
      seed: this.seed,
      nextIndex: this.lastAck + 1,
      randomState: this.upcoming[0]!.randomState,
      model: this.acknowledged.serialize(),
    };
    writeFileSync(this.snapshotFile, JSON.stringify(snapshot));
  }
}

/** What the rounds found so far. */
interface Tally {
  reviewId: string | null;
  maxBegun: number;
  readonly lost: Set<number>;
  integrityFailures: number;
  workerErrors: number;
  roundsWithInflightEdit: number;
  inflightApplied: number;
  killsBeforeReady: number;
  protocolErrors: number;
  readonly damagedSeen: Set<string>;
}

const roundProblem = (message: string) => console.error(`round problem: ${message}`);

/** What the worker said of itself: errors, a database it moved aside, the review it opened, the edits it began. */
function countWorkerOutput(round: number, output: RoundOutput, tally: Tally): void {
  if (output.exitedEarly || output.errors.length > 0) {
    tally.workerErrors += 1;
    roundProblem(`round ${round}: the worker ended by itself: ${output.errors.join(' | ')}\n${output.stderr}`);
  }
  for (const recovered of output.recovered) {
    tally.integrityFailures += 1;
    roundProblem(`round ${round}: the backend moved a damaged database aside: ${recovered}`);
  }
  if (output.ready === null) tally.killsBeforeReady += 1;
  else if (tally.reviewId === null) tally.reviewId = output.ready;
  else if (output.ready !== tally.reviewId) {
    tally.lost.add(setupEdit);
    roundProblem(`round ${round}: the worker opened review ${output.ready}, not ${tally.reviewId}`);
  }
  const lastBegun = output.begun.at(-1);
  if (lastBegun !== undefined) tally.maxBegun = Math.max(tally.maxBegun, lastBegun);
  if (lastBegun !== undefined && lastBegun > (output.acked.at(-1) ?? -1)) tally.roundsWithInflightEdit += 1;
}

/** The database after the kill against the acknowledged edits (and the one in flight), and no damaged files. */
function checkAfterRound(
  round: number,
  output: RoundOutput,
  script: AcknowledgedScript,
  tally: Tally,
  dataDir: string,
): void {
  const { acknowledged, lastAck } = script;
  const inflightEdit = tally.maxBegun > lastAck ? script.editAt(lastAck + 1) : undefined;
  const inflightModel = inflightEdit ? acknowledged.clone() : undefined;
  if (inflightEdit && inflightModel) inflightModel.apply(inflightEdit);
  const result = checkDatabase(join(dataDir, databaseFileName), {
    reviewId: tally.reviewId,
    acknowledged,
    ...(inflightEdit && inflightModel ? { inflight: { edit: inflightEdit, model: inflightModel } } : {}),
  });
  tally.integrityFailures += result.integrityFailures.length;
  for (const problem of result.integrityFailures) roundProblem(`round ${round}: ${problem}`);
  for (const detail of result.details) roundProblem(`round ${round}: ${detail}`);
  for (const index of result.lostEdits) tally.lost.add(index);
  if (result.inflightApplied) tally.inflightApplied += 1;
  // A database moved aside that the worker could not report (killed right after moving it).
  const damaged = readdirSync(dataDir).filter((name) => name.includes('.damaged-') && !tally.damagedSeen.has(name));
  for (const name of damaged) tally.damagedSeen.add(name);
  if (damaged.length > 0 && output.recovered.length === 0) {
    tally.integrityFailures += 1;
    roundProblem(`round ${round}: damaged database files: ${damaged.join(', ')}`);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'klankbord-crash-'));
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir);
  const snapshotFile = join(workDir, 'script-snapshot.json');
  const worker = await workerCommand(join(here, 'worker.ts'), join(repoRoot, '.tmp', 'crash-test'), options.bundle);
  const random = createRandom(options.seed ^ 0x5bd1e995);
  const script = new AcknowledgedScript(options.seed, snapshotFile);
  const tally: Tally = {
    reviewId: null,
    maxBegun: -1,
    lost: new Set(),
    integrityFailures: 0,
    workerErrors: 0,
    roundsWithInflightEdit: 0,
    inflightApplied: 0,
    killsBeforeReady: 0,
    protocolErrors: 0,
    damagedSeen: new Set(),
  };

  try {
    for (let round = 0; round < options.kills; round += 1) {
      const start = script.lastAck + 1;
      const plan = planKill(round, start, random);
      script.writeSnapshot();
      const workerArgs = [
        dataDir,
        String(options.seed),
        String(start),
        '--snapshot',
        snapshotFile,
        ...(options.fault ? ['--fault', options.fault] : []),
      ];
      const output = await runRound(worker.args, workerArgs, plan, (index) => {
        if (index !== script.lastAck + 1) {
          tally.protocolErrors += 1;
          roundProblem(`round ${round}: ACK ${index} after ACK ${script.lastAck}`);
          return;
        }
        script.acknowledge(index);
      });
      countWorkerOutput(round, output, tally);
      checkAfterRound(round, output, script, tally, dataDir);
      if ((round + 1) % 25 === 0 || round + 1 === options.kills) {
        console.log(
          `round ${round + 1}/${options.kills}: ${script.lastAck + 1} edits acknowledged, lost ${tally.lost.size}, integrity failures ${tally.integrityFailures}`,
        );
      }
    }
  } finally {
    worker.cleanup();
    if (options.keep) console.log(`data kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }

  const summary = {
    kills: options.kills,
    acknowledged: script.lastAck + 1,
    lost: tally.lost.size,
    integrity_failures: tally.integrityFailures,
    rounds_with_inflight_edit: tally.roundsWithInflightEdit,
    inflight_applied_unacknowledged: tally.inflightApplied,
    kills_before_ready: tally.killsBeforeReady,
    worker_errors: tally.workerErrors + tally.protocolErrors,
    seed: options.seed,
    ...(options.fault ? { fault: options.fault } : {}),
    duration_s: Math.round((performance.now() - started) / 100) / 10,
  };
  console.log(JSON.stringify(summary));
  process.exit(summary.lost > 0 || summary.integrity_failures > 0 || summary.worker_errors > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
