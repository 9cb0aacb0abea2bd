import type { ScoreSummary } from './score-interval';
import { addMoments, noScores, subtractMoments, summariseMoments, type ScoreMoments } from './score-moments';
import { needGap, type NeedRule, type SkillStanding } from './training-needs';

/** The summed scores of one agent on one skill over the period. */
export interface AgentSkillSums {
  readonly agentId: string;
  readonly skillId: string;
  readonly moments: ScoreMoments;
}

export interface SummedNeed {
  readonly agentId: string;
  readonly skillId: string;
  readonly agent: ScoreSummary;
  readonly team: ScoreSummary;
  readonly gap: number;
}

function teamPerSkill(cells: readonly AgentSkillSums[]): Map<string, ScoreMoments> {
  const team = new Map<string, ScoreMoments>();
  for (const cell of cells) team.set(cell.skillId, addMoments(team.get(cell.skillId) ?? noScores, cell.moments));
  return team;
}

/**
 * trainingNeeds over summed scores (the same rule, needGap): each agent's skill against the rest of the team on it
 * (the skill's sum minus the agent's), largest gap first. The evidence is looked up for the needs found.
 */
export function trainingNeedsOfSums(cells: readonly AgentSkillSums[], rule: NeedRule): SummedNeed[] {
  const team = teamPerSkill(cells);
  const needs: SummedNeed[] = [];
  for (const cell of cells) {
    const agent = summariseMoments(cell.moments);
    const rest = summariseMoments(subtractMoments(team.get(cell.skillId)!, cell.moments));
    const gap = needGap(agent, rest, rule);
    if (gap !== null) needs.push({ agentId: cell.agentId, skillId: cell.skillId, agent, team: rest, gap });
  }
  return needs.sort((a, b) => b.gap - a.gap);
}

/** weakestSkills over summed scores: the team's skills from weakest to strongest (skills without scores left out). */
export function weakestSkillsOfSums(cells: readonly AgentSkillSums[]): SkillStanding[] {
  return [...teamPerSkill(cells)]
    .filter(([, moments]) => moments.count > 0)
    .map(([skillId, moments]) => ({ skillId, team: summariseMoments(moments) }))
    .sort((a, b) => (a.team.mean ?? 0) - (b.team.mean ?? 0));
}
