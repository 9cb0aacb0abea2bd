// The backend process's side of the relay: opens the backend on the data folder the main process names, answers its
// requests and forwards pushed events. Runs in the utility process (see backend-process.ts), never in main.
import { createBackend, type Backend } from '../server/backend';
import { defaultKeyProvider, firstFittingProvider, heldKeyProvider } from '../server/encryption/data-key';
import { logUncaughtErrors, openAppLog, type AppLog } from '../server/logging/app-log';
import { classifyStartupFailure } from '../server/startup-failure';
import type { BackendProcessOptions, FromBackend, MediaQuery, ToBackend } from './backend-protocol';

/** What the backend process needs of Electron's `process.parentPort` (the desktop tests hand in a shim). */
export interface ParentPortLike {
  on(event: 'message', listener: (message: { readonly data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

function open(port: ParentPortLike, options: BackendProcessOptions): { backend: Backend; log: AppLog } | undefined {
  const log = openAppLog({ dataDir: options.dataDir, processName: 'backend' });
  logUncaughtErrors(log);
  try {
    const backend = createBackend({
      dataDir: options.dataDir,
      nativeBinding: options.nativeBinding,
      allowPathSources: true,
      demoDir: options.demoDir,
      encryption: options.dataKeyHex
        ? firstFittingProvider([
            heldKeyProvider(Buffer.from(options.dataKeyHex, 'hex'), 'safeStorage'),
            defaultKeyProvider(),
          ])
        : defaultKeyProvider(),
    });
    backend.events.listen((event) => post(port, { kind: 'event', event }));
    post(port, { kind: 'ready', info: backend.info, dataKeyHex: backend.folderKeyHex() });
    return { backend, log };
  } catch (error) {
    log.error(`Cannot open the data folder ${options.dataDir}`, error);
    post(port, { kind: 'startup-failed', failure: classifyStartupFailure(error, options.dataDir) });
    return undefined;
  }
}

function post(port: ParentPortLike, message: FromBackend): void {
  port.postMessage(message);
}

function lookUp(backend: Backend, query: MediaQuery, key: string): unknown {
  if (query === 'audioFile') return backend.audioFile(key);
  if (query === 'peaks') return backend.peaks(key);
  return backend.exportFile(key);
}

async function answer(port: ParentPortLike, id: number, log: AppLog, work: () => unknown): Promise<void> {
  try {
    post(port, { kind: 'answer', id, result: await work() });
  } catch (error) {
    log.error('A relayed request failed in the backend process', error);
    post(port, { kind: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Serves the relay on `port`: the first message opens the backend ('ready', or 'startup-failed' with the reason);
 * then each request gets one answer with its id, in any order. 'close' closes the database and ends the process.
 */
export function serveBackend(port: ParentPortLike, exit: (code: number) => void = (code) => process.exit(code)): void {
  let opened: { backend: Backend; log: AppLog } | undefined;
  port.on('message', ({ data }) => {
    const message = data as ToBackend;
    if (message.kind === 'open') {
      opened ??= open(port, message.options);
      return;
    }
    if (message.kind === 'close') {
      opened?.backend.close();
      exit(0);
      return;
    }
    if (!opened) {
      post(port, { kind: 'error', id: message.id, message: 'The backend is not open' });
      return;
    }
    const { backend, log } = opened;
    if (message.kind === 'dispatch')
      void answer(port, message.id, log, () => backend.dispatch(message.method, message.input));
    else void answer(port, message.id, log, () => lookUp(backend, message.query, message.key));
  });
}
