// A packaged app ignores KLANKBORD_SQLITE_BINDING (a development-only way to load a native module): the same
// variable that stops a development build from starting changes nothing in a packaged one.
import { expect as pwExpect } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import './bridge-global';
import { launchDesktop, StartupFailed } from './harness';

const planted = { KLANKBORD_SQLITE_BINDING: '/tmp/klankbord-planted/better_sqlite3.node' };

describe('native code from the environment', () => {
  it('is loaded by a development build (here: a missing file, so start-up stops with a dialog)', async () => {
    const failure = await launchDesktop({ env: planted }).then(
      async (desktop) => {
        await desktop.close();
        return undefined;
      },
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StartupFailed);
    expect(failure).toMatchObject({
      exitCode: 1,
      errorBox: {
        title: 'Klankbord kan niet starten',
        content: expect.stringContaining(planted.KLANKBORD_SQLITE_BINDING),
      },
    });
  });

  it('is ignored by a packaged app, which starts with its bundled SQLite', async () => {
    const desktop = await launchDesktop({ packaged: true, env: planted });
    try {
      await pwExpect(desktop.page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(
        await desktop.page.evaluate(() => window.klankbord!.invoke({ method: 'app.info', input: {} })),
      ).toMatchObject({ ok: true });
    } finally {
      await desktop.close();
    }
  });
});
