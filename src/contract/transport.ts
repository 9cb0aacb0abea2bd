import type { Result } from './errors';
import type { EventMessage, EventName, EventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** How the renderer talks to the backend: IPC in Electron, HTTP in browser mode, in memory in component tests. */
export interface Transport {
  /** Answers every failure, a lost connection included, as a failed Result: the promise never rejects. */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  subscribe<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void;
}

/** The raw bridge the preload script exposes on `window.klankbord` (untyped at the boundary). */
export interface RawBridge {
  invoke(message: { method: string; input: unknown }): Promise<unknown>;
  subscribe(handler: (message: EventMessage) => void): () => void;
  /** The path of a File object the user dropped or picked (contract code has no DOM types, hence `object`). */
  pathForFile(file: object): string;
}

/** The single IPC channel names; one for calls, one for pushed events. */
export const ipcChannels = { invoke: 'klankbord:invoke', event: 'klankbord:event' } as const;
