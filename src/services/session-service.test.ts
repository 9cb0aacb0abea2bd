import { describe, expect, it } from 'vitest';
import { expectSectionScoresInStep } from '../../tests/unit/section-scores-in-step';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { insertCall } from '../storage/calls-repository';
import { saveMoment } from '../storage/moments-repository';
import { createReview, updateReview } from '../storage/reviews-repository';
import { getSession } from '../storage/sessions-repository';
import { saveCallSignals } from '../storage/signals-repository';
import { sessionMomentAgreement } from './session-service';
import { ensureBuiltInRubrics } from './built-in-rubrics';

const tempDir = useTempDirs();

function setup() {
  let clock = 1_700_000_000_000;
  const context = makeServiceContext(tempDir(), { now: () => (clock += 1000) });
  ensureBuiltInRubrics(context.db, 1);
  for (const id of ['call-a', 'call-b']) insertCall(context.db, { id, title: id, createdAtMs: 1, durationMs: 90_000 });
  const { dispatch, call } = serviceDispatch(context);
  return { context, dispatch, call };
}

async function submitMaximum(
  call: ReturnType<typeof setup>['call'],
  reviewId: string,
  changes: Record<string, number> = {},
) {
  for (const { item } of rubricItems(defaultRubric)) {
    const level = changes[item.id];
    const answer =
      item.scale.kind === 'ordinal'
        ? { kind: 'level' as const, value: level ?? item.scale.levels.length - 1 }
        : { kind: 'yes' as const };
    await call('reviews.setAnswer', { reviewId, itemId: item.id, answer });
    if (level !== undefined)
      await call('reviews.setEvidenceOverride', { reviewId, itemId: item.id, reason: 'Kalibratietest' });
  }
  await call('reviews.submit', { reviewId });
}

