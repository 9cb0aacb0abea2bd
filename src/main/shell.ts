// The Electron shell: lifecycle, the window, the IPC channels, the app protocol. Everything else is in server/.
import { app, BrowserWindow, dialog, utilityProcess } from 'electron';
import { join } from 'node:path';
import { dataDirFlag } from '../server/data-dir';
import { describeStartupFailure, pickStartupLanguage } from '../server/startup-failure';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { backendServiceName } from './backend-protocol';
import { startBackendRelay, type BackendRelay } from './backend-relay';
import { desktopDataKey } from './desktop-data-key';
import { connectFileDialogs } from './file-dialogs';
import { GrantedPaths } from './granted-paths';
import { connectIpc } from './ipc';
import { startMainLog } from './main-log';
import { sqliteBindingOverride } from './native-binding';
import { appOrigin, applySecurityBaseline } from './security';

/**
 * Where the built renderer, preload and backend-process entry are (next to the main bundle; the desktop tests pass
 * their own build).
 */
export interface ShellPaths {
  readonly rendererDir: string;
  readonly preloadPath: string;
  /** The backend process's entry (out/main/backend-process.js), forked as an Electron utility process. */
  readonly backendEntry: string;
}

/** The options of every Klankbord window: sandboxed, isolated, no Node, the preload as the only bridge. */
export function windowOptions(preloadPath: string): Electron.BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Klankbord',
    show: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** Opens the backend in its own process; on failure says why in the system's language and answers null. */
async function openBackend(backendEntry: string): Promise<BackendRelay | null> {
  const override = dataDirFlag(process.argv) ?? process.env.KLANKBORD_DATA_DIR;
  const dataDir = override && override.trim() !== '' ? override : app.getPath('userData');
  const appLog = startMainLog(dataDir);
  const demoDir = app.isPackaged ? join(process.resourcesPath, 'demo') : join(app.getAppPath(), 'resources/demo');
  const fork = () => utilityProcess.fork(backendEntry, [], { serviceName: backendServiceName, stdio: 'inherit' });
  const options = {
    dataDir,
    nativeBinding: sqliteBindingOverride(process.env, app.isPackaged),
    demoDir,
    dataKeyHex: desktopDataKey(app.getPath('userData'), dataDir),
  };
  const started = await startBackendRelay(fork, options, appLog);
  if (started.ok) return started.relay;
  appLog.error(`Cannot open the data folder ${dataDir}: ${started.failure.detail}`);
  // Nothing was touched; say why in the system's language (the stored language preference is out of reach).
  const language = pickStartupLanguage([...app.getPreferredSystemLanguages(), app.getLocale()]);
  const { title, message, detail } = describeStartupFailure(started.failure, language);
  dialog.showErrorBox(title, `${message}\n\n${detail}`);
  return null;
}

/** Lets the backend process close its database before the app quits. */
function closeBackendOnQuit(backend: BackendRelay): void {
  app.on('will-quit', (event) => {
    if (!backend.available) return;
    event.preventDefault();
    void backend.close().then(() => app.quit());
  });
}

/** Registers the scheme, takes the single-instance lock, and opens the backend and the first window when ready. */
export function startShell(paths: ShellPaths): void {
  const windows: BrowserWindow[] = [];
  const granted = new GrantedPaths();
  const createWindow = (): void => {
    const window = new BrowserWindow(windowOptions(paths.preloadPath));
    const contentsId = window.webContents.id;
    windows.push(window);
    window.on('closed', () => {
      windows.splice(windows.indexOf(window), 1);
      granted.forget(contentsId);
    });
    window.once('ready-to-show', () => window.show());
    void window.loadURL(`${appOrigin}/`);
  };

  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const [window] = windows;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  void app.whenReady().then(async () => {
    applySecurityBaseline();
    const backend = await openBackend(paths.backendEntry);
    if (!backend) {
      app.exit(1);
      return;
    }
    handleAppProtocol(paths.rendererDir, backend);
    connectIpc(backend, () => windows, granted);
    connectFileDialogs(backend, () => windows, granted);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
    closeBackendOnQuit(backend);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
