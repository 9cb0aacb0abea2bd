// The `agreement FILE` command: reads a ratings matrix from JSON or CSV and prints every agreement statistic as
// one JSON object (the same summariseAgreement the app uses). Needs no data folder and opens no database.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { measurementLevels, type Category, type MeasurementLevel, type Rating } from '../domain/agreement/ratings';
import { summariseAgreement, type AgreementInput } from '../domain/agreement/summarise-agreement';

export const agreementUsage = `Usage: npm run --silent cli -- agreement FILE [options]

Prints inter-rater agreement statistics for FILE as one JSON object: Krippendorff's alpha (with its band:
>= 0.800 reliable, >= 0.667 tentative), % agreement (0-100), Fleiss' kappa (equal ratings per unit), Gwet's
AC1, Cohen's kappa (two raters; linear/quadratic only at ordered levels), ICC (numeric level, complete data;
F tests and 95% intervals under icc_tests), rater severity (numeric level) and deviations from a benchmark
rater (per_rater in row order, null for the benchmark itself). Rows are raters, columns are units (calls).
Undefined statistics are null.

FILE is JSON (.json, or anything starting with "{" or "["):
  { "ratings": [[3, 2, null], [3, "N.v.t.", 1]],   rows = raters; numbers or labels; null = missing
    "level": "ordinal",                             nominal | ordinal | interval | ratio (default nominal)
    "categories": [0, 1, 2, 3],                     optional full scale (weighted kappa, AC1)
    "benchmark": 0, "tolerance": 1 }                optional benchmark rater index and tolerance (default 0)
  A bare matrix [[...], ...] is accepted too.
or CSV (.csv, .tsv, .txt or anything else): one line per rater, one cell per unit; an empty cell is missing.
  The delimiter is ";" if the first line has one, else tab if it has one, else ","; with ";" a decimal
  comma is read as a decimal point (Dutch Excel).
  No header detection: use --header to skip a first line of unit names, --row-names to skip a first
  column of rater names.
"N.v.t." and "NA" mean not applicable: missing for the statistics, reported apart under not_applicable.

Options (they override the same fields of a JSON file):
  --level LEVEL        nominal (default), ordinal, interval or ratio
  --categories LIST    the full scale, comma-separated in order, e.g. 0,1,2,3 or Ja,Nee
  --benchmark INDEX    row (0-based) of the benchmark rater
  --tolerance NUMBER   |rater - benchmark| <= NUMBER counts as within tolerance (default 0)
  --header             CSV: the first line holds unit names, not ratings
  --row-names          CSV: the first column holds rater names, not ratings
  --help               show this help

Exit codes: 0 printed, 1 unusable file (message on stderr), 2 bad command line.`;

