// Exposes invoke/subscribe on one channel pair, the open and save dialogs of the main process, and dropped files'
// paths; never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { EventMessage } from '../contract/events';
import type { FileDialogPurpose, ipcChannels, RawBridge } from '../contract/transport';

// Written again from contract/transport: a sandboxed preload imports nothing at run time but electron. The
// compiler holds the two equal: `satisfies` refuses a missing, extra or different channel name.
const channels = {
  invoke: 'klankbord:invoke',
  event: 'klankbord:event',
  openFiles: 'klankbord:open-files',
  saveExport: 'klankbord:save-export',
  grantDropped: 'klankbord:grant-dropped',
} as const satisfies typeof ipcChannels;

const bridge: RawBridge = {
  invoke: (message) => ipcRenderer.invoke(channels.invoke, { method: message.method, input: message.input }),
  subscribe: (handler) => {
    const listener = (_event: IpcRendererEvent, message: EventMessage) => handler(message);
    ipcRenderer.on(channels.event, listener);
    return () => ipcRenderer.removeListener(channels.event, listener);
  },
  // A dropped file's path comes from the File object (the page cannot forge one) and is granted to this window.
  pathForFile: (file) => {
    const path = webUtils.getPathForFile(file as File);
    if (path) ipcRenderer.send(channels.grantDropped, path);
    return path;
  },
  openFiles: (purpose: FileDialogPurpose) => ipcRenderer.invoke(channels.openFiles, purpose),
  saveExport: (exportId: string) => ipcRenderer.invoke(channels.saveExport, exportId),
};

contextBridge.exposeInMainWorld('klankbord', bridge);
