import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import type { ImportSummary } from '../contract/imports';
import { createBackend, type Backend } from './backend';

const tempDir = useTempDirs();
const audioFixtures = join(__dirname, '../../tests/fixtures/audio');
const originalPath = process.env.PATH;
const backends: Backend[] = [];

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
  process.env.PATH = originalPath;
});

async function importAll(backend: Backend, paths: readonly string[]): Promise<ImportSummary> {
  const finished = new Promise<ImportSummary>((resolve) => {
    backend.events.listen((message) => {
      if (message.name === 'imports.finished') resolve(message.payload as ImportSummary);
    });
  });
  const started = await backend.dispatch('imports.start', {
    sources: paths.map((path) => ({ kind: 'path' as const, path })),
  });
  expect(started.ok).toBe(true);
  return finished;
}

// The worker pool starts from TypeScript source: generous limits on a loaded machine; nothing here waits on time.
describe('importing on a machine without ffmpeg', { timeout: 180_000 }, () => {
  it('imports MP3, FLAC, Ogg Vorbis and Opus calls, and refuses M4A saying ffmpeg is needed until Settings points at it', async () => {
    const ffmpeg = execFileSync('sh', ['-c', 'command -v ffmpeg']).toString().trim();
    const folder = tempDir();
    const wav = join(folder, 'bron.wav');
    execFileSync('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', wav, 'synth', '4', 'sine', '300']);
    const names = { mp3: ['libmp3lame'], flac: ['flac'], ogg: ['libvorbis'], opus: ['libopus'] };
    const files = Object.entries(names).map(([extension, [codec]]) => {
      const path = join(folder, `gesprek.${extension}`);
      execFileSync(ffmpeg, ['-v', 'error', '-nostdin', '-i', wav, '-c:a', codec!, path]);
      return path;
    });
    const m4a = join(folder, 'gesprek-aac.m4a');
    copyFileSync(join(audioFixtures, 'tone-stereo.m4a'), m4a);

    // From here on no ffmpeg (nor ffprobe) can be found: the backend and its workers see this PATH.
    process.env.PATH = tempDir();
    expect(() => execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' })).toThrow();
    const backend = createBackend({
      dataDir: tempDir(),
      checkOutputs: true,
      allowPathSources: true,
      workerPoolSize: 1,
    });
    backends.push(backend);

    const summary = await importAll(backend, [...files, m4a]);
    expect(summary.importedCallIds).toHaveLength(4);
    expect(summary.issues.map((issue) => [issue.fileName, issue.code])).toEqual([
      ['gesprek-aac.m4a', 'audio_decoder_missing'],
    ]);
    expect(summary.issues[0]!.detail).toBe(
      'm4a audio needs ffmpeg, which was not found on PATH and not set in Settings',
    );
    const list = await backend.dispatch('calls.list', {});
    const durations = list.ok ? (list.value as { durationMs: number }[]).map((call) => call.durationMs) : [];
    for (const durationMs of durations) expect(Math.abs(durationMs - 4000)).toBeLessThanOrEqual(60);

    // A wrong location in Settings is reported as such; the right one decodes the file.
    await backend.dispatch('preferences.set', { ffmpegPath: join(folder, 'geen-ffmpeg') });
    const wrong = await importAll(backend, [m4a]);
    expect(wrong.issues.map((issue) => [issue.code, issue.detail])).toEqual([
      ['audio_decoder_missing', `m4a audio needs ffmpeg, which was not found at ${join(folder, 'geen-ffmpeg')}`],
    ]);
    await backend.dispatch('preferences.set', { ffmpegPath: ffmpeg });
    const right = await importAll(backend, [m4a]);
    expect(right.issues).toEqual([]);
    expect(right.importedCallIds).toHaveLength(1);
  });
});
