import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import type { Moment } from '../domain/moments/model';
import { insertCall } from '../storage/calls-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';

const tempDir = useTempDirs();

async function setup() {
  let clock = 1_700_000_000_000;
  const context = makeServiceContext(tempDir(), { now: () => (clock += 1000) });
  ensureBuiltInRubrics(context.db, clock);
  insertCall(context.db, {
    id: 'call-1',
    title: 'Klacht',
    agentName: 'Sanne',
    durationMs: 120_000,
    createdAtMs: clock,
  });
  const { dispatch, call } = serviceDispatch(context);
  await call('reviewer.set', { name: 'Anouk' });
  const opened = await call('reviews.open', { callId: 'call-1' });
  return { dispatch, call, reviewId: opened.review.id };
}

const acknowledgement: Moment = {
  id: 'm-ack',
  startMs: 3000,
  endMs: 3400,
  type: 'empathic-response',
  speaker: 'agent',
  polarity: 'strength',
  itemIds: ['3.4', '1.2'],
  note: '“ik begrijp het”',
};

describe('suggestion decisions', () => {
  it('accepts a suggestion into a moment and says so in the history, and remembers a dismissal', async () => {
    const { call, reviewId } = await setup();
    const reference = { reviewId, kind: 'acknowledgement' as const, startMs: 3000, endMs: 3400 };
    await call('suggestions.accept', { ...reference, key: 'acknowledgement:3000-3400', moment: acknowledgement });
    await call('suggestions.dismiss', { ...reference, kind: 'interruption', key: 'interruption:5000-5600' });
    expect(await call('suggestions.decided', { reviewId })).toEqual([
      'acknowledgement:3000-3400',
      'interruption:5000-5600',
    ]);
    const detail = await call('reviews.get', { reviewId });
    expect(detail.moments).toEqual([acknowledgement]);
    expect(detail.audit.map((entry) => entry.action)).toEqual([
      'created',
      'suggestion-accepted',
      'suggestion-dismissed',
    ]);
    expect(detail.audit[1]!.details).toMatchObject({ kind: 'acknowledgement', momentId: 'm-ack' });
    expect(detail.answers).toEqual([]);
  });

  it('refuses an invalid moment and remembers nothing', async () => {
    const { dispatch, call, reviewId } = await setup();
    const result = await dispatch('suggestions.accept', {
      reviewId,
      key: 'acknowledgement:3000-3400',
      kind: 'acknowledgement',
      startMs: 3000,
      endMs: 3400,
      moment: { ...acknowledgement, itemIds: ['no-such-item'] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'moment_invalid' } });
    expect(await call('suggestions.decided', { reviewId })).toEqual([]);
  });
});
