import type { TeamReport } from '../contract/team';
import type { LocalizedText } from '../domain/rubric/localized-text';
import type { Rubric } from '../domain/rubric/model';
import {
  reviewerEffects,
  severityAdjusted,
  type CalibrationScore,
  type ReviewerEffects,
} from '../domain/team/reviewer-effects';
import { summariseScores } from '../domain/team/score-interval';
import { groupBy, type SkillObservation } from '../domain/team/skill-observation';
import { trainingNeeds, weakestSkills } from '../domain/team/training-needs';
import { trendOf, type TrendGranularity } from '../domain/team/trend';
import type { ReviewListRow } from '../storage/review-list-repository';
import { iterateReviewRows } from '../storage/review-list-repository';
import { getRubric } from '../storage/rubrics-repository';
import { listSessions } from '../storage/sessions-repository';
import type { ServiceContext } from './context';
import { scoreOf } from './review-model';

/** Reviews listed per need: enough to listen to, few enough to keep the report small. */
const evidencePerNeed = 20;

export interface TeamReportRequest {
  readonly fromMs: number;
  readonly toMs: number;
  readonly granularity: TrendGranularity;
  readonly gap: number;
  readonly minReviews: number;
  readonly severityAdjusted: boolean;
}

/** The calendar day of a moment in this machine's time zone (where the lead reads the report), YYYY-MM-DD. */
function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
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

interface Collected {
  readonly observations: SkillObservation[];
  readonly titles: Map<string, { title: LocalizedText; version: number }>;
  readonly reviewsByAgent: Map<string, number>;
  readonly callOfReview: Map<string, { callId: string; callTitle: string }>;
  readonly withoutAgent: number;
}

/**
 * The section scores of the submitted routine reviews changed in the period (the agent as the lead named it, merges
 * applied). Calibration reviews stay out: they score a few chosen calls several times over and would weigh those
 * calls in an agent's figures.
 */
function collectObservations(context: ServiceContext, request: TeamReportRequest, effects: ReviewerEffects): Collected {
  const scoresOf = sectionScorer(context);
  const observations: SkillObservation[] = [];
  const titles = new Map<string, { title: LocalizedText; version: number }>();
  const reviewsByAgent = new Map<string, number>();
  const callOfReview = new Map<string, { callId: string; callTitle: string }>();
  let withoutAgent = 0;
  const filter = { status: 'submitted', sessionId: null, fromMs: request.fromMs, toMs: request.toMs } as const;
  for (const row of iterateReviewRows(context.db, filter)) {
    const { review } = row;
    const agentId = row.agentName.trim();
    if (agentId === '') {
      withoutAgent += 1;
      continue;
    }
    const scored = scoresOf(row);
    if (!scored) continue;
    reviewsByAgent.set(agentId, (reviewsByAgent.get(agentId) ?? 0) + 1);
    callOfReview.set(review.id, { callId: review.callId, callTitle: row.callTitle });
    const day = localDay(review.submittedAtMs ?? review.updatedAtMs);
    for (const section of scored.sections) {
      if (section.score === null) continue;
      const score = request.severityAdjusted
        ? severityAdjusted(section.score, effects, review.reviewerId, section.sectionId)
        : section.score;
      observations.push({ reviewId: review.id, agentId, skillId: section.sectionId, score, day });
    }
    for (const section of scored.rubric.sections) {
      const known = titles.get(section.id);
      if (!known || known.version < scored.rubric.version)
        titles.set(section.id, { title: section.title, version: scored.rubric.version });
    }
  }
  return { observations, titles, reviewsByAgent, callOfReview, withoutAgent };
}

/** The team report of a period: per agent and skill, the team per skill, and the training needs with evidence. */
export function buildTeamReport(context: ServiceContext, request: TeamReportRequest): TeamReport {
  const { effects, sessionCount } = request.severityAdjusted
    ? calibrationEffects(context)
    : { effects: new Map(), sessionCount: 0 };
  const { observations, titles, reviewsByAgent, callOfReview, withoutAgent } = collectObservations(
    context,
    request,
    effects,
  );
  const rule = { gap: request.gap, minReviews: request.minReviews };
  const scoreOfSkill = new Map(observations.map((entry) => [`${entry.reviewId}/${entry.skillId}`, entry.score]));
  const agents: TeamReport['agents'] = [];
  for (const [agentName, ofAgent] of groupBy(observations, (observation) => observation.agentId)) {
    const skills = [...groupBy(ofAgent, (observation) => observation.skillId)].map(([skillId, ofSkill]) => ({
      skillId,
      summary: summariseScores(ofSkill.map((observation) => observation.score)),
      trend: trendOf(ofSkill, request.granularity),
    }));
    agents.push({ agentName, reviewCount: reviewsByAgent.get(agentName) ?? 0, skills });
  }
  agents.sort((a, b) => a.agentName.localeCompare(b.agentName));
  return {
    fromMs: request.fromMs,
    toMs: request.toMs,
    granularity: request.granularity,
    rule,
    severityAdjusted: request.severityAdjusted,
    adjustmentSessionCount: sessionCount,
    reviewCount: [...reviewsByAgent.values()].reduce((sum, count) => sum + count, 0),
    withoutAgentCount: withoutAgent,
    skills: [...titles].map(([skillId, { title }]) => ({ skillId, title: { nl: title.nl, en: title.en } })),
    team: weakestSkills(observations).map(({ skillId, team }) => ({ skillId, summary: team })),
    agents,
    needs: trainingNeeds(observations, rule).map(({ agentId, skillId, reviewIds, ...need }) => ({
      ...need,
      agentName: agentId,
      skillId,
      evidence: reviewIds.slice(0, evidencePerNeed).map((reviewId) => ({
        reviewId,
        ...callOfReview.get(reviewId)!,
        score: scoreOfSkill.get(`${reviewId}/${skillId}`)!,
      })),
    })),
  };
}
