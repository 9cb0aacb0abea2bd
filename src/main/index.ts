// The Electron shell: lifecycle, the window, one IPC channel, the app protocol. Everything else is in server/.
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { createBackend, type Backend } from '../server/backend';
import { dataDirFlag } from '../server/data-dir';
import { classifyStartupFailure, describeStartupFailure, pickStartupLanguage } from '../server/startup-failure';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { connectIpc } from './ipc';
import { startMainLog } from './main-log';
import { sqliteBindingOverride } from './native-binding';
import { appOrigin, applySecurityBaseline } from './security';

const windows: BrowserWindow[] = [];

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Klankbord',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  windows.push(window);
  window.on('closed', () => windows.splice(windows.indexOf(window), 1));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/`);
}

function openBackend(): Backend | null {
  const override = dataDirFlag(process.argv) ?? process.env.KLANKBORD_DATA_DIR;
  const dataDir = override && override.trim() !== '' ? override : app.getPath('userData');
  const appLog = startMainLog(dataDir);
  try {
    const demoDir = app.isPackaged ? join(process.resourcesPath, 'demo') : join(app.getAppPath(), 'resources/demo');
    return createBackend({ dataDir, nativeBinding: sqliteBindingOverride(process.env, app.isPackaged), allowPathSources: true, demoDir });
  } catch (error) {
    appLog.error(`Cannot open the data folder ${dataDir}`, error);
    // Nothing was touched; say why in the system's language (the stored language preference is out of reach).
    const language = pickStartupLanguage([...app.getPreferredSystemLanguages(), app.getLocale()]);
    const { title, message, detail } = describeStartupFailure(classifyStartupFailure(error, dataDir), language);
    dialog.showErrorBox(title, `${message}\n\n${detail}`);
    return null;
  }
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = windows;
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(() => {
    applySecurityBaseline();
    const backend = openBackend();
    if (!backend) {
      app.exit(1);
      return;
    }
    handleAppProtocol(join(__dirname, '../renderer'), backend);
    connectIpc(backend, () => windows);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
    app.on('will-quit', () => backend.close());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
