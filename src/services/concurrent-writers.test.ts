import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { insertCall } from '../storage/calls-repository';
import { getReview } from '../storage/reviews-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';

const tempDir = useTempDirs();
const root = resolve(__dirname, '../..');

interface Writer {
  readonly ready: Promise<void>;
  readonly report: Promise<{ ok: number; failed: number; firstError: unknown }>;
  go(): void;
}

function startWriter(dataDir: string, reviewId: string, label: string, count: number): Writer {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'tests/support/review-writer.ts'), dataDir, reviewId, label, String(count)],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const ready = new Promise<void>((resolveReady, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.startsWith('READY\n')) resolveReady();
    });
    child.once('exit', () => reject(new Error(`writer ${label} ended before READY:\n${errors}`)));
  });
  const report = new Promise<{ ok: number; failed: number; firstError: unknown }>((resolveReport, reject) => {
    child.once('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{'))
        resolveReport(JSON.parse(last) as { ok: number; failed: number; firstError: unknown });
      else reject(new Error(`writer ${label} exited with ${code}:\n${output}\n${errors}`));
    });
  });
  return { ready, report, go: () => child.stdin.end('go\n') };
}

describe('two connections writing to one database at the same time', () => {
  it(
    'wait for each other (busy timeout) instead of failing: every edit of both processes is saved',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDir();
      const setup = makeServiceContext(dataDir, { now: () => Date.now() });
      ensureBuiltInRubrics(setup.db, Date.now());
      insertCall(setup.db, { id: 'call-1', title: 'Klacht', createdAtMs: 1 });
      const { call } = serviceDispatch(setup);
      await call('reviewer.set', { name: 'Anouk' });
      const reviewId = (await call('reviews.open', { callId: 'call-1' })).review.id;
      setup.db.close();

      const count = 200;
      const writers = [startWriter(dataDir, reviewId, 'first', count), startWriter(dataDir, reviewId, 'second', count)];
      await Promise.all(writers.map((writer) => writer.ready));
      // Both are started and connected; they begin editing at the same moment.
      for (const writer of writers) writer.go();
      const reports = await Promise.all(writers.map((writer) => writer.report));
      expect(reports).toEqual([
        { ok: count, failed: 0, firstError: null },
        { ok: count, failed: 0, firstError: null },
      ]);

      const after = makeServiceContext(dataDir);
      expect(getReview(after.db, reviewId)?.comment).toMatch(new RegExp(`^(first|second) ${count - 1}$`));
      after.db.close();
    },
  );
});
