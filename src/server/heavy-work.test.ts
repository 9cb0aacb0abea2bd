import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import type { ImportSummary } from '../contract/imports';
import { createBackend, type Backend } from './backend';
import { zipFiles } from './packages/zip';

const tempDir = useTempDirs();
const backends: Backend[] = [];

afterEach(() => {
  for (const backend of backends.splice(0)) backend.close();
});

function start(): Backend {
  const backend = createBackend({ dataDir: tempDir(), checkOutputs: true, allowPathSources: true, workerPoolSize: 1 });
  backends.push(backend);
  return backend;
}

/** Runs the two light calls of the UI and notes when both have answered. */
async function lightCalls(backend: Backend, events: string[]): Promise<void> {
  const [info, calls] = await Promise.all([backend.dispatch('app.info', {}), backend.dispatch('calls.list', {})]);
  expect(info.ok && calls.ok).toBe(true);
  events.push('light calls answered');
}

// Generous limits: a worker starting from TypeScript source on a busy machine takes seconds; order, not time, is tested.
describe('heavy work in worker threads', { timeout: 180_000 }, () => {
  it("computes a call's signals in the worker at import and serves them with signals.get", async () => {
    const backend = start();
    const demo = join(__dirname, '../../resources/demo/demo-klantgesprek.wav');
    const finished = new Promise<void>((resolve) =>
      backend.events.listen((message) => message.name === 'imports.finished' && resolve()),
    );
    expect((await backend.dispatch('imports.start', { sources: [{ kind: 'path', path: demo }] })).ok).toBe(true);
    await finished;
    const list = await backend.dispatch('calls.list', {});
    const callId = list.ok ? (list.value as { id: string }[])[0]!.id : '';
    const signals = await backend.dispatch('signals.get', { callId });
    expect(signals.ok && (signals.value as { overtalk: { startedBy: string }[] }).overtalk).toEqual([
      expect.objectContaining({ startedBy: 'agent' }),
    ]);
  });

  it('answers app.info and calls.list while a long recording is analysed, then stores the analysis', async () => {
    const backend = start();
    const wav = join(tempDir(), 'lang-gesprek.wav');
    execFileSync('sox', ['-n', '-r', '8000', '-c', '2', '-b', '16', wav, 'synth', '600', 'sine', '300', 'sine', '500']);
    const events: string[] = [];
    const finished = new Promise<ImportSummary>((resolve) => {
      backend.events.listen((message) => {
        if (message.name === 'imports.progress') void lightCalls(backend, events);
        if (message.name === 'imports.finished') {
          events.push('import finished');
          resolve(message.payload as ImportSummary);
        }
      });
    });
    expect((await backend.dispatch('imports.start', { sources: [{ kind: 'path', path: wav }] })).ok).toBe(true);
    const summary = await finished;
    expect(events).toEqual(['light calls answered', 'import finished']);
    expect(summary.issues).toEqual([]);
    const list = await backend.dispatch('calls.list', {});
    const calls = list.ok ? (list.value as { durationMs: number }[]) : [];
    expect(calls.map((call) => call.durationMs)).toEqual([600_000]);

    // The score export runs in the worker too, reading through its own read-only connection.
    const exported = await backend.dispatch('exports.scores', { format: 'xlsx', language: 'nl' });
    expect(exported.ok).toBe(true);
    expect(exported.ok && existsSync(backend.exportFile((exported.value as { exportId: string }).exportId)!.path)).toBe(
      true,
    );
  });

  it('answers app.info before a large archive it was sent earlier has been unpacked', async () => {
    const backend = start();
    const archive = join(tempDir(), 'groot.klankbord-session');
    const noise = new Uint8Array(48 * 1024 * 1024).map((_, index) => (index * 2654435761) >>> 24);
    writeFileSync(archive, zipFiles({ 'calls/a/audio.wav': noise, 'calls/b/audio.wav': noise }));
    const events: string[] = [];
    const unpacked = backend.dispatch('packages.import', { source: { kind: 'path', path: archive } }).then((result) => {
      events.push('package answered');
      return result;
    });
    await lightCalls(backend, events);
    const result = await unpacked;
    expect(events).toEqual(['light calls answered', 'package answered']);
    expect(!result.ok && result.error.details).toEqual({ packageCode: 'package_not_klankbord' });
  });
});
