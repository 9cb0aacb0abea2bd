import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import type { MethodInput, MethodName, MethodOutput } from '../contract/methods';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { insertCall } from '../storage/calls-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';
import { createDispatch } from './dispatch';
import { handlers } from './handlers';

const tempDir = useTempDirs();

function setup() {
  let clock = 1_700_000_000_000;
  const context = makeServiceContext(tempDir(), { now: () => (clock += 1000) });
  ensureBuiltInRubrics(context.db, 1);
  for (const id of ['call-a', 'call-b']) insertCall(context.db, { id, title: id, createdAtMs: 1, durationMs: 90_000 });
  const dispatch = createDispatch(handlers, context, { checkOutputs: true });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  return { dispatch, call };
}

async function submitMaximum(call: ReturnType<typeof setup>['call'], reviewId: string, changes: Record<string, number> = {}) {
  for (const { item } of rubricItems(defaultRubric)) {
    const level = changes[item.id];
    const answer = item.scale.kind === 'ordinal' ? { kind: 'level' as const, value: level ?? item.scale.levels.length - 1 } : { kind: 'yes' as const };
    await call('reviews.setAnswer', { reviewId, itemId: item.id, answer });
    if (level !== undefined) await call('reviews.setEvidenceOverride', { reviewId, itemId: item.id, reason: 'Kalibratietest' });
  }
  await call('reviews.submit', { reviewId });
}

describe('calibration sessions', () => {
  it('creates a session with the rubric version in use, keeps session reviews apart from routine ones, and reports', async () => {
    const { call, dispatch } = setup();
    const lead = await call('reviewer.set', { name: 'Lead Lotte' });
    const session = await call('sessions.create', { name: 'Kalibratie november', callIds: ['call-a', 'call-b'], reviewers: [{ id: lead.id }, { name: 'Bram' }], benchmarkIndex: 0 });
    expect(session).toMatchObject({ rubricId: defaultRubric.id, rubricVersion: 1, blind: true, toleranceTotal: 5, toleranceItem: 1, expected: 4, submitted: 0, benchmarkReviewerId: lead.id });
    expect(session.reviewers.map((reviewer) => reviewer.name)).toEqual(['Lead Lotte', 'Bram']);

    // Blind: the lead reviews too, so the others stay hidden until the lead's own review of the call is submitted.
    expect(await dispatch('sessions.compare', { sessionId: session.id, callId: 'call-a' })).toMatchObject({ ok: false, error: { code: 'blind_until_submitted' } });
    const routine = await call('reviews.open', { callId: 'call-a' });
    const inSession = await call('reviews.open', { callId: 'call-a', sessionId: session.id });
    expect(inSession.review.id).not.toBe(routine.review.id);
    expect(inSession.review.sessionId).toBe(session.id);
    expect((await call('reviews.open', { callId: 'call-a', sessionId: session.id })).review.id).toBe(inSession.review.id);
    await submitMaximum(call, inSession.review.id, { '2.1': 1 });

    const report = await call('sessions.report', { sessionId: session.id });
    expect(report.totals[0]![0]).toBeCloseTo(100 - 25 * (2 / 3) / 3, 6);
    expect(report.totals[1]).toEqual([null, null]);
    expect((await call('sessions.get', { sessionId: session.id })).submitted).toBe(1);

    const compared = await call('sessions.compare', { sessionId: session.id, callId: 'call-a' });
    expect(compared.reviews.map((review) => [review.reviewerName, review.submitted])).toEqual([['Lead Lotte', true], ['Bram', false]]);
    await call('sessions.setConsensus', { sessionId: session.id, callId: 'call-a', itemId: '2.1', answer: { kind: 'level', value: 2 }, reason: 'Benoemt de situatie, maar algemeen.' });
    expect(await dispatch('sessions.setConsensus', { sessionId: session.id, callId: 'call-a', itemId: '1.3', answer: { kind: 'level', value: 2 }, reason: 'Past niet' })).toMatchObject({ ok: false, error: { code: 'answer_invalid' } });
    expect((await call('sessions.report', { sessionId: session.id })).consensus).toEqual([expect.objectContaining({ callId: 'call-a', itemId: '2.1', answer: { kind: 'level', value: 2 }, decidedBy: lead.id })]);
  });

  it('refuses a reviewer outside the session and unknown calls', async () => {
    const { call, dispatch } = setup();
    await call('reviewer.set', { name: 'Lead' });
    const session = await call('sessions.create', { name: 'S', callIds: ['call-a'], reviewers: [{ name: 'Anouk' }, { name: 'Bram' }], benchmarkIndex: null });
    expect(await dispatch('reviews.open', { callId: 'call-a', sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch('sessions.compare', { sessionId: session.id, callId: 'call-b' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch('sessions.create', { name: 'S', callIds: ['nope'], reviewers: [{ name: 'A' }, { name: 'B' }] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
