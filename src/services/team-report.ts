import type { TeamReport } from '../contract/team';
import { trainingNeedsOfSums, weakestSkillsOfSums } from '../domain/team/training-needs-of-sums';
import type { TrendGranularity } from '../domain/team/trend';
import { calibrationReviewerEffects } from '../storage/team-report-repository';
import type { ServiceContext } from './context';
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

/** The team report of a period: per agent and skill, the team per skill, and the training needs with evidence. */
export function buildTeamReport(context: ServiceContext, request: TeamReportRequest): TeamReport {
  // Reviewer effects per skill from every calibration session's submitted reviews (the section scores stored when
  // each was submitted, the same scoring the report sums), and how many sessions gave any.
  const { effects: effectList, sessionCount } = request.severityAdjusted
    ? calibrationReviewerEffects(context.db)
    : { effects: null, sessionCount: 0 };
  const summed = sumTeamScores(context.db, request, effectList);
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
    needs: needsWithEvidence(context.db, request, summed, needs, effectList),
  };
}
