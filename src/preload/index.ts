// Exposes invoke/subscribe on one channel pair, and the path of user-chosen files; never ipcRenderer itself.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { EventMessage } from '../contract/events';
import type { RawBridge } from '../contract/transport';

// Duplicated from contract/transport (ipcChannels): a sandboxed preload imports nothing at run time but electron.
const invokeChannel = 'klankbord:invoke';
const eventChannel = 'klankbord:event';

const bridge: RawBridge = {
  invoke: (message) => ipcRenderer.invoke(invokeChannel, { method: message.method, input: message.input }),
  subscribe: (handler) => {
    const listener = (_event: IpcRendererEvent, message: EventMessage) => handler(message);
    ipcRenderer.on(eventChannel, listener);
    return () => ipcRenderer.removeListener(eventChannel, listener);
  },
  // The path of a file the user dropped or picked: the renderer gets only paths the user gave it.
  pathForFile: (file) => webUtils.getPathForFile(file as File),
};

contextBridge.exposeInMainWorld('klankbord', bridge);