/** Where the command writes; tests pass collectors, the CLI the process streams. */
export interface AgreementCliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processOutput: AgreementCliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const fileSchema = z.strictObject({
  ratings: z.array(z.array(z.union([z.number(), z.string(), z.null()]))),
  level: z.enum(measurementLevels).optional(),
  categories: z.array(z.union([z.number(), z.string()])).optional(),
  benchmark: z.number().int().nonnegative().optional(),
  tolerance: z.number().nonnegative().optional(),
});
type FileInput = z.infer<typeof fileSchema>;

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Runs `agreement` with the arguments after the command name; returns the exit code. */
export function runAgreementCli(argv: readonly string[], output: AgreementCliOutput = processOutput): number {
  const usageError = (message: string): number => {
    output.stderr(`agreement: ${message}\n\n${agreementUsage}\n`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        level: { type: 'string' },
        categories: { type: 'string' },
        benchmark: { type: 'string' },
        tolerance: { type: 'string' },
        header: { type: 'boolean' },
        'row-names': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    output.stdout(`${agreementUsage}\n`);
    return 0;
  }
  if (positionals.length !== 1)
    return usageError(positionals.length === 0 ? 'which file? give one ratings file' : 'give exactly one ratings file');
  const options = parseOptions(values);
  if (!options.ok) return usageError(options.message);
  const file = positionals[0]!;
  const input = readAgreementInput(file, options.value);
  if (!input.ok) {
    output.stderr(`agreement: ${file}: ${input.message}\n`);
    return 1;
  }
  const result = summariseAgreement(input.value.input);
  if (!result.ok) {
    const hint =
      input.value.format === 'csv' &&
      !options.value.header &&
      /^rater \d+, unit 0:|^rater 0, unit \d+:/.test(result.error.message)
        ? ' (is the first line or column a header? see --header, --row-names)'
        : '';
    output.stderr(`agreement: ${file}: ${result.error.message}${hint}\n`);
    return 1;
  }
  output.stdout(`${JSON.stringify(result.value, null, 2)}\n`);
  return 0;
}

/** The command-line options, checked; they override the file's fields. */
export interface AgreementOptions {
  readonly level?: MeasurementLevel;
  readonly categories?: readonly Category[];
  readonly benchmark?: number;
  readonly tolerance?: number;
  readonly header: boolean;
  readonly rowNames: boolean;
}

function parseOptions(values: {
  level?: string;
  categories?: string;
  benchmark?: string;
  tolerance?: string;
  header?: boolean;
  'row-names'?: boolean;
}): Parsed<AgreementOptions> {
  const fail = (message: string): Parsed<AgreementOptions> => ({ ok: false, message });
  let level: MeasurementLevel | undefined;
  if (values.level !== undefined) {
    level = measurementLevels.find((candidate) => candidate === values.level);
    if (!level) return fail(`--level must be one of ${measurementLevels.join(', ')}, not "${values.level}"`);
  }
  let benchmark: number | undefined;
  if (values.benchmark !== undefined) {
    if (!/^\d+$/.test(values.benchmark.trim()))
      return fail(`--benchmark must be a row index (0, 1, ...), not "${values.benchmark}"`);
    benchmark = Number(values.benchmark);
  }
  let tolerance: number | undefined;
  if (values.tolerance !== undefined) {
    tolerance = Number(values.tolerance);
    if (values.tolerance.trim() === '' || !Number.isFinite(tolerance) || tolerance < 0)
      return fail(`--tolerance must be a non-negative number, not "${values.tolerance}"`);
  }
  const categories = values.categories?.split(',').map((cell) => parseCell(cell, false) ?? '');
  return {
    ok: true,
    value: {
      level,
      categories,
      benchmark,
      tolerance,
      header: values.header ?? false,
      rowNames: values['row-names'] ?? false,
    },
  };
}

/**
 * Reads and checks a ratings file: JSON by extension .json or a leading "{" / "[", CSV otherwise. Failures are
 * one-line messages (missing, unreadable, bad JSON, wrong shape, ragged CSV); the statistics' own checks
 * (labels at a numeric level, benchmark out of range) happen in summariseAgreement.
 */
export function readAgreementInput(
  file: string,
  options: AgreementOptions,
): Parsed<{ readonly input: AgreementInput; readonly format: 'json' | 'csv' }> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: describeReadError(error) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const extension = extname(file).toLowerCase();
  const looksLikeJson =
    extension === '.json' || (!['.csv', '.tsv', '.txt'].includes(extension) && /^\s*[{[]/.test(text));
  if (looksLikeJson) {
    const fileInput = parseJsonInput(text);
    if (!fileInput.ok) return fileInput;
    return { ok: true, value: { format: 'json', input: withOptions(fileInput.value, options) } };
  }
  const ratings = parseRatingsCsv(text, { header: options.header, rowNames: options.rowNames });
  if (!ratings.ok) return ratings;
  return { ok: true, value: { format: 'csv', input: withOptions({ ratings: ratings.value }, options) } };
}

function withOptions(file: FileInput, options: AgreementOptions): AgreementInput {
  return {
    ratings: file.ratings,
    level: options.level ?? file.level ?? 'nominal',
    categories: options.categories ?? file.categories,
    benchmark: options.benchmark ?? file.benchmark,
    tolerance: options.tolerance ?? file.tolerance,
  };
}

function parseJsonInput(text: string): Parsed<FileInput> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = fileSchema.safeParse(Array.isArray(value) ? { ratings: value } : value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}${text ? '.' : ''}${String(key)}`),
    '',
  );
  const expected = where.startsWith('ratings')
    ? ' (expected {"ratings": [[...], ...]} with numbers, strings or null)'
    : '';
  return { ok: false, message: `wrong shape: ${where || 'file'}: ${issue.message}${expected}` };
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'not readable (permission denied)';
  return `cannot read: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Parses CSV ratings (RFC 4180 quoting, CRLF or LF): one line per rater, one cell per unit, empty cell = missing.
 * The delimiter is ";" if the first line has one outside quotes, else tab if it has one, else ","; with ";" a
 * decimal comma ("3,5") is a number, because that is what Dutch Excel writes. Cells that read as numbers become numbers,
 * others stay labels. Blank lines are skipped. Every line must have the same number of cells.
 */
export function parseRatingsCsv(
  text: string,
  options: { readonly header: boolean; readonly rowNames: boolean },
): Parsed<Rating[][]> {
  const delimiter = detectDelimiter(text);
  const lines = splitCsv(text, delimiter);
  if (!lines.ok) return lines;
  let rows = lines.value.filter((line) => !(line.cells.length === 1 && line.cells[0]!.trim() === ''));
  if (options.header) rows = rows.slice(1);
  const width = rows[0]?.cells.length ?? 0;
  const short = rows.find((line) => line.cells.length !== width);
  if (short)
    return {
      ok: false,
      message: `line ${short.line} has ${short.cells.length} cells but line ${rows[0]!.line} has ${width}: every rater needs one cell per unit (leave a cell empty for missing)`,
    };
  const ratings = rows.map((line) =>
    (options.rowNames ? line.cells.slice(1) : line.cells).map((cell) => parseCell(cell, delimiter === ';')),
  );
  return { ok: true, value: ratings };
}

function parseCell(cell: string, decimalComma: boolean): Rating {
  const trimmed = cell.trim();
  if (trimmed === '') return null;
  const normalised = decimalComma && /^[+-]?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised) ? Number(normalised) : trimmed;
}

// ";" wins whenever the first line has one: Dutch Excel writes ";" with decimal commas, so a first line such as
// "2,5;3" has as many commas as semicolons; a comma-delimited file has no reason to contain a bare ";".
function detectDelimiter(text: string): string {
  const seen = new Set<string>();
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted) seen.add(character);
  }
  return seen.has(';') ? ';' : seen.has('\t') ? '\t' : ',';
}

function splitCsv(text: string, delimiter: string): Parsed<{ readonly line: number; readonly cells: string[] }[]> {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else {
        if (character === '\n') line += 1;
        cell += character;
      }
    } else if (character === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (character === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else cell += character;
  }
  if (quoted) return { ok: false, message: `line ${rowLine}: a quoted cell is never closed` };
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return { ok: true, value: rows };
}
