import type Database from 'better-sqlite3';
import type { ReviewPackageContent } from '../contract/packages';
import { deleteMoment, listMoments, saveMoment } from '../storage/moments-repository';
import {
  addAuditEntry,
  createReview,
  deleteAnswers,
  listAnswers,
  setRevision,
  updateReview,
  upsertAnswer,
  type ReviewRecord,
} from '../storage/reviews-repository';

type PackagedReview = ReviewPackageContent['reviews'][number];

/** What makes two versions of a review the same: everything the reviewer decided. */
export function reviewFingerprint(
  review: Pick<PackagedReview, 'status' | 'context' | 'comment' | 'answers' | 'moments'>,
): string {
  const answers = [...review.answers]
    .sort((a, b) => a.itemId.localeCompare(b.itemId))
    .map((answer) => [answer.itemId, answer.answer, answer.comment, answer.evidenceOverride]);
  const moments = [...review.moments]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((moment) => JSON.stringify(moment, Object.keys(moment).sort()));
  return JSON.stringify([review.status, review.context, review.comment, answers, moments]);
}

/** True when the stored review already holds exactly what the package brings. */
export function unchangedReview(db: Database.Database, existing: ReviewRecord, review: PackagedReview): boolean {
  const current = {
    status: existing.status,
    context: existing.context,
    comment: existing.comment,
    answers: listAnswers(db, existing.id),
    moments: listMoments(db, existing.id),
  };
  return reviewFingerprint(current) === reviewFingerprint(review);
}

/**
 * Stores a packaged review (inside the caller's transaction): a new one is created under its own id, a changed one
 * gets the package's content as its next revision; either way the audit trail says it was imported, by whom.
 * Returns the revision it now has.
 */
export function storePackagedReview(
  db: Database.Database,
  review: PackagedReview,
  target: {
    readonly existing: ReviewRecord | undefined;
    readonly callId: string;
    readonly reviewerId: string;
    readonly rubricId: string;
    readonly rubricVersion: number;
    readonly sessionId: string | null;
  },
  nowMs: number,
): number {
  const { existing } = target;
  if (!existing)
    createReview(
      db,
      {
        id: review.id,
        callId: target.callId,
        reviewerId: target.reviewerId,
        rubricId: target.rubricId,
        rubricVersion: target.rubricVersion,
        sessionId: target.sessionId,
      },
      review.createdAtMs,
    );
  // Replace the content with the package's version.
  deleteAnswers(db, review.id);
  for (const moment of listMoments(db, review.id)) deleteMoment(db, review.id, moment.id);
  for (const answer of review.answers)
    upsertAnswer(
      db,
      review.id,
      answer.itemId,
      { answer: answer.answer, comment: answer.comment, evidenceOverride: answer.evidenceOverride },
      review.updatedAtMs,
    );
  for (const moment of review.moments) saveMoment(db, review.id, moment, review.updatedAtMs);
  updateReview(
    db,
    review.id,
    { context: review.context, comment: review.comment, status: review.status, submittedAtMs: review.submittedAtMs },
    review.updatedAtMs,
  );
  const revision = existing ? existing.revision + 1 : 1;
  setRevision(db, review.id, revision);
  addAuditEntry(db, review.id, {
    atMs: nowMs,
    reviewerId: target.reviewerId,
    action: 'imported',
    reason: '',
    details: { revision },
  });
  return revision;
}
