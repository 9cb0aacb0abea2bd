import type { Rubric } from '../domain/rubric/model';
import type { ReviewAnswers } from '../domain/scoring/answers';
import { scoreReview, type ScoreResult } from '../domain/scoring/score-review';
import type { AnswerRecord, ReviewRecord } from '../storage/reviews-repository';

/** The explicit answers of a review as the scoring code takes them. */
export function answersOf(records: readonly AnswerRecord[]): ReviewAnswers {
  return Object.fromEntries(
    records.filter((record) => record.answer !== null).map((record) => [record.itemId, record.answer!]),
  );
}

/** Evidence overrides with a written reason, by item. */
export function overridesOf(records: readonly AnswerRecord[]): Record<string, string> {
  return Object.fromEntries(
    records
      .filter((record) => record.evidenceOverride !== null)
      .map((record) => [record.itemId, record.evidenceOverride!]),
  );
}

/** The score of a stored review. */
export function scoreOf(rubric: Rubric, review: ReviewRecord, answers: readonly AnswerRecord[]): ScoreResult {
  return scoreReview(rubric, answersOf(answers), review.context);
}
