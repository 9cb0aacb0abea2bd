// The window and its security baseline, through the real shell: served from app://klankbord/ by the real protocol
// handler, the preload's bridge, IPC with the real sender checks, and the navigation, window.open, webview and
// permission handlers asked with real URLs.
import { expect as pwExpect } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeState, protocolState, sessionState, shellState } from './electron-stand-in/app';
import { StandInBrowserWindow } from './electron-stand-in/browser-window';
import { ipcLog, ipcRenderer, rendererContext } from './electron-stand-in/ipc';
import './bridge-global';
import { launchDesktop, preloadSource, type DesktopApp } from './harness';

let desktop: DesktopApp;
beforeAll(async () => {
  desktop = await launchDesktop();
  await pwExpect(desktop.page.getByRole('heading', { level: 1 })).toBeVisible();
});
afterAll(async () => {
  await desktop?.close();
});

const ownPages = ['app://klankbord/', 'app://klankbord/sessions', 'app://klankbord/?call=1#review'];
const foreignPages = [
  'https://example.com/',
  'http://127.0.0.1:41234/',
  'file:///etc/passwd',
  'app://other/',
  'app://klankbord.evil/',
  'data:text/html,<p>x</p>',
  'javascript:alert(1)',
  'about:blank',
];

/** Calls the preload's invoke as a frame of `contents` showing `frameUrl` (a frame of our window that navigated, a foreign window). */
function invokeAs(contents: DesktopApp['contents'], frameUrl: string): Promise<unknown> {
  return rendererContext.run({ contents, frameUrl }, () =>
    ipcRenderer.invoke('klankbord:invoke', { method: 'app.info', input: {} }),
  );
}

