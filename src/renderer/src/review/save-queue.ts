import type { AppError, Result } from '../../../contract/errors';

export type SaveStatus =
  | { readonly state: 'saved'; readonly savedAtMs: number | null }
  | { readonly state: 'pending' }
  | { readonly state: 'saving' }
  | { readonly state: 'failed'; readonly error: AppError };

/** One edit as data (a contract method and its input), so it can be journalled and replayed. */
export interface SaveRequest {
  readonly method: string;
  readonly input: unknown;
}

/** Where edits not yet acknowledged survive the window closing (localStorage in the app). */
export interface SaveJournal {
  write(entries: readonly (readonly [string, SaveRequest])[]): void;
}

export type Invoke = (request: SaveRequest) => Promise<Result<unknown>>;

/**
 * Sends a review's edits to the backend in the order they were made. Text edits wait `delayMs` for the next
 * keystroke (one save per pause, well inside the 500 ms promise); choices go at once. A later edit of the same
 * field replaces a waiting one. A failed save stops the queue (later edits keep waiting in memory, in order) until
 * `retry`; nothing is dropped. Every waiting edit is also in the journal until the backend acknowledged it, so an
 * edit made just before the window closed is replayed when the review is opened again.
 */
export class SaveQueue {
  private readonly waiting = new Map<string, SaveRequest>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private status: SaveStatus = { state: 'saved', savedAtMs: null };
  private readonly listeners = new Set<(status: SaveStatus) => void>();

  constructor(
    private readonly invoke: Invoke,
    private readonly journal: SaveJournal | null = null,
    private readonly delayMs = 300,
  ) {}

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: (status: SaveStatus) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Queues the save of one field (`key`); `immediate` for choices, debounced for typing. */
  schedule(key: string, request: SaveRequest, options: { immediate?: boolean } = {}): void {
    // Re-inserting moves the key to the end, so saves run in the order of their last edit.
    this.waiting.delete(key);
    this.waiting.set(key, request);
    this.journal?.write([...this.waiting.entries()]);
    if (this.status.state !== 'failed') this.setStatus({ state: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), options.immediate ? 0 : this.delayMs);
  }

  /** Whether edits are waiting or being saved. */
  hasUnsaved(): boolean {
    return this.waiting.size > 0 || this.running !== null;
  }

  /** Saves everything waiting now (blur, navigation, closing); resolves when done or stopped by a failure. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) {
      await this.running;
      if (this.waiting.size > 0 && this.status.state !== 'failed') await this.flush();
      return;
    }
    if (this.status.state === 'failed' || this.waiting.size === 0) return;
    this.running = this.drain();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Tries the failed save again, then the rest. */
  async retry(): Promise<void> {
    if (this.status.state !== 'failed') return;
    this.setStatus({ state: 'pending' });
    await this.flush();
  }

  private async drain(): Promise<void> {
    this.setStatus({ state: 'saving' });
    let savedAtMs: number | null = null;
    while (this.waiting.size > 0) {
      const [key, request] = this.waiting.entries().next().value as [string, SaveRequest];
      const result = await this.invoke(request).catch((error: unknown): Result<unknown> => ({
        ok: false,
        error: { code: 'backend_unreachable', message: String(error) },
      }));
      if (!result.ok) {
        // Keep it (unless a newer edit of the same field replaced it meanwhile) and stop: order matters.
        this.setStatus({ state: 'failed', error: result.error });
        return;
      }
      if (this.waiting.get(key) === request) {
        this.waiting.delete(key);
        this.journal?.write([...this.waiting.entries()]);
      }
      const value = result.value as { savedAtMs?: number } | null;
      savedAtMs = typeof value?.savedAtMs === 'number' ? value.savedAtMs : Date.now();
    }
    this.setStatus({ state: 'saved', savedAtMs });
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}

/** A journal in localStorage under one key per review; unreadable or foreign content counts as empty. */
export function localStorageJournal(
  reviewId: string,
): SaveJournal & { read(): [string, SaveRequest][]; clear(): void } {
  const storageKey = `klankbord.unsaved.${reviewId}`;
  return {
    write(entries) {
      try {
        if (entries.length === 0) localStorage.removeItem(storageKey);
        else localStorage.setItem(storageKey, JSON.stringify(entries));
      } catch {
        // Storage full or unavailable: the in-memory queue still holds the edits.
      }
    },
    read() {
      try {
        const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
        return Array.isArray(parsed)
          ? parsed.filter(
              (entry): entry is [string, SaveRequest] =>
                Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1]?.method === 'string',
            )
          : [];
      } catch {
        return [];
      }
    },
    clear() {
      try {
        localStorage.removeItem(storageKey);
      } catch {
        // Nothing to clear.
      }
    },
  };
}
