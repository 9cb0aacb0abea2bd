// Starts the real Electron shell (src/main/shell.ts) against the stand-in, with its window shown in Debian's
// Chromium, a temporary data folder and the built renderer (out/renderer).
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumLaunchOptions } from '../support/chromium';
import { app, dialogState, restartStandIn } from './electron-stand-in/app';
import { resetIpc } from './electron-stand-in/ipc';
import { setWindowHooks, StandInBrowserWindow } from './electron-stand-in/browser-window';
import { hostWebContents, type HostedPage } from './electron-stand-in/renderer-host';
import { allUtilityProcessesExited, resetUtilityProcesses } from './electron-stand-in/utility-process';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const builtRenderer = join(projectRoot, 'out/renderer');
export const preloadSource = join(projectRoot, 'src/preload/index.ts');
/** The built backend-process entry: forked by the shell through the stand-in's utilityProcess. */
export const builtBackendEntry = join(projectRoot, 'out/main/backend-process.js');

export interface DesktopApp extends HostedPage {
  readonly window: StandInBrowserWindow;
  readonly dataDir: string;
  readonly context: BrowserContext;
  /** Closes the window, quits (the backend process closes and ends) and removes the data folder. */
  close(): Promise<void>;
}

/**
 * One Klankbord desktop process per test file: the shell registers its IPC handlers once, as in Electron. The data
 * folder starts empty, so the demo call is imported on first start (as for a new user).
 */
export interface LaunchOptions {
  /** As a packaged app (app.isPackaged, resources next to the app). */
  readonly packaged?: boolean;
  /** Extra environment variables for this launch (removed again when it closes or fails). */
  readonly env?: Readonly<Record<string, string>>;
  /** Puts files in the (empty) data folder before the shell starts (e.g. a database it must refuse). */
  readonly prepareDataDir?: (dataDir: string) => void;
}

export class StartupFailed extends Error {
  constructor(
    readonly exitCode: number,
    readonly errorBox: unknown,
  ) {
    super(`The desktop app exited with code ${exitCode} at start-up`);
  }
}

function restoreEnv(saved: ReadonlyMap<string, string | undefined>): void {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

async function forget(
  browser: Browser,
  dataDir: string,
  savedEnv: ReadonlyMap<string, string | undefined>,
): Promise<void> {
  // The backend process has the data folder open until it ends (a closed database, or killed after a failed start).
  await allUtilityProcessesExited();
  resetUtilityProcesses();
  setWindowHooks(undefined);
  resetIpc();
  restartStandIn();
  restoreEnv(savedEnv);
  rmSync(dataDir, { recursive: true, force: true });
  return browser.close();
}

export async function launchDesktop(options: LaunchOptions = {}): Promise<DesktopApp> {
  if (!existsSync(join(builtRenderer, 'index.html')) || !existsSync(builtBackendEntry))
    throw new Error('No built renderer or backend entry in out/: run "npx electron-vite build" first');
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-desktop-'));
  options.prepareDataDir?.(dataDir);
  const savedEnv = new Map(
    Object.keys({ KLANKBORD_DATA_DIR: '', ...options.env }).map((name) => [name, process.env[name]]),
  );
  Object.assign(process.env, options.env);
  app.isPackaged = options.packaged ?? false;
  Object.assign(process, { resourcesPath: join(projectRoot, 'resources') });
  process.env.KLANKBORD_DATA_DIR = dataDir;
  app.paths.set('userData', dataDir);
  const browser: Browser = await chromium.launch(chromiumLaunchOptions);
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1500, height: 950 } });
  let shown: (window: StandInBrowserWindow) => void = () => undefined;
  const firstWindow = new Promise<StandInBrowserWindow>((done) => (shown = done));
  const hosting = new Map<number, Promise<HostedPage>>();
  setWindowHooks({
    webContentsCreated: (contents) => {
      const hostedPage = hostWebContents(context, contents);
      hosting.set(contents.id, hostedPage);
      // loadURL waits until the page exists.
      const { loadURL } = contents;
      contents.loadURL = async (url) => {
        await hostedPage;
        return loadURL.call(contents, url);
      };
    },
    windowCreated: (window) => window.once('ready-to-show', () => shown(window)),
  });
  const { startShell } = await import('../../src/main/shell');
  const exited = new Promise<never>((_, fail) =>
    app.once('stand-in-exit', (code: number) =>
      fail(new StartupFailed(code, dialogState.shown.findLast((shown) => shown.kind === 'error')?.options)),
    ),
  );
  startShell({ rendererDir: builtRenderer, preloadPath: preloadSource, backendEntry: builtBackendEntry });
  app.becomeReady();
  let window: StandInBrowserWindow;
  try {
    window = await Promise.race([firstWindow, exited]);
  } catch (error) {
    await forget(browser, dataDir, savedEnv);
    throw error;
  }
  const hosted = await hosting.get(window.webContents.id)!;
  return {
    ...hosted,
    window,
    dataDir,
    context,
    async close() {
      for (const open of StandInBrowserWindow.getAllWindows()) await open.close();
      app.emit('window-all-closed');
      // Electron's will-quit event: the shell holds the quit until the backend process has closed its database.
      app.emit('will-quit', { preventDefault: () => undefined });
      await forget(browser, dataDir, savedEnv);
    },
  };
}
