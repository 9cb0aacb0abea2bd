// Open and save dialogs run in the main process: the paths the backend reads and writes come from them, not from the page.
import { BrowserWindow, dialog, ipcMain, webContents as allContents, type OpenDialogOptions } from 'electron';
import { basename } from 'node:path';
import { fail, ok } from '../contract/errors';
import type { ImportSource } from '../contract/imports';
import { ipcChannels, type FileDialogPurpose, type SaveExportResult } from '../contract/transport';
import type { BackendRelay } from './backend-relay';
import type { GrantedPaths } from './granted-paths';
import { isTrustedSender } from './ipc';
import { copyPlainFile } from '../server/encryption/sealed-files';

const importExtensions = ['wav', 'mp3', 'ogg', 'opus', 'flac', 'm4a', 'webm', 'vtt', 'srt', 'json'];

function openOptions(purpose: FileDialogPurpose): OpenDialogOptions {
  if (purpose === 'package')
    return {
      properties: ['openFile'],
      filters: [
        { name: 'Klankbord', extensions: ['zip', 'klankbord'] },
        { name: '*', extensions: ['*'] },
      ],
    };
  if (purpose === 'transcript')
    return {
      properties: ['openFile'],
      filters: [
        { name: 'Transcript', extensions: ['vtt', 'srt', 'json'] },
        { name: '*', extensions: ['*'] },
      ],
    };
  return {
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Audio, transcripts', extensions: importExtensions },
      { name: '*', extensions: ['*'] },
    ],
  };
}

/** The window a message came from, to parent the dialog on (modal to it). */
function ownerWindow(contentsId: number): BrowserWindow | undefined {
  const contents = allContents.fromId(contentsId);
  return contents ? (BrowserWindow.fromWebContents(contents) ?? undefined) : undefined;
}

async function showOpen(contentsId: number, purpose: FileDialogPurpose) {
  const owner = ownerWindow(contentsId);
  const options = openOptions(purpose);
  return owner ? dialog.showOpenDialog(owner, options) : dialog.showOpenDialog(options);
}

async function showSave(contentsId: number, fileName: string) {
  const owner = ownerWindow(contentsId);
  const options = { defaultPath: fileName };
  return owner ? dialog.showSaveDialog(owner, options) : dialog.showSaveDialog(options);
}

/** The open dialog (its result granted to the window as import sources), the save dialog for exports, dropped files. */
export function connectFileDialogs(
  backend: Pick<BackendRelay, 'exportFile'>,
  windows: () => readonly BrowserWindow[],
  granted: GrantedPaths,
): void {
  ipcMain.handle(ipcChannels.openFiles, async (event, purpose: unknown) => {
    if (!isTrustedSender(event, windows)) return fail('invalid_input', 'Untrusted sender');
    if (purpose !== 'import' && purpose !== 'package' && purpose !== 'transcript')
      return fail('invalid_input', 'Unknown dialog');
    const chosen = await showOpen(event.sender.id, purpose);
    if (chosen.canceled) return ok<ImportSource[]>([]);
    granted.grant(event.sender.id, chosen.filePaths);
    return ok<ImportSource[]>(chosen.filePaths.map((path) => ({ kind: 'path', path })));
  });

  ipcMain.handle(ipcChannels.saveExport, async (event, exportId: unknown) => {
    if (!isTrustedSender(event, windows)) return fail('invalid_input', 'Untrusted sender');
    let file: Awaited<ReturnType<BackendRelay['exportFile']>>;
    try {
      file = typeof exportId === 'string' ? await backend.exportFile(exportId) : undefined;
    } catch (error) {
      return fail('backend_unreachable', error instanceof Error ? error.message : String(error));
    }
    if (!file) return fail('not_found', 'This export is no longer available; export again');
    const chosen = await showSave(event.sender.id, file.fileName);
    if (chosen.canceled || !chosen.filePath) return ok<SaveExportResult>({ saved: false });
    try {
      await copyPlainFile(file.path, chosen.filePath);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail('export_not_saved', `Cannot write ${basename(chosen.filePath)}`, { reason });
    }
    return ok<SaveExportResult>({ saved: true, fileName: basename(chosen.filePath) });
  });

  // A dropped file's path, resolved by the preload from the File object itself (the page cannot name a path).
  ipcMain.on(ipcChannels.grantDropped, (event, path: unknown) => {
    if (isTrustedSender(event, windows) && typeof path === 'string' && path !== '')
      granted.grant(event.sender.id, [path]);
  });
}
