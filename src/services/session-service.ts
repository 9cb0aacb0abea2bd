import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../contract/errors';
import type { MethodOutput } from '../contract/methods';
import type { SessionSummary } from '../contract/sessions';
import { compareCall, type ComparedScore } from '../domain/calibration/call-comparison';
import { momentAgreement } from '../domain/calibration/moment-agreement';
import { sessionReport, type SessionReport } from '../domain/calibration/session-report';
import { localize } from '../domain/rubric/localized-text';
import { findRubricItem } from '../domain/rubric/model';
import { answerProblem } from '../domain/scoring/answers';
import { getCallSummary } from '../storage/calls-repository';
import { listMoments } from '../storage/moments-repository';
import { getCallSignals } from '../storage/signals-repository';
import { getReviewer, upsertReviewer } from '../storage/reviewers-repository';
import { listAnswers, listReviews, type ReviewRecord } from '../storage/reviews-repository';
import { getRubric, latestPublishedRubric } from '../storage/rubrics-repository';
import {
  addDiscussionNote,
  getSession,
  insertSession,
  listConsensus,
  listDiscussionNotes,
  listSessions,
  saveConsensus,
  type CalibrationSession,
} from '../storage/sessions-repository';
import { writeTransaction } from '../storage/transactions';
import type { Handlers } from './handlers';
import { answersOf } from './review-model';
import { requireLocalReviewer } from './reviewer-service';
import { reviewRubricId } from './rubric-service';
import { sessionIdentity, setSessionIdentity } from './session-identity';

/** A session as lists show it: names resolved, progress counted. */
export function summariseSession(db: Database.Database, session: CalibrationSession): SessionSummary {
  const rubric = getRubric(db, session.rubricId, session.rubricVersion)?.rubric;
  const reviews = listReviews(db, { sessionId: session.id });
  const { callIds, reviewerIds, ...rest } = session;
  return {
    ...rest,
    rubricName: rubric ? localize(rubric.name, 'nl') : session.rubricId,
    calls: callIds.map((id) => ({ id, title: getCallSummary(db, id)?.title ?? id })),
    reviewers: reviewerIds.map((id) => ({ id, name: getReviewer(db, id)?.name ?? id })),
    submitted: reviews.filter((review) => review.status === 'submitted').length,
    expected: callIds.length * reviewerIds.length,
  };
}

/** The submitted session reviews as a reviewers × calls grid, in the session's order. */
export function sessionReviewGrid(db: Database.Database, session: CalibrationSession): (ReviewRecord | null)[][] {
  const submitted = listReviews(db, { sessionId: session.id, status: 'submitted' });
  return session.reviewerIds.map((reviewerId) =>
    session.callIds.map(
      (callId) => submitted.find((review) => review.reviewerId === reviewerId && review.callId === callId) ?? null,
    ),
  );
}

/** The session report computed from the submitted reviews. */
export function computeSessionReport(db: Database.Database, session: CalibrationSession): Result<SessionReport> {
  const rubric = getRubric(db, session.rubricId, session.rubricVersion)?.rubric;
  if (!rubric) return fail('not_found', 'The session rubric is missing');
  const grid = sessionReviewGrid(db, session);
  const benchmarkIndex = session.benchmarkReviewerId ? session.reviewerIds.indexOf(session.benchmarkReviewerId) : -1;
  return ok(
    sessionReport({
      rubric,
      reviews: grid.map((row) =>
        row.map((review) =>
          review ? { answers: answersOf(listAnswers(db, review.id)), context: review.context } : null,
        ),
      ),
      benchmarkIndex: benchmarkIndex >= 0 ? benchmarkIndex : null,
      toleranceTotal: session.toleranceTotal,
      toleranceItem: session.toleranceItem,
      callSignals: session.callIds.map((callId) => getCallSignals(db, callId)?.signals ?? null),
    }),
  );
}

/**
 * Who heard what: moment agreement per call (moments only match within one recording), pooled over the session's
 * calls per type: matched pairs and F1 over all reviewer pairs, and each reviewer against the benchmark.
 */
