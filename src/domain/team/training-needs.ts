import { summariseScores, type ScoreSummary } from './score-interval';
import { groupBy, type SkillObservation } from './skill-observation';

export interface NeedRule {
  /** How far below the team (score points in [0, 1]; 0.1 = 10 points on the 0-100 scale) an agent must be. */
  readonly gap: number;
  /** The fewest reviews of that skill for the agent before a need is named. */
  readonly minReviews: number;
}

export const defaultNeedRule: NeedRule = { gap: 0.1, minReviews: 5 };

export interface TrainingNeed {
  readonly agentId: string;
  readonly skillId: string;
  readonly agent: ScoreSummary;
  /** The rest of the team on the same skill (the agent left out, so one weak agent does not lower the bar). */
  readonly team: ScoreSummary;
  /** Team mean minus agent mean. */
  readonly gap: number;
  /** The agent's reviews of this skill from lowest score up: the evidence to listen to first. */
  readonly reviewIds: readonly string[];
}

/**
 * The need rule for one agent and skill against the rest of the team: the gap when (1) the agent has at least
 * `minReviews` reviews of it, (2) the agent's mean is more than `gap` below the team's mean, and (3) the agent's 95 %
 * interval lies wholly below that team mean, so the gap is not a few unlucky calls; else null.
 */
export function needGap(agent: ScoreSummary, team: ScoreSummary, rule: NeedRule): number | null {
  if (agent.count < rule.minReviews) return null;
  if (team.mean === null || agent.mean === null || agent.upper === null) return null;
  const gap = team.mean - agent.mean;
  return gap <= rule.gap || agent.upper >= team.mean ? null : gap;
}

/**
 * Training needs: an agent's skill where (1) the agent has at least `minReviews` reviews of it, (2) the agent's mean
 * is more than `gap` below the rest of the team's mean, and (3) the agent's 95 % interval lies wholly below that team
 * mean, so the gap is not a few unlucky calls. Ordered by the largest gap first.
 */
export function trainingNeeds(
  observations: readonly SkillObservation[],
  rule: NeedRule = defaultNeedRule,
): TrainingNeed[] {
  const needs: TrainingNeed[] = [];
  for (const [skillId, ofSkill] of groupBy(observations, (observation) => observation.skillId)) {
    for (const [agentId, ofAgent] of groupBy(ofSkill, (observation) => observation.agentId)) {
      if (ofAgent.length < rule.minReviews) continue;
      const others = ofSkill.filter((observation) => observation.agentId !== agentId);
      const team = summariseScores(others.map((observation) => observation.score));
      const agent = summariseScores(ofAgent.map((observation) => observation.score));
      const gap = needGap(agent, team, rule);
      if (gap === null) continue;
      const reviewIds = [...ofAgent].sort((a, b) => a.score - b.score).map((observation) => observation.reviewId);
      needs.push({ agentId, skillId, agent, team, gap, reviewIds });
    }
  }
  return needs.sort((a, b) => b.gap - a.gap);
}

export interface SkillStanding {
  readonly skillId: string;
  readonly team: ScoreSummary;
}

/** The team's skills from weakest to strongest (by mean; skills without reviews left out). */
export function weakestSkills(observations: readonly SkillObservation[]): SkillStanding[] {
  const standings: SkillStanding[] = [];
  for (const [skillId, ofSkill] of groupBy(observations, (observation) => observation.skillId)) {
    standings.push({ skillId, team: summariseScores(ofSkill.map((observation) => observation.score)) });
  }
  return standings.sort((a, b) => (a.team.mean ?? 0) - (b.team.mean ?? 0));
}
