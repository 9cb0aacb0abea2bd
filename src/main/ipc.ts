import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../contract/errors';
import { ipcChannels } from '../contract/transport';
import type { BackendRelay } from './backend-relay';
import type { GrantedPaths } from './granted-paths';
import { isAppUrl } from './security';

/** Only our own windows, showing our own pages (the frame that sent the message, not just the window), may call. */
export function isTrustedSender(
  event: IpcMainInvokeEvent | IpcMainEvent,
  windows: () => readonly BrowserWindow[],
): boolean {
  const frameUrl = event.senderFrame?.url ?? '';
  const fromOurWindow = windows().some((window) => !window.isDestroyed() && window.webContents.id === event.sender.id);
  return fromOurWindow && isAppUrl(frameUrl);
}

/** The one IPC channel to `dispatch`, and pushed events to every window. */
export function connectIpc(
  backend: Pick<BackendRelay, 'dispatch' | 'events'>,
  windows: () => readonly BrowserWindow[],
  granted: GrantedPaths,
): void {
  ipcMain.handle(ipcChannels.invoke, async (event, message: unknown) => {
    if (!isTrustedSender(event, windows)) return fail('invalid_input', 'Untrusted sender');
    const { method, input } = (typeof message === 'object' && message !== null ? message : {}) as {
      method?: unknown;
      input?: unknown;
    };
    const ungranted = granted.firstUngranted(event.sender.id, input);
    if (ungranted !== undefined)
      return fail('path_not_granted', 'Choose files with the import dialog or drop them on the window');
    return backend.dispatch(method, input);
  });
  backend.events.listen((eventMessage) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, eventMessage);
    }
  });
}