describe('calibration sessions', () => {
  it('creates a session with the rubric version in use, keeps session reviews apart from routine ones, and reports', async () => {
    const { call, dispatch, context } = setup();
    saveCallSignals(
      context.db,
      'call-a',
      'test',
      {
        durationMs: 90_000,
        speech: [],
        overtalk: [{ startMs: 1000, endMs: 1500, startedBy: 'agent' }],
        silences: [],
        talkRatio: { agent: 0.6, customer: 0.4 },
        wordsPerMinute: { agent: 150, customer: null },
        responseLatencies: [],
        hints: [],
      },
      1,
    );
    const lead = await call('reviewer.set', { name: 'Lead Lotte' });
    const session = await call('sessions.create', {
      name: 'Kalibratie november',
      callIds: ['call-a', 'call-b'],
      reviewers: [{ id: lead.id }, { name: 'Bram' }],
      benchmarkIndex: 0,
    });
    expect(session).toMatchObject({
      rubricId: defaultRubric.id,
      rubricVersion: 1,
      blind: true,
      toleranceTotal: 5,
      toleranceItem: 1,
      expected: 4,
      submitted: 0,
      benchmarkReviewerId: lead.id,
    });
    expect(session.reviewers.map((reviewer) => reviewer.name)).toEqual(['Lead Lotte', 'Bram']);

    // Blind: the lead reviews too, so the others stay hidden until the lead's own review of the call is submitted.
    expect(await dispatch('sessions.compare', { sessionId: session.id, callId: 'call-a' })).toMatchObject({
      ok: false,
      error: { code: 'blind_until_submitted' },
    });
    const routine = await call('reviews.open', { callId: 'call-a' });
    const inSession = await call('reviews.open', { callId: 'call-a', sessionId: session.id });
    expect(inSession.review.id).not.toBe(routine.review.id);
    expect(inSession.review.sessionId).toBe(session.id);
    expect((await call('reviews.open', { callId: 'call-a', sessionId: session.id })).review.id).toBe(
      inSession.review.id,
    );
    // The Reviews screen tells them apart: the session named on its reviews, and a filter either way.
    expect((await call('reviews.list', {})).map((row) => [row.id, row.sessionId, row.sessionName])).toEqual(
      expect.arrayContaining([
        [routine.review.id, null, null],
        [inSession.review.id, session.id, 'Kalibratie november'],
      ]),
    );
    expect((await call('reviews.list', { sessionId: session.id })).map((row) => row.id)).toEqual([inSession.review.id]);
    expect((await call('reviews.list', { sessionId: null })).map((row) => row.id)).toEqual([routine.review.id]);
    await submitMaximum(call, inSession.review.id, { '2.1': 1 });

    const report = await call('sessions.report', { sessionId: session.id });
    expect(report.totals[0]![0]).toBeCloseTo(100 - (25 * (2 / 3)) / 3, 6);
    expect(report.totals[1]).toEqual([null, null]);
    // The calls' metrics from their stored signals, in the session's call order.
    expect(report.callMetrics).toEqual([
      {
        agentTalkRatio: 0.6,
        overtalkCount: 1,
        overtalkMs: 500,
        longestSilenceMs: 0,
        agentWordsPerMinute: 150,
        medianAcknowledgementLatencyMs: null,
      },
      null,
    ]);
    expect((await call('sessions.get', { sessionId: session.id })).submitted).toBe(1);
    // A calibration review's scores are stored too (apart from routine ones by its session).
    expect(expectSectionScoresInStep(context.db)).toBeGreaterThan(0);

    const compared = await call('sessions.compare', { sessionId: session.id, callId: 'call-a' });
    expect(compared.reviews.map((review) => [review.reviewerName, review.submitted])).toEqual([
      ['Lead Lotte', true],
      ['Bram', false],
    ]);
    await call('sessions.setConsensus', {
      sessionId: session.id,
      callId: 'call-a',
      itemId: '2.1',
      answer: { kind: 'level', value: 2 },
      reason: 'Benoemt de situatie, maar algemeen.',
    });
    expect(
      await dispatch('sessions.setConsensus', {
        sessionId: session.id,
        callId: 'call-a',
        itemId: '1.3',
        answer: { kind: 'level', value: 2 },
        reason: 'Past niet',
      }),
    ).toMatchObject({ ok: false, error: { code: 'answer_invalid' } });
    expect((await call('sessions.report', { sessionId: session.id })).consensus).toEqual([
      expect.objectContaining({
        callId: 'call-a',
        itemId: '2.1',
        answer: { kind: 'level', value: 2 },
        decidedBy: lead.id,
      }),
    ]);
  });

  it('refuses a reviewer outside the session and unknown calls', async () => {
    const { call, dispatch } = setup();
    await call('reviewer.set', { name: 'Lead' });
    const session = await call('sessions.create', {
      name: 'S',
      callIds: ['call-a'],
      reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
      benchmarkIndex: null,
    });
    expect(await dispatch('reviews.open', { callId: 'call-a', sessionId: session.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await dispatch('sessions.compare', { sessionId: session.id, callId: 'call-b' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await dispatch('sessions.create', { name: 'S', callIds: ['nope'], reviewers: [{ name: 'A' }, { name: 'B' }] }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('moment agreement in a session', () => {
  it('pools matched and unmatched moments per type over the calls, and F1 against the benchmark', async () => {
    const { call, context } = setup();
    await call('reviewer.set', { name: 'Lead' });
    const session = await call('sessions.create', {
      name: 'S',
      callIds: ['call-a', 'call-b'],
      reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
      benchmarkIndex: 0,
    });
    const [anouk, bram] = session.reviewers.map((reviewer) => reviewer.id);
    const cue = (id: string, startMs: number, endMs: number) => ({
      id,
      startMs,
      endMs,
      type: 'customer-emotion-cue' as const,
      speaker: 'customer' as const,
      polarity: 'neutral' as const,
      itemIds: [],
      note: '',
    });
    const submitted = (reviewId: string, reviewerId: string, callId: string, moments: ReturnType<typeof cue>[]) => {
      createReview(
        context.db,
        { id: reviewId, callId, reviewerId, rubricId: defaultRubric.id, rubricVersion: 1, sessionId: session.id },
        1,
      );
      for (const moment of moments) saveMoment(context.db, reviewId, moment, 1);
      updateReview(context.db, reviewId, { status: 'submitted', submittedAtMs: 2 }, 2);
    };
    // Call A: both heard the cue at 10 s (overlapping), Bram also tagged one at 40 s. Call B: only Anouk heard one.
    submitted('ra', anouk!, 'call-a', [cue('a1', 10_000, 12_000)]);
    submitted('rb', bram!, 'call-a', [cue('b1', 10_500, 13_000), cue('b2', 40_000, 41_000)]);
    submitted('ra2', anouk!, 'call-b', [cue('a2', 5_000, 6_000)]);
    submitted('rb2', bram!, 'call-b', []);
    const moments = sessionMomentAgreement(context.db, getSession(context.db, session.id)!);
    // Pooled: 1 matched pair, 2 unmatched (b2, a2) → F1 = 2·1 / (2·1 + 2) = 0.5.
    expect(moments.types).toEqual([{ type: 'customer-emotion-cue', matched: 1, unmatched: 2, f1: 0.5 }]);
    // Bram against Anouk: matched 1, missed 1 (a2), extra 1 (b2) → F1 0.5; the benchmark's own entry is empty.
    expect(moments.reviewers).toEqual([null, { matched: 1, missed: 1, extra: 1, f1: 0.5 }]);
  });
});