describe('the desktop window', () => {
  it('is served from app://klankbord/, every response with the CSP, nothing from the network', async () => {
    expect(desktop.contents.getURL()).toBe('app://klankbord/');
    expect(desktop.window.visible).toBe(true);
    expect(protocolState.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    const document = desktop.served.find((response) => response.navigation);
    expect(document).toMatchObject({ url: 'app://klankbord/', status: 200 });
    expect(desktop.served.length).toBeGreaterThan(2);
    for (const response of desktop.served) {
      expect(response.headers['content-security-policy'], response.url).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options'], response.url).toBe('nosniff');
    }
    expect(desktop.refusedRequests).toEqual([]);
  });

  it('has the secure webPreferences, and its preload is the only bridge', async () => {
    expect(desktop.window.options.webPreferences).toMatchObject({
      preload: preloadSource,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(desktop.window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    const page = desktop.page;
    expect(await page.evaluate(() => Object.keys(window.klankbord ?? {}).sort())).toEqual([
      'invoke',
      'openFiles',
      'pathForFile',
      'saveExport',
      'subscribe',
    ]);
    expect(
      await page.evaluate(() => [
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]),
    ).toEqual(['undefined', 'undefined']);
    expect([...bridgeState.exposed.keys()]).toEqual(['klankbord']);
  });

  it('answers its own page, with the sender and frame Electron reports', async () => {
    const before = ipcLog.length;
    const info = await desktop.page.evaluate(() => window.klankbord!.invoke({ method: 'app.info', input: {} }));
    expect(info).toMatchObject({ ok: true, value: { version: expect.any(String) } });
    // The page's own queries may call too while this runs: every call that arrived came from this window's page.
    const arrived = ipcLog.slice(before);
    expect(arrived.length).toBeGreaterThanOrEqual(1);
    for (const entry of arrived)
      expect(entry).toEqual({
        channel: 'klankbord:invoke',
        senderId: desktop.contents.id,
        frameUrl: 'app://klankbord/',
      });
  });

  it('refuses a frame of its window that shows another page, and every window that is not its own', async () => {
    for (const url of foreignPages)
      expect(await invokeAs(desktop.contents, url), url).toMatchObject({
        ok: false,
        error: { message: 'Untrusted sender' },
      });
    expect(await invokeAs(desktop.contents, 'app://klankbord/')).toMatchObject({ ok: true });
    // A window the shell did not open (here: showing our own page) is refused too.
    const stranger = new StandInBrowserWindow({
      webPreferences: { preload: preloadSource, sandbox: true, contextIsolation: true },
    });
    try {
      await stranger.loadURL('app://klankbord/');
      const fromPage = await desktop.context
        .pages()
        .at(-1)!
        .evaluate(() => window.klankbord!.invoke({ method: 'app.info', input: {} }));
      expect(fromPage).toMatchObject({ ok: false, error: { message: 'Untrusted sender' } });
      for (const channel of ['klankbord:open-files', 'klankbord:save-export']) {
        const answer = await rendererContext.run({ contents: stranger.webContents, frameUrl: 'app://klankbord/' }, () =>
          ipcRenderer.invoke(channel, 'import'),
        );
        expect(answer, channel).toMatchObject({ ok: false, error: { message: 'Untrusted sender' } });
      }
    } finally {
      await stranger.close();
    }
  });

  it('lets navigations and redirects stay within the app, refuses every other URL', async () => {
    for (const url of ownPages) {
      expect(desktop.contents.emitNavigation('will-navigate', url), url).toBe(true);
      expect(desktop.contents.emitNavigation('will-redirect', url), url).toBe(true);
    }
    for (const url of foreignPages) {
      expect(desktop.contents.emitNavigation('will-navigate', url), url).toBe(false);
      expect(desktop.contents.emitNavigation('will-redirect', url), url).toBe(false);
    }
  });

  it('stays on its page when the page navigates away; moves within the app', async () => {
    const page = desktop.page;
    const blocked = page.waitForEvent('requestfailed', (request) => request.url().startsWith('https://example.com/'));
    await page.evaluate(() => window.location.assign('https://example.com/phish'));
    expect((await blocked).failure()?.errorText).toBe('net::ERR_ABORTED');
    await pwExpect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(desktop.contents.getURL()).toBe('app://klankbord/');
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.location.assign('/elsewhere'))]);
    expect(desktop.contents.getURL()).toBe('app://klankbord/elsewhere');
    await Promise.all([page.waitForEvent('load'), page.evaluate(() => window.location.assign('/'))]);
    await pwExpect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  it('opens no window: allow-listed https links go to the system browser, everything else nowhere', async () => {
    const opened = shellState.openedExternally.length;
    const results = await desktop.page.evaluate(() =>
      [
        'https://example.com/x',
        'app://klankbord/',
        'javascript:alert(1)',
        'http://github.com/',
        'https://github.com/klankbord',
      ].map((url) => window.open(url)),
    );
    expect(results).toEqual([null, null, null, null, null]);
    // Bindings are answered in order: when the last URL arrived, the others were decided.
    await pwExpect.poll(() => shellState.openedExternally.length).toBe(opened + 1);
    expect(shellState.openedExternally.slice(opened)).toEqual(['https://github.com/klankbord']);
    expect(desktop.allowedWindowOpens).toEqual([]);
    expect(desktop.contents.requestWindowOpen('app://klankbord/')).toEqual({ action: 'deny' });
  });

  it('attaches no webview and grants no permission', async () => {
    expect(desktop.contents.emitWillAttachWebview({ src: 'https://example.com/' })).toBe(false);
    expect(desktop.contents.emitWillAttachWebview({ src: 'app://klankbord/' })).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      'usb',
    ]) {
      const granted = await new Promise<boolean>((answer) =>
        sessionState.permissionRequest!(desktop.contents, permission, answer, { requestingUrl: 'app://klankbord/' }),
      );
      expect(granted, permission).toBe(false);
      expect(sessionState.permissionCheck!(desktop.contents, permission, 'app://klankbord', {}), permission).toBe(
        false,
      );
    }
  });

  it('pushes events to the page and starts each document without the old one’s listeners', async () => {
    const listeners = desktop.contents.rendererListenerCount('klankbord:event');
    expect(listeners).toBeGreaterThan(0);
    await desktop.page.evaluate(() => {
      (globalThis as { received?: unknown[] }).received = [];
      window.klankbord!.subscribe((message) =>
        (globalThis as unknown as { received: unknown[] }).received.push(message),
      );
    });
    await pwExpect.poll(() => desktop.contents.rendererListenerCount('klankbord:event')).toBe(listeners + 1);
    desktop.contents.send('klankbord:event', { name: 'calls.changed', payload: {} });
    await pwExpect
      .poll(() => desktop.page.evaluate(() => (globalThis as { received?: unknown[] }).received))
      .toEqual([{ name: 'calls.changed', payload: {} }]);
    await desktop.page.reload();
    await pwExpect(desktop.page.getByRole('heading', { level: 1 })).toBeVisible();
    await pwExpect.poll(() => desktop.contents.rendererListenerCount('klankbord:event')).toBe(listeners);
  });
});
