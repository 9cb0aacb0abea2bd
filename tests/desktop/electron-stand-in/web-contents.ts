// webContents of the stand-in: Electron's navigation events and handlers, pushes to the page's preload listeners,
// and the page (a Playwright Page, attached by the renderer host) that shows it.
import { EventEmitter } from 'node:events';
import type { RendererListener } from './ipc';

export interface WindowOpenDetails {
  readonly url: string;
  readonly frameName: string;
  readonly features: string;
  readonly disposition: string;
  readonly referrer: { readonly url: string; readonly policy: string };
}
export type WindowOpenResponse = { action: 'deny' } | { action: 'allow'; overrideBrowserWindowOptions?: unknown };

/** Electron's preventable event: `(event, url)` listeners, `event.preventDefault()`. */
export interface NavigationEvent {
  readonly url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** What the renderer host does for a webContents: load a URL in the page, close it. */
export interface RendererHostLink {
  load(url: string): Promise<void>;
  close(): Promise<void>;
  currentUrl(): string;
}

let nextId = 1;
const everyContents = new Map<number, StandInWebContents>();

export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly processId = 1000 + this.id;
  private windowOpenHandler: ((details: WindowOpenDetails) => WindowOpenResponse) | undefined;
  private readonly rendererListeners = new Map<string, Set<RendererListener>>();
  private destroyed = false;
  host: RendererHostLink | undefined;

  constructor(readonly webPreferences: Readonly<Record<string, unknown>>) {
    super();
    everyContents.set(this.id, this);
  }

  setWindowOpenHandler(handler: (details: WindowOpenDetails) => WindowOpenResponse): void {
    this.windowOpenHandler = handler;
  }

  /** What Electron does on window.open or a target=_blank link: ask the handler (no handler: allow). */
  requestWindowOpen(url: string, frameName = '', features = ''): WindowOpenResponse {
    const details: WindowOpenDetails = {
      url,
      frameName,
      features,
      disposition: 'new-window',
      referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' },
    };
    return this.windowOpenHandler ? this.windowOpenHandler(details) : { action: 'allow' };
  }

  /** Emits a preventable navigation event (will-navigate, will-redirect, will-frame-navigate) and says whether it may go on. */
  emitNavigation(name: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const event: NavigationEvent = {
      url,
      defaultPrevented: false,
      preventDefault() {
        event.defaultPrevented = true;
      },
    };
    this.emit(name, event, url);
    return !event.defaultPrevented;
  }

  /** A page asks to attach a <webview>: may it? */
  emitWillAttachWebview(params: Record<string, unknown>): boolean {
    const webPreferences: Record<string, unknown> = {};
    let prevented = false;
    this.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, webPreferences, params);
    return !prevented;
  }

  async loadURL(url: string): Promise<void> {
    if (!this.host) throw new Error('No renderer host attached to this webContents');
    await this.host.load(url);
    this.emit('did-finish-load');
  }

  getURL(): string {
    return this.host?.currentUrl() ?? '';
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const copy = structuredClone(args);
    for (const listener of this.rendererListeners.get(channel) ?? []) listener({ sender: this }, ...copy);
  }

  addRendererListener(channel: string, listener: RendererListener): void {
    const set = this.rendererListeners.get(channel) ?? new Set<RendererListener>();
    set.add(listener);
    this.rendererListeners.set(channel, set);
  }

  removeRendererListener(channel: string, listener: RendererListener): void {
    this.rendererListeners.get(channel)?.delete(listener);
  }

  rendererListenerCount(channel: string): number {
    return this.rendererListeners.get(channel)?.size ?? 0;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    everyContents.delete(this.id);
    this.emit('destroyed');
  }
}

export const webContents = {
  fromId: (id: number): StandInWebContents | undefined => everyContents.get(id),
  getAllWebContents: (): StandInWebContents[] => [...everyContents.values()],
};
