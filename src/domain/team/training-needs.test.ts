import { describe, expect, it } from 'vitest';
import type { SkillObservation } from './skill-observation';
import { trainingNeeds, weakestSkills } from './training-needs';

let counter = 0;
const scores = (agentId: string, skillId: string, values: readonly number[]): SkillObservation[] =>
  values.map((score) => ({ reviewId: `r${(counter += 1)}`, agentId, skillId, score, day: '2026-11-02' }));

describe('trainingNeeds', () => {
  it('names a skill where the agent is clearly below the rest of the team', () => {
    // Empathy: Sanne 0.4 0.5 0.4 0.5 0.45 (mean 0.45, s 0.05, half width 2.776 * 0.05 / sqrt 5 = 0.0621, upper
    // 0.5121); the others 0.8 0.7 0.75 0.85 0.8 0.7 (mean 0.7667). Gap 0.3167 > 0.1 and 0.5121 < 0.7667: a need.
    // Listening: Sanne 0.7 x5 against 0.72: gap 0.02, no need.
    const observations = [
      ...scores('sanne', 'empathy', [0.4, 0.5, 0.4, 0.5, 0.45]),
      ...scores('piet', 'empathy', [0.8, 0.7, 0.75]),
      ...scores('anna', 'empathy', [0.85, 0.8, 0.7]),
      ...scores('sanne', 'listening', [0.7, 0.7, 0.7, 0.7, 0.7]),
      ...scores('piet', 'listening', [0.72, 0.72]),
    ];
    const needs = trainingNeeds(observations);
    expect(needs.map((need) => [need.agentId, need.skillId])).toEqual([['sanne', 'empathy']]);
    const [need] = needs;
    expect(need!.agent.mean).toBeCloseTo(0.45, 12);
    expect(need!.agent.upper).toBeCloseTo(0.51208, 4);
    expect(need!.team.mean).toBeCloseTo(0.766667, 5);
    expect(need!.gap).toBeCloseTo(0.316667, 5);
    // The lowest scores first: the two 0.4 reviews, then 0.45.
    expect(need!.reviewIds.slice(0, 3)).toEqual([
      observations[0]!.reviewId,
      observations[2]!.reviewId,
      observations[4]!.reviewId,
    ]);
  });

  it('names nothing with too few reviews, however low', () => {
    const observations = [
      ...scores('sanne', 'empathy', [0.1, 0.1, 0.1, 0.1]),
      ...scores('piet', 'empathy', [0.9, 0.9]),
    ];
    expect(trainingNeeds(observations)).toEqual([]);
    expect(trainingNeeds(observations, { gap: 0.1, minReviews: 4 })).toHaveLength(1);
  });

  it('names nothing when the gap could be chance: the interval reaches the team mean', () => {
    // Sanne 0.2 0.9 0.3 0.8 0.3: mean 0.5, s 0.3240, half width 0.4023, upper 0.9023 above the team's 0.7.
    const observations = [
      ...scores('sanne', 'skill', [0.2, 0.9, 0.3, 0.8, 0.3]),
      ...scores('piet', 'skill', [0.7, 0.7]),
    ];
    expect(trainingNeeds(observations)).toEqual([]);
  });

  it('compares with the rest of the team, not with a mean the agent pulls down', () => {
    // Two agents only: the comparator for each is the other. Agent b is 0.25 below a with a tight interval.
    const observations = [
      ...scores('a', 'skill', [0.8, 0.8, 0.8, 0.8, 0.8]),
      ...scores('b', 'skill', [0.55, 0.55, 0.55, 0.55, 0.56]),
    ];
    const needs = trainingNeeds(observations);
    expect(needs.map((need) => need.agentId)).toEqual(['b']);
    expect(needs[0]!.team.mean).toBeCloseTo(0.8, 12);
  });
});

describe('weakestSkills', () => {
  it('orders the team skills from the lowest mean up', () => {
    const observations = [...scores('a', 'x', [0.9, 0.7]), ...scores('b', 'y', [0.4]), ...scores('a', 'z', [0.6])];
    expect(weakestSkills(observations).map((standing) => [standing.skillId, standing.team.mean])).toEqual([
      ['y', 0.4],
      ['z', 0.6],
      ['x', 0.8],
    ]);
  });
});
