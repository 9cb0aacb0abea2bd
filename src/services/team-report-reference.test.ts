import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import type { TeamReport } from '../contract/team';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems, scaleMaximum } from '../domain/rubric/model';
import type { ItemAnswer } from '../domain/scoring/answers';
import { agentOf, mergeLookup } from '../domain/team/agent-merges';
import { reviewerEffects, severityAdjusted, type CalibrationScore } from '../domain/team/reviewer-effects';
import { summariseScores } from '../domain/team/score-interval';
import type { SkillObservation } from '../domain/team/skill-observation';
import { trainingNeeds, weakestSkills } from '../domain/team/training-needs';
import { trendOf, type TrendGranularity } from '../domain/team/trend';
import { listAgentMerges, saveAgentMerges } from '../storage/agent-merges-repository';
import { getCall, insertCall } from '../storage/calls-repository';
import { listMoments, saveMoment } from '../storage/moments-repository';
import { upsertReviewer } from '../storage/reviewers-repository';
import { createReview, listAnswers, listReviews, updateReview, upsertAnswer } from '../storage/reviews-repository';
import { getRubric } from '../storage/rubrics-repository';
import { localDay } from '../storage/section-scores-repository';
import { insertSession, listSessions } from '../storage/sessions-repository';
import { calibrationReviewerEffects } from '../storage/team-report-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';
import { scoreOf } from './review-model';
import { buildTeamReport, type TeamReportRequest } from './team-report';

// The team report sums stored section scores in SQL and picks its evidence from an index; this checks it against
// the plain reading of its rules: every routine review scored again from its answers, the domain's per-review
// functions (summariseScores, trendOf, trainingNeeds, weakestSkills) over those scores, and the evidence sorted by hand.

const tempDir = useTempDirs();
const dayMs = 86_400_000;
const startMs = Date.UTC(2026, 0, 5, 9);
const items = rubricItems(defaultRubric);
const agents = ['Sanne', 'S. Jansen', 'Piet', 'Anouk', 'Jeroen', 'Mila', ''];
const reviewers = ['rev-a', 'rev-b', 'rev-c', 'rev-d'];

