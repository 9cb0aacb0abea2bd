// The export half of bench:scale: the score export of every review in the library, once per format, each in a fresh
// process so its peak RSS is that export's alone. The RSS is also sampled every 100 ms while the export runs: a
// streamed export keeps it flat (the spread between the sample after the first second and the peak stays small).
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../src/server/backend';
import { findExport } from '../src/services/exports-folder';

export const exportFormats = ['xlsx', 'csv-excel-nl', 'csv-rfc4180', 'json'] as const;
type ExportFormat = (typeof exportFormats)[number];

export interface ExportFigures {
  readonly ms: number;
  readonly megabytes: number;
  readonly rssBeforeMB: number;
  /** RSS one second into the export, when the reviews are being written. */
  readonly rssAfter1sMB: number | null;
  readonly peakRssMB: number;
  /** The highest RSS sampled (every 100 ms) while the export ran. */
  readonly peakRssDuringMB: number;
}

const megabytes = (bytes: number) => Math.round(bytes / 1e5) / 10;

/** Runs one export in this process and prints its figures as one JSON line. */
export async function exportInThisProcess(dataDir: string, format: ExportFormat): Promise<void> {
  const backend = createBackend({ dataDir });
  // A start after a clean close checks the file in a worker of its own: the export waits for it, so its figures are
  // the export's alone (that worker is gone by then).
  if (backend.info.databaseCheck.state === 'running')
    await new Promise<void>((resolve) =>
      backend.events.listen((message) => {
        if (message.name === 'app.databaseChecked') resolve();
      }),
    );
  const rssBefore = process.memoryUsage.rss();
  let rssAfter1s: number | null = null;
  let rssPeakDuring = rssBefore;
  const started = performance.now();
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss();
    rssPeakDuring = Math.max(rssPeakDuring, rss);
    if (rssAfter1s === null && performance.now() - started >= 1000) rssAfter1s = rss;
  }, 100);
  try {
    const result = await backend.dispatch('exports.scores', { format, language: 'nl' });
    const ms = performance.now() - started;
    if (!result.ok) throw new Error(`exports.scores ${format} failed: ${result.error.message}`);
    const exportsDir = join(dataDir, 'exports');
    const file = findExport(exportsDir, (result.value as { exportId: string }).exportId);
    const figures: ExportFigures = {
      ms: Math.round(ms),
      megabytes: file ? megabytes(statSync(file.path).size) : 0,
      rssBeforeMB: Math.round(rssBefore / 1048576),
      rssAfter1sMB: rssAfter1s === null ? null : Math.round(rssAfter1s / 1048576),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      peakRssDuringMB: Math.round(rssPeakDuring / 1048576),
    };
    if (file) rmSync(file.path, { force: true });
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    clearInterval(sampler);
    backend.close();
  }
}

/** Every format, each in its own process: `command` (bench/scale.ts, bundled) run with `--export FORMAT DIR`. */
export function measureExports(dataDir: string, command: readonly string[]): Record<ExportFormat, ExportFigures> {
  const figures = {} as Record<ExportFormat, ExportFigures>;
  // SCALE_EXPORTS picks formats (comma-separated) or 'off': at 300,000 reviews each format takes many minutes.
  const chosen = process.env.SCALE_EXPORTS?.split(',').map((name) => name.trim());
  for (const format of exportFormats.filter((known) => !chosen || chosen.includes(known))) {
    const child = spawnSync(process.execPath, [...command, '--export', format, dataDir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`the ${format} export failed (${child.status ?? child.signal})`);
    figures[format] = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as ExportFigures;
    process.stderr.write(`  export ${format}: ${JSON.stringify(figures[format])}\n`);
  }
  return figures;
}
