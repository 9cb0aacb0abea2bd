import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase, type Expectation } from '../../scripts/crash-test/checker';
import { EditScript, type ScriptSnapshot } from '../../scripts/crash-test/edit-script';
import { databaseFileName } from '../../src/server/backend';

/*
 * The crash test harness (scripts/crash-test): CI runs a short version of `npm run test:crash`, and the checker is
 * shown to count lost edits, so a passing harness means something.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a TypeScript script of the repo under node with the tsx loader. */
function runScript(script: string, args: readonly string[], timeoutMs: number) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, script), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return result;
}

/** The JSON object on the harness's last line of output. */
function summaryOf(result: { stdout: string; stderr: string; status: number | null }): Record<string, unknown> {
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(lastLine) as Record<string, unknown>;
  } catch {
    throw new Error(
      `no JSON summary (exit ${result.status}):\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-4000)}`,
    );
  }
}

describe('the crash test harness (short CI run)', () => {
  it('survives 15 SIGKILLs without losing an acknowledged edit or failing an integrity check', () => {
    const result = runScript('scripts/crash-test/run.ts', ['--kills', '15'], 120_000);
    const summary = summaryOf(result);
    expect(summary, result.stderr).toMatchObject({ kills: 15, lost: 0, integrity_failures: 0, worker_errors: 0 });
    expect(summary.acknowledged).toBeGreaterThan(0);
    expect(result.status).toBe(0);
  }, 150_000);

  it('reports lost edits (and fails) when the worker acknowledges edits before committing them', () => {
    const result = runScript(
      'scripts/crash-test/run.ts',
      ['--kills', '8', '--seed', '11', '--fault', 'ack-before-commit'],
      120_000,
    );
    const summary = summaryOf(result);
    expect(summary.lost).toBeGreaterThan(0);
    expect(result.status).toBe(1);
  }, 150_000);
});

describe('the crash test checker', () => {
  const seed = 20_240_607;
  const edits = 300;
  let workDir: string;
  let cleanDatabase: string;
  let reviewId: string;
  let copies = 0;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'klankbord-crash-check-'));
    const dataDir = join(workDir, 'data');
    const result = runScript(
      'scripts/crash-test/worker.ts',
      [dataDir, String(seed), '0', '--count', String(edits)],
      60_000,
    );
    expect(result.stdout.trim().split('\n').at(-1), result.stderr).toBe('DONE');
    reviewId = /^READY (.+)$/m.exec(result.stdout)![1]!;
    cleanDatabase = join(dataDir, databaseFileName);
  }, 90_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  /** A copy of the worker's database to tamper with. */
  function copyOfDatabase(): string {
    const dir = join(workDir, `copy-${(copies += 1)}`);
    mkdirSync(dir);
    const file = join(dir, databaseFileName);
    for (const suffix of ['', '-wal'])
      if (existsSync(cleanDatabase + suffix)) copyFileSync(cleanDatabase + suffix, file + suffix);
    return file;
  }

  function tamper(file: string, sql: string, ...params: unknown[]): void {
    const db = new Database(file);
    expect(db.prepare(sql).run(...params).changes).toBe(1);
    db.close();
  }

  /** The expectation after edits 0..count-1 were all acknowledged. */
  function acknowledgedUpTo(count: number): Expectation {
    const script = new EditScript(seed);
    script.skipTo(count);
    return { reviewId, acknowledged: script.model };
  }

  it('finds nothing wrong with the database the worker left', () => {
    expect(checkDatabase(cleanDatabase, acknowledgedUpTo(edits))).toMatchObject({
      integrityFailures: [],
      lostEdits: [],
      inflightApplied: false,
    });
  });

  it('counts a deleted moment as exactly one lost edit: the one that last saved it', () => {
    const expected = acknowledgedUpTo(edits);
    const [momentId] = [...expected.acknowledged.moments.keys()];
    expect(momentId).toBeDefined();
    const file = copyOfDatabase();
    tamper(file, 'DELETE FROM moments WHERE id = ?', momentId);
    const result = checkDatabase(file, expected);
    expect(result.lostEdits).toEqual([expected.acknowledged.writers.get(`moment:${momentId}`)]);
    expect(result.integrityFailures).toEqual([]);
  });

  it('counts a rolled-back item comment and overall comment as lost edits', () => {
    const expected = acknowledgedUpTo(edits);
    const [itemId] = [...expected.acknowledged.itemComments.keys()];
    const file = copyOfDatabase();
    tamper(
      file,
      "UPDATE review_answers SET comment = 'an older text' WHERE review_id = ? AND item_id = ?",
      reviewId,
      itemId,
    );
    tamper(file, "UPDATE reviews SET comment = '' WHERE id = ?", reviewId);
    const lost = [
      expected.acknowledged.writers.get(`itemComment:${itemId}`)!,
      expected.acknowledged.writers.get('comment')!,
    ].sort((a, b) => a - b);
    expect(checkDatabase(file, expected).lostEdits).toEqual(lost);
  });

  it('accepts the in-flight edit committed or not, but only when it had been started', () => {
    const before = acknowledgedUpTo(edits - 1);
    const script = new EditScript(seed);
    script.skipTo(edits - 1);
    const lastEdit = script.next();
    // The database has edit 299; only 0..298 were acknowledged and 299 was in flight: fine, and noticed.
    const withInflight = checkDatabase(cleanDatabase, { ...before, inflight: { edit: lastEdit, model: script.model } });
    expect(withInflight).toMatchObject({ integrityFailures: [], lostEdits: [], inflightApplied: true });
    // Edit 299 was never started: the stored value is one no acknowledged edit left there.
    const withoutInflight = checkDatabase(cleanDatabase, before);
    expect(withoutInflight.lostEdits.length + withoutInflight.integrityFailures.length).toBeGreaterThan(0);
    // And an acknowledged edit that is missing stays lost even though an edit was in flight.
    const [momentId] = [...script.model.moments.keys()].filter(
      (id) => before.acknowledged.moments.has(id) && script.model.writers.get(`moment:${id}`) !== lastEdit.index,
    );
    const file = copyOfDatabase();
    tamper(file, 'DELETE FROM moments WHERE id = ?', momentId);
    expect(checkDatabase(file, { ...before, inflight: { edit: lastEdit, model: script.model } }).lostEdits).toEqual([
      before.acknowledged.writers.get(`moment:${momentId}`),
    ]);
  });

  it('counts a damaged database file as an integrity failure', () => {
    const file = copyOfDatabase();
    rmSync(`${file}-wal`, { force: true });
    const { size } = statSync(file);
    const fd = openSync(file, 'r+');
    // Scribble over every page after the first (the schema page stays readable).
    const garbage = Buffer.alloc(size - 4096, 0x5a);
    writeSync(fd, garbage, 0, garbage.length, 4096);
    closeSync(fd);
    expect(checkDatabase(file, acknowledgedUpTo(edits)).integrityFailures.length).toBeGreaterThan(0);
  });

  it('resumes the script from a snapshot with exactly the edits of a fresh script', () => {
    const fresh = new EditScript(seed);
    fresh.skipTo(500);
    const snapshot = JSON.parse(JSON.stringify(fresh.snapshot())) as ScriptSnapshot;
    const resumed = new EditScript(seed, snapshot);
    const next = (script: EditScript) => Array.from({ length: 300 }, () => script.next());
    expect(next(resumed)).toEqual(next(fresh));
  });
});