/** A small deterministic generator (a linear congruential one), so the data set is varied yet the same every run. */
function random(seed: number) {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

function answerOf(next: () => number, weak: boolean, itemIndex: number): ItemAnswer | null {
  const { item } = items[itemIndex]!;
  const roll = next();
  if (roll < 0.05) return null;
  if (roll < 0.1) return { kind: 'not-applicable' };
  const good = weak ? next() < 0.35 : next() < 0.8;
  if (item.scale.kind !== 'ordinal') return { kind: good ? 'yes' : 'no' };
  const top = scaleMaximum(item.scale);
  return { kind: 'level', value: good ? top - Math.floor(next() * 2) : Math.floor(next() * top) };
}

function addReview(db: Database.Database, next: () => number, plan: ReviewPlan): void {
  const atMs = plan.atMs;
  createReview(db, { ...plan, rubricId: defaultRubric.id, rubricVersion: defaultRubric.version }, atMs);
  // Piet is weak on section 2 and Sanne (both spellings) on section 3; reviewer b is strict.
  const agent = getCall(db, plan.callId)!.agentName;
  items.forEach(({ section, item }, itemIndex) => {
    const weak =
      (agent === 'Piet' && section.id === '2') ||
      (agent.startsWith('S') && section.id === '3') ||
      (plan.reviewerId === 'rev-b' && next() < 0.3);
    const answer = answerOf(next, weak, itemIndex);
    if (answer) upsertAnswer(db, plan.id, item.id, { answer }, atMs);
  });
  for (let n = Math.floor(next() * 3); n > 0; n -= 1) {
    const start = Math.floor(next() * 50_000);
    const marked = next() < 0.6 ? [items[Math.floor(next() * items.length)]!.item.id] : [];
    saveMoment(
      db,
      plan.id,
      {
        id: `${plan.id}-m${n}`,
        startMs: start,
        endMs: start + 4000,
        type: 'empathic-response',
        speaker: 'agent',
        polarity: 'gap',
        itemIds: marked,
        note: '',
      },
      atMs,
    );
  }
  if (plan.submitted) updateReview(db, plan.id, { status: 'submitted', submittedAtMs: atMs }, atMs);
}

interface ReviewPlan {
  readonly id: string;
  readonly callId: string;
  readonly reviewerId: string;
  readonly sessionId: string | null;
  readonly atMs: number;
  readonly submitted: boolean;
}

/** Calls of seven spellings (one merged into another, one without agent), routine reviews, two calibration sessions. */
function buildDataSet(db: Database.Database): void {
  const next = random(17);
  ensureBuiltInRubrics(db, startMs);
  for (const id of reviewers) upsertReviewer(db, { id, name: id }, startMs);
  for (let n = 0; n < 42; n += 1)
    insertCall(db, {
      id: `call-${n}`,
      title: `Call ${n}`,
      agentName: agents[n % agents.length]!,
      durationMs: 60_000,
      createdAtMs: startMs,
    });
  saveAgentMerges(db, [{ variant: 'S. Jansen', agentName: 'Sanne', mergedAtMs: startMs }]);
  for (const [index, sessionReviewers] of [reviewers.slice(0, 3), reviewers.slice(1)].entries()) {
    const callIds = [0, 1, 2, 3].map((n) => `call-${index * 4 + n}`);
    insertSession(db, {
      id: `session-${index}`,
      name: `Kalibratie ${index}`,
      rubricId: defaultRubric.id,
      rubricVersion: defaultRubric.version,
      blind: true,
      benchmarkReviewerId: sessionReviewers[0]!,
      toleranceTotal: 10,
      toleranceItem: 1,
      deadline: null,
      leadReviewerId: sessionReviewers[0]!,
      createdAtMs: startMs + index,
      callIds,
      reviewerIds: sessionReviewers,
    });
    for (const callId of callIds)
      for (const reviewerId of sessionReviewers) {
        const plan = { callId, reviewerId, sessionId: `session-${index}`, atMs: startMs + Math.floor(next() * 9e6) };
        addReview(db, next, { ...plan, id: `s${index}-${callId}-${reviewerId}`, submitted: next() < 0.9 });
      }
  }
  for (let n = 0; n < 260; n += 1) {
    // About one in ten falls after the period; one in eight stays a draft.
    const plan = { callId: `call-${n % 42}`, reviewerId: reviewers[(n * 7) % 4]!, sessionId: null };
    const atMs = startMs + Math.floor(next() * 100 * dayMs);
    addReview(db, next, { ...plan, id: `routine-${String(n).padStart(3, '0')}`, atMs, submitted: next() < 0.875 });
  }
}

interface Scored {
  readonly reviewId: string;
  readonly reviewerId: string;
  readonly callId: string;
  readonly day: string;
  readonly sections: readonly { readonly sectionId: string; readonly score: number | null }[];
}

/** Every submitted review matching the filter, scored again from its answers. */
function scoredReviews(db: Database.Database, filter: Parameters<typeof listReviews>[1]): Scored[] {
  return listReviews(db, { ...filter, status: 'submitted' }).map((review) => ({
    reviewId: review.id,
    reviewerId: review.reviewerId,
    callId: review.callId,
    day: localDay(review.submittedAtMs ?? review.updatedAtMs),
    sections: scoreOf(getRubric(db, review.rubricId, review.rubricVersion)!.rubric, review, listAnswers(db, review.id))
      .sections,
  }));
}

function expectedEffects(db: Database.Database) {
  const scores: CalibrationScore[] = [];
  const sessions = new Set<string>();
  for (const session of listSessions(db))
    for (const review of scoredReviews(db, { sessionId: session.id }))
      for (const { sectionId, score } of review.sections) {
        if (score === null) continue;
        sessions.add(session.id);
        const groupId = `${session.id}/${review.callId}`;
        scores.push({ reviewerId: review.reviewerId, groupId, skillId: sectionId, score });
      }
  return { effects: reviewerEffects(scores), sessionCount: sessions.size };
}

function observationsOf(db: Database.Database, request: TeamReportRequest) {
  const merges = mergeLookup(listAgentMerges(db));
  const { effects, sessionCount } = request.severityAdjusted ? expectedEffects(db) : { effects: null, sessionCount: 0 };
  const reviews = scoredReviews(db, { sessionId: null, fromMs: request.fromMs, toMs: request.toMs });
  const observations: SkillObservation[] = [];
  const reviewCounts = new Map<string, number>();
  let withoutAgent = 0;
  for (const review of reviews) {
    const agentId = agentOf(getCall(db, review.callId)!.agentName, merges).trim();
    if (agentId === '') withoutAgent += 1;
    if (agentId === '') continue;
    reviewCounts.set(agentId, (reviewCounts.get(agentId) ?? 0) + 1);
    for (const { sectionId, score } of review.sections) {
      if (score === null) continue;
      const adjusted = effects ? severityAdjusted(score, effects, review.reviewerId, sectionId) : score;
      observations.push({ reviewId: review.reviewId, agentId, skillId: sectionId, score: adjusted, day: review.day });
    }
  }
  const calls = new Map(reviews.map((review) => [review.reviewId, review.callId]));
  return { observations, reviewCounts, withoutAgent, sessionCount, calls };
}

/** The report by the plain reading of its rules; orders the report leaves to the data are sorted on both sides. */
function expectedReport(db: Database.Database, request: TeamReportRequest) {
  const { observations, reviewCounts, withoutAgent, sessionCount, calls } = observationsOf(db, request);
  const ofCell = (agentId: string, skillId: string) =>
    observations.filter((entry) => entry.agentId === agentId && entry.skillId === skillId);
  const skillIds = [...new Set(observations.map((entry) => entry.skillId))].sort();
  const evidenceOf = (agentId: string, skillId: string) => {
    const itemIds = new Set(defaultRubric.sections.find((section) => section.id === skillId)!.items.map((i) => i.id));
    return [...ofCell(agentId, skillId)]
      .sort((a, b) => a.score - b.score || a.reviewId.localeCompare(b.reviewId))
      .slice(0, 20)
      .map(({ reviewId, score }) => {
        const moments = listMoments(db, reviewId);
        const marked = moments.filter((moment) => moment.itemIds.some((itemId) => itemIds.has(itemId)));
        const callId = calls.get(reviewId)!;
        const shown = (marked.length > 0 ? marked : moments).map(({ id, startMs, endMs, type }) => ({
          momentId: id,
          ...{ startMs, endMs, type },
        }));
        const call = { callId, callTitle: getCall(db, callId)!.title, audioId: null };
        return { reviewId, ...call, score, moments: shown, redactedRanges: [] };
      });
  };
  return {
    adjustmentSessionCount: sessionCount,
    reviewCount: [...reviewCounts.values()].reduce((sum, count) => sum + count, 0),
    withoutAgentCount: withoutAgent,
    skills: defaultRubric.sections.map(({ id, title }) => ({ skillId: id, title: { nl: title.nl, en: title.en } })),
    team: weakestSkills(observations).map(({ skillId, team }) => ({ skillId, summary: team })),
    agents: [...reviewCounts]
      .map(([agentName, reviewCount]) => ({
        agentName,
        reviewCount,
        skills: skillIds
          .filter((skillId) => ofCell(agentName, skillId).length > 0)
          .map((skillId) => ({
            skillId,
            summary: summariseScores(ofCell(agentName, skillId).map((entry) => entry.score)),
            trend: trendOf(ofCell(agentName, skillId), request.granularity),
          })),
      }))
      .sort((a, b) => a.agentName.localeCompare(b.agentName)),
    needs: trainingNeeds(observations, request).map(({ agentId, skillId, agent, team, gap }) => ({
      ...{ skillId, agent, team, gap, agentName: agentId },
      evidence: evidenceOf(agentId, skillId),
    })),
  };
}

/** Numbers rounded to 9 places (sums and sums of squares round differently from the scores one by one). */
const rounded = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_key, entry: unknown) =>
    typeof entry === 'number' ? Math.round(entry * 1e9) / 1e9 : entry,
  );

