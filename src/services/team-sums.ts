import type Database from 'better-sqlite3';
import type { TeamReport } from '../contract/team';
import type { LocalizedText } from '../domain/rubric/localized-text';
import type { ReviewerSkillEffect } from '../domain/team/reviewer-effects';
import { summariseMoments, type ScoreMoments } from '../domain/team/score-moments';
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

/** Running sums, added to in place (each group once, in the order the query gives them). */
interface Accumulator {
  count: number;
  sum: number;
  sumSquares: number;
}

function addGroup(to: Accumulator, row: SectionScoreSums): void {
  to.count += row.count;
  to.sum += row.sum;
  to.sumSquares += row.sumSquares;
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

/**
 * The accumulators of an agent's skill and of its trend periods. Groups come in the order of the covering index
 * (spelling, skill, rubric, day, ...), so the one asked for is nearly always the one asked for last.
 */
function cellFinder(sums: TeamSums, periodOfDay: (day: string) => string) {
  let last: { agentId: string; skillId: string; cell: Accumulator; trend: Map<string, ScoreMoments> } | undefined;
  return (agentId: string, skillId: string, day: string) => {
    if (!last || last.agentId !== agentId || last.skillId !== skillId) {
      const key = cellKey(agentId, skillId);
      let cell = sums.cells.get(key)?.moments as Accumulator | undefined;
      if (!cell) sums.cells.set(key, { agentId, skillId, moments: (cell = { count: 0, sum: 0, sumSquares: 0 }) });
      let trend = sums.trend.get(key);
      if (!trend) sums.trend.set(key, (trend = new Map()));
      last = { agentId, skillId, cell, trend };
    }
    const period = periodOfDay(day);
    let ofPeriod = last.trend.get(period) as Accumulator | undefined;
    if (!ofPeriod) last.trend.set(period, (ofPeriod = { count: 0, sum: 0, sumSquares: 0 }));
    return { cell: last.cell, ofPeriod };
  };
}

/**
 * Adds up the stored section scores of the submitted routine reviews changed in the period (merges applied), with
 * each reviewer's effect taken off their scores when `effects` are given.
 */
export function sumTeamScores(
  db: Database.Database,
  request: ScorePeriod & { readonly granularity: TrendGranularity },
  effects: readonly ReviewerSkillEffect[] | null,
): TeamSums {
  const merged = new Map(listAgentMerges(db).map((merge) => [merge.variant, merge.agentName]));
  const agentOfSpelling = new Map<string, string>();
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
  const find = cellFinder(sums, periodOfDay);
  let withoutAgent = 0;
  const rubricKeys = new Map<string, { id: string; version: number }>();
  for (const row of sumSectionScores(db, request, effects)) {
    let agentId = agentOfSpelling.get(row.agentName);
    if (agentId === undefined) {
      agentOfSpelling.set(row.agentName, (agentId = (merged.get(row.agentName) ?? row.agentName).trim()));
      if (agentId !== '') sums.spellings.set(agentId, (sums.spellings.get(agentId) ?? new Set()).add(row.agentName));
    }
    if (agentId === '') {
      withoutAgent += row.reviews;
      continue;
    }
    const rubricKey = `${row.rubricId}@${row.rubricVersion}`;
    if (!rubricKeys.has(rubricKey)) rubricKeys.set(rubricKey, { id: row.rubricId, version: row.rubricVersion });
    sums.reviewsByAgent.set(agentId, (sums.reviewsByAgent.get(agentId) ?? 0) + row.reviews);
    const { cell, ofPeriod } = find(agentId, row.sectionId, row.day);
    addGroup(cell, row);
    addGroup(ofPeriod, row);
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
