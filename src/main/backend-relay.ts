// The main process's side of the relay: the backend runs in its own process (backend-process.ts); every call, media
// lookup and pushed event crosses as a message with a correlation id. When the process dies, the calls in flight
// fail with `backend_unreachable` and a new process is started on the same data folder (the operating system has
// released the dead one's lock); after too many deaths in a short time it stays down (decisions/008).
import { fail, type Result } from '../contract/errors';
import type { EventMessage } from '../contract/events';
import type { AppInfo } from '../contract/schemas';
import type { StartupFailure } from '../server/startup-failure';
import { startupExitCodes } from '../server/startup-failure';
import type { BackendProcessOptions, FromBackend, MediaQuery, ToBackend } from './backend-protocol';
import { registerFolderKey } from '../server/encryption/folder-keys';

/** What the relay needs of Electron's UtilityProcess (the desktop tests hand in one built on child_process.fork). */
export interface BackendChild {
  readonly pid?: number | undefined;
  postMessage(message: ToBackend): void;
  kill(): boolean;
  on(event: 'message', listener: (message: FromBackend) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

export interface RelayLog {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
}

export interface RestartPolicy {
  /** How many unexpected exits within `windowMs` are followed by a restart; one more and the backend stays down. */
  readonly maxRestarts: number;
  readonly windowMs: number;
  /** How long `close` waits for the process to close its database before it is killed. */
  readonly closeTimeoutMs: number;
  readonly now: () => number;
}

export const defaultRestartPolicy: RestartPolicy = {
  maxRestarts: 3,
  windowMs: 60_000,
  closeTimeoutMs: 10_000,
  now: () => Date.now(),
};

/** The backend process is not there to answer: it stopped (and may be restarting), or it is closed. */
export class BackendUnavailableError extends Error {}

export type StartOutcome =
  { readonly ok: true; readonly relay: BackendRelay } | { readonly ok: false; readonly failure: StartupFailure };

type SpawnOutcome =
  { readonly ok: true; readonly info: AppInfo } | { readonly ok: false; readonly failure: StartupFailure };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

function unexpectedFailure(dataDir: string, detail: string): SpawnOutcome {
  return { ok: false, failure: { problem: 'unexpected', dataDir, detail, exitCode: startupExitCodes.unexpected } };
}

/** The backend as the main process sees it: the same lookups as `Backend`, each an answer from the other process. */
export class BackendRelay {
  private child: BackendChild | undefined;
  private childExit: Promise<void> = Promise.resolve();
  private nextId = 1;
  private state: 'running' | 'failed' | 'closing' | 'closed' = 'running';
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: EventMessage) => void>();
  private readonly exits: number[] = [];
  private currentInfo: AppInfo | undefined;

  constructor(
    private readonly fork: () => BackendChild,
    private readonly options: BackendProcessOptions,
    private readonly log: RelayLog,
    private readonly policy: RestartPolicy = defaultRestartPolicy,
  ) {}

  /** Forks a backend process and opens the data folder in it; resolves once it is ready or could not start. */
  spawn(): Promise<SpawnOutcome> {
    let child: BackendChild;
    try {
      child = this.fork();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return Promise.resolve(
        unexpectedFailure(this.options.dataDir, `The backend process could not be started: ${reason}`),
      );
    }
    this.child = child;
    let ready = false;
    let settle: (outcome: SpawnOutcome) => void = () => undefined;
    const outcome = new Promise<SpawnOutcome>((resolve) => (settle = resolve));
    this.childExit = new Promise((exited) => child.on('exit', () => exited()));
    child.on('message', (message) => {
      if (message.kind === 'ready') {
        ready = true;
        // Main streams app:// media and copies saved exports itself: it reads the sealed files with the same key.
        if (message.dataKeyHex) registerFolderKey(this.options.dataDir, Buffer.from(message.dataKeyHex, 'hex'));
        this.currentInfo = message.info;
        settle({ ok: true, info: message.info });
      } else if (message.kind === 'startup-failed') {
        settle({ ok: false, failure: message.failure });
        child.kill();
      } else this.receive(message);
    });
    child.on('exit', (code) => {
      settle(unexpectedFailure(this.options.dataDir, `The backend process exited with code ${code} while it started`));
      this.childExited(child, code, ready);
    });
    child.postMessage({ kind: 'open', options: this.options });
    return outcome;
  }

  get info(): AppInfo | undefined {
    return this.currentInfo;
  }

  /** The process id of the backend process now running (for diagnostics and tests). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get available(): boolean {
    return this.state === 'running';
  }

  readonly events = {
    listen: (listener: (event: EventMessage) => void): (() => void) => {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    },
  };

  /** `dispatch(method, input)` in the backend process; a dead process answers `backend_unreachable`. */
  async dispatch(method: unknown, input: unknown): Promise<Result<unknown>> {
    try {
      return (await this.request((id) => ({ kind: 'dispatch', id, method, input }))) as Result<unknown>;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return error instanceof BackendUnavailableError
        ? fail('backend_unreachable', message)
        : fail('internal', message);
    }
  }

  /** The stored recording behind an audio id. Rejects with BackendUnavailableError when the process is gone. */
  audioFile(audioId: string): Promise<{ readonly path: string; readonly mimeType: string } | undefined> {
    return this.media('audioFile', audioId) as Promise<{ path: string; mimeType: string } | undefined>;
  }

  /** The stored peaks (a structured clone arrives as a plain Uint8Array: viewed as a Buffer again, not copied). */
  async peaks(audioId: string): Promise<Buffer | undefined> {
    const bytes = await this.media('peaks', audioId);
    return bytes instanceof Uint8Array ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : undefined;
  }

  exportFile(exportId: string): Promise<{ readonly path: string; readonly fileName: string } | undefined> {
    return this.media('exportFile', exportId) as Promise<{ path: string; fileName: string } | undefined>;
  }

  /** Asks the process to close its database and end; resolves when it has (killed after the policy's timeout). */
  async close(): Promise<void> {
    if (this.state === 'closed' || this.state === 'closing') return this.childExit;
    const wasRunning = this.state === 'running';
    this.state = 'closing';
    if (!wasRunning || !this.child) return;
    this.child.postMessage({ kind: 'close' });
    const child = this.child;
    const timer = setTimeout(() => child.kill(), this.policy.closeTimeoutMs);
    await this.childExit;
    clearTimeout(timer);
    this.state = 'closed';
  }

  private media(query: MediaQuery, key: string): Promise<unknown> {
    return this.request((id) => ({ kind: 'media', id, query, key }));
  }

  private request(build: (id: number) => ToBackend): Promise<unknown> {
    const child = this.child;
    if (this.state !== 'running' || !child)
      return Promise.reject(new BackendUnavailableError('The backend process is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        child.postMessage(build(id));
      } catch (error) {
        this.pending.delete(id);
        reject(new BackendUnavailableError(error instanceof Error ? error.message : String(error)));
      }
    });
  }

