import { copyPlainFile } from './encryption/sealed-files';
import { resolve } from 'node:path';
import type { Result } from '../contract/errors';
import type { Backend } from './backend';

export interface TeamReportOptions {
  readonly from?: string;
  readonly to?: string;
  readonly format?: string;
  readonly granularity?: string;
  /** The coaching sheet of this agent (PDF) instead of the team report. */
  readonly agent?: string;
  /** Where to write an XLSX or PDF; default: its own name in the current folder. */
  readonly out?: string;
  readonly language?: string;
  readonly 'severity-adjusted'?: boolean;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight at the start of a YYYY-MM-DD day in this machine's time zone; null for anything else. */
function startOfLocalDay(day: string): number | null {
  const match = dayPattern.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(year, month - 1, date);
  return value.getFullYear() === year && value.getMonth() === month - 1 && value.getDate() === date
    ? value.getTime()
    : null;
}

/** The start of the `from` day to the last millisecond of the `to` day (both inclusive, as a lead reads a period). */
export function reportPeriod(from: string, to: string): { fromMs: number; toMs: number } | string {
  const fromMs = startOfLocalDay(from);
  if (fromMs === null) return `--from must be a date as YYYY-MM-DD, not "${from}"`;
  const toStart = startOfLocalDay(to);
  if (toStart === null) return `--to must be a date as YYYY-MM-DD, not "${to}"`;
  const [year, month, date] = to.split('-').map(Number);
  const toMs = new Date(year!, month! - 1, date! + 1).getTime() - 1;
  if (toMs < fromMs) return '--to must not be before --from';
  return { fromMs, toMs };
}

/** Copies a written export to `out` (default: its own name in the current folder) and prints where it went. */
async function deliver(
  backend: Backend,
  written: { exportId: string; fileName: string },
  out: string | undefined,
): Promise<number> {
  const file = backend.exportFile(written.exportId);
  if (!file) {
    process.stderr.write('the export was written but cannot be found\n');
    return 1;
  }
  const target = resolve(out ?? written.fileName);
  // The stored export is sealed when the data folder is encrypted: the file handed out is its plaintext.
  await copyPlainFile(file.path, target);
  process.stdout.write(`${JSON.stringify({ file: target })}\n`);
  return 0;
}

/**
 * `report team --from DATE --to DATE [--format json|xlsx|pdf] [--agent NAME] [--granularity week|month]
 * [--severity-adjusted] [--language nl|en] [--out FILE]`; returns the exit code.
 */
export async function runTeamReport(
  backend: Backend,
  options: TeamReportOptions,
  printResult: (result: Result<unknown>) => number,
): Promise<number> {
  if (!options.from || !options.to) {
    process.stderr.write('report team needs --from YYYY-MM-DD and --to YYYY-MM-DD\n');
    return 2;
  }
  const format = options.format ?? (options.agent ? 'pdf' : 'json');
  if (format !== 'json' && format !== 'xlsx' && format !== 'pdf') {
    process.stderr.write(`--format must be json, xlsx or pdf, not ${format}\n`);
    return 2;
  }
  if (options.agent !== undefined && format !== 'pdf') {
    process.stderr.write('the coaching sheet (--agent) is a PDF: use --format pdf\n');
    return 2;
  }
  const granularity = options.granularity ?? 'month';
  if (granularity !== 'week' && granularity !== 'month') {
    process.stderr.write('--granularity must be week or month\n');
    return 2;
  }
  const language = options.language ?? 'nl';
  if (language !== 'nl' && language !== 'en') {
    process.stderr.write('--language must be nl or en\n');
    return 2;
  }
  const period = reportPeriod(options.from, options.to);
  if (typeof period === 'string') {
    process.stderr.write(`${period}\n`);
    return 2;
  }
  const request = { ...period, granularity, severityAdjusted: options['severity-adjusted'] === true } as const;
  if (format === 'json') return printResult(await backend.dispatch('team.report', request));
  const written =
    options.agent !== undefined
      ? await backend.dispatch('exports.coachingSheet', { ...request, agentName: options.agent, language })
      : await backend.dispatch('exports.teamReport', { ...request, format, language });
  if (!written.ok) return printResult(written);
  return deliver(backend, written.value as { exportId: string; fileName: string }, options.out);
}
