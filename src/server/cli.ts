// The command-line interface over the same services: JSON out, non-zero exit on failure.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportSummary } from '../contract/imports';
import type { Result } from '../contract/errors';
import { runAgreementCli } from './agreement-cli';
import { runSignalsCli } from './signals-cli';
import { createBackend, type Backend } from './backend';
import { resolveDataDir } from './data-dir';
import { runTeamReport } from './team-report-cli';
import { logUncaughtErrors, openAppLog } from './logging/app-log';
import { classifyStartupFailure, startupExitCodes, startupFailureLine, terminalLanguage } from './startup-failure';

function exitCodeList(): string {
  const names: Record<keyof typeof startupExitCodes, string> = {
    data_folder_in_use: 'another Klankbord uses the data folder',
    database_locked: 'another program has locked the database',
    disk_full: 'the disk is full',
    no_access: 'no permission to read or write the data folder',
    io_error: 'the disk reported an error',
    database_too_new: 'the database is from a newer Klankbord',
    unexpected: 'the data folder could not be opened otherwise',
    data_key_missing: 'the data folder is encrypted and its key is missing',
    data_key_wrong: 'the key does not open the encrypted data folder',
  };
  return Object.entries(startupExitCodes)
    .map(([problem, code]) => `${code}  ${names[problem as keyof typeof names]}`)
    .join('\n  ');
}

const usage = `Usage: npm run --silent cli -- <command> [options]

Commands:
  calls list [--search TEXT]   list calls as JSON
  import <files or folders>    import audio with transcripts paired by file name; progress on stderr,
                               summary as JSON; exit code 1 when a file was refused
  data-dir                     print the data folder and database file
  report team --from DATE --to DATE [--granularity week|month] [--format json|xlsx|pdf]
              [--agent NAME] [--severity-adjusted] [--language nl|en] [--out FILE]
                               the team report (per agent and skill: means with 95 % intervals, trends,
                               training needs) of submitted routine reviews as JSON, XLSX or PDF, or one
                               agent's coaching sheet (PDF, --agent); dates as YYYY-MM-DD; a file goes to
                               --out (default: its own name here) and its path is printed as JSON
  agreement FILE [options]     inter-rater agreement statistics for a ratings file (JSON or CSV) as one JSON
                               object; needs no data folder; see agreement --help; exit code 1 for a bad file
  signals AUDIO [TRANSCRIPT]   a call's overtalk, silences, talk ratio, speech rate, response times and phrase
                               hints as one JSON object; needs no data folder; see signals --help

Options:
  --data-dir PATH              use this data folder (or set KLANKBORD_DATA_DIR)
  --help                       show this help

Encryption at rest: recordings and exports in the data folder are encrypted (AES-256-GCM) with a key derived
from KLANKBORD_PASSPHRASE, else the key in KLANKBORD_KEY_FILE, else the key file data.key in the config folder
(KLANKBORD_CONFIG_DIR, or ~/.config/klankbord-keys on Linux), made on first use.

When the data folder cannot be used, one line on stderr says why and the exit code says what:
  ${exitCodeList()}`;

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function printResult(result: Result<unknown>): number {
  if (result.ok) {
    print(result.value);
    return 0;
  }
  process.stderr.write(`${JSON.stringify({ error: result.error }, null, 2)}\n`);
  return 1;
}

async function importFiles(backend: Backend, paths: readonly string[]): Promise<number> {
  if (paths.length === 0) {
    process.stderr.write('import needs at least one file or folder\n');
    return 2;
  }
  let summary: ImportSummary | undefined;
  backend.events.listen((message) => {
    if (message.name === 'imports.progress') {
      const progress = message.payload as { current: number; total: number; fileName: string };
      process.stderr.write(`[${progress.current}/${progress.total}] ${progress.fileName}\n`);
    }
    if (message.name === 'imports.finished') summary = message.payload as ImportSummary;
  });
  const started = await backend.dispatch('imports.start', {
    sources: paths.map((path) => ({ kind: 'path', path: resolve(path) })),
  });
  if (!started.ok) return printResult(started);
  await backend.idle();
  print(summary);
  return summary && summary.issues.some((issue) => issue.severity === 'error') ? 1 : 0;
}

/** Runs one CLI command and returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  // Pure computation on a file: it has its own options and must not open (or create) a data folder.
  if (argv[0] === 'agreement') return runAgreementCli(argv.slice(1));
  if (argv[0] === 'signals') return runSignalsCli(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      search: { type: 'string' },
      help: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      granularity: { type: 'string' },
      agent: { type: 'string' },
      out: { type: 'string' },
      language: { type: 'string' },
      'severity-adjusted': { type: 'boolean' },
    },
  });
  const command = positionals[0] === 'import' ? 'import' : positionals.join(' ');
  if (values.help || command === '') {
    process.stdout.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const dataDir = resolveDataDir(values['data-dir'] ? ['--data-dir', values['data-dir']] : []);
  const appLog = openAppLog({ dataDir, processName: 'cli' });
  const stopLogging = logUncaughtErrors(appLog);
  let backend: Backend;
  try {
    backend = createBackend({ dataDir, allowPathSources: true });
  } catch (error) {
    appLog.error(`Cannot open the data folder ${dataDir}`, error);
    stopLogging();
    const failure = classifyStartupFailure(error, dataDir);
    process.stderr.write(`${startupFailureLine(failure, terminalLanguage())}\n`);
    return failure.exitCode;
  }
  try {
    switch (command) {
      case 'calls list':
        return printResult(await backend.dispatch('calls.list', values.search ? { search: values.search } : {}));
      case 'import':
        return await importFiles(backend, positionals.slice(1));
      case 'report team':
        return await runTeamReport(backend, values, printResult);
      case 'data-dir':
        print({ dataDir: backend.info.dataDir, databaseFile: backend.info.databaseFile });
        return 0;
      default:
        process.stderr.write(`Unknown command: ${command}\n\n${usage}\n`);
        return 2;
    }
  } catch (error) {
    appLog.error(`cli ${command} failed`, error);
    throw error;
  } finally {
    backend.close();
    stopLogging();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `${JSON.stringify({ error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } })}\n`,
      );
      process.exit(1);
    },
  );
}
