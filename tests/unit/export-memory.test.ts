import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScaleFolder } from '../../bench/scale-data';
import type { ExportFigures } from '../../bench/scale-exports';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs();
const repoRoot = resolve(__dirname, '../..');
const formats = ['xlsx', 'csv-excel-nl', 'csv-rfc4180', 'json'] as const;

/**
 * Runs the score export of every review in `format` in a fresh process (bench:scale's export half). The JavaScript
 * heap is capped, so the garbage collector runs often enough for the peak RSS to show what the export keeps, not
 * what it has not yet collected; an export that held its rows would run out of it.
 */
function exportInChild(dataDir: string, format: (typeof formats)[number]): ExportFigures {
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=96', '--import', 'tsx', join(repoRoot, 'bench/scale.ts'), '--export', format, dataDir],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`export child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ExportFigures;
}

/** A data folder (encrypted, as every new one) with `reviews` reviews of 18 answers and 3 moments each. */
function folderWith(reviews: number): string {
  const dataDir = tempDir();
  buildScaleFolder(dataDir, { calls: reviews / 15, reviews, sessions: 0, peaksEvery: 1000 });
  return dataDir;
}

/*
 * A streamed export holds a page of reviews at a time, so ten times the reviews gives ten times the file and about
 * the same peak memory. When the tables were built in memory first, 6,000 reviews took some 150 MB more than 600.
 * Streamed, the difference measured 9-42 MB (more on an idle machine, where pages are produced faster than the
 * collector returns memory), so the bound sits at half of what holding the tables cost: it fails on that, not on the
 * collector's timing.
 */
describe('score exports stream', { timeout: 900_000 }, () => {
  it("keeps every format's peak RSS flat while the number of reviews grows tenfold", () => {
    const small = folderWith(600);
    const large = folderWith(6000);
    for (const format of formats) {
      const few = exportInChild(small, format);
      const many = exportInChild(large, format);
      console.log(JSON.stringify({ test: 'export-memory', format, few, many }));
      expect(many.megabytes).toBeGreaterThan(few.megabytes * 5);
      expect(many.peakRssMB - few.peakRssMB).toBeLessThan(75);
    }
  });
});
