import { describe, expect, it } from 'vitest';
import { reviewerEffects, severityAdjusted, type CalibrationScore } from './reviewer-effects';

const score = (reviewerId: string, groupId: string, skillId: string, value: number): CalibrationScore => ({
  reviewerId,
  groupId,
  skillId,
  score: value,
});

describe('reviewerEffects', () => {
  it('is each reviewer’s mean deviation from the other reviewers of the same calls, per skill', () => {
    // Call 1, empathy: A 0.8, B 0.6, C 0.4. A: 0.8 - (0.6 + 0.4) / 2 = +0.3; B: 0.6 - 0.6 = 0; C: 0.4 - 0.7 = -0.3.
    // Call 2, empathy: A 1.0, B 0.6. A: +0.4; B: -0.4.
    // Effects: A (0.3 + 0.4) / 2 = 0.35; B (0 - 0.4) / 2 = -0.2; C -0.3.
    // Call 3, listening, A alone: no comparison, no effect.
    const effects = reviewerEffects([
      score('A', 's1/c1', 'empathy', 0.8),
      score('B', 's1/c1', 'empathy', 0.6),
      score('C', 's1/c1', 'empathy', 0.4),
      score('A', 's1/c2', 'empathy', 1),
      score('B', 's1/c2', 'empathy', 0.6),
      score('A', 's1/c3', 'listening', 0.2),
    ]);
    expect(effects.get('A')!.get('empathy')).toBeCloseTo(0.35, 12);
    expect(effects.get('B')!.get('empathy')).toBeCloseTo(-0.2, 12);
    expect(effects.get('C')!.get('empathy')).toBeCloseTo(-0.3, 12);
    expect(effects.get('A')!.has('listening')).toBe(false);
  });

  it('keeps the same call in two sessions apart', () => {
    const effects = reviewerEffects([score('A', 's1/c1', 'x', 0.9), score('B', 's2/c1', 'x', 0.1)]);
    expect(effects.size).toBe(0);
  });
});

describe('severityAdjusted', () => {
  it('subtracts the reviewer’s effect on the skill and stays in [0, 1]', () => {
    const effects = new Map([
      ['A', new Map([['empathy', 0.35]])],
      ['C', new Map([['empathy', -0.3]])],
    ]);
    expect(severityAdjusted(0.75, effects, 'A', 'empathy')).toBeCloseTo(0.4, 12);
    expect(severityAdjusted(0.2, effects, 'A', 'empathy')).toBe(0);
    expect(severityAdjusted(0.9, effects, 'C', 'empathy')).toBe(1);
    expect(severityAdjusted(0.5, effects, 'C', 'empathy')).toBeCloseTo(0.8, 12);
    expect(severityAdjusted(0.5, effects, 'A', 'listening')).toBe(0.5);
    expect(severityAdjusted(0.5, effects, 'B', 'empathy')).toBe(0.5);
  });
});
