import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson, repackPackage, unpackPackage } from '../../tests/unit/package-tools';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import type { TeamReviewsContent } from '../contract/team-packages';
import { pcm16WavHeader } from '../domain/audio/silence';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { ensureBuiltInRubrics } from './built-in-rubrics';
import { findExport } from './exports-folder';

const tempDir = useTempDirs();

/** A 10-second mono tone (8 kHz, 16-bit): each frequency is another recording, known by another hash. */
function toneFile(folder: string, name: string, hz: number): string {
  const rate = 8000;
  const samples = new Int16Array(rate * 10);
  for (let index = 0; index < samples.length; index += 1)
    samples[index] = Math.round(8000 * Math.sin((2 * Math.PI * hz * index) / rate));
  const path = join(folder, `${name}.wav`);
  writeFileSync(path, Buffer.concat([pcm16WavHeader(1, rate, samples.byteLength), Buffer.from(samples.buffer)]));
  return path;
}

function machine() {
  let clock = 1_700_000_000_000;
  const context = makeServiceContext(tempDir(), { now: () => (clock += 1000) });
  ensureBuiltInRubrics(context.db, 1);
  const { dispatch, call } = serviceDispatch(context);
  const exported = (file: { exportId: string }) => findExport(context.paths.exportsDir, file.exportId)!.path;
  const importPaths = async (...paths: string[]) => {
    await call('imports.start', { sources: paths.map((path) => ({ kind: 'path' as const, path })) });
    await context.importQueue.idle();
    return (await call('calls.list', {})).map((row) => row.id);
  };
  return { context, dispatch, call, exported, importPaths };
}

/** Scores every item at its best except 2.1 (level 1), with a moment at 5–6 s as its evidence, and submits. */
async function review(m: ReturnType<typeof machine>, callId: string, momentId: string, level21 = 1) {
  const { review } = await m.call('reviews.open', { callId });
  for (const { item } of rubricItems(defaultRubric)) {
    const answer =
      item.scale.kind === 'ordinal'
        ? { kind: 'level' as const, value: item.id === '2.1' ? level21 : item.scale.levels.length - 1 }
        : { kind: 'yes' as const };
    await m.call('reviews.setAnswer', { reviewId: review.id, itemId: item.id, answer });
  }
  await m.call('moments.save', {
    reviewId: review.id,
    moment: {
      id: momentId,
      startMs: 5000,
      endMs: 6000,
      type: 'empathic-response',
      speaker: 'agent',
      polarity: 'gap',
      itemIds: ['2.1'],
      note: 'geen erkenning',
    },
  });
  await m.call('reviews.submit', { reviewId: review.id });
  return review.id;
}

async function team() {
  const folder = tempDir();
  const known = toneFile(folder, 'bekend', 300);
  const fresh = toneFile(folder, 'nieuw', 500);
  const lead = machine();
  await lead.call('reviewer.set', { name: 'Lotte' });
  await lead.importPaths(known);
  const invitation = lead.exported(await lead.call('team.invite', { reviewerName: 'Anouk' }));
  expect(invitation).toMatch(/Lotte - Anouk\.klankbord-team$/);

  const anouk = machine();
  await anouk.call('reviewer.set', { name: 'Anouk de Vries' });
  const joined = await anouk.call('packages.import', { source: { kind: 'path', path: invitation } });
  expect(joined).toMatchObject({ kind: 'team-invitation', sessionName: 'Lotte', recipient: { name: 'Anouk' } });
  const [teamLead] = (await anouk.call('team.exchange', {})).leads;
  const callIds = await anouk.importPaths(known, fresh);
  for (const callId of callIds) await anouk.call('calls.update', { callId, changes: { agentName: 'S. Jansen' } });
  const reviewIds = [await review(anouk, callIds[0]!, 'm1'), await review(anouk, callIds[1]!, 'm2')];
  return { lead, anouk, teamId: teamLead!.teamId, reviewIds, invitation };
}

const importInto = (m: ReturnType<typeof machine>, path: string) =>
  m.call('packages.import', { source: { kind: 'path', path } });

