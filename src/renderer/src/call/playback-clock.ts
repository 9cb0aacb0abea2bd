/** The playhead as an external store: components subscribe to what they derive from it, not to every tick. */
export interface PlaybackClock {
  getTimeMs(): number;
  set(timeMs: number): void;
  subscribe(listener: () => void): () => void;
}

/** Creates a clock; the player writes it on every timeupdate, readers select from it. */
export function createPlaybackClock(): PlaybackClock {
  let timeMs = 0;
  const listeners = new Set<() => void>();
  return {
    getTimeMs: () => timeMs,
    set(next) {
      if (next === timeMs) return;
      timeMs = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
