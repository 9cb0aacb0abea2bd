// Desktop smoke test: the real Electron shell. Needs Electron's binary, which cannot be downloaded on CI here.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureElectronSqliteBinding, findElectron } from '../../scripts/electron-native.cjs';
import { projectRoot } from '../support/browser-mode';

const found = findElectron();

const skipReason = `Electron smoke test skipped: ${found.reason} (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Run it on a machine where npm can download Electron.`;
if (!found.binary) console.log(skipReason);
test.skip(!found.binary, skipReason);

test('opens the library in a sandboxed window served from app://', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-electron-'));
  const app = await electron.launch({
    executablePath: found.binary!,
    args: [projectRoot, '--data-dir', dataDir],
    env: { ...process.env, KLANKBORD_SQLITE_BINDING: ensureElectronSqliteBinding(projectRoot), LANG: 'nl_NL.UTF-8' },
  });
  try {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://klankbord/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // No Node in the page (sandbox, context isolation); only the preload's bridge.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(
      await page.evaluate(() => Object.keys((globalThis as { klankbord?: object }).klankbord ?? {}).sort()),
    ).toEqual(['invoke', 'openFiles', 'pathForFile', 'saveExport', 'subscribe']);
    // The IPC handler trusts its own page (app:// has the origin "null": the check compares scheme and host).
    const info = await page.evaluate(() =>
      (globalThis as unknown as { klankbord: { invoke(message: unknown): Promise<unknown> } }).klankbord.invoke({
        method: 'app.info',
        input: {},
      }),
    );
    expect(info).toMatchObject({ ok: true });
    // A path the page names itself is refused: only dialog results and dropped files are granted.
    const named = await page.evaluate(() =>
      (globalThis as unknown as { klankbord: { invoke(message: unknown): Promise<unknown> } }).klankbord.invoke({
        method: 'packages.import',
        input: { source: { kind: 'path', path: '/etc/passwd' } },
      }),
    );
    expect(named).toMatchObject({ ok: false, error: { code: 'path_not_granted' } });
    // Navigation away and new windows are denied: the page keeps its document and nothing opens.
    const marker = await page.evaluate(() => {
      (globalThis as { stayed?: string }).stayed = 'yes';
      return window.open('https://example.com');
    });
    expect(marker).toBeNull();
    await page.evaluate(() => {
      window.location.href = 'https://example.com';
    });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => (globalThis as { stayed?: string }).stayed)).toBe('yes');
    expect(app.windows()).toHaveLength(1);
    expect(page.url()).toBe('app://klankbord/');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