function comparable(report: Omit<TeamReport, 'fromMs' | 'toMs' | 'granularity' | 'rule' | 'severityAdjusted'>) {
  const { adjustmentSessionCount, reviewCount, withoutAgentCount, skills, team, agents, needs } = report;
  return rounded({
    ...{ adjustmentSessionCount, reviewCount, withoutAgentCount, skills, team, needs },
    agents: agents.map((agent) => ({
      ...agent,
      skills: [...agent.skills].sort((a, b) => a.skillId.localeCompare(b.skillId)),
    })),
  });
}

describe('the team report against a plain recomputation', () => {
  const context = makeServiceContext(tempDir());
  buildDataSet(context.db);
  const period = { fromMs: startMs - dayMs, toMs: startMs + 90 * dayMs, gap: 0.05, minReviews: 4 };

  it.each([
    ['month', false],
    ['month', true],
    ['week', false],
    ['week', true],
  ] as [TrendGranularity, boolean][])('per %s, severity-adjusted: %s', (granularity, severityAdjusted) => {
    const request = { ...period, granularity, severityAdjusted };
    const report = buildTeamReport(context, request);
    const expected = expectedReport(context.db, request);
    // The data set is varied enough to test something: needs with evidence, a merged spelling, adjustments.
    expect(report.needs.length).toBeGreaterThan(1);
    expect(report.needs.some((need) => need.evidence.length === 20)).toBe(true);
    expect(report.agents.map((agent) => agent.agentName)).toContain('Sanne');
    expect(report.agents.map((agent) => agent.agentName)).not.toContain('S. Jansen');
    expect(report.withoutAgentCount).toBeGreaterThan(0);
    if (severityAdjusted) expect(report.adjustmentSessionCount).toBe(2);
    expect(comparable(report)).toEqual(comparable(expected));
  });

  it('computes the reviewer effects in SQL as the domain does from every calibration score', () => {
    const fromSql = calibrationReviewerEffects(context.db);
    const expected = expectedEffects(context.db);
    expect(fromSql.sessionCount).toBe(expected.sessionCount);
    const expectedList = [...expected.effects].flatMap(([reviewerId, bySkill]) =>
      [...bySkill].map(([skillId, effect]) => ({ reviewerId, skillId, effect })),
    );
    const byKey = (list: { reviewerId: string; skillId: string; effect: number }[]) =>
      new Map(list.map((entry) => [`${entry.reviewerId} ${entry.skillId}`, entry.effect]));
    const sql = byKey(fromSql.effects);
    expect([...sql.keys()].sort()).toEqual([...byKey(expectedList).keys()].sort());
    expect(expectedList.length).toBeGreaterThan(4);
    expect(expectedList.some((entry) => Math.abs(entry.effect) > 0.01)).toBe(true);
    for (const { reviewerId, skillId, effect } of expectedList)
      expect(sql.get(`${reviewerId} ${skillId}`)).toBeCloseTo(effect, 12);
  });
});
