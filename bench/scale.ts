// bench:scale: builds a large data folder through the repositories (bench/scale-data.ts), then measures the backend
// through dispatch in a fresh process: start-up until the library's first window answers, the library and review
// lists with their filters and searches, transcript search, opening a call and a review, the team report (plain,
// severity-adjusted and one month), a session report of 20 reviewers x 50 calls, cold (first call after a fresh createBackend) and warm, and that process's peak RSS; then the
// score export of every review in each format, each in its own process with its RSS (bench/scale-exports.ts); then,
// when the renderer is built, keystroke-to-rows in Chromium (bench/scale-keystroke.ts; SCALE_KEYSTROKES searches,
// default 24; SCALE_BROWSER=off skips it).
// Prints progress on stderr and one JSON line on stdout.
//
// Size: SCALE_CALLS (default 10,000), SCALE_REVIEWS (default 3 per call), SCALE_SESSIONS (default 1 per 500 calls),
// SCALE_PEAKS_EVERY (default 10: every 10th call has stored peaks). SCALE_DIR reuses a folder built before.
// SCALE_COLD_ROUNDS (default 3), SCALE_COLD_OPS=off (cold start-ups only), SCALE_EXPORTS (formats, or off).
// The full size: SCALE_CALLS=100000 SCALE_SESSIONS=200 npm run bench:scale.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundledChildCommand } from './bundled-child';
import { buildScaleFolder, type ScaleSize } from './scale-data';
import { exportFormats, exportInThisProcess, measureExports } from './scale-exports';
import { measureKeystrokes } from './scale-keystroke';
import { measureBackend, percentiles } from './scale-measure';

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};

function sizeFromEnv(): ScaleSize {
  const calls = numberFromEnv('SCALE_CALLS', 10_000);
  return {
    calls,
    reviews: numberFromEnv('SCALE_REVIEWS', calls * 3),
    sessions: numberFromEnv('SCALE_SESSIONS', Math.max(1, Math.round(calls / 500))),
    peaksEvery: numberFromEnv('SCALE_PEAKS_EVERY', 10),
  };
}

async function measureInThisProcess(dataDir: string): Promise<void> {
  const figures = await measureBackend(dataDir, {
    warmSamples: numberFromEnv('SCALE_SAMPLES', 15),
    coldRounds: numberFromEnv('SCALE_COLD_ROUNDS', 3),
  });
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

async function keystrokeFigures(dataDir: string) {
  if (process.env.SCALE_BROWSER === 'off') return null;
  if (!existsSync(join(__dirname, '../out/renderer/index.html'))) {
    process.stderr.write('keystroke-to-rows skipped: build the renderer first (npx electron-vite build)\n');
    return null;
  }
  process.stderr.write('measuring keystroke to rows in Chromium\n');
  const { firstScreenMs, keystrokeMs } = await measureKeystrokes(dataDir, numberFromEnv('SCALE_KEYSTROKES', 24));
  return { firstScreenMs: Math.round(firstScreenMs), keystrokeToRowsMs: percentiles(keystrokeMs) };
}

async function main(): Promise<void> {
  const size = sizeFromEnv();
  const reuse = process.env.SCALE_DIR;
  const dataDir = reuse ?? mkdtempSync(join(tmpdir(), 'klankbord-scale-'));
  let buildMs: number | null = null;
  if (!reuse || !existsSync(join(dataDir, 'klankbord.db'))) {
    process.stderr.write(`building ${JSON.stringify(size)} in ${dataDir}\n`);
    const started = performance.now();
    buildScaleFolder(dataDir, size, (line) =>
      process.stderr.write(`  ${line} after ${Math.round((performance.now() - started) / 1000)} s\n`),
    );
    buildMs = Math.round(performance.now() - started);
  }
  // Building alone (SCALE_BUILD_ONLY=1) leaves a folder for later runs with SCALE_DIR.
  if (process.env.SCALE_BUILD_ONLY === '1') {
    process.stdout.write(`${JSON.stringify({ bench: 'scale', built: dataDir, size, buildMs })}\n`);
    return;
  }
  const databaseMB = Math.round(statSync(join(dataDir, 'klankbord.db')).size / 1e5) / 10;
  process.stderr.write(`measuring in a fresh process (database ${databaseMB} MB)\n`);
  // A fresh process, so the peak RSS is the backend's and not the builder's.
  // Bundled, as the app runs it: under tsx the loader alone adds some 70 MB to the RSS.
  const command = await bundledChildCommand(__filename, 'scale');
  const child = spawnSync(process.execPath, [...command, '--measure', dataDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`the measuring process failed (${child.status ?? child.signal})`);
  const figures = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  process.stderr.write('measuring the score export of every review, each format in a fresh process\n');
  const exports = measureExports(dataDir, command);
  const screen = await keystrokeFigures(dataDir);
  process.stdout.write(
    `${JSON.stringify({ bench: 'scale', size, dataDir, buildMs, databaseMB, ...figures, exports, screen })}\n`,
  );
}

if (process.argv[2] === '--measure') {
  void measureInThisProcess(process.argv[3]!).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
} else if (process.argv[2] === '--export') {
  const format = exportFormats.find((known) => known === process.argv[3]);
  if (!format) throw new Error(`unknown export format ${process.argv[3]}`);
  void exportInThisProcess(process.argv[4]!, format).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
} else {
  void main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
