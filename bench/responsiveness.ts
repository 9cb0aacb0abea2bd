// responsiveness: round-trip times of the UI's light calls (app.info, calls.list) through dispatch while heavy work
// runs at the same time: a 60-minute WAV import, a session package with another 60-minute call (about 115 MB), and
// a score export to XLSX of 100,440 item rows. Measured twice in one run: with the heavy work in worker threads (the
// app) and on the dispatch thread itself (the baseline). Probes go one at a time, each due 10 ms after the previous
// answer; a round trip counts from when it was due, so time the thread spent blocked before it could even send the
// call is counted too.
// Prints figures; the last line is one JSON object.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultRubric } from '../src/domain/rubric/default-rubric';
import { rubricItems } from '../src/domain/rubric/model';
import { createBackend, databaseFileName, type Backend } from '../src/server/backend';
import { defaultPoolSize } from '../src/server/workers/worker-pool';
import { insertCall } from '../src/storage/calls-repository';
import { openDatabase } from '../src/storage/connection';
import { upsertReviewer } from '../src/storage/reviewers-repository';
import { createReview, updateReview, upsertAnswer } from '../src/storage/reviews-repository';
import { benchDir, longCallAudio } from './make-long-call';

const probeIntervalMs = 10;
const seededCalls = 186;
const seededReviewers = 30;

