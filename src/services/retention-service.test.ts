import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectSectionScoresInStep } from '../../tests/unit/section-scores-in-step';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { dayMs } from '../domain/retention/model';
import { rubricItems } from '../domain/rubric/model';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { listStoredAudioNames } from '../storage/audio-repository';
import { ensureBuiltInRubrics } from './built-in-rubrics';
import type { ServiceContext } from './context';
import { findExport } from './exports-folder';
import { runImport } from './import-service';

const tempDir = useTempDirs();
const fixtures = join(__dirname, '../../tests/fixtures/e2e');
const importedAt = Date.parse('2026-03-02T10:00:00Z');

function setup() {
  const clock = { now: importedAt };
  const context = makeServiceContext(tempDir(), { now: () => clock.now });
  ensureBuiltInRubrics(context.db, clock.now);
  return { context, clock, ...serviceDispatch(context) };
}

async function importFixtureCall(context: ServiceContext, name = 'klacht-internet'): Promise<string> {
  const folder = tempDir();
  copyFileSync(join(fixtures, `${name}.wav`), join(folder, `${name}.wav`));
  copyFileSync(join(fixtures, `${name}.vtt`), join(folder, `${name}.vtt`));
  let callId = '';
  const stop = context.events.listen((message) => {
    if (message.name === 'imports.finished')
      callId = (message.payload as { importedCallIds: string[] }).importedCallIds[0] ?? '';
  });
  await runImport('job', [{ kind: 'path', path: folder }], context, new AbortController().signal);
  stop();
  return callId;
}

/** Every item at its maximum (nothing then needs evidence), one moment with a note, submitted. */
async function reviewAndSubmit(call: ReturnType<typeof setup>['call'], callId: string, sessionId?: string) {
  const { review } = await call('reviews.open', { callId, ...(sessionId ? { sessionId } : {}) });
  for (const { item } of rubricItems(defaultRubric))
    await call('reviews.setAnswer', {
      reviewId: review.id,
      itemId: item.id,
      answer: item.scale.kind === 'ordinal' ? { kind: 'level', value: item.scale.levels.length - 1 } : { kind: 'yes' },
    });
  await call('moments.save', {
    reviewId: review.id,
    moment: {
      id: '7d0c5a39-2f6e-4b8e-9a53-1f4f0b7c2d11',
      startMs: 1200,
      endMs: 3400,
      type: 'empathic-response',
      speaker: 'agent',
      polarity: 'strength',
      itemIds: ['2.1'],
      note: 'Benoemt de frustratie.',
    },
  });
  return call('reviews.submit', { reviewId: review.id });
}

const afterReviewNow = {
  routine: { basis: 'after_last_submitted_review', days: 0 },
  calibration: { basis: 'off', days: 0 },
} as const;

