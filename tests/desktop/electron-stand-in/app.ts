// app, protocol, session, dialog, shell, contextBridge and webUtils of the stand-in. Each keeps what the main
// process gave it (handlers, registered schemes) so the harness can drive it and tests can inspect it.
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import type { StandInWebContents } from './web-contents';

const projectRoot = resolve(import.meta.dirname, '../../..');

class StandInApp extends EventEmitter {
  isPackaged = false;
  ready = false;
  exitCode: number | undefined;
  quitRequested = false;
  private readyPromise: Promise<void>;
  private markReady!: () => void;
  readonly paths = new Map<string, string>();

  constructor() {
    super();
    this.readyPromise = new Promise((done) => (this.markReady = done));
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  /** Harness: Electron has started; 'ready' fires and whenReady resolves. */
  becomeReady(): void {
    this.ready = true;
    this.emit('ready');
    this.markReady();
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    this.quitRequested = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
    this.emit('stand-in-exit', code);
  }
  /** Harness: back to a process that has not started (a new launch in the same test file). */
  restart(): void {
    this.removeAllListeners();
    this.ready = false;
    this.exitCode = undefined;
    this.quitRequested = false;
    this.isPackaged = false;
    this.readyPromise = new Promise((done) => (this.markReady = done));
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`app.getPath('${name}') is not set in the stand-in`);
    return path;
  }
  getAppPath(): string {
    return projectRoot;
  }
  getVersion(): string {
    return '0.1.0';
  }
  getName(): string {
    return 'Klankbord';
  }
  getLocale(): string {
    return 'nl-NL';
  }
  getPreferredSystemLanguages(): string[] {
    return ['nl-NL'];
  }
}

export const app = new StandInApp();

export interface PrivilegedScheme {
  readonly scheme: string;
  readonly privileges?: Readonly<Record<string, boolean>>;
}
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export const protocolState = { privileged: [] as PrivilegedScheme[], handlers: new Map<string, ProtocolHandler>() };

export const protocol = {
  registerSchemesAsPrivileged(schemes: readonly PrivilegedScheme[]): void {
    // Electron: "protocol.registerSchemesAsPrivileged should be called before app is ready".
    if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    protocolState.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.ready) throw new Error('protocol.handle must be called after app is ready');
    if (protocolState.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    protocolState.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    protocolState.handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return protocolState.handlers.has(scheme);
  },
};

type PermissionRequestHandler = (
  contents: StandInWebContents,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type PermissionCheckHandler = (
  contents: StandInWebContents | null,
  permission: string,
  requestingOrigin: string,
  details: Record<string, unknown>,
) => boolean;

export const sessionState = {
  permissionRequest: undefined as PermissionRequestHandler | undefined,
  permissionCheck: undefined as PermissionCheckHandler | undefined,
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
      sessionState.permissionRequest = handler ?? undefined;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
      sessionState.permissionCheck = handler ?? undefined;
    },
  },
};

export interface OpenDialogAnswer {
  readonly canceled: boolean;
  readonly filePaths: string[];
}
export interface SaveDialogAnswer {
  readonly canceled: boolean;
  readonly filePath?: string;
}

/** The user of the stand-in's dialogs: the test queues what they will choose; every dialog shown is recorded. */
export const dialogState = {
  openAnswers: [] as OpenDialogAnswer[],
  saveAnswers: [] as SaveDialogAnswer[],
  shown: [] as { kind: 'open' | 'save' | 'error'; options: unknown; parented: boolean }[],
};

function dialogArgs<T>(args: readonly unknown[]): { options: T; parented: boolean } {
  return args.length > 1 ? { options: args[1] as T, parented: true } : { options: args[0] as T, parented: false };
}

export const dialog = {
  async showOpenDialog(...args: unknown[]): Promise<OpenDialogAnswer> {
    const { options, parented } = dialogArgs<unknown>(args);
    dialogState.shown.push({ kind: 'open', options, parented });
    return dialogState.openAnswers.shift() ?? { canceled: true, filePaths: [] };
  },
  async showSaveDialog(...args: unknown[]): Promise<SaveDialogAnswer> {
    const { options, parented } = dialogArgs<unknown>(args);
    dialogState.shown.push({ kind: 'save', options, parented });
    return dialogState.saveAnswers.shift() ?? { canceled: true };
  },
  showErrorBox(title: string, content: string): void {
    dialogState.shown.push({ kind: 'error', options: { title, content }, parented: false });
  },
};

export const shellState = { openedExternally: [] as string[] };
export const shell = {
  async openExternal(url: string): Promise<void> {
    shellState.openedExternally.push(url);
  },
};

/** Forgets what a launched shell registered, keeping the preload's exposed API (its module runs once per process). */
export function restartStandIn(): void {
  app.restart();
  protocolState.privileged.length = 0;
  protocolState.handlers.clear();
  sessionState.permissionRequest = undefined;
  sessionState.permissionCheck = undefined;
  dialogState.openAnswers.length = 0;
  dialogState.saveAnswers.length = 0;
}

export const bridgeState = { exposed: new Map<string, Record<string, unknown>>() };
export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: Record<string, unknown>): void {
    if (bridgeState.exposed.has(apiKey))
      throw new Error(`Cannot bind an API on top of an existing property on the window object: ${apiKey}`);
    bridgeState.exposed.set(apiKey, api);
  },
};

/** Files reach the preload only as plain objects in the harness, so none has a path on disk (Electron: ''). */
export const webUtils = {
  getPathForFile: (_file: unknown): string => '',
};
