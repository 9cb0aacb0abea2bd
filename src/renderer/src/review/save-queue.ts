import type { AppError, Result } from '../../../contract/errors';

export type SaveStatus =
  | { readonly state: 'saved'; readonly savedAtMs: number | null }
  | { readonly state: 'pending' }
  | { readonly state: 'saving' }
  | { readonly state: 'failed'; readonly error: AppError };

type SaveTask = () => Promise<Result<unknown>>;

/**
 * Sends a review's edits to the backend in the order they were made. Text edits wait `delayMs` for the next
 * keystroke (one save per pause, well inside the 500 ms promise); choices go at once. A later edit of the same
 * field replaces a waiting one. A failed save stops the queue (later edits keep waiting in memory, in order) until
 * `retry`; nothing is dropped.
 */
export class SaveQueue {
  private readonly waiting = new Map<string, SaveTask>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private status: SaveStatus = { state: 'saved', savedAtMs: null };
  private readonly listeners = new Set<(status: SaveStatus) => void>();

  constructor(private readonly delayMs = 300) {}

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: (status: SaveStatus) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Queues the save of one field (`key`); `immediate` for choices, debounced for typing. */
  schedule(key: string, task: SaveTask, options: { immediate?: boolean } = {}): void {
    // Re-inserting moves the key to the end, so saves run in the order of their last edit.
    this.waiting.delete(key);
    this.waiting.set(key, task);
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
      const [key, task] = this.waiting.entries().next().value as [string, SaveTask];
      const result = await task().catch((error: unknown): Result<unknown> => ({ ok: false, error: { code: 'backend_unreachable', message: String(error) } }));
      if (!result.ok) {
        // Keep it (unless a newer edit of the same field replaced it meanwhile) and stop: order matters.
        this.setStatus({ state: 'failed', error: result.error });
        return;
      }
      if (this.waiting.get(key) === task) this.waiting.delete(key);
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
