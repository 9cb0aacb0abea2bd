import type Database from 'better-sqlite3';
import { fail, ok } from '../contract/errors';
import { scoreReview } from '../domain/scoring/score-review';
import type { ItemAnswer } from '../domain/scoring/answers';
import { getCallSummary } from '../storage/calls-repository';
import { listAnswers, listReviews } from '../storage/reviews-repository';
import { getRubric } from '../storage/rubrics-repository';
import { getSession, listConsensus, listSessions } from '../storage/sessions-repository';
import type { Handlers } from './handlers';
import type { ScoreExportRequest } from './ports';
import { writeExportDurably } from './exports-folder';
import { answersOf } from './review-model';
import { computeSessionReport, summariseSession } from './session-service';

/**
 * Each reviewer's severity effect on the total (additive model; + = lenient) measured in the calibration sessions on
 * this machine, averaged over the sessions weighted by the calls they scored there.
 */
export function reviewerEffects(db: Database.Database): Map<string, { effect: number; sessions: string[] }> {
  const sums = new Map<string, { weighted: number; calls: number; sessions: string[] }>();
  for (const session of listSessions(db)) {
    const report = computeSessionReport(db, session);
    if (!report.ok) continue;
    report.value.reviewers.forEach((reviewer, index) => {
      const reviewerId = session.reviewerIds[index]!;
      if (reviewer.severity === null) return;
      const calls = Math.max(1, report.value.totals[index]!.filter((total) => total !== null).length);
      const entry = sums.get(reviewerId) ?? { weighted: 0, calls: 0, sessions: [] };
      entry.weighted += reviewer.severity * calls;
      entry.calls += calls;
      entry.sessions.push(session.name);
      sums.set(reviewerId, entry);
    });
  }
  return new Map(
    [...sums.entries()].map(([reviewerId, entry]) => [
      reviewerId,
      { effect: entry.weighted / entry.calls, sessions: entry.sessions },
    ]),
  );
}

export const exportHandlers = {
  /**
   * Scores of a selection (a session, a call, an agent, a reviewer, a date range) as XLSX, CSV or JSON. For a
   * session, a call's consensus answers replace the reviewer's on the items the group agreed: that total is the
   * calibrated one, named as such with the session it came from.
   */
  'exports.scores': async (input, context) => {
    const { db } = context;
    const calibrations: Record<string, ScoreExportRequest['calibrations'][string]> = {};
    let selection: ScoreExportRequest['selection'] = {
      callId: input.callId,
      agentName: input.agentName,
      reviewerId: input.reviewerId,
      fromMs: input.fromMs,
      toMs: input.toMs,
      status: input.status,
    };
    let baseName = 'klankbord-scores';
    if (input.applySeverity && input.sessionId === undefined) {
      // Routine reviews of reviewers whose effect was measured in calibration sessions: the effect is removed.
      const effects = reviewerEffects(db);
      for (const review of listReviews(db, { sessionId: null })) {
        const effect = effects.get(review.reviewerId);
        const rubric = effect ? getRubric(db, review.rubricId, review.rubricVersion)?.rubric : undefined;
        if (!effect || !rubric) continue;
        const total = scoreReview(rubric, answersOf(listAnswers(db, review.id)), review.context).total;
        if (total === null) continue;
        calibrations[review.id] = {
          calibratedTotal: Math.min(100, Math.max(0, total - effect.effect)),
          method: 'severity-adjusted',
          source: `${effect.effect >= 0 ? '+' : ''}${effect.effect.toFixed(2)} from ${effect.sessions.join(', ')}`,
        };
      }
    }
    if (input.sessionId !== undefined) {
      const session = getSession(db, input.sessionId);
      if (!session) return fail('not_found', `No session ${input.sessionId}`);
      const rubric = getRubric(db, session.rubricId, session.rubricVersion)?.rubric;
      const reviews = listReviews(db, { sessionId: session.id });
      const consensus = listConsensus(db, session.id);
      for (const review of reviews) {
        const agreed = consensus.filter((record) => record.callId === review.callId);
        if (!rubric || agreed.length === 0) continue;
        const answers: Record<string, ItemAnswer> = {
          ...answersOf(listAnswers(db, review.id)),
          ...Object.fromEntries(agreed.map((record) => [record.itemId, record.answer])),
        };
        const total = scoreReview(rubric, answers, review.context).total;
        if (total !== null)
          calibrations[review.id] = {
            calibratedTotal: total,
            method: 'consensus',
            source: `${session.name}: ${agreed.length} consensus items`,
          };
      }
      selection = { ...selection, reviewIds: reviews.map((review) => review.id) };
      baseName = session.name;
    }
    const written = await context.ports.exportScores({
      selection,
      format: input.format,
      language: input.language,
      calibrations,
      exportedAtMs: context.now(),
      baseName,
    });
    return ok(written);
  },
  /** One call's moments by reviewer, as WebVTT or ELAN .eaf, for people who analyse them further. */
  'exports.moments': async (input, context) => {
    const title = getCallSummary(context.db, input.callId)?.title;
    if (!title) return fail('not_found', `No call ${input.callId}`);
    const written = await context.ports.exportMoments({
      callId: input.callId,
      sessionId: input.sessionId,
      format: input.format,
      language: input.language,
      exportedAtMs: context.now(),
      baseName: `${title} - momenten`,
    });
    return written ? ok(written) : fail('not_found', `No call ${input.callId}`);
  },
  /** The calibration session report as a PDF, with its charts. */
  'exports.sessionReport': async (input, context) => {
    const session = getSession(context.db, input.sessionId);
    if (!session) return fail('not_found', `No session ${input.sessionId}`);
    const rubric = getRubric(context.db, session.rubricId, session.rubricVersion)?.rubric;
    const report = computeSessionReport(context.db, session);
    if (!rubric || !report.ok) return fail('not_found', 'The session rubric is missing');
    const summary = summariseSession(context.db, session);
    const bytes = await context.ports.sessionReportPdf({
      session: {
        name: session.name,
        rubricName: summary.rubricName,
        rubricVersion: session.rubricVersion,
        blind: session.blind,
        toleranceTotal: session.toleranceTotal,
        toleranceItem: session.toleranceItem,
        deadline: session.deadline,
        createdAtMs: session.createdAtMs,
      },
      reviewers: summary.reviewers,
      calls: summary.calls,
      rubric,
      report: report.value,
      consensus: listConsensus(context.db, session.id),
      language: input.language,
      generatedAtMs: context.now(),
    });
    const fileName = `${session.name} - ${input.language === 'nl' ? 'rapport' : 'report'}.pdf`;
    return ok({
      exportId: await writeExportDurably(context.ports.files, context.paths.exportsDir, fileName, bytes),
      fileName,
    });
  },
} satisfies Partial<Handlers>;
