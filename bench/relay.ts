// relay: what running the backend in its own process costs a light call. app.info round trips, one at a time,
// (1) straight through dispatch in this process (the backend as it ran inside Electron's main process before), and
// (2) through the relay (src/main/backend-relay.ts) to the built backend-process entry in a child process. Electron's
// utilityProcess is not available here, so the child is the desktop tests' stand-in: Node's child_process.fork with
// the parentPort shim and structured-clone ('advanced') serialization; Electron's Mojo channel is a different pipe.
// Also: the peaks lookup of the demo call (50 pairs a second as Int16, the biggest answer media asks for).
// Prints figures; the last line is one JSON object. Needs the build: npm run bench:relay builds first.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBackendRelay, type BackendChild, type BackendRelay } from '../src/main/backend-relay';
import { createBackend } from '../src/server/backend';
import { StandInUtilityProcess } from '../tests/desktop/electron-stand-in/utility-process';

const calls = Number(process.env.BENCH_CALLS ?? 500);
const warmUp = 50;
const root = resolve(import.meta.dirname, '..');
const entry = join(root, 'out/main/backend-process.js');
const demoDir = join(root, 'resources/demo');

interface Figures {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted.at(-1) ?? NaN) };
}

async function roundTrips(call: () => Promise<unknown>, count: number): Promise<number[]> {
  for (let i = 0; i < warmUp; i += 1) await call();
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function direct(dataDir: string): Promise<Figures> {
  const backend = createBackend({ dataDir, heavyWork: 'in-thread' });
  try {
    return figures(await roundTrips(() => backend.dispatch('app.info', {}), calls));
  } finally {
    backend.close();
  }
}

/** The demo call's audio id, once its import (started by the backend on a new data folder) has finished. */
async function demoAudioId(relay: BackendRelay): Promise<string> {
  for (;;) {
    const changed = new Promise<void>((done) => {
      const stop = relay.events.listen((event) => {
        if (event.name !== 'calls.changed' && event.name !== 'imports.finished') return;
        stop();
        done();
      });
    });
    const listed = await relay.dispatch('calls.list', {});
    const first = listed.ok ? (listed.value as { id: string }[])[0] : undefined;
    if (first) {
      const detail = await relay.dispatch('calls.get', { callId: first.id });
      const audioId = detail.ok ? (detail.value as { audio?: { id: string } | null }).audio?.id : undefined;
      if (!audioId) throw new Error('The demo call has no audio');
      return audioId;
    }
    await changed;
  }
}

async function relayed(dataDir: string): Promise<{ appInfo: Figures; peaks: Figures; peaksBytes: number }> {
  const children: StandInUtilityProcess[] = [];
  const fork = (): BackendChild => {
    const child = new StandInUtilityProcess(entry, [], { serviceName: 'Klankbord backend', stdio: 'inherit' });
    children.push(child);
    return child;
  };
  const log = { error: (message: string) => console.error(message), warn: (message: string) => console.warn(message) };
  const started = await startBackendRelay(fork, { dataDir, demoDir }, log);
  if (!started.ok) throw new Error(started.failure.detail);
  const { relay } = started;
  try {
    const appInfo = figures(await roundTrips(() => relay.dispatch('app.info', {}), calls));
    const audioId = await demoAudioId(relay);
    const bytes = (await relay.peaks(audioId))?.length ?? 0;
    const peaks = figures(await roundTrips(() => relay.peaks(audioId), Math.min(calls, 200)));
    return { appInfo, peaks, peaksBytes: bytes };
  } finally {
    await relay.close();
    await Promise.all(children.map((child) => child.exited));
  }
}

async function main(): Promise<void> {
  if (!existsSync(entry)) throw new Error('No out/main/backend-process.js: run "npx electron-vite build" first');
  const folders = [
    mkdtempSync(join(tmpdir(), 'klankbord-bench-relay-')),
    mkdtempSync(join(tmpdir(), 'klankbord-bench-relay-')),
  ];
  try {
    const inProcess = await direct(folders[0]!);
    const throughRelay = await relayed(folders[1]!);
    console.log(`app.info in process:   p50 ${inProcess.p50Ms} ms, p99 ${inProcess.p99Ms} ms (${calls} calls)`);
    console.log(`app.info through relay: p50 ${throughRelay.appInfo.p50Ms} ms, p99 ${throughRelay.appInfo.p99Ms} ms`);
    console.log(
      `peaks (${throughRelay.peaksBytes} bytes) through relay: p50 ${throughRelay.peaks.p50Ms} ms, p99 ${throughRelay.peaks.p99Ms} ms`,
    );
    console.log(JSON.stringify({ calls, inProcess, throughRelay }));
  } finally {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
