import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/contract/imports';
import { createBackend } from '../../src/server/backend';
import { createDurableFiles } from '../../src/server/files/durable-files';
import { ensureBuiltInRubrics } from '../../src/services/built-in-rubrics';
import type { ServiceContext } from '../../src/services/context';
import { findExport } from '../../src/services/exports-folder';
import { toneWav } from '../../scripts/fault-test/make-audio';
import { faultyFileCalls, type FileCallName } from '../../scripts/fault-test/faulty-file-calls';
import { makeServiceContext } from '../unit/service-context';
import { serviceDispatch } from '../unit/service-dispatch';
import { useTempDirs } from '../unit/temp-dir';

const tempDir = useTempDirs();
const audioFixtures = join(__dirname, '../fixtures/audio');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A service context whose file port fails with ENOSPC on the calls `failing` picks; `log` lists every call. */
function machine(failing: (call: FileCallName, index: number) => boolean = () => false) {
  const log: string[] = [];
  let fail = failing;
  const dataDir = tempDir();
  const base = makeServiceContext(dataDir);
  const context: ServiceContext = {
    ...base,
    ports: { ...base.ports, files: createDurableFiles(faultyFileCalls((call, index) => fail(call, index), log)) },
  };
  ensureBuiltInRubrics(context.db, 1);
  return { context, log, dataDir, ...serviceDispatch(context), setFailing: (next: typeof failing) => (fail = next) };
}

async function importPaths(m: ReturnType<typeof machine>, paths: string[]): Promise<ImportSummary> {
  let summary: ImportSummary | undefined;
  const stop = m.context.events.listen((message) => {
    if (message.name === 'imports.finished') summary = message.payload as ImportSummary;
  });
  await m.call('imports.start', { sources: paths.map((path) => ({ kind: 'path' as const, path })) });
  await m.context.importQueue.idle();
  stop();
  return summary!;
}

const rows = (context: ServiceContext) => context.db.prepare('SELECT count(*) FROM calls').pluck().get() as number;
const audioFiles = (context: ServiceContext) => readdirSync(context.paths.audioDir);

