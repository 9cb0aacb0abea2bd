import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { insertCall } from '../storage/calls-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';

const tempDir = useTempDirs();

function setup() {
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
  return { context, dispatch, call };
}

/** Answers every item at its maximum: 3 on 0-3, Ja on Ja/Nee. */
function maximumAnswers() {
  return rubricItems(defaultRubric).map(({ item }) => ({
    itemId: item.id,
    answer:
      item.scale.kind === 'ordinal'
        ? { kind: 'level' as const, value: item.scale.levels.length - 1 }
        : { kind: 'yes' as const },
  }));
}

describe('reviewing a call', () => {
  it('asks for a reviewer profile first, then opens one draft per reviewer and call with the shipped rubric', async () => {
    const { dispatch, call } = setup();
    expect(await dispatch('reviews.open', { callId: 'call-1' })).toMatchObject({
      ok: false,
      error: { code: 'reviewer_missing' },
    });
    const reviewer = await call('reviewer.set', { name: 'Anouk' });
    const opened = await call('reviews.open', { callId: 'call-1' });
    expect(opened.review).toMatchObject({
      status: 'draft',
      reviewerId: reviewer.id,
      reviewerName: 'Anouk',
      rubricId: defaultRubric.id,
      rubricVersion: 1,
    });
    expect(opened.audit.map((entry) => entry.action)).toEqual(['created']);
    expect((await call('reviews.open', { callId: 'call-1' })).review.id).toBe(opened.review.id);
    // Renaming keeps the id: reviews stay attributed.
    expect((await call('reviewer.set', { name: 'Anouk de Vries' })).id).toBe(reviewer.id);
  });

  it('stores each answer at once, checks it against the item, and scores the list entry', async () => {
    const { dispatch, call } = setup();
    await call('reviewer.set', { name: 'Anouk' });
    const { review } = await call('reviews.open', { callId: 'call-1' });
    expect(
      await dispatch('reviews.setAnswer', { reviewId: review.id, itemId: '1.3', answer: { kind: 'level', value: 2 } }),
    ).toMatchObject({ ok: false, error: { code: 'answer_invalid' } });
    expect(
      await dispatch('reviews.setAnswer', { reviewId: review.id, itemId: '3.1', answer: { kind: 'not-applicable' } }),
    ).toMatchObject({ ok: false, error: { code: 'answer_invalid' } });
    expect(
      await dispatch('reviews.setAnswer', { reviewId: review.id, itemId: '9.9', answer: { kind: 'yes' } }),
    ).toMatchObject({ ok: false, error: { code: 'answer_invalid' } });
    for (const answer of maximumAnswers()) await call('reviews.setAnswer', { reviewId: review.id, ...answer });
    await call('reviews.setItemComment', {
      reviewId: review.id,
      itemId: '2.1',
      comment: 'Noemt de situatie van de klant.',
    });
    const detail = await call('reviews.get', { reviewId: review.id });
    expect(detail.answers).toHaveLength(18);
    expect(detail.answers.find((answer) => answer.itemId === '2.1')).toMatchObject({
      answer: { kind: 'level', value: 3 },
      comment: 'Noemt de situatie van de klant.',
    });
    expect(await call('reviews.list', { callId: 'call-1' })).toEqual([
      expect.objectContaining({
        id: review.id,
        total: 100,
        criticalFailed: false,
        callTitle: 'Klacht',
        agentName: 'Sanne',
        reviewerName: 'Anouk',
      }),
    ]);
    // The critical item answered Nee: total 0 and flagged.
    await call('reviews.setAnswer', { reviewId: review.id, itemId: '4.2', answer: { kind: 'no' } });
    expect((await call('reviews.list', { callId: 'call-1' }))[0]).toMatchObject({ total: 0, criticalFailed: true });
  });

  it('refuses to submit while items are open or evidence is missing; an override needs a written reason', async () => {
    const { dispatch, call } = setup();
    await call('reviewer.set', { name: 'Anouk' });
    const { review } = await call('reviews.open', { callId: 'call-1' });
    await call('reviews.setAnswer', { reviewId: review.id, itemId: '2.1', answer: { kind: 'level', value: 1 } });
    expect(await dispatch('reviews.submit', { reviewId: review.id })).toMatchObject({
      ok: false,
      error: { code: 'review_incomplete' },
    });
    for (const answer of maximumAnswers().filter((entry) => entry.itemId !== '2.1' && entry.itemId !== '3.2'))
      await call('reviews.setAnswer', { reviewId: review.id, ...answer });
    await call('reviews.setAnswer', { reviewId: review.id, itemId: '3.2', answer: { kind: 'level', value: 2 } });
    const refused = await dispatch('reviews.submit', { reviewId: review.id });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'evidence_missing', details: { itemIds: ['2.1', '3.2'] } },
    });
    // 2.1 backed by a moment, 3.2 overridden with a reason.
    await call('moments.save', {
      reviewId: review.id,
      moment: {
        id: 'm1',
        startMs: 5000,
        endMs: 7000,
        type: 'empathic-response',
        speaker: 'agent',
        polarity: 'gap',
        itemIds: ['2.1'],
        note: 'Sympathie, geen empathie.',
      },
    });
    expect(
      await dispatch('reviews.setEvidenceOverride', { reviewId: review.id, itemId: '3.2', reason: '   ' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await call('reviews.setEvidenceOverride', {
      reviewId: review.id,
      itemId: '3.2',
      reason: 'Vragen waren goed, maar één ontbrak; geen apart moment.',
    });
    const submitted = await call('reviews.submit', { reviewId: review.id });
    expect(submitted.review.status).toBe('submitted');
    expect(submitted.audit.at(-1)).toMatchObject({ action: 'submitted', reviewerName: 'Anouk' });
    // Locked: every edit is refused until reopened.
    expect(
      await dispatch('reviews.setAnswer', { reviewId: review.id, itemId: '2.1', answer: { kind: 'level', value: 3 } }),
    ).toMatchObject({ ok: false, error: { code: 'review_locked' } });
    expect(await dispatch('moments.delete', { reviewId: review.id, momentId: 'm1' })).toMatchObject({
      ok: false,
      error: { code: 'review_locked' },
    });
  });

  it('reopening asks for a reason, and the resubmit records what changed', async () => {
    const { dispatch, call } = setup();
    await call('reviewer.set', { name: 'Anouk' });
    const { review } = await call('reviews.open', { callId: 'call-1' });
    for (const answer of maximumAnswers()) await call('reviews.setAnswer', { reviewId: review.id, ...answer });
    await call('reviews.submit', { reviewId: review.id });
    expect(await dispatch('reviews.reopen', { reviewId: review.id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const reopened = await call('reviews.reopen', {
      reviewId: review.id,
      reason: 'Kalibratie: 4.4 te mild beoordeeld.',
    });
    expect(reopened.review.status).toBe('draft');
    expect(reopened.audit.at(-1)).toMatchObject({ action: 'reopened', reason: 'Kalibratie: 4.4 te mild beoordeeld.' });
    await call('reviews.setAnswer', { reviewId: review.id, itemId: '4.4', answer: { kind: 'no' } });
    await call('moments.save', {
      reviewId: review.id,
      moment: {
        id: 'm2',
        startMs: 1000,
        endMs: 2000,
        type: 'interruption-overtalk',
        speaker: 'agent',
        polarity: 'gap',
        itemIds: ['4.4'],
        note: '',
      },
    });
    const resubmitted = await call('reviews.submit', { reviewId: review.id });
    expect(resubmitted.audit.map((entry) => entry.action)).toEqual(['created', 'submitted', 'reopened', 'submitted']);
    expect(resubmitted.audit.at(-1)!.details).toMatchObject({
      changes: [{ itemId: '4.4', before: { kind: 'yes' }, after: { kind: 'no' } }],
      totalBefore: 100,
    });
  });

  it('checks moments (times, links, pairing) and unpairs responses when their cue is deleted', async () => {
    const { dispatch, call } = setup();
    await call('reviewer.set', { name: 'Anouk' });
    const { review } = await call('reviews.open', { callId: 'call-1' });
    const cue = {
      id: 'cue',
      startMs: 10_000,
      endMs: 12_000,
      type: 'customer-emotion-cue',
      speaker: 'customer',
      polarity: 'neutral',
      emotion: 'frustration',
      intensity: 3,
      itemIds: ['1.1'],
      note: '',
    } as const;
    await call('moments.save', { reviewId: review.id, moment: cue });
    const response = {
      id: 'resp',
      startMs: 13_500,
      endMs: 16_000,
      type: 'empathic-response',
      speaker: 'agent',
      polarity: 'strength',
      itemIds: ['2.1'],
      note: '',
      respondsTo: 'cue',
    } as const;
    await call('moments.save', { reviewId: review.id, moment: response });
    expect(
      await dispatch('moments.save', { reviewId: review.id, moment: { ...response, id: 'late', endMs: 130_000 } }),
    ).toMatchObject({ ok: false, error: { code: 'moment_invalid' } });
    expect(
      await dispatch('moments.save', {
        reviewId: review.id,
        moment: { ...response, id: 'bad-item', itemIds: ['7.7'] },
      }),
    ).toMatchObject({ ok: false, error: { code: 'moment_invalid' } });
    expect(
      await dispatch('moments.save', {
        reviewId: review.id,
        moment: { ...response, id: 'bad-pair', respondsTo: 'nothing' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'moment_invalid' } });
    await call('moments.delete', { reviewId: review.id, momentId: 'cue' });
    expect((await call('reviews.get', { reviewId: review.id })).moments).toEqual(
      [{ ...response, respondsTo: undefined }].map(({ respondsTo: _gone, ...rest }) => rest),
    );
  });
});
