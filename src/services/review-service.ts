import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../contract/errors';
import type { ReviewDetail, ReviewSummary } from '../contract/reviews';
import type { Moment } from '../domain/moments/model';
import { validateMoment } from '../domain/moments/validate-moment';
import { localize } from '../domain/rubric/localized-text';
import { findRubricItem, rubricItems, type Rubric } from '../domain/rubric/model';
import { answerProblem } from '../domain/scoring/answers';
import { evidenceProblems } from '../domain/scoring/evidence-problems';
import { getCall } from '../storage/calls-repository';
import { iterateReviewRows, type ReviewListRow } from '../storage/review-list-repository';
import { deleteMoment, listMoments, saveMoment } from '../storage/moments-repository';
import { getReviewer } from '../storage/reviewers-repository';
import {
  addAuditEntry,
  createReview,
  getReview,
  listAnswers,
  listAuditEntries,
  listReviews,
  updateReview,
  upsertAnswer,
  type ReviewRecord,
} from '../storage/reviews-repository';
import { getRubric, latestPublishedRubric } from '../storage/rubrics-repository';
import { getSession } from '../storage/sessions-repository';
import { writeTransaction } from '../storage/transactions';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';
import { answersOf, overridesOf, scoreOf } from './review-model';
import { requireLocalReviewer } from './reviewer-service';
import { reviewRubricId } from './rubric-service';
import { sessionIdentity } from './session-identity';
import { withSuggestionDecisions } from './suggestion-audit';
import { listSuggestionDecisions } from '../storage/suggestions-repository';

/** Everything the review screen needs: the review, its exact rubric version, answers, moments and audit trail. */
export function readReviewDetail(db: Database.Database, reviewId: string): Result<ReviewDetail> {
  const review = getReview(db, reviewId);
  if (!review) return fail('not_found', `No review ${reviewId}`);
  const rubric = getRubric(db, review.rubricId, review.rubricVersion);
  if (!rubric) return fail('not_found', `Rubric ${review.rubricId} v${review.rubricVersion} is missing`);
  return ok({
    review: { ...review, reviewerName: getReviewer(db, review.reviewerId)?.name ?? null },
    rubric: rubric.rubric as ReviewDetail['rubric'],
    answers: listAnswers(db, reviewId),
    moments: listMoments(db, reviewId),
    audit: withSuggestionDecisions(listAuditEntries(db, reviewId), listSuggestionDecisions(db, reviewId)),
  });
}

/** Saves a moment of a draft review after checking it against the call and the review's rubric. */
export function saveCheckedMoment(
  db: Database.Database,
  { review, rubric }: { review: ReviewRecord; rubric: Rubric },
  moment: Moment,
  nowMs: number,
): Result<void> {
  const problems = validateMoment(moment, {
    durationMs: getCall(db, review.callId)?.durationMs ?? 0,
    moments: listMoments(db, review.id),
    itemIds: new Set(rubricItems(rubric).map(({ item }) => item.id)),
  });
  if (problems.length > 0)
    return fail('moment_invalid', problems.map((problem) => problem.message).join('; '), {
      problems: problems.map((problem) => problem.code),
    });
  saveMoment(db, review.id, moment, nowMs);
  return ok(undefined);
}

/** The review and its rubric, when it exists and is still a draft. */
function editableReview(db: Database.Database, reviewId: string): Result<{ review: ReviewRecord; rubric: Rubric }> {
  const review = getReview(db, reviewId);
  if (!review) return fail('not_found', `No review ${reviewId}`);
  if (review.status !== 'draft') return fail('review_locked', 'The review is submitted; reopen it to change it');
  const rubric = getRubric(db, review.rubricId, review.rubricVersion);
  if (!rubric) return fail('not_found', `Rubric ${review.rubricId} v${review.rubricVersion} is missing`);
  return ok({ review, rubric: rubric.rubric });
}

/** Runs one edit of a draft review in a transaction and stamps the review as changed. */
export function editReview(
  context: ServiceContext,
  reviewId: string,
  edit: (found: { review: ReviewRecord; rubric: Rubric }, nowMs: number) => Result<void>,
): Result<{ savedAtMs: number }> {
  return writeTransaction(context.db, (): Result<{ savedAtMs: number }> => {
    const found = editableReview(context.db, reviewId);
    if (!found.ok) return found;
    const nowMs = context.now();
    const result = edit(found.value, nowMs);
    if (!result.ok) return result;
    updateReview(context.db, reviewId, {}, nowMs);
    return ok({ savedAtMs: nowMs });
  });
}

function itemOf(rubric: Rubric, itemId: string): Result<void> {
  return findRubricItem(rubric, itemId)
    ? ok(undefined)
    : fail('answer_invalid', `The rubric has no item ${itemId}`, { itemId });
}

