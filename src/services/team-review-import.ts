import { readFileSync } from 'node:fs';
import { ok, type Result } from '../contract/errors';
import type { PackageImportResult } from '../contract/packages';
import { parseRubricFile, serialiseRubricFile } from '../contract/rubric-file';
import { teamReviewsContentSchema, type TeamReviewsContent } from '../contract/team-packages';
import type { Rubric } from '../domain/rubric/model';
import { getCall } from '../storage/calls-repository';
import { getReview } from '../storage/reviews-repository';
import { getRubric, insertRubric } from '../storage/rubrics-repository';
import { getMemberKey } from '../storage/team-exchange-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import { readPackageJson, refused, validManifestMac, type OpenedPackage } from './package-archive';
import { packagedReviewProblem } from './packaged-review-check';
import { storePackagedReview, unchangedReview } from './packaged-review-store';
import { checkTeamCalls, localCallOf, placeTeamAudio, storeTeamCalls } from './team-call-import';
import { ownTeamId } from './team-invitation';

const rubricKey = (id: string, version: number) => `${id}\n${version}`;

/** The signature first: the package must be for this lead's team and signed with the key made for that reviewer. */
function verifiedReviewer(context: ServiceContext, opened: OpenedPackage): Result<string> {
  const { signature, manifest } = opened;
  if (!signature) return refused('package_unsigned', 'A review package must be signed');
  const teamId = ownTeamId(context.db);
  if (!teamId || manifest.sessionId !== teamId) return refused('package_not_team_lead', 'Made for another lead’s team');
  const key = getMemberKey(context.db, signature.reviewerId);
  if (!key || !validManifestMac(key, opened.manifestBytes, signature.mac))
    return refused('package_team_key', 'Not signed with the key this computer gave that reviewer');
  return ok(signature.reviewerId);
}

/** The rubric versions the reviews were scored with: the package's copy, which must equal any copy held here. */
function packagedRubrics(
  context: ServiceContext,
  opened: OpenedPackage,
  content: TeamReviewsContent,
): Result<{ rubrics: Map<string, Rubric>; fresh: Rubric[] }> {
  const rubrics = new Map<string, Rubric>();
  const fresh: Rubric[] = [];
  for (const listed of content.rubrics) {
    const file = opened.files.get(listed.file);
    const parsed = file ? parseRubricFile(readFileSync(file, 'utf8')) : null;
    if (!parsed?.ok) return refused('package_invalid', `${listed.file} is not a valid rubric`);
    if (parsed.rubric.id !== listed.id || parsed.rubric.version !== listed.version)
      return refused('package_rubric_mismatch', `${listed.file} is not rubric ${listed.id} v${listed.version}`);
    const local = getRubric(context.db, listed.id, listed.version);
    if (local && serialiseRubricFile(local.rubric) !== serialiseRubricFile(parsed.rubric))
      return refused('package_rubric_mismatch', 'A different rubric with this id and version exists here');
    if (!local) fresh.push(parsed.rubric);
    rubrics.set(rubricKey(listed.id, listed.version), parsed.rubric);
  }
  return ok({ rubrics, fresh });
}

/** Each review by the rules of a review made here, and never one that belongs to someone else here. */
function checkReviews(
  context: ServiceContext,
  content: TeamReviewsContent,
  rubrics: ReadonlyMap<string, Rubric>,
): Result<void> {
  const seen = new Set<string>();
  for (const review of content.reviews) {
    if (seen.has(review.id)) return refused('package_bad_review', 'One review twice');
    seen.add(review.id);
    const rubric = rubrics.get(rubricKey(review.rubricId, review.rubricVersion));
    if (!rubric)
      return refused('package_rubric_mismatch', `Rubric ${review.rubricId} v${review.rubricVersion} is missing`);
    const call = content.calls.find((entry) => entry.key === review.callKey);
    if (!call) return refused('package_unknown_call', 'A review is of a call the package does not describe');
    const localCallId = localCallOf(context.db, call.key);
    const durationMs = (localCallId ? getCall(context.db, localCallId)?.durationMs : null) ?? call.durationMs;
    const problem = packagedReviewProblem(rubric, review, durationMs);
    if (problem) return refused('package_bad_review', problem);
    const existing = getReview(context.db, review.id);
    if (
      existing &&
      (existing.reviewerId !== content.reviewer.id ||
        existing.sessionId !== null ||
        existing.rubricId !== review.rubricId ||
        existing.rubricVersion !== review.rubricVersion ||
        (localCallId !== undefined && existing.callId !== localCallId))
    )
      return refused('package_conflict', 'A review with this id exists here as another review');
  }
  return ok(undefined);
}

/**
 * The lead's side: brings a reviewer's routine reviews in. New reviews are added under the invited reviewer, a changed
 * one comes in as its next revision, an unchanged one adds nothing; nothing made here is overwritten. New recordings
 * and clips are stored; a call held here already keeps what it has.
 */
export async function importTeamReviews(
  context: ServiceContext,
  opened: OpenedPackage,
): Promise<Result<PackageImportResult>> {
  const { db } = context;
  const reviewerId = verifiedReviewer(context, opened);
  if (!reviewerId.ok) return reviewerId;
  const parsed = readPackageJson(opened, 'reviews.json', teamReviewsContentSchema);
  if (!parsed.ok) return parsed;
  const content = parsed.value;
  if (content.teamId !== opened.manifest.sessionId || content.reviewer.id !== reviewerId.value)
    return refused('package_tampered', "The reviews are not the signer's");
  const rubrics = packagedRubrics(context, opened, content);
  if (!rubrics.ok) return rubrics;
  const reviews = checkReviews(context, content, rubrics.value.rubrics);
  if (!reviews.ok) return reviews;
  const incoming = checkTeamCalls(context, opened, content.calls);
  if (!incoming.ok) return incoming;

  const { storedNames, undo } = await placeTeamAudio(context, incoming.value);
  const nowMs = context.now();
  let counts: { callsAdded: number; clipsAdded: number; reviewsAdded: number; reviewsRevised: number };
  try {
    counts = writeTransaction(db, () => {
      for (const rubric of rubrics.value.fresh) insertRubric(db, rubric, 'published', nowMs);
      const calls = storeTeamCalls(db, incoming.value, storedNames, nowMs);
      let reviewsAdded = 0;
      let reviewsRevised = 0;
      for (const review of content.reviews) {
        const existing = getReview(db, review.id);
        if (existing && unchangedReview(db, existing, review)) continue;
        storePackagedReview(
          db,
          review,
          {
            existing,
            callId: calls.callIds.get(review.callKey)!,
            reviewerId: reviewerId.value,
            rubricId: review.rubricId,
            rubricVersion: review.rubricVersion,
            sessionId: null,
          },
          nowMs,
        );
        if (existing) reviewsRevised += 1;
        else reviewsAdded += 1;
      }
      return { callsAdded: calls.callsAdded, clipsAdded: calls.clipsAdded, reviewsAdded, reviewsRevised };
    });
  } catch (error) {
    await undo();
    throw error;
  }
  const changed = counts.callsAdded + counts.clipsAdded + counts.reviewsAdded + counts.reviewsRevised > 0;
  if (changed) context.events.emit('calls.changed', {});
  return ok({
    kind: 'team-reviews',
    sessionId: content.teamId,
    sessionName: content.reviewer.name,
    alreadyPresent: !changed,
    callsAdded: counts.callsAdded,
    reviewsAdded: counts.reviewsAdded,
    reviewsRevised: counts.reviewsRevised,
    reviewers: [content.reviewer],
    recipient: null,
  });
}
