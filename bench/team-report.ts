// The team report over a large library: a data folder built through the storage repositories (bench/scale-data.ts:
// default 300,000 reviews with 18 answers and 3 moments each over 10,000 calls of 50 agents, 20 calibration
// sessions; two in three reviews submitted), then `team.report` over the whole period through `dispatch`, cold
// (first call after createBackend) and warm (median of TEAM_SAMPLES), as scored and severity-adjusted.
// TEAM_REVIEWS, TEAM_CALLS and TEAM_SESSIONS scale it; TEAM_DIR reuses (or keeps) a folder. Prints one JSON line.
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../src/server/backend';
import { buildScaleFolder } from './scale-data';

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const size = {
    calls: numberFromEnv('TEAM_CALLS', 10_000),
    reviews: numberFromEnv('TEAM_REVIEWS', 300_000),
    sessions: numberFromEnv('TEAM_SESSIONS', 20),
    peaksEvery: 1_000_000,
  };
  const dataDir = process.env.TEAM_DIR ?? mkdtempSync(join(tmpdir(), 'klankbord-team-'));
  let buildMs: number | null = null;
  if (!existsSync(join(dataDir, 'klankbord.db'))) {
    process.stderr.write(`building ${JSON.stringify(size)} in ${dataDir}\n`);
    const started = performance.now();
    buildScaleFolder(dataDir, size, (line) =>
      process.stderr.write(`  ${line} after ${Math.round((performance.now() - started) / 1000)} s\n`),
    );
    buildMs = Math.round(performance.now() - started);
  }
  const input = { fromMs: 0, toMs: Date.UTC(2100, 0, 1), granularity: 'month' as const };
  const backend = createBackend({ dataDir, heavyWork: 'in-thread' });
  try {
    const timed = async (severityAdjusted: boolean) => {
      const started = performance.now();
      const result = await backend.dispatch('team.report', { ...input, severityAdjusted });
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return { ms, value: result.value as { reviewCount: number; agents: unknown[]; needs: unknown[] } };
    };
    const cold = await timed(false);
    const samples = numberFromEnv('TEAM_SAMPLES', 5);
    const warm: number[] = [];
    for (let n = 0; n < samples; n += 1) warm.push((await timed(false)).ms);
    const adjusted: number[] = [];
    for (let n = 0; n < samples; n += 1) adjusted.push((await timed(true)).ms);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'team-report',
        reviews: size.reviews,
        reviewsInReport: cold.value.reviewCount,
        agents: cold.value.agents.length,
        needs: cold.value.needs.length,
        databaseMB: Math.round(statSync(join(dataDir, 'klankbord.db')).size / 1e5) / 10,
        buildMs,
        coldMs: Math.round(cold.ms),
        warmMedianMs: Math.round(median(warm)),
        severityAdjustedMedianMs: Math.round(median(adjusted)),
        underOneSecond: median(warm) < 1000,
      })}\n`,
    );
  } finally {
    backend.close();
  }
}

void main();
