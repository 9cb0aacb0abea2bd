import type Database from 'better-sqlite3';
import type { TeamReport } from '../contract/team';
import type { LocalizedText } from '../domain/rubric/localized-text';
import { severityAdjusted, type ReviewerEffects } from '../domain/team/reviewer-effects';
import { addMoments, noScores, repeatedScore, summariseMoments, type ScoreMoments } from '../domain/team/score-moments';
import type { AgentSkillSums } from '../domain/team/training-needs-of-sums';
import { periodOf, type TrendGranularity } from '../domain/team/trend';
import { listAgentMerges } from '../storage/agent-merges-repository';
import { getRubricBody } from '../storage/rubrics-repository';
import { sumSectionScores, type ScorePeriod, type SectionScoreSums } from '../storage/team-report-repository';

/** The period's stored section scores added up per agent (as the lead named it) and skill, and per trend period. */
export interface TeamSums {
  readonly cells: Map<string, AgentSkillSums>;
  readonly trend: Map<string, Map<string, ScoreMoments>>;
  readonly reviewsByAgent: Map<string, number>;
  readonly withoutAgent: number;
  readonly titles: Map<string, { title: LocalizedText; version: number }>;
  /** Each agent's spellings on the calls (the agent itself and every variant merged into it). */
  readonly spellings: Map<string, Set<string>>;
  /** Each skill's rubric items, over the rubric versions met: the moments marked for them are its evidence. */
  readonly itemsOfSkill: Map<string, Set<string>>;
}

const cellKey = (agentId: string, skillId: string) => `${agentId}\u0000${skillId}`;

/** A group's sums, with the reviewer's effect removed from each score when the report is severity-adjusted. */
function momentsOf(row: SectionScoreSums, effects: ReviewerEffects | null): ScoreMoments {
  if (!effects) return { count: row.count, sum: row.sum, sumSquares: row.sumSquares };
  if (row.score === null || row.reviewerId === null) return noScores;
  return repeatedScore(severityAdjusted(row.score, effects, row.reviewerId, row.sectionId), row.count);
}

function addTitles(db: Database.Database, sums: TeamSums, rubricKeys: Map<string, { id: string; version: number }>) {
  for (const { id, version } of rubricKeys.values()) {
    const rubric = getRubricBody(db, id, version);
    if (!rubric) continue;
    for (const section of rubric.sections) {
      const known = sums.titles.get(section.id);
      if (!known || known.version < rubric.version) sums.titles.set(section.id, { title: section.title, version });
      const items = sums.itemsOfSkill.get(section.id) ?? new Set<string>();
      for (const item of section.items) items.add(item.id);
      sums.itemsOfSkill.set(section.id, items);
    }
  }
}

/** Adds up the stored section scores of the submitted routine reviews changed in the period (merges applied). */
export function sumTeamScores(
  db: Database.Database,
  request: ScorePeriod & { readonly granularity: TrendGranularity },
  effects: ReviewerEffects | null,
): TeamSums {
  const merged = new Map(listAgentMerges(db).map((merge) => [merge.variant, merge.agentName]));
  const periods = new Map<string, string>();
  const periodOfDay = (day: string) => {
    let period = periods.get(day);
    if (period === undefined) periods.set(day, (period = periodOf(day, request.granularity)));
    return period;
  };
  const sums: TeamSums = {
    cells: new Map(),
    trend: new Map(),
    reviewsByAgent: new Map(),
    withoutAgent: 0,
    titles: new Map(),
    spellings: new Map(),
    itemsOfSkill: new Map(),
  };
  let withoutAgent = 0;
  const rubricKeys = new Map<string, { id: string; version: number }>();
  for (const row of sumSectionScores(db, request, effects !== null)) {
    const agentId = (merged.get(row.agentName) ?? row.agentName).trim();
    if (agentId === '') {
      withoutAgent += row.reviews;
      continue;
    }
    rubricKeys.set(`${row.rubricId}@${row.rubricVersion}`, { id: row.rubricId, version: row.rubricVersion });
    sums.spellings.set(agentId, (sums.spellings.get(agentId) ?? new Set()).add(row.agentName));
    sums.reviewsByAgent.set(agentId, (sums.reviewsByAgent.get(agentId) ?? 0) + row.reviews);
    const key = cellKey(agentId, row.sectionId);
    const moments = momentsOf(row, effects);
    const cell = sums.cells.get(key);
    sums.cells.set(key, {
      agentId,
      skillId: row.sectionId,
      moments: cell ? addMoments(cell.moments, moments) : moments,
    });
    const trend = sums.trend.get(key) ?? new Map<string, ScoreMoments>();
    const period = periodOfDay(row.day);
    trend.set(period, addMoments(trend.get(period) ?? noScores, moments));
    sums.trend.set(key, trend);
  }
  addTitles(db, sums, rubricKeys);
  return { ...sums, withoutAgent };
}

/** Per agent (by name) and skill: the summary and the trend, oldest period first; periods without scores left out. */
export function agentFigures(sums: TeamSums): TeamReport['agents'] {
  const agents = new Map<string, TeamReport['agents'][number]['skills']>();
  for (const [key, cell] of sums.cells) {
    if (cell.moments.count === 0) continue;
    const trend = [...(sums.trend.get(key) ?? [])]
      .filter(([, moments]) => moments.count > 0)
      .map(([period, moments]) => ({ period, summary: summariseMoments(moments) }))
      .sort((a, b) => a.period.localeCompare(b.period));
    const skills = agents.get(cell.agentId) ?? [];
    skills.push({ skillId: cell.skillId, summary: summariseMoments(cell.moments), trend });
    agents.set(cell.agentId, skills);
  }
  return [...agents]
    .map(([agentName, skills]) => ({ agentName, reviewCount: sums.reviewsByAgent.get(agentName) ?? 0, skills }))
    .sort((a, b) => a.agentName.localeCompare(b.agentName));
}
