import { defaultNotApplicable, type CallContext } from '../rubric/call-context';
import type { Rubric } from '../rubric/model';
import { answerProblem, type AnswerProblemCode, type ItemAnswer, type ReviewAnswers } from './answers';

/** Where an item's effective answer comes from. */
export const answerSources = ['explicit', 'context-default', 'unanswered', 'invalid'] as const;
export type AnswerSource = (typeof answerSources)[number];

export interface ResolvedAnswer {
  readonly itemId: string;
  /** The answer that counts: the explicit one, N.v.t. from the call context, or null (unanswered or invalid). */
  readonly answer: ItemAnswer | null;
  readonly source: AnswerSource;
  /** Set when source is 'invalid': the stored answer does not fit the item (e.g. after a rubric edit). */
  readonly problem?: AnswerProblemCode;
}

/**
 * The effective answer of every item of the rubric, in rubric order. An explicit answer always wins (that is how a
 * reviewer overrides a default N.v.t., either way); without one, an item gated on the call context is N.v.t. by
 * default when the customer expressed no emotion; otherwise it is unanswered. An explicit answer that does not fit
 * the item counts as unanswered and is reported as 'invalid'. Answers to ids not in the rubric are ignored.
 */
export function resolveAnswers(rubric: Rubric, answers: ReviewAnswers, context: CallContext | null): ResolvedAnswer[] {
  const defaults = defaultNotApplicable(rubric, context);
  return rubric.sections.flatMap((section) =>
    section.items.map((item): ResolvedAnswer => {
      const explicit = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
      if (explicit !== undefined) {
        const problem = answerProblem(item, explicit);
        return problem === null
          ? { itemId: item.id, answer: explicit, source: 'explicit' }
          : { itemId: item.id, answer: null, source: 'invalid', problem };
      }
      if (defaults.has(item.id))
        return { itemId: item.id, answer: { kind: 'not-applicable' }, source: 'context-default' };
      return { itemId: item.id, answer: null, source: 'unanswered' };
    }),
  );
}
