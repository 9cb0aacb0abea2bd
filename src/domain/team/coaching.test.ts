import { describe, expect, it } from 'vitest';
import { agentStrengths, transcriptExcerpt } from './coaching';
import type { ScoreSummary } from './score-interval';

const summary = (mean: number, count: number): ScoreSummary => ({
  count,
  mean,
  standardDeviation: null,
  lower: null,
  upper: null,
});

describe('agentStrengths', () => {
  it('names the skills above the team with enough reviews, the largest lead first', () => {
    const strengths = agentStrengths(
      [
        { skillId: 'a', summary: summary(0.9, 5) }, // team 0.7: lead 0.2
        { skillId: 'b', summary: summary(0.85, 6) }, // team 0.6: lead 0.25
        { skillId: 'c', summary: summary(0.95, 2) }, // too few reviews
        { skillId: 'd', summary: summary(0.5, 9) }, // below the team
      ],
      [
        { skillId: 'a', summary: summary(0.7, 20) },
        { skillId: 'b', summary: summary(0.6, 20) },
        { skillId: 'c', summary: summary(0.5, 20) },
        { skillId: 'd', summary: summary(0.6, 20) },
      ],
      5,
    );
    expect(strengths.map((strength) => strength.skillId)).toEqual(['b', 'a']);
    expect(strengths[0]!.lead).toBeCloseTo(0.25, 12);
  });
});

describe('transcriptExcerpt', () => {
  const segments = [
    { speaker: 'Klant', startMs: 0, endMs: 4000, text: 'Ik ben het zat.' },
    { speaker: 'Agent', startMs: 4000, endMs: 9000, text: ' Dat begrijp ik. ' },
    { speaker: null, startMs: 12_500, endMs: 14_000, text: 'Later.' },
  ];

  it('takes the turns within two seconds of the moment', () => {
    expect(transcriptExcerpt(segments, 5000, 10_000)).toBe('Klant: Ik ben het zat.\nAgent: Dat begrijp ik.');
    expect(transcriptExcerpt(segments, 10_000, 10_600)).toBe('Agent: Dat begrijp ik.\nLater.');
  });

  it('cuts a long excerpt with an ellipsis', () => {
    expect(transcriptExcerpt(segments, 0, 1000, 0, 10)).toBe('Klant: Ik…');
  });
});