export function sessionMomentAgreement(db: Database.Database, session: CalibrationSession) {
  const grid = sessionReviewGrid(db, session);
  const benchmarkIndex = session.benchmarkReviewerId ? session.reviewerIds.indexOf(session.benchmarkReviewerId) : -1;
  const byType = new Map<string, { matched: number; unmatched: number }>();
  const versus = session.reviewerIds.map(() => ({ matched: 0, missed: 0, extra: 0 }));
  session.callIds.forEach((_, callIndex) => {
    const agreement = momentAgreement(
      grid.map((row, reviewerIndex) => ({
        reviewerId: session.reviewerIds[reviewerIndex]!,
        moments: row[callIndex] ? listMoments(db, row[callIndex]!.id) : [],
      })),
      { referenceIndex: benchmarkIndex >= 0 ? benchmarkIndex : null },
    );
    for (const type of agreement?.types ?? []) {
      const entry = byType.get(type.type) ?? { matched: 0, unmatched: 0 };
      for (const pair of type.pairs) {
        entry.matched += pair.matched;
        entry.unmatched += pair.unmatchedFirst + pair.unmatchedSecond;
      }
      byType.set(type.type, entry);
    }
    agreement?.overall.versusReference?.forEach((figures, reviewerIndex) => {
      if (!figures) return;
      versus[reviewerIndex]!.matched += figures.matched;
      versus[reviewerIndex]!.missed += figures.missed;
      versus[reviewerIndex]!.extra += figures.extra;
    });
  });
  const f1 = (matched: number, unmatched: number) =>
    matched * 2 + unmatched > 0 ? (2 * matched) / (2 * matched + unmatched) : null;
  return {
    types: [...byType.entries()].map(([type, entry]) => ({
      type,
      matched: entry.matched,
      unmatched: entry.unmatched,
      f1: f1(entry.matched, entry.unmatched),
    })),
    reviewers:
      benchmarkIndex < 0
        ? null
        : versus.map((entry, index) =>
            index === benchmarkIndex ? null : { ...entry, f1: f1(entry.matched, entry.missed + entry.extra) },
          ),
  };
}

/** A compared score as the contract carries it (mutable arrays). */
const scoreOf = (score: ComparedScore | null) => (score ? { total: score.total, sections: [...score.sections] } : null);

