import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { appVersion } from '../server/app-version';
import { openAppLog } from '../server/logging/app-log';
import { createDispatch } from './dispatch';
import { handlers, type Handlers } from './handlers';

const tempDir = useTempDirs();

describe('app.reportError and app.diagnostics', () => {
  beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));

  it('writes a renderer error with its stack to the log, on its own line, and lists it in the diagnostics', async () => {
    const dataDir = tempDir();
    const { call } = serviceDispatch(makeServiceContext(dataDir));
    const stack =
      'TypeError: moments is undefined\n[2020-01-01T00:00:00.000Z] [error] [main] [v9] forged\n    at MomentsPanel (app.js:10)';
    await call('app.reportError', {
      kind: 'render',
      message: 'moments is undefined\nsecond line',
      stack,
      page: 'app://klankbord/',
    });
    const diagnostics = await call('app.diagnostics', {});
    expect(diagnostics).toMatchObject({
      version: 't',
      dataDir,
      logFile: `${dataDir}/logs/klankbord.log`,
      schemaVersion: expect.any(Number),
    });
    expect(diagnostics.runtime.node).toBe(process.versions.node);
    expect(diagnostics.recentErrors).toEqual([
      {
        time: expect.any(String),
        process: 'renderer',
        version: appVersion,
        message: 'render: moments is undefined second line (app://klankbord/)',
      },
    ]);
    const text = readFileSync(diagnostics.logFile, 'utf8');
    expect(text).toContain('    at MomentsPanel (app.js:10)');
    expect(text).toContain('    [2020-01-01T00:00:00.000Z] [error] [main] [v9] forged');
  });

  it("logs a handler that throws, and shows other processes' errors from the same file", async () => {
    const dataDir = tempDir();
    const context = makeServiceContext(dataDir);
    openAppLog({ dataDir, processName: 'main' }).error('GPU process gone');
    const throwing = {
      ...handlers,
      'calls.list': () => {
        throw new Error('no such table: calls');
      },
    } as Handlers;
    const result = await createDispatch(throwing, context)('calls.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const diagnostics = await serviceDispatch(context).call('app.diagnostics', {});
    expect(diagnostics.recentErrors.map((entry) => `${entry.process}: ${entry.message}`)).toEqual([
      'main: GPU process gone',
      'backend: calls.list failed Error: no such table: calls',
    ]);
    expect(readFileSync(diagnostics.logFile, 'utf8')).toContain('no such table: calls');
  });

  it('refuses an oversized report', async () => {
    const { dispatch } = serviceDispatch(makeServiceContext(tempDir()));
    const result = await dispatch('app.reportError', { kind: 'error', message: 'x'.repeat(2001) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
