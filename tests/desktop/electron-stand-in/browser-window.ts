// BrowserWindow of the stand-in: records its options, creates its webContents (announced by app's
// 'web-contents-created', as in Electron) and hands it to the renderer host, which shows it in a Chromium page.
import { EventEmitter } from 'node:events';
import { app } from './app';
import { StandInWebContents } from './web-contents';

export interface WindowOptions {
  readonly webPreferences?: Readonly<Record<string, unknown>>;
  readonly [option: string]: unknown;
}

/** Set by the harness: attaches a page to each new window's webContents. */
export interface WindowHooks {
  webContentsCreated(contents: StandInWebContents): void;
  windowCreated(window: StandInBrowserWindow): void;
}

let hooks: WindowHooks | undefined;
const openWindows = new Set<StandInBrowserWindow>();

export function setWindowHooks(next: WindowHooks | undefined): void {
  hooks = next;
}

export class StandInBrowserWindow extends EventEmitter {
  readonly webContents: StandInWebContents;
  private destroyed = false;
  private minimized = false;
  visible = false;

  constructor(readonly options: WindowOptions = {}) {
    super();
    this.webContents = new StandInWebContents(options.webPreferences ?? {});
    openWindows.add(this);
    hooks?.webContentsCreated(this.webContents);
    app.emit('web-contents-created', { preventDefault: () => undefined }, this.webContents);
    hooks?.windowCreated(this);
    this.webContents.on('did-finish-load', () => this.emit('ready-to-show'));
  }

  static getAllWindows(): StandInBrowserWindow[] {
    return [...openWindows];
  }

  static fromWebContents(contents: StandInWebContents): StandInBrowserWindow | null {
    return [...openWindows].find((window) => window.webContents === contents) ?? null;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.visible = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  async close(): Promise<void> {
    if (this.destroyed) return;
    await this.webContents.host?.close();
    this.destroyed = true;
    openWindows.delete(this);
    this.webContents.destroy();
    this.emit('closed');
  }
}
