import { notApplicableMarkers } from '../agreement/not-applicable';
import { rubricItems, type Rubric } from '../rubric/model';
import { scoreReview } from '../scoring/score-review';
import { itemDeviation, type ItemDeviation } from './item-deviation';
import { itemRating } from './item-rating';
import type { SessionReviewInput } from './session-report';

/** One call of a session, reviewers side by side: null for a reviewer who has not submitted. */
export interface CallComparisonInput {
  readonly rubric: Rubric;
  readonly reviews: readonly (SessionReviewInput | null)[];
  /** Position of the benchmark reviewer in `reviews`, or null: each reviewer is then compared with the others. */
  readonly benchmarkIndex: number | null;
  readonly toleranceItem: number;
}

/** How one reviewer's answer to an item stands: the benchmark itself, within or outside tolerance, or not compared. */
export type CellDeviation = 'benchmark' | ItemDeviation | null;

export interface ComparedItem {
  readonly itemId: string;
  /** One per reviewer, in the order of the input. */
  readonly deviations: readonly CellDeviation[];
  /** The submitted reviewers did not all give the same answer (N.v.t. counts as an answer here). */
  readonly disagreement: boolean;
}

export interface ComparedScore {
  /** 0-100 after the critical rule; null when nothing was scored. */
  readonly total: number | null;
  /** 0-100 per section in rubric order; null where a section has no applicable item. */
  readonly sections: readonly (number | null)[];
}

export interface CallComparison {
  readonly items: readonly ComparedItem[];
  readonly scores: readonly (ComparedScore | null)[];
}

/**
 * A call's reviews side by side, by the same rule as the session report: each answer measured against the
 * benchmark, or against the mean of the other reviewers (item-deviation.ts), with N.v.t. as missing; an item is
 * a disagreement when the submitted reviewers' answers differ; the scores per reviewer.
 */
export function compareCall(input: CallComparisonInput): CallComparison {
  const { rubric, reviews, benchmarkIndex, toleranceItem } = input;
  const reference = benchmarkIndex !== null ? 'benchmark' : 'group';
  const items = rubricItems(rubric).map(({ item }): ComparedItem => {
    const ratings = reviews.map((review) => itemRating(item, review, rubric));
    // N.v.t. is missing for the deviations, as in the agreement statistics, but an answer for the disagreement.
    const comparable = ratings.map((rating) =>
      typeof rating === 'string' && notApplicableMarkers.includes(rating) ? null : rating,
    );
    const deviations = comparable.map((mine, index): CellDeviation => {
      if (reviews[index] === null) return null;
      if (index === benchmarkIndex) return mine === null ? null : 'benchmark';
      const others =
        benchmarkIndex !== null
          ? [comparable[benchmarkIndex] ?? null]
          : comparable.filter((_, other) => other !== index);
      return itemDeviation(mine, others, reference, toleranceItem);
    });
    const answered = ratings.filter((rating, index) => reviews[index] !== null && rating !== null);
    return { itemId: item.id, deviations, disagreement: new Set(answered).size > 1 };
  });
  const scores = reviews.map((review): ComparedScore | null => {
    if (review === null) return null;
    const score = scoreReview(rubric, review.answers, review.context);
    return {
      total: score.total,
      sections: score.sections.map((section) => (section.score === null ? null : section.score * 100)),
    };
  });
  return { items, scores };
}