/** A review's line in lists: call, reviewer, rubric and score (rubrics parsed once per version for the whole list). */
export function summariseReview(
  db: Database.Database,
  row: ReviewListRow,
  rubrics = new Map<string, Rubric | undefined>(),
): ReviewSummary {
  const { review } = row;
  const rubricKey = `${review.rubricId}@${review.rubricVersion}`;
  if (!rubrics.has(rubricKey)) rubrics.set(rubricKey, getRubric(db, review.rubricId, review.rubricVersion)?.rubric);
  const rubric = rubrics.get(rubricKey);
  const score = rubric ? scoreOf(rubric, review, row.answers) : null;
  return {
    id: review.id,
    callId: review.callId,
    callTitle: row.callTitle,
    agentName: row.agentName,
    reviewerId: review.reviewerId,
    reviewerName: row.reviewerName,
    rubricId: review.rubricId,
    rubricVersion: review.rubricVersion,
    rubricName: rubric ? localize(rubric.name, 'nl') : review.rubricId,
    status: review.status,
    total: score?.total ?? null,
    criticalFailed: score?.criticalFailed ?? false,
    createdAtMs: review.createdAtMs,
    updatedAtMs: review.updatedAtMs,
    submittedAtMs: review.submittedAtMs,
    sessionId: review.sessionId,
    sessionName: row.sessionName,
  };
}

/** What a submit records: the answers and scores as they were, so a later resubmit can say what changed. */
function submittedSnapshot(db: Database.Database, review: ReviewRecord, rubric: Rubric) {
  const answers = listAnswers(db, review.id);
  const score = scoreOf(rubric, review, answers);
  return {
    total: score.total,
    totalBeforeCritical: score.totalBeforeCritical,
    criticalFailed: score.criticalFailed,
    answers: answersOf(answers),
    momentCount: listMoments(db, review.id).length,
  };
}

function changedItems(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): { itemId: string; before: unknown; after: unknown }[] {
  if (!before) return [];
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids]
    .filter((id) => JSON.stringify(before[id] ?? null) !== JSON.stringify(after[id] ?? null))
    .sort()
    .map((itemId) => ({ itemId, before: before[itemId] ?? null, after: after[itemId] ?? null }));
}

