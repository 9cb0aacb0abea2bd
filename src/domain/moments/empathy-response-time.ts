import type { Moment } from './model';

/**
 * The empathy response time: response.startMs − cue.endMs, in milliseconds, reported as is.
 *
 * It is negative when the agent's response starts before the customer's cue has ended (the agent acknowledges while
 * the customer is still talking). That is kept rather than clamped to 0 because it is real information: a small
 * negative value is a well-timed back-channel, a large one usually means the agent talked over the customer. Shown
 * to people, a negative value reads as "overlapping"; averages should say whether they include overlaps.
 */
export function empathyResponseTimeMs(response: Pick<Moment, 'startMs'>, cue: Pick<Moment, 'endMs'>): number {
  return response.startMs - cue.endMs;
}
