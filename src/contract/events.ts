import { z } from 'zod';
import { importProgressSchema, importSummarySchema } from './imports';

/** Push events from the backend to every open renderer. */
export const events = {
  /** The set of calls or their review status changed. */
  'calls.changed': z.object({}),
  'preferences.changed': z.object({}),
  /** The background check of the database file finished (app.info says how). */
  'app.databaseChecked': z.object({}),
  'imports.progress': importProgressSchema,
  'imports.finished': importSummarySchema,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** The envelope in which every transport carries an event. */
export interface EventMessage<E extends EventName = EventName> {
  readonly name: E;
  readonly payload: EventPayload<E>;
}