/** A session package holding a second 60-minute call (other audio, so it never collides with the WAV import). */
async function sessionPackage(wav: string): Promise<string> {
  const target = join(benchDir, 'session-60min.klankbord-session');
  if (existsSync(target)) return target;
  const otherWav = join(benchDir, 'call-60min-other.wav');
  if (!existsSync(otherWav)) execFileSync('sox', [wav, otherWav, 'vol', '0.8']);
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-bench-package-'));
  const backend = createBackend({ dataDir, allowPathSources: true });
  try {
    const finished = new Promise<string[]>((resolve) =>
      backend.events.listen(
        (message) =>
          message.name === 'imports.finished' &&
          resolve((message.payload as { importedCallIds: string[] }).importedCallIds),
      ),
    );
    await backend.dispatch('imports.start', { sources: [{ kind: 'path', path: otherWav }] });
    const callIds = await finished;
    await backend.dispatch('reviewer.set', { name: 'Anna' });
    const session = await backend.dispatch('sessions.create', {
      name: 'Lang gesprek',
      callIds,
      reviewers: [{ name: 'Anna' }, { name: 'Bram' }],
    });
    if (!session.ok) throw new Error(session.error.message);
    // Each reviewer gets a package of their own (with their signing key): the bench imports Bram's.
    const created = session.value as { id: string; reviewers: { id: string; name: string }[] };
    const bram = created.reviewers.find((reviewer) => reviewer.name === 'Bram')!;
    const exported = await backend.dispatch('sessions.exportPackage', { sessionId: created.id, reviewerId: bram.id });
    if (!exported.ok) throw new Error(exported.error.message);
    copyFileSync(backend.exportFile((exported.value as { exportId: string }).exportId)!.path, target);
    return target;
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** 5,580 submitted reviews of the default rubric (18 items each: 100,440 item rows), written straight to storage. */
function seedReviews(dataDir: string): void {
  const { db } = openDatabase(join(dataDir, databaseFileName));
  const items = rubricItems(defaultRubric).map(({ item }) => item);
  const nowMs = Date.UTC(2024, 0, 1);
  db.transaction(() => {
    for (let reviewer = 0; reviewer < seededReviewers; reviewer += 1)
      upsertReviewer(db, { id: `reviewer-${reviewer}`, name: `Beoordelaar ${reviewer + 1}` }, nowMs);
    for (let call = 0; call < seededCalls; call += 1) {
      insertCall(db, {
        id: `call-${call}`,
        title: `Gesprek ${call + 1}`,
        agentName: `Medewerker ${call % 40}`,
        durationMs: 300_000,
        createdAtMs: nowMs,
      });
      for (let reviewer = 0; reviewer < seededReviewers; reviewer += 1) {
        const reviewId = `review-${call}-${reviewer}`;
        createReview(
          db,
          {
            id: reviewId,
            callId: `call-${call}`,
            reviewerId: `reviewer-${reviewer}`,
            rubricId: defaultRubric.id,
            rubricVersion: defaultRubric.version,
          },
          nowMs,
        );
        items.forEach((item, index) => {
          const answer =
            item.scale.kind === 'ordinal'
              ? { kind: 'level' as const, value: (call + reviewer + index) % 4 }
              : { kind: (call + index) % 7 === 0 ? ('no' as const) : ('yes' as const) };
          upsertAnswer(
            db,
            reviewId,
            item.id,
            { answer, comment: index % 5 === 0 ? 'Benoemt de frustratie van de klant direct.' : '' },
            nowMs,
          );
        });
        updateReview(db, reviewId, { status: 'submitted', submittedAtMs: nowMs }, nowMs);
      }
    }
  })();
  db.close();
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** Starts the three heavy jobs at once; resolves with each one's duration when all are done. */
function heavyWork(backend: Backend, wav: string, packageFile: string): Promise<Record<string, number>> {
  const started = performance.now();
  const timed = (promise: Promise<unknown>) => promise.then(() => Math.round(performance.now() - started));
  const imported = new Promise<void>((resolve) =>
    backend.events.listen((message) => message.name === 'imports.finished' && resolve()),
  );
  const jobs = {
    import60min: timed(
      backend.dispatch('imports.start', { sources: [{ kind: 'path', path: wav }] }).then(() => imported),
    ),
    packageImport: timed(
      backend.dispatch('packages.import', { source: { kind: 'path', path: packageFile } }).then(expectOk),
    ),
    xlsxExport: timed(backend.dispatch('exports.scores', { format: 'xlsx', language: 'nl' }).then(expectOk)),
  };
  return Promise.all(Object.values(jobs)).then((durations) =>
    Object.fromEntries(Object.keys(jobs).map((name, index) => [name, durations[index]!])),
  );
}

function expectOk(result: { ok: boolean; error?: { message: string } }): void {
  if (!result.ok) throw new Error(result.error?.message);
}

/**
 * Probes the light calls like a user clicking: one call at a time, the next due `probeIntervalMs` after the previous
 * answer, until `done` settles. A round trip counts from when the call was due, so a blocked thread that fires its
 * timer late is counted too, and so are the calls that would have been made while it waited.
 */
async function probe(backend: Backend, done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const roundTrips: number[] = [];
  for (let index = 0; !finished; index += 1) {
    const due = performance.now() + probeIntervalMs;
    await new Promise((resolve) => setTimeout(resolve, probeIntervalMs));
    expectOk(await backend.dispatch(index % 2 === 0 ? 'app.info' : 'calls.list', {}));
    const roundTrip = performance.now() - due;
    roundTrips.push(roundTrip);
    // The calls a user would have made while this one waited, each answered when this one was (else a 9 s stall
    // would count as one slow call among thousands of fast ones).
    for (let missed = roundTrip - probeIntervalMs; missed > 0; missed -= probeIntervalMs) roundTrips.push(missed);
  }
  return roundTrips;
}

async function measure(mode: 'workers' | 'in-thread', wav: string, packageFile: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `klankbord-bench-${mode}-`));
  const backend = createBackend({ dataDir, allowPathSources: true, heavyWork: mode });
  try {
    seedReviews(dataDir);
    const quiet = (await probe(backend, new Promise((resolve) => setTimeout(resolve, 1000)))).sort((a, b) => a - b);
    const work = heavyWork(backend, wav, packageFile);
    const busy = (await probe(backend, work)).sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      idle: { p50Ms: round(percentile(quiet, 0.5)), p99Ms: round(percentile(quiet, 0.99)) },
      p50Ms: round(percentile(busy, 0.5)),
      p99Ms: round(percentile(busy, 0.99)),
      maxMs: round(busy.at(-1) ?? Number.NaN),
      samples: busy.length,
      heavyMs: await work,
    };
  } finally {
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { wav } = longCallAudio();
  const packageFile = await sessionPackage(wav);
  const only = process.argv[2];
  const inThread = only === 'workers' ? null : await measure('in-thread', wav, packageFile);
  console.log('dispatch thread (baseline):', JSON.stringify(inThread));
  const workers = only === 'in-thread' ? null : await measure('workers', wav, packageFile);
  console.log('worker threads:', JSON.stringify(workers));
  console.log(
    JSON.stringify({
      bench: 'responsiveness',
      probeIntervalMs,
      workerPoolSize: defaultPoolSize(),
      workers,
      inThread,
      targetP99Ms: 50,
      targetMet: workers ? workers.p99Ms < 50 : null,
    }),
  );
}

void main();
