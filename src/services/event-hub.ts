import type { EventMessage, EventName, EventPayload } from '../contract/events';

export type EventListener = (message: EventMessage) => void;

/** Fans backend events out to every connected transport. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener({ name, payload } as EventMessage);
      } catch (error) {
        // One broken subscriber (a closed HTTP stream, a destroyed window) must not stop the others.
        console.error('event listener failed', error);
      }
    }
  }

  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
