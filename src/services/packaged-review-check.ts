import type { ReviewPackageContent } from '../contract/packages';
import { validateMoment } from '../domain/moments/validate-moment';
import { findRubricItem, rubricItems, type Rubric } from '../domain/rubric/model';
import { answerProblem, type ItemAnswer } from '../domain/scoring/answers';
import { evidenceProblems } from '../domain/scoring/evidence-problems';
import { scoreReview } from '../domain/scoring/score-review';

type PackagedReview = ReviewPackageContent['reviews'][number];

/**
 * What is wrong with a review that came in a package, by the same rules as a review made here: every answer fits
 * its rubric item, every moment is valid for the call, and a submitted review passes the submit rules (every item
 * answered, evidence for scores below the maximum). Null when nothing is.
 */
export function packagedReviewProblem(rubric: Rubric, review: PackagedReview, callDurationMs: number): string | null {
  const answers: Record<string, ItemAnswer> = {};
  const overrides: Record<string, string> = {};
  const seen = new Set<string>();
  for (const entry of review.answers) {
    const item = findRubricItem(rubric, entry.itemId);
    if (!item) return `${entry.itemId} is not an item of the rubric`;
    if (seen.has(entry.itemId)) return `${entry.itemId} is answered twice`;
    seen.add(entry.itemId);
    if (entry.answer) {
      const problem = answerProblem(item, entry.answer);
      if (problem) return `${entry.itemId}: ${problem}`;
      answers[entry.itemId] = entry.answer;
    }
    if (entry.evidenceOverride !== null) overrides[entry.itemId] = entry.evidenceOverride;
  }
  const itemIds = new Set(rubricItems(rubric).map(({ item }) => item.id));
  for (const moment of review.moments) {
    const problems = validateMoment(moment, { durationMs: callDurationMs, moments: review.moments, itemIds });
    if (problems.length > 0) return `moment ${moment.id}: ${problems.map((problem) => problem.code).join(', ')}`;
  }
  if ((review.status === 'submitted') !== (review.submittedAtMs !== null))
    return 'the submit time does not match the status';
  if (review.status === 'submitted') {
    const score = scoreReview(rubric, answers, review.context);
    if (!score.complete)
      return `submitted with unanswered items: ${[...score.unansweredItemIds, ...score.invalidItemIds].join(', ')}`;
    const missing = evidenceProblems(rubric, answers, review.moments, overrides);
    if (missing.length > 0)
      return `submitted without evidence for ${missing.map((problem) => problem.itemId).join(', ')}`;
  }
  return null;
}
