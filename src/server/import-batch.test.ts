import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { makeServiceContext } from '../../tests/unit/service-context';
import { useTempDirs } from '../../tests/unit/temp-dir';
import type { ImportSummary } from '../contract/imports';
import type { ServiceContext } from '../services/context';
import { runImport } from '../services/import-service';
import { maxBy } from '../domain/extremes';
import { readPeaks } from '../storage/audio-repository';
import { listCalls } from '../storage/calls-repository';
import { getTranscript } from '../storage/transcripts-repository';
import type { HeavyJobs } from './workers/heavy-jobs';
import { workerHeavyPorts } from './workers/heavy-ports';
import type { ToWorker } from './workers/job-messages';
import { startWorker } from './workers/start-worker';
import { WorkerPool } from './workers/worker-pool';

const tempDir = useTempDirs();
const audioFixtures = join(__dirname, '../../tests/fixtures/audio');
const pools: WorkerPool<HeavyJobs>[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

/** A service context whose import hashes and decodes in a real pool of `size` heavy workers. */
function contextWithPool(size: number, onStart: (worker: Worker) => void = () => undefined): ServiceContext {
  const base = makeServiceContext(tempDir());
  const pool = new WorkerPool<HeavyJobs>({
    start: () => {
      const worker = startWorker('heavy-worker', {
        databaseFile: base.info.databaseFile,
        exportsDir: base.paths.exportsDir,
      });
      onStart(worker);
      return worker;
    },
    size,
  });
  pools.push(pool);
  return { ...base, ports: { ...base.ports, ...workerHeavyPorts(pool, () => null, pool) } };
}

/** Stereo 8 kHz 16-bit tones at half of full scale, with a two-voice transcript inside the audio. */
function writePair(folder: string, name: string, seconds: number): void {
  execFileSync('sox', [
    '-n',
    '-r',
    '8000',
    '-c',
    '2',
    '-b',
    '16',
    join(folder, `${name}.wav`),
    'synth',
    `${seconds}`,
    'sine',
    '300',
    'sine',
    '500',
    'gain',
    '-6',
  ]);
  writeTranscript(folder, name);
}

function writeTranscript(folder: string, name: string): void {
  writeFileSync(
    join(folder, `${name}.vtt`),
    'WEBVTT\n\n00:00.000 --> 00:00.400\n<v Agent>Goedemiddag\n\n00:00.450 --> 00:00.900\n<v Klant>Hallo\n',
  );
}

interface Observed {
  readonly summary: ImportSummary;
  readonly events: string[];
  readonly progress: { current: number; total: number; fileName: string }[];
}

async function importFolder(context: ServiceContext, folder: string, signal?: AbortSignal): Promise<Observed> {
  let summary: ImportSummary | undefined;
  const events: string[] = [];
  const progress: Observed['progress'] = [];
  context.events.listen((message) => {
    events.push(message.name);
    if (message.name === 'imports.progress') progress.push(message.payload as Observed['progress'][number]);
    if (message.name === 'imports.finished') summary = message.payload as ImportSummary;
  });
  await runImport('batch', [{ kind: 'path', path: folder }], context, signal ?? new AbortController().signal);
  return { summary: summary!, events, progress };
}

const titleOf = (context: ServiceContext) => {
  const titles = new Map(listCalls(context.db).map((call) => [call.id, call.title]));
  return (callId: string) => titles.get(callId);
};

// Workers start from TypeScript source here: generous limits on a loaded machine; nothing waits on time.
describe('a batch import on a pool of workers', { timeout: 180_000 }, () => {
  it('imports the good pairs with their durations, transcripts and peaks; a corrupt file fails alone', async () => {
    const context = contextWithPool(2);
    const folder = tempDir();
    const seconds = { 'gesprek-1': 1, 'gesprek-2': 1.5, 'gesprek-4': 2, 'gesprek-5': 2.5, 'gesprek-6': 3 };
    for (const [name, length] of Object.entries(seconds)) writePair(folder, name, length);
    copyFileSync(join(audioFixtures, 'truncated.wav'), join(folder, 'gesprek-3.wav'));
    writeTranscript(folder, 'gesprek-3');

    const { summary, progress, events } = await importFolder(context, folder);

    expect(summary.issues).toEqual([
      expect.objectContaining({ fileName: 'gesprek-3.wav', code: 'audio_truncated', severity: 'error' }),
    ]);
    // The summary lists the calls in the user's order, whatever order the files finished in.
    expect(summary.importedCallIds.map(titleOf(context))).toEqual(Object.keys(seconds));
    const calls = new Map(listCalls(context.db).map((call) => [call.title, call]));
    expect(calls.size).toBe(5);
    for (const [title, length] of Object.entries(seconds)) {
      const call = calls.get(title)!;
      expect(call.durationMs).toBe(length * 1000);
      expect(getTranscript(context.db, call.id)?.segments.map((segment) => segment.text)).toEqual([
        'Goedemiddag',
        'Hallo',
      ]);
      const audioId = context.db.prepare('SELECT audio_id FROM calls WHERE id = ?').pluck().get(call.id) as string;
      const peaks = readPeaks(context.db, audioId)!;
      expect(peaks.channels).toBe(2);
      // 50 min/max pairs a second per channel, 16-bit each; both tones at half of full scale.
      expect(peaks.bytes.length).toBe(2 * length * 50 * 2 * 2);
      const samples = new Int16Array(peaks.bytes.buffer, peaks.bytes.byteOffset, peaks.bytes.length / 2);
      const loudest = maxBy(samples, Math.abs);
      expect(loudest / 32767).toBeGreaterThan(0.45);
      expect(loudest / 32767).toBeLessThan(0.55);
    }
    expect(readdirSync(context.paths.audioDir)).toHaveLength(5);

    // Progress: each pair once, in the user's order, numbered by its first file (a pair counts two files).
    expect(progress.map((step) => [step.current, step.fileName])).toEqual([
      [1, 'gesprek-1.wav'],
      [3, 'gesprek-2.wav'],
      [5, 'gesprek-3.wav'],
      [7, 'gesprek-4.wav'],
      [9, 'gesprek-5.wav'],
      [11, 'gesprek-6.wav'],
    ]);
    expect(progress.every((step) => step.total === 12)).toBe(true);
    expect(events.filter((name) => name === 'calls.changed')).toHaveLength(5);
    expect(events.at(-1)).toBe('imports.finished');
    expect(context.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('stores a recording that two files of the batch hold once, the other a duplicate warning', async () => {
    const context = contextWithPool(2);
    const folder = tempDir();
    writePair(folder, 'a-origineel', 1);
    copyFileSync(join(folder, 'a-origineel.wav'), join(folder, 'b-kopie.wav'));
    writeTranscript(folder, 'b-kopie');
    writePair(folder, 'c-ander', 2);

    const { summary } = await importFolder(context, folder);

    expect(summary.importedCallIds.map(titleOf(context))).toEqual(['a-origineel', 'c-ander']);
    expect(summary.issues.map((found) => [found.fileName, found.code, found.severity])).toEqual([
      ['b-kopie.wav', 'duplicate_audio', 'warning'],
    ]);
    // The copy waited for the original to be stored, so neither placed nor removed the shared file.
    expect(readdirSync(context.paths.audioDir).sort()).toEqual(
      (context.db.prepare('SELECT stored_name FROM audio_files').pluck().all() as string[]).sort(),
    );
    expect(readdirSync(context.paths.audioDir)).toHaveLength(2);
  });

  it('fails only the file whose worker crashed; a new worker imports the rest', async () => {
    const started: Worker[] = [];
    // One worker, so the files after the crash can only be imported by its replacement.
    const context = contextWithPool(1, (worker) => {
      started.push(worker);
      // The worker dies the moment it is handed gesprek-2's analysis, as a decoder that brings its thread down.
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (message: ToWorker, transfer?: readonly ArrayBuffer[]) => {
        post(message, transfer as ArrayBuffer[]);
        const input = message.type === 'run' ? (message.input as { path?: string }) : {};
        if (message.type === 'run' && message.job === 'analyzeAudio' && input.path?.endsWith('gesprek-2.wav'))
          void worker.terminate();
      };
    });
    const folder = tempDir();
    for (const [index, length] of [1, 1.5, 2, 2.5].entries()) writePair(folder, `gesprek-${index + 1}`, length);

    const { summary } = await importFolder(context, folder);

    expect(summary.issues).toEqual([
      expect.objectContaining({
        fileName: 'gesprek-2.wav',
        code: 'audio_undecodable',
        detail: expect.stringContaining('stopped unexpectedly') as unknown,
      }),
    ]);
    expect(summary.importedCallIds.map(titleOf(context))).toEqual(['gesprek-1', 'gesprek-3', 'gesprek-4']);
    expect(started).toHaveLength(2);
  });

  it('stops on cancel: no further file starts, what was stored stays, nothing is left half-placed', async () => {
    const context = contextWithPool(2);
    const folder = tempDir();
    for (let index = 1; index <= 8; index += 1) writePair(folder, `gesprek-${index}`, 1 + index / 10);
    const controller = new AbortController();
    context.events.listen((message) => {
      if (message.name === 'calls.changed') controller.abort();
    });

    const { summary, progress } = await importFolder(context, folder, controller.signal);

    expect(summary.cancelled).toBe(true);
    // Up to twice as many files as workers are in flight; the first stored one cancels the rest.
    expect(summary.importedCallIds.length).toBeGreaterThanOrEqual(1);
    expect(summary.importedCallIds.length).toBeLessThanOrEqual(4);
    expect(progress.length).toBeLessThanOrEqual(4);
    expect(summary.issues.every((found) => found.code === 'cancelled')).toBe(true);
    expect(
      listCalls(context.db)
        .map((call) => call.id)
        .sort(),
    ).toEqual([...summary.importedCallIds].sort());
    expect(readdirSync(context.paths.audioDir)).toHaveLength(summary.importedCallIds.length);
  });
});
