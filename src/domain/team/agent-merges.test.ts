import { describe, expect, it } from 'vitest';
import { agentOf, mergeLookup, planMerge, type AgentMerge } from './agent-merges';

describe('planMerge', () => {
  it('merges a spelling into an agent', () => {
    expect(planMerge([], ' S. Jansen ', 'Sanne Jansen', 5)).toEqual({
      ok: true,
      merges: [{ variant: 'S. Jansen', agentName: 'Sanne Jansen', mergedAtMs: 5 }],
    });
  });

  it('stays one step deep: into a variant means into its agent, and variants of the merged spelling move along', () => {
    const existing: AgentMerge[] = [
      { variant: 'Jansen', agentName: 'S. Jansen', mergedAtMs: 1 },
      { variant: 'Sanne J.', agentName: 'Sanne Jansen', mergedAtMs: 2 },
    ];
    const plan = planMerge(existing, 'S. Jansen', 'Sanne J.', 9);
    expect(plan).toEqual({
      ok: true,
      merges: [
        { variant: 'S. Jansen', agentName: 'Sanne Jansen', mergedAtMs: 9 },
        { variant: 'Jansen', agentName: 'Sanne Jansen', mergedAtMs: 9 },
      ],
    });
  });

  it('refuses a merge into itself or with an empty name', () => {
    const existing: AgentMerge[] = [{ variant: 'S. Jansen', agentName: 'Sanne Jansen', mergedAtMs: 1 }];
    expect(planMerge(existing, 'Sanne Jansen', 'S. Jansen', 2)).toEqual({ ok: false, problem: 'same' });
    expect(planMerge([], 'Piet', 'Piet', 2)).toEqual({ ok: false, problem: 'same' });
    expect(planMerge([], '  ', 'Piet', 2)).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('agentOf', () => {
  it('names the merged agent, or the spelling itself', () => {
    const lookup = mergeLookup([{ variant: 'S. Jansen', agentName: 'Sanne Jansen', mergedAtMs: 1 }]);
    expect(agentOf('S. Jansen', lookup)).toBe('Sanne Jansen');
    expect(agentOf('Piet', lookup)).toBe('Piet');
  });
});
