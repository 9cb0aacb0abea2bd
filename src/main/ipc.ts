import { ipcMain, type BrowserWindow } from 'electron';
import { fail } from '../contract/errors';
import { ipcChannels } from '../contract/transport';
import type { Backend } from '../server/backend';
import { isAppUrl } from './security';

/** The one IPC channel to `dispatch`; only our own app frames may call it. */
export function connectIpc(backend: Backend, windows: () => readonly BrowserWindow[]): void {
  ipcMain.handle(ipcChannels.invoke, async (event, message: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    const fromOurWindow = windows().some((window) => window.webContents.id === event.sender.id);
    if (!fromOurWindow || !isAppUrl(frameUrl)) return fail('invalid_input', 'Untrusted sender');
    const { method, input } = (typeof message === 'object' && message !== null ? message : {}) as { method?: unknown; input?: unknown };
    return backend.dispatch(method, input);
  });
  backend.events.listen((eventMessage) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, eventMessage);
    }
  });
}