describe('retention', () => {
  it('previews, then removes audio, transcript and peaks while scores, answers and moments stay', async () => {
    const { context, clock, call } = setup();
    const callId = await importFixtureCall(context);
    await call('reviewer.set', { name: 'Anouk' });
    clock.now += 60_000;
    const submitted = await reviewAndSubmit(call, callId);
    const scoreBefore = (await call('reviews.list', {})).find((row) => row.callId === callId)?.total;
    expect(scoreBefore).toBeGreaterThan(0);
    const audioFiles = readdirSync(context.paths.audioDir);
    expect(audioFiles).toHaveLength(1);

    // Unsaved rules preview without changing anything; the saved (default) rules are off.
    const preview = await call('retention.preview', { rules: afterReviewNow });
    expect(preview).toMatchObject({ dueNowCount: 1, heldByDraftCount: 0, laterCount: 0, truncated: false });
    expect(preview.calls).toEqual([
      {
        callId,
        title: 'klacht-internet',
        rule: 'routine',
        dueAtMs: submitted.review.submittedAtMs!,
        dueNow: true,
        heldByDraft: false,
      },
    ]);
    expect(await call('retention.apply', {})).toEqual({ removedCount: 0, freedBytes: 0, failedFiles: 0 });

    await call('retention.set', afterReviewNow);
    expect(await call('retention.get', {})).toEqual(afterReviewNow);
    clock.now += 1000;
    const run = await call('retention.apply', {});
    expect(run.removedCount).toBe(1);
    expect(run.freedBytes).toBeGreaterThan(0);
    expect(readdirSync(context.paths.audioDir)).toEqual([]);

    const detail = await call('calls.get', { callId });
    expect(detail).toMatchObject({ audio: null, transcript: null, mediaRemovedAtMs: clock.now });
    expect(detail.call.mediaRemovedAtMs).toBe(clock.now);
    expect(context.db.prepare('SELECT count(*) FROM audio_peaks').pluck().get()).toBe(0);
    expect(context.db.prepare('SELECT count(*) FROM transcripts').pluck().get()).toBe(0);

    const kept = await call('reviews.get', { reviewId: submitted.review.id });
    expect(kept.answers).toHaveLength(18);
    // The report's stored scores stay the review's scores.
    expect(expectSectionScoresInStep(context.db)).toBe(1);
    expect(kept.moments.map(({ startMs, endMs, note }) => ({ startMs, endMs, note }))).toEqual([
      { startMs: 1200, endMs: 3400, note: 'Benoemt de frustratie.' },
    ]);
    expect((await call('reviews.list', {})).find((row) => row.callId === callId)?.total).toBe(scoreBefore);

    const log = await call('retention.log', {});
    expect(log.total).toBe(1);
    expect(log.entries[0]).toMatchObject({
      callId,
      callTitle: 'klacht-internet',
      removedAtMs: clock.now,
      rule: 'routine',
      basis: 'after_last_submitted_review',
      days: 0,
      trigger: 'manual',
    });
    expect(log.entries[0]!.audioBytes + log.entries[0]!.peaksBytes).toBe(run.freedBytes);
    expect(log.entries[0]!.transcriptSegments).toBeGreaterThan(0);
    // The log row holds no text of the call beyond its id: title comes from the call row.
    const stored = context.db.prepare('SELECT * FROM retention_log').get() as Record<string, unknown>;
    expect(Object.keys(stored)).not.toContain('title');

    // Nothing more is due; a second run removes nothing; the preview lists nothing.
    expect((await call('retention.apply', {})).removedCount).toBe(0);
    expect((await call('retention.preview', {})).calls).toEqual([]);
  });

  it('keeps exports working for a call without media', async () => {
    const { context, call } = setup();
    const callId = await importFixtureCall(context);
    await call('reviewer.set', { name: 'Anouk' });
    await reviewAndSubmit(call, callId);
    await call('retention.set', afterReviewNow);
    await call('retention.apply', {});
    const scores = await call('exports.scores', { callId, format: 'json', language: 'en' });
    const moments = await call('exports.moments', { callId, format: 'webvtt', language: 'en' });
    expect(findExport(context.paths.exportsDir, scores.exportId)?.fileName).toMatch(/\.json$/);
    expect(findExport(context.paths.exportsDir, moments.exportId)?.fileName).toMatch(/\.vtt$/);
  });

  it('holds a due call while a draft review is open, and removes it once the draft is submitted', async () => {
    const { context, clock, call } = setup();
    const callId = await importFixtureCall(context);
    await call('reviewer.set', { name: 'Anouk' });
    await call('reviews.open', { callId });
    await call('retention.set', {
      routine: { basis: 'after_import', days: 30 },
      calibration: { basis: 'off', days: 0 },
    });
    clock.now = importedAt + 31 * dayMs;
    expect(await call('retention.preview', {})).toMatchObject({ dueNowCount: 0, heldByDraftCount: 1 });
    expect((await call('retention.apply', {})).removedCount).toBe(0);
    expect((await call('calls.get', { callId })).audio).not.toBeNull();
    const { review } = await call('reviews.open', { callId });
    await reviewAndSubmit(call, callId);
    expect(review.status).toBe('draft');
    expect((await call('retention.apply', {})).removedCount).toBe(1);
  });

  it('dates a future removal: 30 days after import', async () => {
    const { context, call } = setup();
    const callId = await importFixtureCall(context);
    const preview = await call('retention.preview', {
      rules: { routine: { basis: 'after_import', days: 30 }, calibration: { basis: 'off', days: 0 } },
    });
    expect(preview).toMatchObject({ dueNowCount: 0, laterCount: 1 });
    expect(preview.calls[0]).toMatchObject({ callId, dueAtMs: Date.parse('2026-04-01T10:00:00Z'), dueNow: false });
  });

  it('applies the calibration rule to a session call and refuses its session package with a clear code', async () => {
    const { context, call, dispatch } = setup();
    const callId = await importFixtureCall(context);
    const lead = await call('reviewer.set', { name: 'Lead' });
    const session = await call('sessions.create', {
      name: 'Kalibratie',
      callIds: [callId],
      reviewers: [{ id: lead.id }, { name: 'Bram' }],
      benchmarkIndex: null,
    });
    await call('retention.set', {
      routine: { basis: 'after_import', days: 0 },
      calibration: { basis: 'off', days: 0 },
    });
    expect((await call('retention.apply', {})).removedCount).toBe(0);
    await call('retention.set', {
      routine: { basis: 'off', days: 0 },
      calibration: { basis: 'after_import', days: 0 },
    });
    expect((await call('retention.preview', {})).calls[0]).toMatchObject({ callId, rule: 'calibration' });
    expect((await call('retention.apply', {})).removedCount).toBe(1);
    expect(await dispatch('sessions.exportPackage', { sessionId: session.id, reviewerId: lead.id })).toMatchObject({
      ok: false,
      error: { code: 'media_removed', details: { callTitles: ['klacht-internet'] } },
    });
  });

  it('leaves a removed recording out of the files start-up keeps, so a file left by a crash goes', async () => {
    const { context, call } = setup();
    const callId = await importFixtureCall(context);
    expect(listStoredAudioNames(context.db).size).toBe(1);
    await call('retention.set', {
      routine: { basis: 'after_import', days: 0 },
      calibration: { basis: 'off', days: 0 },
    });
    await call('retention.apply', {});
    expect(listStoredAudioNames(context.db).size).toBe(0);
    expect((await call('calls.get', { callId })).mediaRemovedAtMs).not.toBeNull();
  });

  it('refuses a rule out of range', async () => {
    const { dispatch } = setup();
    const refused = await dispatch('retention.set', {
      routine: { basis: 'after_import', days: 4000 },
      calibration: { basis: 'off', days: 0 },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
