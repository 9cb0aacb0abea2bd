// Exposes exactly two functions on one channel pair; the renderer never sees ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
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
};

contextBridge.exposeInMainWorld('klankbord', bridge);
