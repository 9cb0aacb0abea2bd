// The measuring half of bench:scale: every operation through the backend's dispatch, as the renderer calls it.
import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, databaseFileName, type Backend } from '../src/server/backend';
import { cleanCloseSuffix } from '../src/storage/clean-close';
import {
  agentCount,
  agentName,
  callId,
  reportSession,
  reviewerCount,
  reviewerId,
  reviewId,
  sessionId,
} from './scale-data';

interface Operation {
  readonly name: string;
  readonly method: string;
  /** The input of the nth sample; samples vary so a warm figure is not one cached row. */
  readonly input: (sample: number, size: { calls: number; reviews: number }) => Record<string, unknown>;
}

const dayMs = 86_400_000;
const firstDayMs = Date.UTC(2025, 0, 1);
const monthOf = (sample: number) => ({
  fromMs: firstDayMs + (sample % 11) * 30 * dayMs,
  toMs: firstDayMs + ((sample % 11) + 1) * 30 * dayMs,
});
const agentOf = (sample: number) => agentName((sample * 7) % agentCount);
const reviewerOf = (sample: number) => reviewerId((sample * 3) % reviewerCount);

const titleWords = ['opzeggen', 'factuur', 'abonnement'] as const;
/** The review list's filters, alone and combined, as the Reviews screen sends them (a window of 200 each). */
const reviewFilters: readonly { readonly name: string; readonly filter: Operation['input'] }[] = [
  { name: 'none', filter: () => ({}) },
  { name: 'call', filter: (n, size) => ({ callId: callId((n * 7919) % size.calls) }) },
  { name: 'agent', filter: (n) => ({ agentName: agentOf(n) }) },
  { name: 'reviewer', filter: (n) => ({ reviewerId: reviewerOf(n) }) },
  { name: 'status', filter: (n) => ({ status: n % 2 === 0 ? 'draft' : 'submitted' }) },
  { name: 'session', filter: (n) => ({ sessionId: sessionId(n % 200) }) },
  { name: 'routine only', filter: () => ({ sessionId: null }) },
  { name: 'period', filter: (n) => monthOf(n) },
  { name: 'reviewer+status', filter: (n) => ({ reviewerId: reviewerOf(n), status: 'draft' }) },
  { name: 'agent+status+period', filter: (n) => ({ agentName: agentOf(n), status: 'submitted', ...monthOf(n) }) },
  {
    name: 'reviewer+agent+period',
    filter: (n) => ({ reviewerId: reviewerOf(n), agentName: agentOf(n), ...monthOf(n) }),
  },
];

export const operations: readonly Operation[] = [
  // The library as its screen asks for it: the first window of 200 with the count of every match.
  { name: 'calls.window', method: 'calls.window', input: () => ({}) },
  {
    name: 'calls.window search title word',
    method: 'calls.window',
    input: (n) => ({ search: titleWords[n % 3] }),
  },
  { name: 'calls.window search agent', method: 'calls.window', input: (n) => ({ search: agentOf(n) }) },
  { name: 'calls.window search no hit', method: 'calls.window', input: (n) => ({ search: `zzz${n}` }) },
  {
    name: 'calls.searchTranscripts word in every call',
    method: 'calls.searchTranscripts',
    input: (n) => ({ query: titleWords[n % 3] }),
  },
  {
    name: 'calls.searchTranscripts word said by the customer',
    method: 'calls.searchTranscripts',
    input: (n) => ({ query: titleWords[n % 3], role: 'customer' }),
  },
  {
    name: 'calls.searchTranscripts phrase',
    method: 'calls.searchTranscripts',
    input: (n) => ({ query: ['wil graag opzeggen', 'de factuur te hoog', 'laat me even'][n % 3] }),
  },
  {
    name: 'calls.searchTranscripts word in 1 call of 1000',
    method: 'calls.searchTranscripts',
    input: (n) => ({ query: `klantnummer${(n * 37) % 1000}` }),
  },
  {
    name: 'calls.searchTranscripts no hit',
    method: 'calls.searchTranscripts',
    input: (n) => ({ query: `zzz${n}` }),
  },
  {
    name: 'calls.get (open a call)',
    method: 'calls.get',
    input: (n, size) => ({ callId: callId((n * 7919) % size.calls) }),
  },
  {
    name: 'reviews.get (open a review)',
    method: 'reviews.get',
    input: (n, size) => ({ reviewId: reviewId((n * 7919) % size.reviews) }),
  },
  {
    name: 'reviews.list of a call (the workspace)',
    method: 'reviews.list',
    input: (n, size) => ({ callId: callId((n * 7919) % size.calls) }),
  },
  ...reviewFilters.map(({ name, filter }): Operation => ({
    name: `reviews.window ${name}`,
    method: 'reviews.window',
    input: filter,
  })),
  {
    name: 'reviews.window next window (after 200)',
    method: 'reviews.window',
    input: () => ({ after: { updatedAtMs: Date.UTC(2025, 6, 1), id: reviewId(0) } }),
  },
  { name: 'reviews.filterOptions', method: 'reviews.filterOptions', input: () => ({}) },
  // The lead's team report (every routine review of the period), plain and severity-adjusted, and one month of it.
  {
    name: 'team.report whole period',
    method: 'team.report',
    input: () => ({ fromMs: 0, toMs: Date.UTC(2100, 0, 1), granularity: 'month' }),
  },
  {
    name: 'team.report whole period severity-adjusted',
    method: 'team.report',
    input: () => ({ fromMs: 0, toMs: Date.UTC(2100, 0, 1), granularity: 'month', severityAdjusted: true }),
  },
  {
    name: 'team.report one month',
    method: 'team.report',
    input: (n) => ({ ...monthOf(n), granularity: 'week' }),
  },
  {
    name: 'sessions.report 20 reviewers x 50 calls',
    method: 'sessions.report',
    input: () => ({ sessionId: sessionId(reportSession.index) }),
  },
];

