import { fail, ok, type Result } from '../../../contract/errors';
import type { EventName, EventPayload } from '../../../contract/events';
import type { RawBridge } from '../../../contract/transport';
import type { MethodInput, MethodName, MethodOutput, Transport } from './types';

async function bridged<T>(call: () => Promise<unknown>): Promise<Result<T>> {
  try {
    return (await call()) as Result<T>;
  } catch (error) {
    return fail('backend_unreachable', error instanceof Error ? error.message : 'IPC failed');
  }
}

/** Electron: the preload's `window.klankbord` bridge over one IPC channel. */
export function createIpcTransport(bridge: RawBridge): Transport {
  return {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      try {
        return (await bridge.invoke({ method, input })) as Result<MethodOutput<M>>;
      } catch (error) {
        return fail('backend_unreachable', error instanceof Error ? error.message : 'IPC failed');
      }
    },
    subscribe<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void {
      return bridge.subscribe((message) => {
        if (message.name === name) handler(message.payload as EventPayload<E>);
      });
    },
    async stageFile(file) {
      const path = bridge.pathForFile(file);
      return path ? ok({ kind: 'path', path }) : fail('invalid_input', 'This file has no path on disk');
    },
    chooseFiles: (purpose) => bridged(() => bridge.openFiles(purpose)),
    saveExport: (exportId) => bridged(() => bridge.saveExport(exportId)),
  };
}
