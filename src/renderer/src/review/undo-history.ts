export interface UndoStep {
  readonly undo: () => void;
  readonly redo: () => void;
}

/**
 * Undo/redo of moment edits. Consecutive edits of the same thing while typing (`mergeKey` + `merge`) become one
 * step, so undo takes back the whole note rather than a letter.
 */
export class UndoHistory {
  private past: { step: UndoStep; mergeKey?: string }[] = [];
  private future: UndoStep[] = [];
  private version = 0;
  private readonly listeners = new Set<() => void>();

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  record(step: UndoStep, mergeKey?: string, merge = false): void {
    const last = this.past.at(-1);
    if (merge && mergeKey !== undefined && last?.mergeKey === mergeKey) {
      // Keep the oldest undo, take the newest redo.
      this.past[this.past.length - 1] = { step: { undo: last.step.undo, redo: step.redo }, mergeKey };
    } else {
      this.past.push({ step, mergeKey });
      if (this.past.length > 200) this.past.shift();
    }
    this.future = [];
    this.changed();
  }

  canUndo(): boolean {
    return this.past.length > 0;
  }

  canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): void {
    const entry = this.past.pop();
    if (!entry) return;
    entry.step.undo();
    this.future.push(entry.step);
    this.changed();
  }

  redo(): void {
    const step = this.future.pop();
    if (!step) return;
    step.redo();
    this.past.push({ step });
    this.changed();
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
