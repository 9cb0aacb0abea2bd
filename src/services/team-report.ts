import type { TeamReport } from '../contract/team';
import type { Rubric } from '../domain/rubric/model';
import { reviewerEffects, type CalibrationScore, type ReviewerEffects } from '../domain/team/reviewer-effects';
import { trainingNeedsOfSums, weakestSkillsOfSums } from '../domain/team/training-needs-of-sums';
import type { TrendGranularity } from '../domain/team/trend';
import type { ReviewListRow } from '../storage/review-list-repository';
import { iterateReviewRows } from '../storage/review-list-repository';
import { getRubric } from '../storage/rubrics-repository';
import { listSessions } from '../storage/sessions-repository';
import type { ServiceContext } from './context';
import { scoreOf } from './review-model';
import { needsWithEvidence } from './team-evidence';
import { agentFigures, sumTeamScores } from './team-sums';

export interface TeamReportRequest {
  readonly fromMs: number;
  readonly toMs: number;
  readonly granularity: TrendGranularity;
  readonly gap: number;
  readonly minReviews: number;
  readonly severityAdjusted: boolean;
}

/** Section scores of a review row, its rubric read once per version. */
function sectionScorer(context: ServiceContext) {
  const rubrics = new Map<string, Rubric | undefined>();
  return (row: ReviewListRow) => {
    const { review } = row;
    const key = `${review.rubricId}@${review.rubricVersion}`;
    if (!rubrics.has(key)) rubrics.set(key, getRubric(context.db, review.rubricId, review.rubricVersion)?.rubric);
    const rubric = rubrics.get(key);
    return rubric ? { rubric, sections: scoreOf(rubric, review, row.answers).sections } : undefined;
  };
}

/** Reviewer effects per skill from every calibration session's submitted reviews, and how many sessions gave any. */
function calibrationEffects(context: ServiceContext): { effects: ReviewerEffects; sessionCount: number } {
  const scoresOf = sectionScorer(context);
  const scores: CalibrationScore[] = [];
  let sessionCount = 0;
  for (const session of listSessions(context.db)) {
    let counted = false;
    for (const row of iterateReviewRows(context.db, { sessionId: session.id, status: 'submitted' })) {
      for (const section of scoresOf(row)?.sections ?? []) {
        if (section.score === null) continue;
        counted = true;
        scores.push({
          reviewerId: row.review.reviewerId,
          groupId: `${session.id}/${row.review.callId}`,
          skillId: section.sectionId,
          score: section.score,
        });
      }
    }
    if (counted) sessionCount += 1;
  }
  return { effects: reviewerEffects(scores), sessionCount };
}

/** The team report of a period: per agent and skill, the team per skill, and the training needs with evidence. */
export function buildTeamReport(context: ServiceContext, request: TeamReportRequest): TeamReport {
  const { effects, sessionCount } = request.severityAdjusted
    ? calibrationEffects(context)
    : { effects: new Map(), sessionCount: 0 };
  const summed = sumTeamScores(context.db, request, request.severityAdjusted ? effects : null);
  const rule = { gap: request.gap, minReviews: request.minReviews };
  const needs = trainingNeedsOfSums([...summed.cells.values()], rule);
  return {
    fromMs: request.fromMs,
    toMs: request.toMs,
    granularity: request.granularity,
    rule,
    severityAdjusted: request.severityAdjusted,
    adjustmentSessionCount: sessionCount,
    reviewCount: [...summed.reviewsByAgent.values()].reduce((sum, count) => sum + count, 0),
    withoutAgentCount: summed.withoutAgent,
    skills: [...summed.titles].map(([skillId, { title }]) => ({ skillId, title: { nl: title.nl, en: title.en } })),
    team: weakestSkillsOfSums([...summed.cells.values()]).map(({ skillId, team }) => ({ skillId, summary: team })),
    agents: agentFigures(summed),
    needs: needsWithEvidence(context.db, request, summed, needs, request.severityAdjusted ? effects : null),
  };
}
