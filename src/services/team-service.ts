import { ok } from '../contract/errors';
import type { TeamReport } from '../contract/team';
import type { LocalizedText } from '../domain/rubric/localized-text';
import type { Rubric } from '../domain/rubric/model';
import { summariseScores } from '../domain/team/score-interval';
import { groupBy, type SkillObservation } from '../domain/team/skill-observation';
import { trainingNeeds, weakestSkills } from '../domain/team/training-needs';
import { trendOf } from '../domain/team/trend';
import { iterateReviewRows } from '../storage/review-list-repository';
import { getRubric } from '../storage/rubrics-repository';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';
import { scoreOf } from './review-model';

/** Reviews listed per need: enough to listen to, few enough to keep the report small. */
const evidencePerNeed = 20;

/** The calendar day of a moment in this machine's time zone (where the lead reads the report), YYYY-MM-DD. */
function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

interface Collected {
  readonly observations: SkillObservation[];
  readonly titles: Map<string, { title: LocalizedText; version: number }>;
  readonly reviewsByAgent: Map<string, number>;
  readonly callOfReview: Map<string, { callId: string; callTitle: string }>;
  readonly withoutAgent: number;
}

/**
 * The section scores of the submitted routine reviews changed in the period. Calibration reviews stay out: they
 * score a few chosen calls several times over and would weigh those calls in an agent's figures.
 */
function collectObservations(context: ServiceContext, fromMs: number, toMs: number): Collected {
  const rubrics = new Map<string, Rubric | undefined>();
  const observations: SkillObservation[] = [];
  const titles = new Map<string, { title: LocalizedText; version: number }>();
  const reviewsByAgent = new Map<string, number>();
  const callOfReview = new Map<string, { callId: string; callTitle: string }>();
  let withoutAgent = 0;
  const filter = { status: 'submitted', sessionId: null, fromMs, toMs } as const;
  for (const row of iterateReviewRows(context.db, filter)) {
    const { review } = row;
    const agentId = row.agentName.trim();
    if (agentId === '') {
      withoutAgent += 1;
      continue;
    }
    const key = `${review.rubricId}@${review.rubricVersion}`;
    if (!rubrics.has(key)) rubrics.set(key, getRubric(context.db, review.rubricId, review.rubricVersion)?.rubric);
    const rubric = rubrics.get(key);
    if (!rubric) continue;
    reviewsByAgent.set(agentId, (reviewsByAgent.get(agentId) ?? 0) + 1);
    callOfReview.set(review.id, { callId: review.callId, callTitle: row.callTitle });
    const day = localDay(review.submittedAtMs ?? review.updatedAtMs);
    for (const section of scoreOf(rubric, review, row.answers).sections) {
      if (section.score === null) continue;
      observations.push({ reviewId: review.id, agentId, skillId: section.sectionId, score: section.score, day });
    }
    for (const section of rubric.sections) {
      const known = titles.get(section.id);
      if (!known || known.version < rubric.version)
        titles.set(section.id, { title: section.title, version: rubric.version });
    }
  }
  return { observations, titles, reviewsByAgent, callOfReview, withoutAgent };
}

export const teamHandlers = {
  'team.report': (input, context) => {
    const { observations, titles, reviewsByAgent, callOfReview, withoutAgent } = collectObservations(
      context,
      input.fromMs,
      input.toMs,
    );
    const rule = { gap: input.gap, minReviews: input.minReviews };
    const scoreOfSkill = new Map(observations.map((entry) => [`${entry.reviewId}/${entry.skillId}`, entry.score]));
    const agents: TeamReport['agents'] = [];
    for (const [agentName, ofAgent] of groupBy(observations, (observation) => observation.agentId)) {
      const skills = [...groupBy(ofAgent, (observation) => observation.skillId)].map(([skillId, ofSkill]) => ({
        skillId,
        summary: summariseScores(ofSkill.map((observation) => observation.score)),
        trend: trendOf(ofSkill, input.granularity),
      }));
      agents.push({ agentName, reviewCount: reviewsByAgent.get(agentName) ?? 0, skills });
    }
    agents.sort((a, b) => a.agentName.localeCompare(b.agentName));
    const report: TeamReport = {
      fromMs: input.fromMs,
      toMs: input.toMs,
      granularity: input.granularity,
      rule,
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
    return ok(report);
  },
} satisfies Partial<Handlers>;
