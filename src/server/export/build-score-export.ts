import type Database from 'better-sqlite3';
import {
  buildScoreExportTables,
  type ReviewCalibration,
  type ScoreExportReview,
} from '../../domain/export/export-tables';
import type { ScoreExportSelection } from '../../domain/export/score-export-selection';
import type { ScoreExportTables } from '../../domain/export/table-model';
import type { Locale } from '../../domain/rubric/localized-text';
import type { Rubric } from '../../domain/rubric/model';
import { callMetrics, type CallMetrics } from '../../domain/assist/call-metrics';
import { agentOf, mergeLookup } from '../../domain/team/agent-merges';
import { listAgentMerges } from '../../storage/agent-merges-repository';
import { getCallSummary } from '../../storage/calls-repository';
import { getCallSignals } from '../../storage/signals-repository';
import { listMoments } from '../../storage/moments-repository';
import { getReviewer } from '../../storage/reviewers-repository';
import { listAnswers, listReviews, type ReviewRecord } from '../../storage/reviews-repository';
import { getRubric } from '../../storage/rubrics-repository';

/*
 * The score export of a selection, read from the database: the one function the contract method will call before
 * handing the tables to a writer. Reads happen in one transaction, so the three tables describe the same moment in
 * time even while reviews are being edited.
 */

export interface BuildScoreExportOptions {
  /** Language of item titles, moment type labels and answer words; default 'nl'. */
  readonly language?: Locale;
  /** Calibrated totals by review id; reviews without one keep the calibration columns empty. */
  readonly calibrations?: Readonly<Record<string, ReviewCalibration>>;
}

function selectedReviews(db: Database.Database, selection: ScoreExportSelection): ReviewRecord[] {
  const filter = {
    callId: selection.callId,
    reviewerId: selection.reviewerId,
    agentName: selection.agentName,
    status: selection.status,
    fromMs: selection.fromMs,
    toMs: selection.toMs,
  };
  const matching = listReviews(db, filter);
  if (selection.reviewIds === undefined) return matching;
  const byId = new Map(matching.map((review) => [review.id, review]));
  // Given ids keep their order; ids that do not match the other filters, are unknown or repeat are left out.
  return [...new Set(selection.reviewIds)].flatMap((reviewId) => byId.get(reviewId) ?? []);
}

/**
 * The reviews, items and moments tables of the selected reviews, scored with their own rubric versions. Reviews
 * come in the order of `reviewIds` when given, else most recently changed first. Throws when a review's rubric
 * version is missing: the database guarantees it exists, so that is corruption, not an expected failure.
 */
export function buildScoreExport(
  db: Database.Database,
  selection: ScoreExportSelection = {},
  options: BuildScoreExportOptions = {},
): ScoreExportTables {
  return db.transaction(() => {
    const rubrics = new Map<string, Rubric>();
    const reviewerNames = new Map<string, string | null>();
    const calls = new Map<string, ScoreExportReview['call']>();
    // The metrics of the call's stored signals (as last computed): facts about the call, not part of the score.
    const metrics = new Map<string, CallMetrics | null>();
    // The agent as the lead named it: merged spellings export under one name.
    const merges = mergeLookup(listAgentMerges(db));
    const entries = selectedReviews(db, selection).map((review): ScoreExportReview => {
      const rubricKey = `${review.rubricId}@${review.rubricVersion}`;
      let rubric = rubrics.get(rubricKey);
      if (!rubric) {
        rubric = getRubric(db, review.rubricId, review.rubricVersion)?.rubric;
        if (!rubric)
          throw new Error(`Review ${review.id}: rubric ${review.rubricId} v${review.rubricVersion} is missing`);
        rubrics.set(rubricKey, rubric);
      }
      if (!reviewerNames.has(review.reviewerId))
        reviewerNames.set(review.reviewerId, getReviewer(db, review.reviewerId)?.name ?? null);
      if (!calls.has(review.callId)) {
        const call = getCallSummary(db, review.callId);
        calls.set(review.callId, { title: call?.title ?? '', agentName: agentOf(call?.agentName ?? '', merges) });
        const stored = getCallSignals(db, review.callId);
        metrics.set(review.callId, stored ? callMetrics(stored.signals) : null);
      }
      const calibration =
        options.calibrations && Object.hasOwn(options.calibrations, review.id)
          ? options.calibrations[review.id]
          : undefined;
      return {
        review: { ...review, reviewerName: reviewerNames.get(review.reviewerId) ?? null },
        call: calls.get(review.callId)!,
        rubric,
        answers: listAnswers(db, review.id),
        moments: listMoments(db, review.id),
        callMetrics: metrics.get(review.callId) ?? null,
        ...(calibration ? { calibration } : {}),
      };
    });
    return buildScoreExportTables(entries, { language: options.language ?? 'nl' });
  })();
}
