import type { Rating } from '../agreement/ratings';
import type { Rubric, RubricItem } from '../rubric/model';
import { resolveAnswers } from '../scoring/resolve-answers';
import type { SessionReviewInput } from './session-report';

/**
 * One reviewer's rating of an item for the agreement statistics: the level, 'Ja', 'Nee' or 'N.v.t.' after the call
 * context's defaults; null where the reviewer did not submit, did not answer, or gave an answer the rubric refuses.
 */
export function itemRating(item: RubricItem, review: SessionReviewInput | null, rubric: Rubric): Rating {
  if (!review) return null;
  const resolved = resolveAnswers(rubric, review.answers, review.context).find((entry) => entry.itemId === item.id);
  const answer = resolved?.answer;
  if (!answer || resolved?.source === 'invalid') return null;
  switch (answer.kind) {
    case 'not-applicable':
      return 'N.v.t.';
    case 'yes':
      return 'Ja';
    case 'no':
      return 'Nee';
    case 'level':
      return answer.value;
  }
}
