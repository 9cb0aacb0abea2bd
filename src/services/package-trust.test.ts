import { randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  craftZip,
  jsonBytes,
  readJson,
  repackPackage,
  sha256,
  storedEntry,
  unpackPackage,
  zeroBomb,
} from '../../tests/unit/package-tools';
import { makeServiceContext } from '../../tests/unit/service-context';
import { serviceDispatch } from '../../tests/unit/service-dispatch';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { defaultRubric } from '../domain/rubric/default-rubric';
import { rubricItems } from '../domain/rubric/model';
import { ensureBuiltInRubrics } from './built-in-rubrics';
import { findExport } from './exports-folder';

const tempDir = useTempDirs();
const fixtures = join(__dirname, '../../tests/fixtures');

function machine() {
  let clock = 1_700_000_000_000;
  const context = makeServiceContext(tempDir(), { now: () => (clock += 1000) });
  ensureBuiltInRubrics(context.db, 1);
  const { dispatch, call } = serviceDispatch(context);
  const exported = (file: { exportId: string }) => findExport(context.paths.exportsDir, file.exportId)!.path;
  const importFile = (path: string) => dispatch('packages.import', { source: { kind: 'path', path } });
  return { context, dispatch, call, exported, importFile };
}

const refusedWith = (packageCode: string) => ({
  ok: false,
  error: { code: 'package_refused', details: { packageCode } },
});

/** A lead with one call (audio and transcript) in a session for Anouk and Bram, and each reviewer's own package. */
async function leadWithSession() {
  const lead = machine();
  await lead.call('reviewer.set', { name: 'Lotte' });
  await lead.call('imports.start', {
    sources: [
      { kind: 'path', path: join(fixtures, 'e2e/klacht-internet.wav') },
      { kind: 'path', path: join(fixtures, 'e2e/klacht-internet.vtt') },
    ],
  });
  await lead.context.importQueue.idle();
  const callIds = (await lead.call('calls.list', {})).map((row) => row.id);
  const session = await lead.call('sessions.create', {
    name: 'S',
    callIds,
    reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
  });
  const [anouk, bram] = session.reviewers;
  const packageFor = async (reviewerId: string) =>
    lead.exported(await lead.call('sessions.exportPackage', { sessionId: session.id, reviewerId }));
  return {
    lead,
    session,
    anoukId: anouk!.id,
    bramId: bram!.id,
    anoukPackage: await packageFor(anouk!.id),
    bramPackage: await packageFor(bram!.id),
  };
}

/** A reviewer's laptop: their package imported, the call reviewed (submitted), their review package exported. */
async function reviewerLaptop(sessionPackage: string, sessionId: string) {
  const laptop = machine();
  await laptop.call('reviewer.set', { name: 'Laptop' });
  await laptop.call('packages.import', { source: { kind: 'path', path: sessionPackage } });
  const callId = (await laptop.call('sessions.get', { sessionId })).calls[0]!.id;
  const opened = await laptop.call('reviews.open', { callId, sessionId });
  for (const { item } of rubricItems(defaultRubric)) {
    const answer =
      item.scale.kind === 'ordinal'
        ? { kind: 'level' as const, value: item.scale.levels.length - 1 }
        : { kind: 'yes' as const };
    await laptop.call('reviews.setAnswer', { reviewId: opened.review.id, itemId: item.id, answer });
  }
  await laptop.call('reviews.submit', { reviewId: opened.review.id });
  const key = readJson<{ recipient: { key: string } }>(unpackPackage(sessionPackage)['session.json']).recipient.key;
  return { laptop, key, reviews: laptop.exported(await laptop.call('sessions.exportReviews', { sessionId })) };
}