interface Figures {
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
}

export function percentiles(samples: readonly number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
  return { p50: Math.round(at(0.5) * 10) / 10, p95: Math.round(at(0.95) * 10) / 10, n: sorted.length };
}

async function timed(
  backend: Backend,
  operation: Operation,
  sample: number,
  size: { calls: number; reviews: number },
): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const result = await backend.dispatch(operation.method, operation.input(sample, size));
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${operation.name} failed: ${result.error.code} ${result.error.message}`);
  return { ms, rows: rowCount(result.value) };
}

/** Rows in an answer: a list, a window (`rows`) or transcript hits (`hits`). */
function rowCount(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') {
    const list = (value as { rows?: unknown; hits?: unknown }).rows ?? (value as { hits?: unknown }).hits;
    if (Array.isArray(list)) return list.length;
  }
  return 1;
}

async function librarySize(backend: Backend): Promise<{ calls: number; reviews: number }> {
  const calls = await backend.dispatch('calls.window', { limit: 1 });
  const reviews = await backend.dispatch('reviews.window', { limit: 1 });
  if (!calls.ok || !reviews.ok) throw new Error('the library cannot be listed');
  const total = (value: unknown) => (value as { total: number }).total;
  return { calls: total(calls.value), reviews: total(reviews.value) };
}

/**
 * A backend that checks the database before opening, as a start after a crash does: no check runs in the background
 * during the measurements that follow it. Its clean close lets the next start trust the files.
 */
function startCheckedFirst(dataDir: string): Backend {
  rmSync(join(dataDir, databaseFileName + cleanCloseSuffix), { force: true });
  return createBackend({ dataDir });
}

/** Start-up to the library's first window, what the screen needs to be interactive. */
async function timedStartup(start: () => Backend): Promise<{ ms: number; backend: Backend }> {
  const started = performance.now();
  const backend = start();
  const first = await backend.dispatch('calls.window', {});
  const ms = performance.now() - started;
  if (!first.ok) throw new Error('calls.window failed at start-up');
  return { ms, backend };
}

/**
 * Cold: each round times start-up after a clean close (the check runs in the background) and after a crash (the
 * check runs before opening); then every operation once on a fresh backend, each its first query on a new
 * connection, with no check running beside it.
 */
async function coldRounds(dataDir: string, rounds: number, size: { calls: number; reviews: number }) {
  const startup: number[] = [];
  const startupAfterCrash: number[] = [];
  const cold = new Map<string, number[]>(operations.map((operation) => [operation.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    // The close before this round was clean and its start had checked the file: this start trusts it.
    const trusting = await timedStartup(() => createBackend({ dataDir }));
    if (trusting.backend.info.databaseCheck.state !== 'running') throw new Error('start-up did not trust the close');
    startup.push(trusting.ms);
    trusting.backend.close();
    const checking = await timedStartup(() => startCheckedFirst(dataDir));
    startupAfterCrash.push(checking.ms);
    checking.backend.close();
    // SCALE_COLD_OPS=off times only the start-ups: each fresh backend below checks the whole file first.
    for (const operation of process.env.SCALE_COLD_OPS === 'off' ? [] : operations) {
      const fresh = startCheckedFirst(dataDir);
      cold.get(operation.name)!.push((await timed(fresh, operation, round, size)).ms);
      fresh.close();
    }
  }
  return { startup, startupAfterCrash, cold };
}

export async function measureBackend(
  dataDir: string,
  options: { warmSamples: number; coldRounds: number; budgetMsPerOperation?: number },
) {
  const probe = startCheckedFirst(dataDir);
  const size = await librarySize(probe);
  probe.close();
  process.stderr.write(`  library: ${size.calls} calls, ${size.reviews} reviews\n`);
  const { startup, startupAfterCrash, cold } = await coldRounds(dataDir, options.coldRounds, size);
  const backend = startCheckedFirst(dataDir);
  // The process's peak RSS so far, after each stage: which operation raised the peak.
  const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
  const peakRssAfterColdMB = peakRssMB();
  const figures: Record<string, { cold: Figures; warm: Figures; rows: number; peakRssMB: number }> = {};
  try {
    for (const operation of operations) {
      await timed(backend, operation, 0, size);
      const warm: number[] = [];
      let rows = 0;
      const started = performance.now();
      // A slow operation stops after its time budget instead of holding the run for minutes.
      for (
        let sample = 1;
        sample <= options.warmSamples && performance.now() - started < (options.budgetMsPerOperation ?? 20_000);
        sample += 1
      ) {
        const result = await timed(backend, operation, sample, size);
        warm.push(result.ms);
        rows = Math.max(rows, result.rows);
      }
      const measured = {
        cold: percentiles(cold.get(operation.name)!),
        warm: percentiles(warm),
        rows,
        peakRssMB: peakRssMB(),
      };
      figures[operation.name] = measured;
      process.stderr.write(
        `  ${operation.name}: warm p95 ${measured.warm.p95} ms, cold p95 ${measured.cold.p95} ms, ${rows} rows, peak RSS ${measured.peakRssMB} MB\n`,
      );
    }
  } finally {
    backend.close();
  }
  return {
    library: size,
    startupMs: percentiles(startup),
    startupAfterCrashMs: percentiles(startupAfterCrash),
    operations: figures,
    peakRssAfterColdMB,
    peakRssMB: peakRssMB(),
  };
}