describe('team packages', () => {
  it('send only clips of a call the lead lacks, nothing of a call it holds; the lead imports once, then revisions', async () => {
    const { lead, anouk, teamId, reviewIds } = await team();
    const clipsPackage = anouk.exported(await anouk.call('team.exportReviews', { teamId, audio: 'clips' }));
    const files = unpackPackage(clipsPackage);
    const content = readJson<TeamReviewsContent>(files['reviews.json']);
    expect(content.reviews).toHaveLength(2);
    const kinds = content.calls.map((call) => call.audio.kind).sort();
    expect(kinds).toEqual(['clips', 'known']);
    const names = Object.keys(files);
    expect(names.filter((name) => /\/audio\./.test(name))).toEqual([]);
    const clips = names.filter((name) => name.endsWith('.wav'));
    expect(clips).toEqual([expect.stringMatching(/clip-3000-8000\.wav$/)]);
    // 5 s of the 10 s recording: the clip, not the call.
    expect(files[clips[0]!]!.length).toBe(44 + 5 * 8000 * 2);

    const first = await importInto(lead, clipsPackage);
    expect(first).toMatchObject({ kind: 'team-reviews', alreadyPresent: false, reviewsAdded: 2, callsAdded: 1 });
    expect(await importInto(lead, clipsPackage)).toMatchObject({ alreadyPresent: true, reviewsAdded: 0 });
    const reviews = await lead.call('reviews.list', {});
    expect(reviews).toHaveLength(2);
    const detail = await lead.call('reviews.get', { reviewId: reviewIds[1]! });
    expect(detail.review).toMatchObject({ reviewerName: 'Anouk', rubricVersion: 1, revision: 1, sessionId: null });
    expect(detail.audit.map((entry) => entry.action)).toContain('imported');
    expect((await lead.call('calls.list', {})).length).toBe(2);

    // Nothing changed since the last export: nothing to send. A changed review comes in as a new revision.
    expect((await anouk.dispatch('team.exportReviews', { teamId, audio: 'clips' })).ok).toBe(false);
    await anouk.call('reviews.reopen', { reviewId: reviewIds[0]!, reason: 'Herzien' });
    await anouk.call('reviews.setComment', { reviewId: reviewIds[0]!, comment: 'Na overleg' });
    await anouk.call('reviews.submit', { reviewId: reviewIds[0]! });
    const second = anouk.exported(await anouk.call('team.exportReviews', { teamId, audio: 'whole' }));
    expect(readJson<TeamReviewsContent>(unpackPackage(second)['reviews.json']).reviews).toHaveLength(1);
    expect(await importInto(lead, second)).toMatchObject({ reviewsAdded: 0, reviewsRevised: 1 });
    expect((await lead.call('reviews.get', { reviewId: reviewIds[0]! })).review.revision).toBe(2);
    expect(await lead.call('reviews.list', {})).toHaveLength(2);
  });

  it('sends a call the lead lacks whole once, and never again', async () => {
    const { lead, anouk, teamId } = await team();
    const whole = anouk.exported(await anouk.call('team.exportReviews', { teamId, audio: 'whole' }));
    const content = readJson<TeamReviewsContent>(unpackPackage(whole)['reviews.json']);
    expect(content.calls.map((call) => call.audio.kind).sort()).toEqual(['known', 'whole']);
    expect(await importInto(lead, whole)).toMatchObject({ reviewsAdded: 2, callsAdded: 1 });
    const again = anouk.exported(await anouk.call('team.exportReviews', { teamId, audio: 'whole', fromMs: 0 }));
    const repeated = readJson<TeamReviewsContent>(unpackPackage(again)['reviews.json']);
    expect(repeated.calls.map((call) => call.audio.kind)).toEqual(['known', 'known']);
    expect(statSync(again).size).toBeLessThan(statSync(whole).size / 4);
    expect(await importInto(lead, again)).toMatchObject({ alreadyPresent: true });
  });

  it('refuses a package signed with another key, or made for another lead, and changes nothing', async () => {
    const { lead, anouk, teamId } = await team();
    const good = anouk.exported(await anouk.call('team.exportReviews', { teamId, audio: 'clips' }));
    const files = unpackPackage(good);
    const signature = readJson<{ reviewerId: string }>(files['signature.json']);
    const forged = join(tempDir(), 'forged.klankbord-team-reviews');
    repackPackage(forged, files, { reviewerId: signature.reviewerId, key: 'ab'.repeat(32) });
    const refused = await lead.dispatch('packages.import', { source: { kind: 'path', path: forged } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'package_refused', details: { packageCode: 'package_team_key' } },
    });

    const otherLead = machine();
    await otherLead.call('reviewer.set', { name: 'Ruud' });
    const elsewhere = await otherLead.dispatch('packages.import', { source: { kind: 'path', path: good } });
    expect(elsewhere).toMatchObject({ ok: false, error: { details: { packageCode: 'package_not_team_lead' } } });
    expect(await lead.call('reviews.list', {})).toHaveLength(0);
    expect(await lead.call('calls.list', {})).toHaveLength(1);
  });
});
