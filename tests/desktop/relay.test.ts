// The backend in its own process: the shell forks the built backend-process entry through utilityProcess (the
// stand-in's is a real child process), relays every call and pushed event, restarts it when it dies, and shows the
// start-up failure it reports.
import { expect as pwExpect } from '@playwright/test';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolHandler } from '../../src/main/app-protocol';
import { BackendUnavailableError } from '../../src/main/backend-relay';
import { createBackend, DataFolderInUseError } from '../../src/server/backend';
import './bridge-global';
import { builtBackendEntry, builtRenderer, launchDesktop, StartupFailed, type DesktopApp } from './harness';
import { utilityProcessState, type StandInUtilityProcess } from './electron-stand-in/utility-process';

const appInfo = (desktop: DesktopApp) =>
  desktop.page.evaluate(() => window.klankbord!.invoke({ method: 'app.info', input: {} }));

const running = (): StandInUtilityProcess => {
  const child = utilityProcessState.forked.at(-1);
  if (!child?.pid) throw new Error('no backend process is running');
  return child;
};

describe('the backend process behind the relay', () => {
  let desktop: DesktopApp;
  beforeAll(async () => {
    desktop = await launchDesktop();
  });
  afterAll(() => desktop?.close());

  it('answers the page from a second process that holds the data folder', async () => {
    expect(utilityProcessState.forked).toHaveLength(1);
    const child = running();
    expect(child.modulePath).toBe(builtBackendEntry);
    expect(child.options.serviceName).toBe('Klankbord backend');
    expect(child.pid).not.toBe(process.pid);
    expect(await appInfo(desktop)).toMatchObject({ ok: true, value: { dataDir: desktop.dataDir } });
    // Not this (the main) process: the folder's lock is held elsewhere.
    expect(() => createBackend({ dataDir: desktop.dataDir, heavyWork: 'in-thread' })).toThrow(DataFolderInUseError);
  });

  it('pushes the backend process’s events to the page', async () => {
    await desktop.page.evaluate(() => {
      const received: unknown[] = [];
      (globalThis as { received?: unknown[] }).received = received;
      window.klankbord!.subscribe((message) => received.push(message));
    });
    const set = await desktop.page.evaluate(() =>
      window.klankbord!.invoke({ method: 'preferences.set', input: { theme: 'dark' } }),
    );
    expect(set).toMatchObject({ ok: true, value: { theme: 'dark' } });
    await pwExpect
      .poll(() => desktop.page.evaluate(() => (globalThis as { received?: unknown[] }).received))
      .toContainEqual({ name: 'preferences.changed', payload: {} });
  });

  it('answers a call in flight when the process dies with backend_unreachable, then restarts it', async () => {
    const child = running();
    const { postMessage } = child;
    // The call reaches the relay but the process dies before it can answer.
    child.postMessage = (message: unknown) => {
      if ((message as { kind?: string }).kind !== 'dispatch') return postMessage.call(child, message);
      child.crash();
    };
    expect(await appInfo(desktop)).toMatchObject({ ok: false, error: { code: 'backend_unreachable' } });
    await child.exited;
    // The next call waits for the new process, which finds everything saved before.
    const preferences = await desktop.page.evaluate(() =>
      window.klankbord!.invoke({ method: 'preferences.get', input: {} }),
    );
    expect(preferences).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(utilityProcessState.forked).toHaveLength(2);
    expect(running().pid).not.toBe(child.pid);
    const log = readFileSync(join(desktop.dataDir, 'logs/klankbord.log'), 'utf8');
    expect(log).toMatch(/\[main\].*The backend process stopped unexpectedly/);
  });
});

describe('a start-up failure in the backend process', () => {
  it('stops start-up with the failure dialog, in the system’s language (a database from a newer Klankbord)', async () => {
    const failure = await launchDesktop({
      prepareDataDir: (dataDir) => {
        const db = new Database(join(dataDir, 'klankbord.db'));
        db.pragma('user_version = 9999');
        db.close();
      },
    }).then(
      async (opened) => {
        await opened.close();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StartupFailed);
    expect(failure).toMatchObject({
      exitCode: 1,
      errorBox: {
        title: 'Klankbord kan niet starten',
        content: expect.stringContaining('gemaakt door een nieuwere versie van Klankbord'),
      },
    });
  });
});

describe('media while the backend process is down', () => {
  it('answers 503 (with the CSP) instead of failing the request, for audio, peaks and exports alike', async () => {
    const down = (): Promise<never> =>
      Promise.reject(new BackendUnavailableError('The backend process is not running'));
    const handler = appProtocolHandler(builtRenderer, { audioFile: down, peaks: down, exportFile: down });
    const id = '123e4567-e89b-42d3-a456-426614174000';
    for (const kind of ['audio', 'peaks', 'exports']) {
      const response = await handler(new Request(`app://klankbord/media/${kind}/${id}`));
      expect(response.status).toBe(503);
      expect(response.headers.get('content-security-policy')).toBeTruthy();
    }
  });
});