export const reviewHandlers = {
  'reviews.list': (input, context) => {
    const rubrics = new Map<string, Rubric | undefined>();
    const { limit, after, ...filter } = input;
    const summaries: ReviewSummary[] = [];
    for (const row of iterateReviewRows(context.db, filter, { limit, after }))
      summaries.push(summariseReview(context.db, row, rubrics));
    return ok(summaries);
  },
  'reviews.open': (input, context) => {
    const reviewer = requireLocalReviewer(context.db);
    if (!reviewer.ok) return reviewer;
    if (!getCall(context.db, input.callId)) return fail('not_found', `No call ${input.callId}`);
    let rubricRef: { id: string; version: number } | undefined;
    let reviewerId = reviewer.value.id;
    if (input.sessionId !== undefined) {
      const session = getSession(context.db, input.sessionId);
      if (!session || !session.callIds.includes(input.callId)) return fail('not_found', 'No such call in the session');
      const identity = sessionIdentity(context.db, session);
      if (!identity) return fail('conflict', 'You are not a reviewer in this session');
      reviewerId = identity;
      rubricRef = { id: session.rubricId, version: session.rubricVersion };
    } else {
      const latest = latestPublishedRubric(context.db, reviewRubricId(context.db));
      rubricRef = latest ? { id: latest.rubric.id, version: latest.rubric.version } : undefined;
    }
    const existing = listReviews(context.db, {
      callId: input.callId,
      reviewerId,
      sessionId: input.sessionId ?? null,
    })[0];
    if (existing) return readReviewDetail(context.db, existing.id);
    if (!rubricRef) return fail('not_found', 'No published rubric to review with');
    const reviewId = randomUUID();
    const rubric = rubricRef;
    writeTransaction(context.db, () => {
      const nowMs = context.now();
      createReview(
        context.db,
        {
          id: reviewId,
          callId: input.callId,
          reviewerId,
          rubricId: rubric.id,
          rubricVersion: rubric.version,
          sessionId: input.sessionId ?? null,
        },
        nowMs,
      );
      addAuditEntry(context.db, reviewId, {
        atMs: nowMs,
        reviewerId,
        action: 'created',
        reason: '',
        details: {
          rubricId: rubric.id,
          rubricVersion: rubric.version,
          ...(input.sessionId ? { sessionId: input.sessionId } : {}),
        },
      });
    });
    context.events.emit('calls.changed', {});
    return readReviewDetail(context.db, reviewId);
  },
  'reviews.get': (input, context) => readReviewDetail(context.db, input.reviewId),
  'reviews.setContext': (input, context) =>
    editReview(context, input.reviewId, (_found, nowMs) => {
      updateReview(context.db, input.reviewId, { context: input.context }, nowMs);
      return ok(undefined);
    }),
  'reviews.setAnswer': (input, context) =>
    editReview(context, input.reviewId, ({ rubric }, nowMs) => {
      const item = findRubricItem(rubric, input.itemId);
      if (!item) return fail('answer_invalid', `The rubric has no item ${input.itemId}`, { itemId: input.itemId });
      const problem = input.answer ? answerProblem(item, input.answer) : null;
      if (problem)
        return fail('answer_invalid', `Answer does not fit item ${input.itemId}: ${problem}`, {
          itemId: input.itemId,
          problem,
        });
      upsertAnswer(context.db, input.reviewId, input.itemId, { answer: input.answer }, nowMs);
      return ok(undefined);
    }),
  'reviews.setItemComment': (input, context) =>
    editReview(context, input.reviewId, ({ rubric }, nowMs) => {
      const known = itemOf(rubric, input.itemId);
      if (!known.ok) return known;
      upsertAnswer(context.db, input.reviewId, input.itemId, { comment: input.comment }, nowMs);
      return ok(undefined);
    }),
  'reviews.setEvidenceOverride': (input, context) =>
    editReview(context, input.reviewId, ({ rubric }, nowMs) => {
      const known = itemOf(rubric, input.itemId);
      if (!known.ok) return known;
      upsertAnswer(context.db, input.reviewId, input.itemId, { evidenceOverride: input.reason }, nowMs);
      return ok(undefined);
    }),
  'reviews.setComment': (input, context) =>
    editReview(context, input.reviewId, (_found, nowMs) => {
      updateReview(context.db, input.reviewId, { comment: input.comment }, nowMs);
      return ok(undefined);
    }),
  'moments.save': (input, context) =>
    editReview(context, input.reviewId, (found, nowMs) => saveCheckedMoment(context.db, found, input.moment, nowMs)),
  'moments.delete': (input, context) =>
    editReview(context, input.reviewId, () => {
      deleteMoment(context.db, input.reviewId, input.momentId);
      return ok(undefined);
    }),
  'reviews.submit': (input, context) => {
    const reviewer = requireLocalReviewer(context.db);
    if (!reviewer.ok) return reviewer;
    const submitted = writeTransaction(context.db, (): Result<void> => {
      const found = editableReview(context.db, input.reviewId);
      if (!found.ok) return found;
      const { review, rubric } = found.value;
      const answers = listAnswers(context.db, review.id);
      const score = scoreOf(rubric, review, answers);
      if (!score.complete)
        return fail('review_incomplete', 'Items are unanswered', {
          itemIds: [...score.unansweredItemIds, ...score.invalidItemIds],
        });
      const missing = evidenceProblems(
        rubric,
        answersOf(answers),
        listMoments(context.db, review.id),
        overridesOf(answers),
      );
      if (missing.length > 0)
        return fail('evidence_missing', 'Scores below the maximum need a moment or a written reason', {
          itemIds: missing.map((problem) => problem.itemId),
        });
      const nowMs = context.now();
      const previous = listAuditEntries(context.db, review.id)
        .filter((entry) => entry.action === 'submitted')
        .at(-1);
      const snapshot = submittedSnapshot(context.db, review, rubric);
      const changes = changedItems(previous?.details.answers as Record<string, unknown> | undefined, snapshot.answers);
      updateReview(context.db, review.id, { status: 'submitted', submittedAtMs: nowMs }, nowMs);
      addAuditEntry(context.db, review.id, {
        atMs: nowMs,
        reviewerId: reviewer.value.id,
        action: 'submitted',
        reason: '',
        details: { ...snapshot, ...(previous ? { changes, totalBefore: previous.details.total ?? null } : {}) },
      });
      return ok(undefined);
    });
    if (!submitted.ok) return submitted;
    context.events.emit('calls.changed', {});
    return readReviewDetail(context.db, input.reviewId);
  },
  'reviews.reopen': (input, context) => {
    const reviewer = requireLocalReviewer(context.db);
    if (!reviewer.ok) return reviewer;
    const review = getReview(context.db, input.reviewId);
    if (!review) return fail('not_found', `No review ${input.reviewId}`);
    if (review.status !== 'submitted') return fail('conflict', 'Only a submitted review can be reopened');
    writeTransaction(context.db, () => {
      const nowMs = context.now();
      updateReview(context.db, review.id, { status: 'draft' }, nowMs);
      addAuditEntry(context.db, review.id, {
        atMs: nowMs,
        reviewerId: reviewer.value.id,
        action: 'reopened',
        reason: input.reason,
        details: {},
      });
    });
    context.events.emit('calls.changed', {});
    return readReviewDetail(context.db, input.reviewId);
  },
} satisfies Partial<Handlers>;
