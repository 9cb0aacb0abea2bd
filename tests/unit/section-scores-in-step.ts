import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { localDay, listSectionScores } from '../../src/storage/section-scores-repository';
import { getCall } from '../../src/storage/calls-repository';
import { listAnswers, listReviews } from '../../src/storage/reviews-repository';
import { getRubric } from '../../src/storage/rubrics-repository';
import { scoreOf } from '../../src/services/review-model';

/**
 * Checks that the stored section scores of every review are what the domain's scoring gives for it now (none for a
 * review that is not submitted), with the call's agent and the review's last change. Returns how many submitted
 * reviews were checked, so a test can tell it checked something.
 */
export function expectSectionScoresInStep(db: Database.Database): number {
  let submitted = 0;
  for (const review of listReviews(db)) {
    const rubric = getRubric(db, review.rubricId, review.rubricVersion)?.rubric;
    const stored = listSectionScores(db, review.id);
    if (review.status !== 'submitted' || !rubric) {
      expect(stored, `review ${review.id} (${review.status}) has no stored scores`).toEqual([]);
      continue;
    }
    submitted += 1;
    const expected = scoreOf(rubric, review, listAnswers(db, review.id)).sections.map((section) => ({
      reviewId: review.id,
      sectionId: section.sectionId,
      agentName: getCall(db, review.callId)!.agentName,
      reviewerId: review.reviewerId,
      sessionId: review.sessionId,
      updatedAtMs: review.updatedAtMs,
      day: localDay(review.submittedAtMs ?? review.updatedAtMs),
      score: section.score,
      weight: section.weight,
    }));
    expect(stored, `review ${review.id}'s stored section scores`).toEqual(expected);
  }
  return submitted;
}
