import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { appVersion } from '../app-version';
import { logFilePath, logWorkerFailures, openAppLog, rotatedLogPath } from './app-log';

const tempDir = useTempDirs();
const root = join(import.meta.dirname, '../../..');

function runCrashingProcess(dataDir: string, kind: string): Promise<number | null> {
  const script = join(root, 'tests/fixtures/logging/crash-after-logging.ts');
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', script, dataDir, kind], { cwd: root }, () =>
      resolve(child.exitCode),
    );
  });
}

describe('the app log', () => {
  it('writes errors to logs/klankbord.log in the data folder with the process, the app version and the stack', () => {
    const dataDir = tempDir();
    const log = openAppLog({ dataDir, processName: 'backend' });
    log.error('calls.get failed', new Error('disk on fire'));
    expect(log.file).toBe(join(dataDir, 'logs', 'klankbord.log'));
    const text = readFileSync(log.file, 'utf8');
    expect(text).toMatch(
      new RegExp(
        `^\\[\\d{4}-\\d\\d-\\d\\dT[^\\]]+Z\\] \\[error\\] \\[backend\\] \\[v${appVersion.replaceAll('.', '\\.')}\\] calls.get failed`,
      ),
    );
    expect(text).toContain('Error: disk on fire');
    expect(text).toContain('app-log.test.ts');
    expect(log.recentErrors(5)).toEqual([
      expect.objectContaining({
        process: 'backend',
        version: appVersion,
        message: expect.stringContaining('calls.get failed'),
      }),
    ]);
  });

  it('collects the errors of several processes in one file, and recentErrors leaves out info lines', () => {
    const dataDir = tempDir();
    const main = openAppLog({ dataDir, processName: 'main' });
    const renderer = openAppLog({ dataDir, processName: 'renderer' });
    main.info('started');
    main.error('window failed to load');
    renderer.error('TypeError: x is undefined');
    expect(renderer.recentErrors(10).map((entry) => `${entry.process}: ${entry.message}`)).toEqual([
      'main: window failed to load',
      'renderer: TypeError: x is undefined',
    ]);
    expect(renderer.recentErrors(1).map((entry) => entry.process)).toEqual(['renderer']);
  });

  it('rotates past the size limit and keeps only the configured number of old files', () => {
    const dataDir = tempDir();
    const log = openAppLog({ dataDir, processName: 'rotation', maxBytes: 2000, keepFiles: 2 });
    for (let n = 0; n < 200; n += 1) log.error(`error number ${n} ${'x'.repeat(80)}`);
    const files = readdirSync(join(dataDir, 'logs')).sort();
    expect(files).toEqual(['klankbord.1.log', 'klankbord.2.log', 'klankbord.log']);
    for (const file of files) expect(statSync(join(dataDir, 'logs', file)).size).toBeLessThan(2000 + 400);
    expect(readFileSync(log.file, 'utf8')).toContain('error number 199');
    expect(readFileSync(rotatedLogPath(log.file, 2), 'utf8')).not.toContain('error number 0 ');
    // The newest errors span the current and the previous file.
    const inCurrent = readFileSync(log.file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('[error]')).length;
    const wanted = inCurrent + 3;
    const recent = log.recentErrors(wanted).map((entry) => Number(/error number (\d+)/.exec(entry.message)?.[1]));
    expect(recent).toEqual(Array.from({ length: wanted }, (_, n) => 200 - wanted + n));
  });

  it('logs a worker thread that throws, and one that exits with a failure code', async () => {
    const dataDir = tempDir();
    const log = openAppLog({ dataDir, processName: 'backend' });
    const failing = new Worker("throw new Error('decoder blew up')", { eval: true });
    logWorkerFailures(failing, log, 'analyze-audio');
    await new Promise((resolve) => failing.once('exit', resolve));
    const exiting = new Worker('process.exit(3)', { eval: true });
    logWorkerFailures(exiting, log, 'zip');
    await new Promise((resolve) => exiting.once('exit', resolve));
    const text = readFileSync(log.file, 'utf8');
    expect(text).toContain('Worker analyze-audio failed');
    expect(text).toContain('decoder blew up');
    expect(text).toContain('Worker zip exited with code 3');
  });

  it.each([
    ['exception', 'Uncaught exception', 'thrown on purpose'],
    ['rejection', 'Unhandled rejection', 'rejected on purpose'],
  ])('writes an uncaught %s before the process dies, and the process still fails', async (kind, title, detail) => {
    const dataDir = tempDir();
    const code = await runCrashingProcess(dataDir, kind);
    expect(code).not.toBe(0);
    const file = logFilePath(dataDir);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`[error] [cli] [v${appVersion}] ${title}`);
    expect(text).toContain(detail);
  });
});