describe('review packages are signed with the reviewer’s own key', () => {
  it('refuses forged, cross-signed and unsigned packages, and the genuine one still comes in', async () => {
    const { lead, session, anoukId, bramId, anoukPackage, bramPackage } = await leadWithSession();
    const anouk = await reviewerLaptop(anoukPackage, session.id);
    const bram = await reviewerLaptop(bramPackage, session.id);
    expect(anouk.key).not.toBe(bram.key);
    const dir = tempDir();
    const bramFiles = unpackPackage(bram.reviews);
    const bramContent = readJson<{
      reviewer: { id: string; name: string };
      reviews: { id: string; answers: unknown[]; status: string }[];
    }>(bramFiles['reviews.json']);

    // Bram poses as Anouk with an empty submitted review, signed with his own key.
    const forged = {
      ...bramContent,
      reviewer: { id: anoukId, name: 'Anouk' },
      reviews: bramContent.reviews.map((review) => ({ ...review, id: 'forged-review', answers: [] })),
    };
    repackPackage(
      join(dir, 'forged'),
      { ...bramFiles, 'reviews.json': jsonBytes(forged) },
      { reviewerId: anoukId, key: bram.key },
    );
    expect(await lead.importFile(join(dir, 'forged'))).toMatchObject(refusedWith('package_bad_signature'));
    // Bram's genuine reviews, the signature relabelled as Anouk's.
    repackPackage(join(dir, 'cross'), bramFiles, { reviewerId: anoukId, key: bram.key });
    expect(await lead.importFile(join(dir, 'cross'))).toMatchObject(refusedWith('package_bad_signature'));
    // A key nobody was given, and no signature at all.
    repackPackage(join(dir, 'random-key'), bramFiles, { reviewerId: bramId, key: randomBytes(32).toString('hex') });
    expect(await lead.importFile(join(dir, 'random-key'))).toMatchObject(refusedWith('package_bad_signature'));
    repackPackage(join(dir, 'unsigned'), bramFiles);
    expect(await lead.importFile(join(dir, 'unsigned'))).toMatchObject(refusedWith('package_unsigned'));
    expect((await lead.call('sessions.get', { sessionId: session.id })).submitted).toBe(0);

    // The genuine packages come in.
    expect(await lead.call('packages.import', { source: { kind: 'path', path: anouk.reviews } })).toMatchObject({
      reviewsAdded: 1,
    });
    expect(await lead.call('packages.import', { source: { kind: 'path', path: bram.reviews } })).toMatchObject({
      reviewsAdded: 1,
    });
    expect((await lead.call('sessions.get', { sessionId: session.id })).submitted).toBe(2);

    // The lead re-importing a reviewer's package does not become that reviewer.
    expect(await lead.importFile(anoukPackage)).toMatchObject({ ok: true, value: { alreadyPresent: true } });
    expect(await lead.dispatch('sessions.exportReviews', { sessionId: session.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('checks the answers of a correctly signed package against the rubric and the submit rules', async () => {
    const { lead, session, anoukId, anoukPackage } = await leadWithSession();
    const anouk = await reviewerLaptop(anoukPackage, session.id);
    const files = unpackPackage(anouk.reviews);
    const content = readJson<{ reviews: { answers: { itemId: string; answer: unknown }[] }[] }>(files['reviews.json']);
    const dir = tempDir();
    const variants: Record<string, (answers: { itemId: string; answer: unknown }[]) => unknown[]> = {
      'submitted-empty': () => [],
      'unknown-item': (answers) => [...answers, { ...answers[0]!, itemId: '9.9' }],
      'level-out-of-range': (answers) =>
        answers.map((answer, index) => (index === 0 ? { ...answer, answer: { kind: 'level', value: 17 } } : answer)),
      'answered-twice': (answers) => [...answers, answers[0]],
      'below-maximum-without-evidence': (answers) =>
        answers.map((answer) =>
          answer.itemId === '2.1' ? { ...answer, answer: { kind: 'level', value: 0 } } : answer,
        ),
    };
    for (const [name, change] of Object.entries(variants)) {
      const edited = {
        ...content,
        reviews: content.reviews.map((review) => ({ ...review, answers: change(review.answers) })),
      };
      repackPackage(
        join(dir, name),
        { ...files, 'reviews.json': jsonBytes(edited) },
        { reviewerId: anoukId, key: anouk.key },
      );
      expect(await lead.importFile(join(dir, name)), name).toMatchObject(refusedWith('package_bad_review'));
    }
    expect((await lead.call('sessions.get', { sessionId: session.id })).submitted).toBe(0);
    expect(await lead.call('packages.import', { source: { kind: 'path', path: anouk.reviews } })).toMatchObject({
      reviewsAdded: 1,
    });
  });

  it('cannot sign as a reviewer whose session package this computer never had', async () => {
    const { session, anoukPackage, bramId } = await leadWithSession();
    const laptop = machine();
    await laptop.call('reviewer.set', { name: 'Laptop' });
    await laptop.call('packages.import', { source: { kind: 'path', path: anoukPackage } });
    await laptop.call('sessions.join', { sessionId: session.id, reviewerId: bramId });
    expect(await laptop.dispatch('sessions.exportReviews', { sessionId: session.id })).toMatchObject({
      ok: false,
      error: { code: 'package_key_missing' },
    });
  });
});

describe('session package content is read like a local import', () => {
  it('refuses a transcript that is not a transcript, and audio that is not audio, storing nothing', async () => {
    const { anoukPackage } = await leadWithSession();
    const files = unpackPackage(anoukPackage);
    const transcriptPath = Object.keys(files).find((path) => path.endsWith('transcript.json'))!;
    const audioPath = Object.keys(files).find((path) => path.includes('/audio'))!;
    const sessionJson = readJson<{ calls: { key: string; audio: { file: string } }[] }>(files['session.json']);
    const dir = tempDir();
    const reviewer = machine();

    const boom = { format: 'klankbord-transcript', version: 1, language: null, segments: 'boom' };
    repackPackage(join(dir, 'boom'), { ...files, [transcriptPath]: jsonBytes(boom) });
    expect(await reviewer.importFile(join(dir, 'boom'))).toMatchObject(refusedWith('package_bad_transcript'));
    repackPackage(join(dir, 'not-json'), {
      ...files,
      [transcriptPath]: new TextEncoder().encode('{"segments": "boom"'),
    });
    expect(await reviewer.importFile(join(dir, 'not-json'))).toMatchObject(refusedWith('package_bad_transcript'));

    // HTML under the recording's name, with its hash as the call's key: well-formed, but not audio.
    const html = new TextEncoder().encode(
      `<!doctype html><html><script>fetch('/api/invoke')</script>${'x'.repeat(2000)}</html>`,
    );
    const htmlSession = { ...sessionJson, calls: sessionJson.calls.map((call) => ({ ...call, key: sha256(html) })) };
    repackPackage(join(dir, 'html'), { ...files, [audioPath]: html, 'session.json': jsonBytes(htmlSession) });
    expect(await reviewer.importFile(join(dir, 'html'))).toMatchObject(refusedWith('package_bad_audio'));

    // Peaks far beyond what the recording's length needs are not read into memory.
    const peaksPath = Object.keys(files).find((path) => path.endsWith('peaks.bin'))!;
    repackPackage(join(dir, 'peaks'), { ...files, [peaksPath]: new Uint8Array(20 * 1024 * 1024) });
    expect(await reviewer.importFile(join(dir, 'peaks'))).toMatchObject(refusedWith('package_invalid'));

    expect(await reviewer.call('calls.list', {})).toEqual([]);
    expect(await reviewer.call('sessions.list', {})).toEqual([]);
    expect(readdirSync(reviewer.context.paths.audioDir)).toEqual([]);
    expect(readdirSync(reviewer.context.paths.stagingDir)).toEqual([]);

    // The genuine package: audio served with the type its content has.
    await reviewer.call('packages.import', { source: { kind: 'path', path: anoukPackage } });
    const audio = reviewer.context.db.prepare('SELECT mime_type FROM audio_files').pluck().all();
    expect(audio).toEqual(['audio/wav']);
    const callId = (await reviewer.call('calls.list', {}))[0]!.id;
    expect((await reviewer.call('calls.get', { callId })).transcript?.segments.length).toBeGreaterThan(0);
  });
});

describe('packages are bounded', () => {
  it('refuses zip bombs from the central directory or at the first byte past the declared size, with RSS bounded', async () => {
    const { anoukPackage } = await leadWithSession();
    const files = unpackPackage(anoukPackage);
    const audioPath = Object.keys(files).find((path) => path.includes('/audio'))!;
    const bomb = zeroBomb(64);
    const manifest = readJson<{ files: { path: string; sha256: string; bytes: number }[] }>(files['manifest.json']);
    const dir = tempDir();
    const reviewer = machine();
    const rssBefore = process.resourceUsage().maxRSS;
    const entriesWith = (declaredBytes: number) => {
      const lying = {
        ...manifest,
        files: manifest.files.map((file) => (file.path === audioPath ? { ...file, bytes: declaredBytes } : file)),
      };
      return [
        storedEntry('manifest.json', jsonBytes(lying)),
        ...Object.entries(files)
          .filter(([path]) => path !== 'manifest.json')
          .map(([path, bytes]) =>
            path === audioPath
              ? { name: path, data: bomb.data, method: 8 as const, uncompressedSize: declaredBytes, crc: 0 }
              : storedEntry(path, bytes),
          ),
      ];
    };
    const started = performance.now();
    // Honest headers: 1 GiB declared, refused before anything is inflated.
    writeFileSync(join(dir, 'honest-bomb'), craftZip(entriesWith(bomb.inflatedBytes)));
    expect(await reviewer.importFile(join(dir, 'honest-bomb'))).toMatchObject(refusedWith('package_too_large'));
    // Lying headers: the manifest and the zip say the real audio size; inflating stops past it.
    writeFileSync(join(dir, 'lying-bomb'), craftZip(entriesWith(files[audioPath]!.length)));
    const lying = await reviewer.importFile(join(dir, 'lying-bomb'));
    if (lying.ok) throw new Error('the lying bomb was accepted');
    expect(['package_tampered', 'package_corrupt']).toContain(lying.error.details?.packageCode);
    const elapsedMs = Math.round(performance.now() - started);
    const rssGrowthMb = Math.round((process.resourceUsage().maxRSS - rssBefore) / 1024);
    console.log(
      JSON.stringify({
        bench: 'zip-bomb-refusal',
        bombBytes: bomb.data.length,
        inflatesTo: bomb.inflatedBytes,
        elapsedMs,
        peakRssGrowthMb: rssGrowthMb,
      }),
    );
    expect(rssGrowthMb).toBeLessThan(150);
    expect(readdirSync(reviewer.context.paths.stagingDir)).toEqual([]);
    expect(await reviewer.call('calls.list', {})).toEqual([]);
  });

  it('refuses duplicate entry names, whichever copy would come last', async () => {
    const { anoukPackage } = await leadWithSession();
    const files = unpackPackage(anoukPackage);
    const sessionJson = readJson<{ session: { name: string } }>(files['session.json']);
    const other = jsonBytes({ ...sessionJson, session: { ...sessionJson.session, name: 'Overschreven' } });
    const dir = tempDir();
    const entries = Object.entries(files).map(([path, bytes]) => storedEntry(path, bytes));
    writeFileSync(join(dir, 'dup-last'), craftZip([...entries, storedEntry('session.json', other)]));
    writeFileSync(join(dir, 'dup-manifest'), craftZip([storedEntry('manifest.json', jsonBytes({})), ...entries]));
    const reviewer = machine();
    expect(await reviewer.importFile(join(dir, 'dup-last'))).toMatchObject(refusedWith('package_duplicate_entry'));
    expect(await reviewer.importFile(join(dir, 'dup-manifest'))).toMatchObject(refusedWith('package_duplicate_entry'));
    expect(await reviewer.call('sessions.list', {})).toEqual([]);
  });
});