export const sessionHandlers = {
  'sessions.create': (input, context) => {
    const lead = requireLocalReviewer(context.db);
    if (!lead.ok) return lead;
    const rubric = latestPublishedRubric(context.db, reviewRubricId(context.db));
    if (!rubric) return fail('not_found', 'No published rubric');
    for (const callId of input.callIds)
      if (!getCallSummary(context.db, callId)) return fail('not_found', `No call ${callId}`);
    const nowMs = context.now();
    const session = writeTransaction(context.db, (): Result<CalibrationSession> => {
      const reviewerIds: string[] = [];
      for (const entry of input.reviewers) {
        if ('id' in entry) {
          if (!getReviewer(context.db, entry.id)) return fail('not_found', `No reviewer ${entry.id}`);
          reviewerIds.push(entry.id);
        } else {
          const id = randomUUID();
          upsertReviewer(context.db, { id, name: entry.name }, nowMs);
          reviewerIds.push(id);
        }
      }
      if (new Set(reviewerIds).size !== reviewerIds.length) return fail('conflict', 'A reviewer is listed twice');
      if (input.benchmarkIndex !== null && input.benchmarkIndex >= reviewerIds.length)
        return fail('invalid_input', 'The benchmark is not one of the reviewers');
      const created: CalibrationSession = {
        id: randomUUID(),
        name: input.name,
        rubricId: rubric.rubric.id,
        rubricVersion: rubric.rubric.version,
        blind: input.blind,
        benchmarkReviewerId: input.benchmarkIndex !== null ? reviewerIds[input.benchmarkIndex]! : null,
        toleranceTotal: input.toleranceTotal,
        toleranceItem: input.toleranceItem,
        deadline: input.deadline,
        leadReviewerId: lead.value.id,
        createdAtMs: nowMs,
        callIds: [...new Set(input.callIds)],
        reviewerIds,
      };
      insertSession(context.db, created);
      return ok(created);
    });
    if (!session.ok) return session;
    context.events.emit('calls.changed', {});
    return ok(summariseSession(context.db, session.value));
  },
  'sessions.join': (input, context) => {
    const session = getSession(context.db, input.sessionId);
    if (!session || !session.reviewerIds.includes(input.reviewerId))
      return fail('not_found', 'No such reviewer in the session');
    setSessionIdentity(context.db, session.id, input.reviewerId);
    return ok({ savedAtMs: context.now() });
  },
  'sessions.list': (_input, context) =>
    ok(listSessions(context.db).map((session) => summariseSession(context.db, session))),
  'sessions.get': (input, context) => {
    const session = getSession(context.db, input.sessionId);
    return session ? ok(summariseSession(context.db, session)) : fail('not_found', `No session ${input.sessionId}`);
  },
  'sessions.report': (input, context) => {
    const session = getSession(context.db, input.sessionId);
    if (!session) return fail('not_found', `No session ${input.sessionId}`);
    const report = computeSessionReport(context.db, session);
    const moments = sessionMomentAgreement(context.db, session);
    // The domain's report is deeply readonly; the contract's output type is not. Same shape.
    return report.ok
      ? ok({
          ...report.value,
          consensus: listConsensus(context.db, session.id),
          moments,
        } as MethodOutput<'sessions.report'>)
      : report;
  },
  /** One call of a session side by side: every submitted review's answers and moments, and the consensus. */
  'sessions.compare': (input, context) => {
    const session = getSession(context.db, input.sessionId);
    if (!session || !session.callIds.includes(input.callId)) return fail('not_found', 'No such call in the session');
    const reviews = listReviews(context.db, { sessionId: session.id, callId: input.callId });
    // Blind: a reviewer of the session sees the others only once their own review of the call is submitted.
    const identity = sessionIdentity(context.db, session);
    if (
      session.blind &&
      identity &&
      !reviews.some((review) => review.reviewerId === identity && review.status === 'submitted')
    ) {
      return fail('blind_until_submitted', 'Submit your own review of this call first');
    }
    const rubric = getRubric(context.db, session.rubricId, session.rubricVersion)?.rubric;
    if (!rubric) return fail('not_found', `No rubric ${session.rubricId} v${session.rubricVersion}`);
    const submitted = session.reviewerIds.map((reviewerId) =>
      reviews.find((candidate) => candidate.reviewerId === reviewerId && candidate.status === 'submitted'),
    );
    const answerRecords = submitted.map((review) => (review ? listAnswers(context.db, review.id) : []));
    const benchmarkIndex =
      session.benchmarkReviewerId === null ? -1 : session.reviewerIds.indexOf(session.benchmarkReviewerId);
    const comparison = compareCall({
      rubric,
      reviews: submitted.map((review, index) =>
        review ? { answers: answersOf(answerRecords[index]!), context: review.context } : null,
      ),
      benchmarkIndex: benchmarkIndex >= 0 ? benchmarkIndex : null,
      toleranceItem: session.toleranceItem,
    });
    return ok({
      reviews: session.reviewerIds.map((reviewerId, index) => {
        const review = submitted[index];
        return {
          reviewerId,
          reviewerName: getReviewer(context.db, reviewerId)?.name ?? reviewerId,
          submitted: review !== undefined,
          revision: review?.revision ?? null,
          context: review?.context ?? null,
          answers: answerRecords[index]!,
          moments: review ? listMoments(context.db, review.id) : [],
          score: scoreOf(comparison.scores[index] ?? null),
        };
      }),
      items: comparison.items.map((entry) => ({ ...entry, deviations: [...entry.deviations] })),
      consensus: listConsensus(context.db, session.id).filter((record) => record.callId === input.callId),
      notes: listDiscussionNotes(context.db, session.id, input.callId).map((note) => ({
        ...note,
        authorName: getReviewer(context.db, note.authorId)?.name ?? note.authorId,
      })),
    });
  },
  /** Adds a note to the discussion of a call (optionally about one item). */
  'sessions.addNote': (input, context) => {
    const author = requireLocalReviewer(context.db);
    if (!author.ok) return author;
    const session = getSession(context.db, input.sessionId);
    if (!session || !session.callIds.includes(input.callId)) return fail('not_found', 'No such call in the session');
    const nowMs = context.now();
    addDiscussionNote(context.db, session.id, input.callId, {
      itemId: input.itemId ?? null,
      authorId: author.value.id,
      text: input.text,
      atMs: nowMs,
    });
    return ok({ savedAtMs: nowMs });
  },
  /** Records the agreed (calibrated) answer of one item for one call, with the reason. */
  'sessions.setConsensus': (input, context) => {
    const lead = requireLocalReviewer(context.db);
    if (!lead.ok) return lead;
    const session = getSession(context.db, input.sessionId);
    if (!session || !session.callIds.includes(input.callId)) return fail('not_found', 'No such call in the session');
    const rubric = getRubric(context.db, session.rubricId, session.rubricVersion)?.rubric;
    const item = rubric ? findRubricItem(rubric, input.itemId) : undefined;
    if (!item) return fail('answer_invalid', `The rubric has no item ${input.itemId}`);
    const problem = answerProblem(item, input.answer);
    if (problem) return fail('answer_invalid', problem, { problem });
    const nowMs = context.now();
    saveConsensus(context.db, session.id, {
      callId: input.callId,
      itemId: input.itemId,
      answer: input.answer,
      reason: input.reason,
      decidedBy: lead.value.id,
      decidedAtMs: nowMs,
    });
    return ok({ savedAtMs: nowMs });
  },
} satisfies Partial<Handlers>;
