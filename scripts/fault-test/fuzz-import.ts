/*
 * Import fuzzing (`npm run fuzz:import`): mutated real audio and transcript files (byte flips, truncation, lying
 * WAV headers, spliced bytes and text; from tests/fixtures and generated audio) go through `imports.start` of the
 * real backend (audio analysis in its worker pool), one recording with its transcript at a time. After each:
 * - no crash: the backend answers, and no file fails with an unexpected exception (`file_unreadable` on a readable file);
 * - no hang: imports.finished within 10 s of imports.start;
 * - no partial rows: every call has its audio row and its complete file (SHA-256), audio rows, calls and files in the
 *   audio folder stay one to one, and a refused recording leaves nothing (no row, no file, nothing in staging/).
 * Prints one JSON line of figures; exit code 1 when any check failed.
 *
 *   tsx scripts/fault-test/fuzz-import.ts [--files 300] [--seed N] [--keep]
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { ImportSummary } from '../../src/contract/imports';
import { createBackend, databaseFileName, type Backend } from '../../src/server/backend';
import { storedPlaintext } from '../../tests/support/stored-plaintext';
import { makeCase, type Corpus } from './mutations';
import { seededRandom } from '../../tests/support/seeded-random';
import { repoRoot } from './protocol';

const hangLimitMs = 10_000;

function filesUnder(folder: string, extensions: readonly string[]): { name: string; bytes: Buffer }[] {
  const found: { name: string; bytes: Buffer }[] = [];
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, extensions));
    else if (extensions.includes(extname(entry).toLowerCase()) && statSync(path).size < 2 * 1024 * 1024)
      found.push({ name: entry, bytes: readFileSync(path) });
  }
  return found;
}

function loadCorpus(): Corpus {
  const fixtures = join(repoRoot, 'tests', 'fixtures');
  return {
    audio: filesUnder(join(fixtures, 'audio'), ['.wav', '.mp3', '.ogg', '.opus', '.flac', '.m4a', '.webm']).filter(
      (file) => file.bytes.length > 64,
    ),
    transcripts: [
      ...filesUnder(join(fixtures, 'transcripts'), ['.vtt', '.srt', '.json']),
      ...filesUnder(join(fixtures, 'e2e'), ['.vtt', '.json']),
    ],
  };
}

/** Runs one import; null when it did not finish within the hang limit (it is then cancelled). */
async function importFolder(backend: Backend, folder: string): Promise<{ summary: ImportSummary | null; ms: number }> {
  const started = performance.now();
  let resolveFinished: (summary: ImportSummary) => void = () => undefined;
  const finished = new Promise<ImportSummary>((resolve) => (resolveFinished = resolve));
  const stop = backend.events.listen((message) => {
    if (message.name === 'imports.finished') resolveFinished(message.payload as ImportSummary);
  });
  try {
    const result = await backend.dispatch('imports.start', { sources: [{ kind: 'path', path: folder }] });
    if (!result.ok) throw new Error(`imports.start: ${result.error.code} ${result.error.message}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), hangLimitMs)));
    const summary = await Promise.race([finished, timeout]);
    clearTimeout(timer);
    if (summary === null) {
      await backend.dispatch('imports.cancel', { jobId: (result.value as { jobId: string }).jobId });
      await backend.idle();
    }
    return { summary, ms: performance.now() - started };
  } finally {
    stop();
  }
}

/** Rows and files must stay one to one: every call with its complete audio, nothing without a row. */
function partialRows(dataDir: string, newCallIds: readonly string[]): string[] {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true });
  try {
    const problems: string[] = [];
    const counts = db
      .prepare(
        'SELECT (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM audio_files) AS audio, (SELECT count(*) FROM calls WHERE audio_id IS NULL) AS bare',
      )
      .get() as { calls: number; audio: number; bare: number };
    const files = readdirSync(join(dataDir, 'audio')).length;
    if (counts.calls !== counts.audio || counts.audio !== files || counts.bare > 0)
      problems.push(
        `calls ${counts.calls}, audio rows ${counts.audio}, audio files ${files}, calls without audio ${counts.bare}`,
      );
    const audioOf = db.prepare(
      'SELECT a.sha256, a.stored_name AS storedName FROM calls c JOIN audio_files a ON a.id = c.audio_id WHERE c.id = ?',
    );
    for (const callId of newCallIds) {
      const row = audioOf.get(callId) as { sha256: string; storedName: string } | undefined;
      const file = row ? join(dataDir, 'audio', row.storedName) : '';
      if (!row || !existsSync(file) || createHash('sha256').update(storedPlaintext(file)).digest('hex') !== row.sha256)
        problems.push(`call ${callId} without its complete audio`);
    }
    if (readdirSync(join(dataDir, 'staging')).length > 0) problems.push('staging/ not empty');
    return problems;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const valueOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const files = Number(valueOf('--files') ?? process.env.KLANKBORD_FUZZ_FILES ?? 300);
  const seed = Number(valueOf('--seed') ?? Math.floor(Math.random() * 2 ** 31));
  const random = seededRandom(seed);
  const workDir = mkdtempSync(join(tmpdir(), 'klankbord-fuzz-'));
  const dataDir = join(workDir, 'data');
  const corpus = loadCorpus();
  const backend = createBackend({ dataDir, allowPathSources: true, workerPoolSize: 1 });
  const figures = {
    files,
    imported: 0,
    refused: 0,
    transcripts_refused: 0,
    hangs: 0,
    crashes: 0,
    partial_rows: 0,
    max_ms: 0,
    issue_codes: {} as Record<string, number>,
    seed,
  };
  const started = performance.now();
  try {
    for (let index = 0; index < files; index += 1) {
      const fuzzCase = makeCase(corpus, index, random);
      const folder = join(workDir, 'cases', String(index));
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, fuzzCase.audioName), fuzzCase.audio);
      if (fuzzCase.transcriptName && fuzzCase.transcript)
        writeFileSync(join(folder, fuzzCase.transcriptName), fuzzCase.transcript);
      const { summary, ms } = await importFolder(backend, folder);
      figures.max_ms = Math.max(figures.max_ms, Math.round(ms));
      const problems: string[] = [];
      if (!summary) {
        figures.hangs += 1;
        problems.push(`no result within ${hangLimitMs} ms`);
      } else {
        for (const issue of summary.issues)
          figures.issue_codes[issue.code] = (figures.issue_codes[issue.code] ?? 0) + 1;
        // A readable file that fails with an exception is a bug the import did not foresee.
        const unexpected = summary.issues.filter((issue) => issue.code === 'file_unreadable');
        figures.crashes += unexpected.length;
        problems.push(...unexpected.map((issue) => `exception: ${issue.detail}`));
        if (summary.importedCallIds.length > 0) figures.imported += 1;
        else figures.refused += 1;
        if (summary.issues.some((issue) => issue.fileName === fuzzCase.transcriptName && issue.severity === 'error'))
          figures.transcripts_refused += 1;
      }
      const partial = partialRows(dataDir, summary?.importedCallIds ?? []);
      figures.partial_rows += partial.length;
      problems.push(...partial);
      if ((await backend.dispatch('app.info', {})).ok !== true) problems.push('the backend stopped answering');
      for (const problem of problems) console.error(`case ${index} (${fuzzCase.mutation}): ${problem}`);
      if (!args.includes('--keep')) rmSync(folder, { recursive: true, force: true });
    }
  } finally {
    backend.close();
    if (args.includes('--keep')) console.error(`kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ ...figures, duration_s: Math.round((performance.now() - started) / 100) / 10 }));
  process.exit(figures.hangs + figures.crashes + figures.partial_rows > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
