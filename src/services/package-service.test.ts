import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expectSectionScoresInStep } from '../../tests/unit/section-scores-in-step';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { findExport } from './exports-folder';
import { ensureBuiltInRubrics } from './built-in-rubrics';

const tempDir = useTempDirs();
const audio = join(__dirname, '../../tests/fixtures/audio');

function machine() {
  let clock = 1_700_000_000_000;
  const dataDir = tempDir();
  const context = makeServiceContext(dataDir, { now: () => (clock += 1000) });
  ensureBuiltInRubrics(context.db, 1);
  const { dispatch, call } = serviceDispatch(context);
  const exported = (file: { exportId: string }) => findExport(context.paths.exportsDir, file.exportId)!.path;
  return { context, dispatch, call, exported };
}

async function scoreAll(m: ReturnType<typeof machine>, reviewId: string, level21 = 3) {
  for (const { item } of rubricItems(defaultRubric)) {
    const answer =
      item.scale.kind === 'ordinal'
        ? { kind: 'level' as const, value: item.id === '2.1' ? level21 : item.scale.levels.length - 1 }
        : { kind: 'yes' as const };
    await m.call('reviews.setAnswer', { reviewId, itemId: item.id, answer });
  }
  if (level21 < 3)
    await m.call('reviews.setEvidenceOverride', { reviewId, itemId: '2.1', reason: 'Algemeen geformuleerd.' });
  await m.call('reviews.submit', { reviewId });
}

