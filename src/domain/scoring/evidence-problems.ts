import type { Moment } from '../moments/model';
import type { Rubric } from '../rubric/model';
import { isBelowMaximum, type ItemAnswer, type ReviewAnswers } from './answers';

export interface EvidenceProblem {
  readonly itemId: string;
  /** The below-maximum answer that needs backing. */
  readonly answer: ItemAnswer;
}

/**
 * The evidence rule: items that require evidence, are scored below their maximum (Nee, or a level under k-1), and
 * have no linked moment (a moment whose itemIds contains the item) and no override with a non-blank written reason
 * (`overrides`: item id → reason, supplied by the caller). N.v.t., unanswered and ill-fitting answers are never
 * problems; whether the moment is a strength or a gap does not matter. In rubric order.
 */
export function evidenceProblems(
  rubric: Rubric,
  answers: ReviewAnswers,
  moments: readonly Pick<Moment, 'itemIds'>[],
  overrides: Readonly<Record<string, string>> = {},
): EvidenceProblem[] {
  const evidenced = new Set(moments.flatMap((moment) => moment.itemIds));
  const problems: EvidenceProblem[] = [];
  for (const section of rubric.sections) {
    for (const item of section.items) {
      if (!item.evidenceRequired || evidenced.has(item.id)) continue;
      const answer = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
      if (answer === undefined || !isBelowMaximum(item, answer)) continue;
      const reason = Object.hasOwn(overrides, item.id) ? overrides[item.id] : undefined;
      if (typeof reason === 'string' && reason.trim() !== '') continue;
      problems.push({ itemId: item.id, answer });
    }
  }
  return problems;
}