  private receive(message: FromBackend): void {
    if (message.kind === 'event') {
      for (const listener of [...this.listeners]) listener(message.event);
      return;
    }
    if (message.kind !== 'answer' && message.kind !== 'error') return;
    const pending = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (message.kind === 'answer') pending?.resolve(message.result);
    else pending?.reject(new Error(message.message));
  }

  private childExited(child: BackendChild, code: number, wasReady: boolean): void {
    if (child !== this.child) return;
    const gone = new BackendUnavailableError(`The backend process stopped (exit code ${code})`);
    for (const pending of this.pending.values()) pending.reject(gone);
    this.pending.clear();
    // Closing, or a start that failed: whoever waits for the close or for spawn() decides what comes next.
    if (this.state !== 'running' || !wasReady) return;
    this.log.error(`The backend process stopped unexpectedly (exit code ${code})`);
    if (!this.mayRestart()) {
      this.state = 'failed';
      this.log.error(
        `The backend process stopped ${this.exits.length} times within ${this.policy.windowMs / 1000} s; not restarted`,
      );
      return;
    }
    void this.spawn().then((outcome) => {
      if (outcome.ok) this.log.warn('The backend process was restarted');
      else {
        this.state = 'failed';
        this.log.error(`The backend process could not be restarted: ${outcome.failure.detail}`);
      }
    });
  }

  private mayRestart(): boolean {
    const now = this.policy.now();
    this.exits.push(now);
    while (this.exits.length > 0 && (this.exits[0] ?? now) <= now - this.policy.windowMs) this.exits.shift();
    return this.exits.length <= this.policy.maxRestarts;
  }
}

/** Starts the backend process on the data folder: the relay once it is ready, else why it could not start. */
export async function startBackendRelay(
  fork: () => BackendChild,
  options: BackendProcessOptions,
  log: RelayLog,
  policy: RestartPolicy = defaultRestartPolicy,
): Promise<StartOutcome> {
  const relay = new BackendRelay(fork, options, log, policy);
  const outcome = await relay.spawn();
  return outcome.ok ? { ok: true, relay } : { ok: false, failure: outcome.failure };
}