describe('calibration packages', () => {
  it('travel lead → reviewer → lead: validated, idempotent, and changed reviews come in as a new revision', async () => {
    const lead = machine();
    await lead.call('reviewer.set', { name: 'Lotte' });
    await lead.call('imports.start', {
      sources: [
        { kind: 'path', path: join(audio, 'tone-mulaw-8k.wav') },
        { kind: 'path', path: join(audio, 'tone-stereo-8k.wav') },
      ],
    });
    await lead.context.importQueue.idle();
    const callIds = (await lead.call('calls.list', {})).map((row) => row.id);
    const session = await lead.call('sessions.create', {
      name: 'Kalibratie week 47',
      callIds,
      reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
      benchmarkIndex: 0,
    });
    const anoukId = session.reviewers.find((reviewer) => reviewer.name === 'Anouk')!.id;
    const sessionPackage = lead.exported(
      await lead.call('sessions.exportPackage', { sessionId: session.id, reviewerId: anoukId }),
    );
    expect(sessionPackage).toMatch(/Kalibratie week 47 - Anouk\.klankbord-session$/);

    // The reviewer's laptop: import (the package says whom it is for), review, export.
    const anouk = machine();
    await anouk.call('reviewer.set', { name: 'Anouk de Vries' });
    const imported = await anouk.call('packages.import', { source: { kind: 'path', path: sessionPackage } });
    expect(imported).toMatchObject({
      kind: 'session',
      sessionName: 'Kalibratie week 47',
      callsAdded: 2,
      alreadyPresent: false,
      recipient: { id: anoukId, name: 'Anouk' },
    });
    expect(await anouk.call('packages.import', { source: { kind: 'path', path: sessionPackage } })).toMatchObject({
      alreadyPresent: true,
      callsAdded: 0,
    });
    expect(await anouk.call('calls.list', {})).toHaveLength(2);
    const localSession = await anouk.call('sessions.get', { sessionId: session.id });
    expect(localSession.rubricVersion).toBe(1);
    const opened = await anouk.call('reviews.open', { callId: localSession.calls[0]!.id, sessionId: session.id });
    expect(opened.review.reviewerId).toBe(anoukId);
    await scoreAll(anouk, opened.review.id, 1);
    const reviewPackage = anouk.exported(await anouk.call('sessions.exportReviews', { sessionId: session.id }));

    // Back at the lead: added once; twice is once.
    expect(await lead.call('packages.import', { source: { kind: 'path', path: reviewPackage } })).toMatchObject({
      kind: 'reviews',
      reviewsAdded: 1,
      reviewsRevised: 0,
      alreadyPresent: false,
    });
    expect(await lead.call('packages.import', { source: { kind: 'path', path: reviewPackage } })).toMatchObject({
      reviewsAdded: 0,
      reviewsRevised: 0,
      alreadyPresent: true,
    });
    const compared = await lead.call('sessions.compare', {
      sessionId: session.id,
      callId: callIds.find((id) => id === session.calls[0]!.id)!,
    });
    expect(compared.reviews.find((review) => review.reviewerName === 'Anouk')).toMatchObject({
      submitted: true,
      revision: 1,
    });

    // Anouk changes her mind: the lead gets a new revision, shown as such, not a silent overwrite.
    await anouk.call('reviews.reopen', { reviewId: opened.review.id, reason: 'Na overleg' });
    await scoreAll(anouk, opened.review.id, 2);
    const second = anouk.exported(await anouk.call('sessions.exportReviews', { sessionId: session.id }));
    expect(await lead.call('packages.import', { source: { kind: 'path', path: second } })).toMatchObject({
      reviewsRevised: 1,
      reviewsAdded: 0,
    });
    const after = await lead.call('sessions.compare', { sessionId: session.id, callId: session.calls[0]!.id });
    const anouksReview = after.reviews.find((review) => review.reviewerName === 'Anouk')!;
    expect(anouksReview.revision).toBe(2);
    // An imported review, and its new revision, are stored as the domain scores them, on both machines.
    expect(expectSectionScoresInStep(lead.context.db)).toBeGreaterThan(0);
    expect(expectSectionScoresInStep(anouk.context.db)).toBeGreaterThan(0);
    expect(anouksReview.answers.find((answer) => answer.itemId === '2.1')!.answer).toEqual({ kind: 'level', value: 2 });
  });

  it('refuses corrupt, truncated, tampered and mismatched packages and changes nothing', async () => {
    const lead = machine();
    await lead.call('reviewer.set', { name: 'Lotte' });
    await lead.call('imports.start', { sources: [{ kind: 'path', path: join(audio, 'tone-mulaw-8k.wav') }] });
    await lead.context.importQueue.idle();
    const callIds = (await lead.call('calls.list', {})).map((row) => row.id);
    const session = await lead.call('sessions.create', {
      name: 'S',
      callIds,
      reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
    });
    const packagePath = lead.exported(
      await lead.call('sessions.exportPackage', { sessionId: session.id, reviewerId: session.reviewers[0]!.id }),
    );
    const bytes = readFileSync(packagePath);
    const other = machine();
    const dir = tempDir();
    const attempt = async (name: string, content: Uint8Array) => {
      writeFileSync(join(dir, name), content);
      return other.dispatch('packages.import', { source: { kind: 'path', path: join(dir, name) } });
    };
    expect(await attempt('truncated', bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatchObject({
      ok: false,
      error: { code: 'package_refused', details: { packageCode: 'package_corrupt' } },
    });
    expect(await attempt('not-zip', new TextEncoder().encode('hello'))).toMatchObject({
      ok: false,
      error: { code: 'package_refused', details: { packageCode: 'package_corrupt' } },
    });
    const files = unzipSync(bytes);
    const sessionJson = JSON.parse(new TextDecoder().decode(files['session.json'])) as {
      session: { toleranceTotal: number };
    };
    sessionJson.session.toleranceTotal = 50;
    expect(
      await attempt(
        'tampered',
        zipSync({ ...files, 'session.json': new TextEncoder().encode(JSON.stringify(sessionJson)) }),
      ),
    ).toMatchObject({ ok: false, error: { details: { packageCode: 'package_tampered' } } });
    expect(await attempt('extra', zipSync({ ...files, 'evil.sh': new TextEncoder().encode('rm -rf') }))).toMatchObject({
      ok: false,
      error: { details: { packageCode: 'package_tampered' } },
    });
    const { 'manifest.json': _manifest, ...withoutManifest } = files;
    expect(await attempt('no-manifest', zipSync(withoutManifest))).toMatchObject({
      ok: false,
      error: { details: { packageCode: 'package_not_klankbord' } },
    });
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { formatVersion: number };
    expect(
      await attempt(
        'newer',
        zipSync({
          ...files,
          'manifest.json': new TextEncoder().encode(JSON.stringify({ ...manifest, formatVersion: 9 })),
        }),
      ),
    ).toMatchObject({ ok: false, error: { details: { packageCode: 'package_newer_version' } } });
    expect(await other.call('calls.list', {})).toEqual([]);
    expect(await other.call('sessions.list', {})).toEqual([]);

    // A review package for a session this machine does not know.
    const reviewer = machine();
    await reviewer.call('reviewer.set', { name: 'Anouk' });
    await reviewer.call('packages.import', { source: { kind: 'path', path: packagePath } });
    const reviews = reviewer.exported(await reviewer.call('sessions.exportReviews', { sessionId: session.id }));
    expect(await other.dispatch('packages.import', { source: { kind: 'path', path: reviews } })).toMatchObject({
      ok: false,
      error: { details: { packageCode: 'package_unknown_session' } },
    });
  });
});
