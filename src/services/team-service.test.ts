import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { insertCall } from '../storage/calls-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';

const tempDir = useTempDirs();
const start = Date.UTC(2026, 10, 2, 9);

function setup() {
  let clock = start;
  const context = makeServiceContext(tempDir(), { now: () => (clock += 60_000) });
  ensureBuiltInRubrics(context.db, clock);
  return { context, ...serviceDispatch(context) };
}

/** Every item at its maximum, except section 2's items at their lowest (each with a written reason as evidence). */
function answersFor(weakOnSection2: boolean) {
  return rubricItems(defaultRubric).map(({ section, item }) => {
    const low = weakOnSection2 && section.id === '2';
    const answer =
      item.scale.kind === 'ordinal'
        ? { kind: 'level' as const, value: low ? 0 : item.scale.levels.length - 1 }
        : { kind: low ? ('no' as const) : ('yes' as const) };
    return { itemId: item.id, answer, low };
  });
}

describe('the team report', () => {
  it('summarises submitted routine reviews per agent and skill and names the training need with its evidence', async () => {
    const { context, call, dispatch } = setup();
    await call('reviewer.set', { name: 'Anouk' });
    const submitted: Record<string, string[]> = { Sanne: [], Piet: [] };
    let n = 0;
    for (const agentName of ['Sanne', 'Piet']) {
      for (let index = 0; index < 5; index += 1) {
        n += 1;
        insertCall(context.db, {
          id: `call-${n}`,
          title: `Call ${n}`,
          agentName,
          durationMs: 60_000,
          createdAtMs: start,
        });
        const { review } = await call('reviews.open', { callId: `call-${n}` });
        // Sanne is weak on section 2 in four of five calls; Piet never.
        const weak = agentName === 'Sanne' && index < 4;
        for (const { itemId, answer, low } of answersFor(weak)) {
          await call('reviews.setAnswer', { reviewId: review.id, itemId, answer });
          if (low) await call('reviews.setEvidenceOverride', { reviewId: review.id, itemId, reason: 'Heard it.' });
        }
        await call('reviews.submit', { reviewId: review.id });
        submitted[agentName]!.push(review.id);
      }
    }
    // A draft and a call without an agent stay out.
    insertCall(context.db, { id: 'call-x', title: 'No agent', agentName: '', durationMs: 60_000, createdAtMs: start });
    const noAgent = await call('reviews.open', { callId: 'call-x' });
    for (const { itemId, answer } of answersFor(false))
      await call('reviews.setAnswer', { reviewId: noAgent.review.id, itemId, answer });
    await call('reviews.submit', { reviewId: noAgent.review.id });
    insertCall(context.db, { id: 'call-d', title: 'Draft', agentName: 'Piet', durationMs: 60_000, createdAtMs: start });
    await call('reviews.open', { callId: 'call-d' });

    const report = await call('team.report', { fromMs: start, toMs: start + 86_400_000 });
    expect(report.reviewCount).toBe(10);
    expect(report.withoutAgentCount).toBe(1);
    expect(report.agents.map((agent) => [agent.agentName, agent.reviewCount])).toEqual([
      ['Piet', 5],
      ['Sanne', 5],
    ]);
    const sanneSection2 = report.agents[1]!.skills.find((skill) => skill.skillId === '2')!;
    // Four reviews at 0 and one at 1: mean 0.2.
    expect(sanneSection2.summary).toMatchObject({ count: 5, mean: 0.2 });
    expect(sanneSection2.trend).toEqual([{ period: '2026-11', summary: sanneSection2.summary }]);
    expect(report.team[0]).toMatchObject({ skillId: '2', summary: { count: 10, mean: 0.6 } });
    expect(report.needs).toHaveLength(1);
    expect(report.needs[0]).toMatchObject({ agentName: 'Sanne', skillId: '2', gap: 0.8 });
    // The four weak reviews come first as evidence.
    const evidence = report.needs[0]!.evidence;
    expect(new Set(evidence.slice(0, 4).map((entry) => entry.reviewId))).toEqual(new Set(submitted.Sanne!.slice(0, 4)));
    expect(evidence.map((entry) => entry.score)).toEqual([0, 0, 0, 0, 1]);
    expect(evidence[0]).toMatchObject({
      callId: expect.stringMatching(/^call-[1-4]$/),
      callTitle: expect.stringMatching(/^Call /),
    });
    expect(report.skills.find((skill) => skill.skillId === '2')?.title.en).toBe(defaultRubric.sections[1]!.title.en);

    // The threshold and the period are the lead's to choose.
    expect((await call('team.report', { fromMs: start, toMs: start + 86_400_000, gap: 0.9 })).needs).toEqual([]);
    expect((await call('team.report', { fromMs: start - 2 * 86_400_000, toMs: start - 1 })).reviewCount).toBe(0);
    expect(await dispatch('team.report', { fromMs: 2, toMs: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