describe('durable placement of audio (import)', () => {
  it('fsyncs the copy and its folder before the row naming it commits', async () => {
    const m = machine();
    let rowsAtFolderSync = -1;
    const files = m.context.ports.files;
    const watched: ServiceContext = {
      ...m.context,
      ports: {
        ...m.context.ports,
        files: {
          ...files,
          copyInto: async (source, target) => {
            await files.copyInto(source, target);
            rowsAtFolderSync = rows(m.context);
          },
        },
      },
    };
    const { call } = serviceDispatch(watched);
    await call('imports.start', { sources: [{ kind: 'path', path: join(audioFixtures, 'tone-pcm16-8k-mono.wav') }] });
    await watched.importQueue.idle();
    expect(rowsAtFolderSync).toBe(0);
    expect(rows(m.context)).toBe(1);
    const order = m.log.map((line) => line.split(' ')[0]);
    expect(order).toEqual(['copyFile', 'syncFile', 'rename', 'syncFolder']);
    expect(m.log[0]).toMatch(/\/audio\/\.[0-9a-f]{64}\.wav\.[0-9a-f]{12}\.tmp$/);
    const [stored] = audioFiles(m.context);
    expect(stored).toBe(`${sha256(join(audioFixtures, 'tone-pcm16-8k-mono.wav'))}.wav`);
  });

  for (const failingCall of ['copyFile', 'syncFile', 'rename', 'syncFolder'] as const) {
    it(`a full disk at ${failingCall} gives disk_full, leaves no file and no row, and keeps what was imported`, async () => {
      const m = machine();
      expect((await importPaths(m, [join(audioFixtures, 'tone-pcm16-8k-mono.wav')])).importedCallIds).toHaveLength(1);
      const kept = audioFiles(m.context);
      m.setFailing((call) => call === failingCall);
      const summary = await importPaths(m, [
        join(audioFixtures, 'tone-mulaw-8k.wav'),
        join(audioFixtures, 'tone-alaw-8k.wav'),
      ]);
      expect(summary.importedCallIds).toEqual([]);
      // The import stops at the first full-disk failure: the second file is not tried.
      expect(summary.issues).toEqual([
        expect.objectContaining({ fileName: 'tone-mulaw-8k.wav', code: 'disk_full', severity: 'error' }),
      ]);
      expect(rows(m.context)).toBe(1);
      // A failed folder fsync comes after the rename: the file is there but has no row, and start-up removes it.
      if (failingCall !== 'syncFolder') expect(audioFiles(m.context)).toEqual(kept);
      expect(audioFiles(m.context).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      m.setFailing(() => false);
      expect((await importPaths(m, [join(audioFixtures, 'tone-mulaw-8k.wav')])).importedCallIds).toHaveLength(1);
    });
  }

  it('removes the copy when the row cannot commit (SQLITE_FULL) and reports disk_full', async () => {
    const m = machine();
    await importPaths(m, [join(audioFixtures, 'tone-pcm16-8k-mono.wav')]);
    // A real SQLITE_FULL: no free pages left and the file may not grow.
    m.context.db.exec('VACUUM');
    const pages = m.context.db.pragma('page_count', { simple: true }) as number;
    m.context.db.pragma(`max_page_count = ${pages}`);
    // Long enough that its peaks need new pages.
    const long = join(tempDir(), 'lang-gesprek.wav');
    writeFileSync(long, toneWav({ seconds: 120, seed: 7 }));
    const summary = await importPaths(m, [long]);
    expect(summary.issues).toEqual([expect.objectContaining({ code: 'disk_full' })]);
    expect(audioFiles(m.context)).toHaveLength(1);
    expect(rows(m.context)).toBe(1);
  });

  it('removes a staged upload after its job, also when the disk is full', async () => {
    const m = machine((call) => call === 'copyFile');
    mkdirSync(m.context.paths.stagingDir, { recursive: true });
    const stagedId = '0b0e7d3c-6a55-4a4e-9a3b-2d1f6f1a0c11';
    copyFileSync(join(audioFixtures, 'tone-pcm16-8k-mono.wav'), join(m.context.paths.stagingDir, stagedId));
    await m.call('imports.start', { sources: [{ kind: 'staged', stagedId, name: 'upload.wav' }] });
    await m.context.importQueue.idle();
    expect(readdirSync(m.context.paths.stagingDir)).toEqual([]);
  });
});

describe('durable placement of package audio and exports', () => {
  async function sessionPackage(): Promise<string> {
    const lead = machine();
    await lead.call('reviewer.set', { name: 'Lotte' });
    await importPaths(lead, [join(audioFixtures, 'tone-mulaw-8k.wav'), join(audioFixtures, 'tone-stereo-8k.wav')]);
    const callIds = (await lead.call('calls.list', {})).map((row) => row.id);
    const session = await lead.call('sessions.create', {
      name: 'Kalibratie',
      callIds,
      reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
      benchmarkIndex: 0,
    });
    const exported = await lead.call('sessions.exportPackage', {
      sessionId: session.id,
      reviewerId: session.reviewers[0]!.id,
    });
    return findExport(lead.context.paths.exportsDir, exported.exportId)!.path;
  }

  it('a package import failing at its second recording leaves no audio without a row and no staging', async () => {
    const packagePath = await sessionPackage();
    const m = machine((call, index) => call === 'rename' && index > 3);
    const result = await m.dispatch('packages.import', { source: { kind: 'path', path: packagePath } });
    expect(result).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(audioFiles(m.context)).toEqual([]);
    expect(rows(m.context)).toBe(0);
    expect(readdirSync(m.context.paths.stagingDir)).toEqual([]);
    m.setFailing(() => false);
    expect(await m.call('packages.import', { source: { kind: 'path', path: packagePath } })).toMatchObject({
      callsAdded: 2,
    });
    expect(audioFiles(m.context)).toHaveLength(2);
  });

  it('a package whose rows cannot commit removes the audio it placed', async () => {
    const packagePath = await sessionPackage();
    const m = machine();
    m.context.db.exec(
      "CREATE TRIGGER refuse_sessions BEFORE INSERT ON calibration_sessions BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
    );
    const result = await m.dispatch('packages.import', { source: { kind: 'path', path: packagePath } });
    expect(result).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(audioFiles(m.context)).toEqual([]);
    expect(rows(m.context)).toBe(0);
  });

  it('an export or package export on a full disk gives disk_full and leaves no half-written file', async () => {
    const m = machine();
    await m.call('reviewer.set', { name: 'Lotte' });
    await importPaths(m, [join(audioFixtures, 'tone-mulaw-8k.wav')]);
    const callIds = (await m.call('calls.list', {})).map((row) => row.id);
    const session = await m.call('sessions.create', {
      name: 'Kalibratie',
      callIds,
      reviewers: [{ name: 'Anouk' }, { name: 'Bram' }],
      benchmarkIndex: 0,
    });
    const before = readdirSync(m.context.paths.exportsDir);
    m.setFailing(() => true);
    expect(await m.dispatch('exports.sessionReport', { sessionId: session.id, language: 'nl' })).toMatchObject({
      ok: false,
      error: { code: 'disk_full' },
    });
    expect(
      await m.dispatch('sessions.exportPackage', { sessionId: session.id, reviewerId: session.reviewers[0]!.id }),
    ).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(readdirSync(m.context.paths.exportsDir)).toEqual(before);
  });
});

describe('start-up cleanup', () => {
  it('empties staging, removes audio without rows and temporary files, keeps every file a row points at', async () => {
    const dataDir = tempDir();
    const first = createBackend({ dataDir, allowPathSources: true, heavyWork: 'in-thread' });
    await first.dispatch('imports.start', {
      sources: [{ kind: 'path', path: join(audioFixtures, 'tone-pcm16-8k-mono.wav') }],
    });
    await first.idle();
    first.close();
    const kept = readdirSync(join(dataDir, 'audio'));
    expect(kept).toHaveLength(1);
    writeFileSync(join(dataDir, 'audio', `${'ab'.repeat(32)}.wav`), 'a copy whose row never committed');
    writeFileSync(join(dataDir, 'audio', `.${'cd'.repeat(32)}.wav.0123456789ab.tmp`), 'half');
    mkdirSync(join(dataDir, 'staging', 'package-1'), { recursive: true });
    writeFileSync(join(dataDir, 'staging', 'package-1', 'part-0'), 'x');
    writeFileSync(join(dataDir, 'staging', '0b0e7d3c-6a55-4a4e-9a3b-2d1f6f1a0c11'), 'upload');
    writeFileSync(join(dataDir, 'exports', '0b0e7d3c-6a55-4a4e-9a3b-2d1f6f1a0c11--x.zip.partial'), 'half');
    writeFileSync(join(dataDir, 'exports', '0b0e7d3c-6a55-4a4e-9a3b-2d1f6f1a0c12--done.json'), '{}');
    const second = createBackend({ dataDir, heavyWork: 'in-thread' });
    second.close();
    expect(readdirSync(join(dataDir, 'audio'))).toEqual(kept);
    expect(readdirSync(join(dataDir, 'staging'))).toEqual([]);
    expect(readdirSync(join(dataDir, 'exports'))).toEqual(['0b0e7d3c-6a55-4a4e-9a3b-2d1f6f1a0c12--done.json']);
    expect(existsSync(join(dataDir, 'klankbord.db'))).toBe(true);
  });
});
