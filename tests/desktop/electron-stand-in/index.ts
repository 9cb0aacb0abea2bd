// A stand-in for the Electron API used by src/main and src/preload, aliased to 'electron' in the desktop tests.
export { app, contextBridge, dialog, protocol, session, shell, webUtils } from './app';
export { StandInBrowserWindow as BrowserWindow } from './browser-window';
export { ipcMain, ipcRenderer } from './ipc';
export { webContents } from './web-contents';
export { utilityProcess } from './utility-process';
export { safeStorage } from './safe-storage';
