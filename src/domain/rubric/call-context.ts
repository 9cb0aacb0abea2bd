import type { NegativeEmotion } from '../moments/emotions';
import type { Rubric } from './model';

/** The customer's state at the start of the call, as the reviewer judges it. */
export const customerStates = ['positive', 'neutral', 'negative'] as const;
export type CustomerState = (typeof customerStates)[number];

/**
 * The call-context gate answered before scoring.
 *
 * `emotion` is the (negative) emotion the customer expressed: at the start when `customerState` is 'negative', or
 * later in the call when the call started positive or neutral. The gate has one rule (see isEmotionExpressed): an
 * emotion was expressed when the state is 'negative' or an emotion is named. A negative start without a named emotion
 * still counts as expressed, so an unfinished context never silently drops the emotion items from the score.
 */
export interface CallContext {
  readonly customerState: CustomerState;
  readonly emotion: NegativeEmotion | null;
}

/** Whether the customer expressed an emotion: a negative start, or an emotion named. */
export function isEmotionExpressed(context: CallContext): boolean {
  return context.customerState === 'negative' || context.emotion !== null;
}

/**
 * The ids of the items that are N.v.t. by default for this call: the items flagged `naWhenNoEmotion` (that allow
 * N.v.t.) when no emotion was expressed. Empty when the rubric has no context gate, or when no context was given yet
 * (null): until the reviewer answers the gate, every item counts.
 */
export function defaultNotApplicable(rubric: Rubric, context: CallContext | null): ReadonlySet<string> {
  const ids = new Set<string>();
  if (!rubric.contextGate || context === null || isEmotionExpressed(context)) return ids;
  for (const section of rubric.sections) {
    for (const item of section.items) {
      if (item.naWhenNoEmotion && item.notApplicableAllowed) ids.add(item.id);
    }
  }
  return ids;
}
