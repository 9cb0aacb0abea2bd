// ipcMain and ipcRenderer of the stand-in. A bridge call from a page runs inside `rendererContext`, which says which
// webContents and which frame URL (the page's real URL, mapped onto app://) sent it, as Electron's IPC event does.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { StandInWebContents } from './web-contents';

export interface RendererCall {
  readonly contents: StandInWebContents;
  /** The URL of the frame that called, as Electron reports it (app://klankbord/... for our pages). */
  readonly frameUrl: string;
}

export const rendererContext = new AsyncLocalStorage<RendererCall>();

function currentCall(what: string): RendererCall {
  const call = rendererContext.getStore();
  if (!call) throw new Error(`ipcRenderer.${what} outside a renderer: the stand-in only runs preload code for a page`);
  return call;
}

export interface StandInIpcEvent {
  readonly sender: StandInWebContents;
  readonly senderFrame: { readonly url: string; readonly routingId: number; readonly processId: number };
  readonly processId: number;
  readonly frameId: number;
  returnValue?: unknown;
}

type InvokeHandler = (event: StandInIpcEvent, ...args: unknown[]) => unknown;
type MainListener = (event: StandInIpcEvent, ...args: unknown[]) => void;
type RendererListener = (event: { sender: unknown }, ...args: unknown[]) => void;

const handlers = new Map<string, InvokeHandler>();

/** Every message a renderer sent, as the main process saw its sender (for tests). */
export const ipcLog: { channel: string; senderId: number; frameUrl: string }[] = [];
const mainListeners = new Map<string, Set<MainListener>>();

function ipcEvent(call: RendererCall, channel: string): StandInIpcEvent {
  ipcLog.push({ channel, senderId: call.contents.id, frameUrl: call.frameUrl });
  // Read the frame URL when the message is sent, like Electron (a frame that navigated away reports its new URL).
  return {
    sender: call.contents,
    senderFrame: { url: call.frameUrl, routingId: 1, processId: call.contents.processId },
    processId: call.contents.processId,
    frameId: 1,
  };
}

/** Messages cross a process boundary in Electron: structured clone, so functions or class instances do not survive. */
const cloned = (args: readonly unknown[]): unknown[] => structuredClone([...args]);

interface StandInIpcMain {
  handle(channel: string, handler: InvokeHandler): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: MainListener): StandInIpcMain;
  removeListener(channel: string, listener: MainListener): StandInIpcMain;
}

interface StandInIpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: RendererListener): StandInIpcRenderer;
  removeListener(channel: string, listener: RendererListener): StandInIpcRenderer;
}

export const ipcMain: StandInIpcMain = {
  handle(channel: string, handler: InvokeHandler): void {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    handlers.delete(channel);
  },
  on(channel: string, listener: MainListener): StandInIpcMain {
    const set = mainListeners.get(channel) ?? new Set<MainListener>();
    set.add(listener);
    mainListeners.set(channel, set);
    return ipcMain;
  },
  removeListener(channel: string, listener: MainListener): StandInIpcMain {
    mainListeners.get(channel)?.delete(listener);
    return ipcMain;
  },
};

export const ipcRenderer: StandInIpcRenderer = {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const call = currentCall('invoke');
    const handler = handlers.get(channel);
    if (!handler)
      throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = ipcEvent(call, channel);
    const result = await handler(event, ...cloned(args));
    return structuredClone(result);
  },
  send(channel: string, ...args: unknown[]): void {
    const event = ipcEvent(currentCall('send'), channel);
    const copy = cloned(args);
    // Electron delivers asynchronously, in order.
    queueMicrotask(() => {
      for (const listener of mainListeners.get(channel) ?? []) listener(event, ...copy);
    });
  },
  on(channel: string, listener: RendererListener): StandInIpcRenderer {
    currentCall('on').contents.addRendererListener(channel, listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: RendererListener): StandInIpcRenderer {
    currentCall('removeListener').contents.removeRendererListener(channel, listener);
    return ipcRenderer;
  },
};

export type { RendererListener };

/** Forgets every handler and listener (between harness launches in one process). */
export function resetIpc(): void {
  handlers.clear();
  mainListeners.clear();
}
