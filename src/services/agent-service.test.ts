import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { buildScoreExport } from '../server/export/build-score-export';
import { insertCall } from '../storage/calls-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';

const tempDir = useTempDirs();
const start = Date.UTC(2026, 10, 2, 9);

describe('agent merges', () => {
  it('counts two spellings as one agent in the team report, the review filter and the export, kept and undoable', async () => {
    let clock = start;
    const context = makeServiceContext(tempDir(), { now: () => (clock += 60_000) });
    ensureBuiltInRubrics(context.db, clock);
    const { call, dispatch } = serviceDispatch(context);
    await call('reviewer.set', { name: 'Anouk' });
    const spellings = ['S. Jansen', 'Sanne Jansen', 'Sanne Jansen', 'Piet'];
    for (const [index, agentName] of spellings.entries()) {
      insertCall(context.db, {
        id: `call-${index}`,
        title: `Call ${index}`,
        agentName,
        durationMs: 60_000,
        createdAtMs: start,
      });
      const { review } = await call('reviews.open', { callId: `call-${index}` });
      for (const { item } of rubricItems(defaultRubric)) {
        const answer =
          item.scale.kind === 'ordinal'
            ? { kind: 'level' as const, value: item.scale.levels.length - 1 }
            : { kind: 'yes' as const };
        await call('reviews.setAnswer', { reviewId: review.id, itemId: item.id, answer });
      }
      await call('reviews.submit', { reviewId: review.id });
    }
    const period = { fromMs: start, toMs: start + 86_400_000 };
    const agentsOf = async () =>
      (await call('team.report', period)).agents.map((agent) => [agent.agentName, agent.reviewCount]);
    expect(await agentsOf()).toEqual([
      ['Piet', 1],
      ['S. Jansen', 1],
      ['Sanne Jansen', 2],
    ]);

    const merged = await call('agents.merge', { variant: 'S. Jansen', into: 'Sanne Jansen' });
    expect(merged.merges).toEqual([
      { variant: 'S. Jansen', agentName: 'Sanne Jansen', mergedAtMs: expect.any(Number) },
    ]);
    expect(merged.spellings.find((spelling) => spelling.name === 'S. Jansen')).toMatchObject({
      agentName: 'Sanne Jansen',
      calls: 1,
      reviews: 1,
    });
    expect(await agentsOf()).toEqual([
      ['Piet', 1],
      ['Sanne Jansen', 3],
    ]);
    const filtered = await call('reviews.list', { agentName: 'Sanne Jansen' });
    expect(filtered.map((row) => row.agentName)).toEqual(['Sanne Jansen', 'Sanne Jansen', 'Sanne Jansen']);
    const exported = buildScoreExport(context.db, { agentName: 'Sanne Jansen' });
    expect(exported.reviews.rows).toHaveLength(3);

    // Refused: into itself (through the merge) and an unknown undo; nothing changes.
    expect(await dispatch('agents.merge', { variant: 'Sanne Jansen', into: 'S. Jansen' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { problem: 'same' } },
    });
    expect(await dispatch('agents.unmerge', { variant: 'Piet' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const undone = await call('agents.unmerge', { variant: 'S. Jansen' });
    expect(undone.merges).toEqual([]);
    expect(await agentsOf()).toEqual([
      ['Piet', 1],
      ['S. Jansen', 1],
      ['Sanne Jansen', 2],
    ]);
  });
});
