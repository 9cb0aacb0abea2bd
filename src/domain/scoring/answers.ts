import type { RubricItem } from '../rubric/model';

/*
 * What a reviewer answered per item. An item without an entry is unanswered. Only explicit answers are stored:
 * "N.v.t. by default" (the call-context gate) is derived when resolving (resolve-answers.ts), so a stored
 * {kind:'not-applicable'} always means the reviewer chose N.v.t. and a changed call context can never leave a stale
 * default behind.
 */
export type ItemAnswer =
  /** A level of an ordinal scale: 0..k-1. */
  | { readonly kind: 'level'; readonly value: number }
  | { readonly kind: 'yes' }
  | { readonly kind: 'no' }
  | { readonly kind: 'not-applicable' };
export const itemAnswerKinds = [
  'level',
  'yes',
  'no',
  'not-applicable',
] as const satisfies readonly ItemAnswer['kind'][];

/** Explicit answers by item id. */
export type ReviewAnswers = Readonly<Record<string, ItemAnswer>>;

export const answerProblemCodes = [
  'level_on_yes_no_item',
  'yes_no_on_ordinal_item',
  'level_out_of_range',
  'not_applicable_not_allowed',
] as const;
export type AnswerProblemCode = (typeof answerProblemCodes)[number];

/** Why this answer does not fit this item, or null when it does. */
export function answerProblem(item: RubricItem, answer: ItemAnswer): AnswerProblemCode | null {
  switch (answer.kind) {
    case 'not-applicable':
      return item.notApplicableAllowed ? null : 'not_applicable_not_allowed';
    case 'yes':
    case 'no':
      return item.scale.kind === 'yes-no' ? null : 'yes_no_on_ordinal_item';
    case 'level':
      if (item.scale.kind !== 'ordinal') return 'level_on_yes_no_item';
      return Number.isInteger(answer.value) && answer.value >= 0 && answer.value < item.scale.levels.length
        ? null
        : 'level_out_of_range';
  }
}

/**
 * The value of a fitting, applicable answer in [0, 1]: level v of a k-level scale is v/(k-1), Ja 1, Nee 0.
 * Null for N.v.t. (it leaves numerator and denominator alone) and for answers that do not fit the item.
 */
export function answerValue(item: RubricItem, answer: ItemAnswer): number | null {
  if (answerProblem(item, answer) !== null) return null;
  switch (answer.kind) {
    case 'not-applicable':
      return null;
    case 'yes':
      return 1;
    case 'no':
      return 0;
    case 'level':
      // answerProblem guarantees an ordinal scale with at least value+1 levels, so k-1 >= 1 unless k = 1 (value 0).
      return item.scale.kind === 'ordinal' && item.scale.levels.length > 1
        ? answer.value / (item.scale.levels.length - 1)
        : null;
  }
}

/**
 * Whether the answer fails a critical item: Nee, or the lowest level (0) of an ordinal scale, the ordinal
 * equivalent of "not shown at all". False for items that are not critical.
 */
export function failsCriticalItem(item: RubricItem, answer: ItemAnswer): boolean {
  if (!item.critical || answerProblem(item, answer) !== null) return false;
  return answer.kind === 'no' || (answer.kind === 'level' && answer.value === 0);
}

/** Whether the answer is below the item's maximum (Nee, or a level under k-1): such a score needs evidence. */
export function isBelowMaximum(item: RubricItem, answer: ItemAnswer): boolean {
  const value = answerValue(item, answer);
  return value !== null && value < 1;
}
