import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../contract/errors';
import {
  reviewPackageContentSchema,
  reviewPackageFormat,
  type PackageImportResult,
  type ReviewPackageContent,
} from '../contract/packages';
import { findAudioBySha, getAudio } from '../storage/audio-repository';
import { findCallIdByAudio, getCall } from '../storage/calls-repository';
import { getReviewer } from '../storage/reviewers-repository';
import { listReviews } from '../storage/reviews-repository';
import { getRubric } from '../storage/rubrics-repository';
import { getPackageKey, getSession, type CalibrationSession } from '../storage/sessions-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import { exportPackage, json, readPackageJson, refused, validManifestMac, type OpenedPackage } from './package-archive';
import { packagedReviewProblem } from './packaged-review-check';
import { storePackagedReview, unchangedReview } from './packaged-review-store';
import { packagedReviewState } from './packaged-records';
import { sessionIdentity } from './session-identity';

/** The recording's hash of a local call: the key other machines know the call by. */
function callKey(db: Database.Database, callId: string): string | undefined {
  const call = getCall(db, callId);
  return call?.audioId ? getAudio(db, call.audioId)?.sha256 : undefined;
}

/** A reviewer's session reviews (answers, moments) in one file for the lead, signed with their key for the session. */
export async function exportReviewPackage(
  context: ServiceContext,
  sessionId: string,
): Promise<Result<{ exportId: string; fileName: string }>> {
  const { db } = context;
  const session = getSession(db, sessionId);
  if (!session) return fail('not_found', `No session ${sessionId}`);
  const reviewerId = sessionIdentity(db, session);
  if (!reviewerId) return fail('conflict', 'You are not a reviewer in this session');
  const key = getPackageKey(db, sessionId, reviewerId);
  if (!key)
    return fail(
      'package_key_missing',
      'No package key for this reviewer here: import the session package made for you',
    );
  const reviewer = getReviewer(db, reviewerId);
  const reviews = listReviews(db, { sessionId, reviewerId }).map((review) => ({
    id: review.id,
    callKey: callKey(db, review.callId) ?? '',
    ...packagedReviewState(db, review),
  }));
  const content: ReviewPackageContent = {
    sessionId,
    rubricId: session.rubricId,
    rubricVersion: session.rubricVersion,
    reviewer: { id: reviewerId, name: reviewer?.name ?? reviewerId },
    reviews,
  };
  const fileName = `${session.name} - ${reviewer?.name ?? 'reviewer'}.klankbord-reviews`;
  return exportPackage(
    context,
    fileName,
    { format: reviewPackageFormat, sessionId },
    [{ path: 'reviews.json', bytes: json(content) }],
    { reviewerId, key },
  );
}

/** The signature first: the package must be signed with the key this machine holds for that reviewer in the session. */
function verifiedSender(
  context: ServiceContext,
  opened: OpenedPackage,
): Result<{ session: CalibrationSession; reviewerId: string }> {
  const { signature, manifest } = opened;
  if (!signature) return refused('package_unsigned', 'A review package must be signed');
  const session = getSession(context.db, manifest.sessionId);
  if (!session) return refused('package_unknown_session', 'This session is not known here');
  if (!session.reviewerIds.includes(signature.reviewerId))
    return refused('package_unknown_reviewer', 'The signer is not a reviewer in this session');
  const key = getPackageKey(context.db, session.id, signature.reviewerId);
  if (!key || !validManifestMac(key, opened.manifestBytes, signature.mac))
    return refused('package_bad_signature', "Not signed with this reviewer's key");
  return ok({ session, reviewerId: signature.reviewerId });
}

/** Checks the content against the session and its rubric; returns each review's local call. */
function checkedReviews(
  context: ServiceContext,
  session: CalibrationSession,
  content: ReviewPackageContent,
): Result<Map<string, string>> {
  if (content.rubricId !== session.rubricId || content.rubricVersion !== session.rubricVersion)
    return refused('package_rubric_mismatch', 'Scored with another rubric version');
  const rubric = getRubric(context.db, session.rubricId, session.rubricVersion);
  if (!rubric) return refused('package_rubric_mismatch', 'The session rubric is missing here');
  // By the recording's hash, or the hash it had before a redaction was applied to it permanently here.
  const sessionCallOf = (key: string) => {
    const audio = findAudioBySha(context.db, key);
    const callId = audio ? findCallIdByAudio(context.db, audio.id) : undefined;
    return callId && session.callIds.includes(callId) ? callId : undefined;
  };
  const callOfReview = new Map<string, string>();
  for (const review of content.reviews) {
    const callId = sessionCallOf(review.callKey);
    if (!callId) return refused('package_unknown_call', 'A review is of a call outside the session');
    if (callOfReview.has(review.id) || [...callOfReview.values()].includes(callId))
      return refused('package_bad_review', 'Two reviews of one call, or one review twice');
    const problem = packagedReviewProblem(rubric.rubric, review, getCall(context.db, callId)?.durationMs ?? 0);
    if (problem) return refused('package_bad_review', problem);
    callOfReview.set(review.id, callId);
  }
  return ok(callOfReview);
}

/** Brings a reviewer's reviews into the lead's session: new ones are added, changed ones come in as a new revision. */
export function importReviewPackage(context: ServiceContext, opened: OpenedPackage): Result<PackageImportResult> {
  const { db } = context;
  const sender = verifiedSender(context, opened);
  if (!sender.ok) return sender;
  const { session } = sender.value;
  const content = readPackageJson(opened, 'reviews.json', reviewPackageContentSchema);
  if (!content.ok) return content;
  const { sessionId, reviewer, reviews } = content.value;
  if (sessionId !== session.id || reviewer.id !== sender.value.reviewerId)
    return refused('package_tampered', "The reviews are not the signer's");
  const calls = checkedReviews(context, session, content.value);
  if (!calls.ok) return calls;
  let reviewsAdded = 0;
  let reviewsRevised = 0;
  const nowMs = context.now();
  const result = writeTransaction(db, (): Result<void> => {
    for (const review of reviews) {
      const callId = calls.value.get(review.id)!;
      const existing = listReviews(db, { sessionId, callId, reviewerId: reviewer.id })[0];
      if (existing && existing.id !== review.id)
        return refused('package_conflict', 'Another review of this call by this reviewer exists here');
      if (existing && unchangedReview(db, existing, review)) continue;
      storePackagedReview(
        db,
        review,
        {
          existing,
          callId,
          reviewerId: reviewer.id,
          rubricId: session.rubricId,
          rubricVersion: session.rubricVersion,
          sessionId,
        },
        nowMs,
      );
      if (existing) reviewsRevised += 1;
      else reviewsAdded += 1;
    }
    return ok(undefined);
  });
  if (!result.ok) return result;
  if (reviewsAdded + reviewsRevised > 0) context.events.emit('calls.changed', {});
  return ok({
    kind: 'reviews',
    sessionId,
    sessionName: session.name,
    alreadyPresent: reviewsAdded + reviewsRevised === 0,
    callsAdded: 0,
    reviewsAdded,
    reviewsRevised,
    reviewers: [reviewer],
    recipient: null,
  });
}
