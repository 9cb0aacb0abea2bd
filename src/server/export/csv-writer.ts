import { stringify } from 'csv-stringify';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { neutraliseFormula } from '../../domain/export/neutralise-formula';
import {
  labelledCell,
  type ExportCell,
  type ExportColumn,
  type ExportTableSource,
} from '../../domain/export/table-model';
import type { Locale } from '../../domain/rubric/localized-text';
import { writeFileAtomic } from './atomic-write';

/*
 * CSV in two dialects (docs/score-export-format.md, "CSV"):
 *
 * - 'excel-nl', for Excel with Dutch regional settings, which is what the team leads open files with: UTF-8 with a
 *   byte order mark (without it Excel reads UTF-8 as Windows-1252 and "vóór" turns into "vÃ³Ã³r"), ";" between
 *   fields (Dutch Excel splits on the list separator, and "," is the decimal sign), decimal comma, booleans as
 *   WAAR/ONWAAR (Dutch Excel reads those as logical values), dates as "2024-05-01 10:15:30" (which Excel reads as
 *   a date; UTC, as the header says).
 * - 'rfc4180', for scripts and other tools: "," between fields, "." decimals, true/false, dates as ISO 8601 with Z,
 *   no byte order mark.
 *
 * Both: CRLF line ends and RFC 4180 quoting (a field with the delimiter, a quote, CR or LF is quoted and quotes are
 * doubled; csv-stringify does it), numbers without thousands separators, null as an empty field, and text cells
 * neutralised against formula injection (a leading apostrophe, see neutralise-formula.ts). The rfc4180 files are
 * neutralised too because they end up in spreadsheets just as often; whoever needs the exact texts uses JSON.
 */

export const csvDialects = ['excel-nl', 'rfc4180'] as const;
export type CsvDialect = (typeof csvDialects)[number];

export interface CsvOptions {
  readonly dialect: CsvDialect;
  /** Language of the header row and of coded values (status, speaker...). */
  readonly language: Locale;
}

interface DialectRules {
  readonly delimiter: string;
  readonly decimalSeparator: string;
  readonly bom: boolean;
  readonly booleans: readonly [string, string];
  readonly formatDate: (ms: number) => string;
}

const dialects: Readonly<Record<CsvDialect, DialectRules>> = {
  'excel-nl': {
    delimiter: ';',
    decimalSeparator: ',',
    bom: true,
    booleans: ['WAAR', 'ONWAAR'],
    formatDate: (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' '),
  },
  rfc4180: {
    delimiter: ',',
    decimalSeparator: '.',
    bom: false,
    booleans: ['true', 'false'],
    formatDate: (ms) => new Date(ms).toISOString(),
  },
};

/** A number as plain digits, never in exponent notation, with the dialect's decimal sign. */
function formatNumber(value: number, column: ExportColumn, decimalSeparator: string): string {
  let digits = String(value);
  // String() switches to exponent notation below 1e-6 and from 1e21; spreadsheets would read that as text.
  if (digits.includes('e'))
    digits = value
      .toFixed(Math.min(20, column.decimals ?? 20))
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
  return decimalSeparator === '.' ? digits : digits.replace('.', decimalSeparator);
}

/** One cell as CSV field text in the dialect (before quoting), text cells neutralised. */
export function formatCsvCell(cell: ExportCell, column: ExportColumn, dialect: CsvDialect): string {
  if (cell === null) return '';
  const rules = dialects[dialect];
  switch (column.type) {
    case 'number':
      return typeof cell === 'number' && Number.isFinite(cell)
        ? formatNumber(cell, column, rules.decimalSeparator)
        : '';
    case 'date':
      return typeof cell === 'number' && Number.isFinite(cell) ? rules.formatDate(cell) : '';
    case 'boolean':
      return cell === true ? rules.booleans[0] : cell === false ? rules.booleans[1] : '';
    case 'text':
      return neutraliseFormula(String(cell));
  }
}

function* csvRecords(table: ExportTableSource, options: CsvOptions): Generator<string[]> {
  yield table.columns.map((column) => column.header[options.language]);
  const { columns } = table;
  for (const row of table.rows) {
    const record = new Array<string>(columns.length);
    for (let index = 0; index < columns.length; index += 1)
      record[index] = formatCsvCell(
        labelledCell(row[index] ?? null, columns[index]!, options.language),
        columns[index]!,
        options.dialect,
      );
    yield record;
  }
}

/**
 * Writes one table as CSV (header row first) into `output`, and ends it; resolves when it is flushed. Rows are read
 * as the output takes them (back-pressure), so a streamed table is never held whole.
 */
export async function writeCsvTable(output: Writable, table: ExportTableSource, options: CsvOptions): Promise<void> {
  const rules = dialects[options.dialect];
  // csv-stringify quotes a field holding the whole record delimiter (CRLF) but not a bare CR or LF; quoted_match
  // quotes those too, or a one-line-break note would split its row.
  const stringifier = stringify({
    delimiter: rules.delimiter,
    record_delimiter: '\r\n',
    bom: rules.bom,
    quote: '"',
    escape: '"',
    quoted_match: /[\r\n]/,
    eof: true,
  });
  await pipeline(Readable.from(csvRecords(table, options)), stringifier, output);
}

/** Writes one table as a CSV file, atomically. */
export async function writeCsvFile(filePath: string, table: ExportTableSource, options: CsvOptions): Promise<void> {
  await writeFileAtomic(filePath, (output) => writeCsvTable(output, table, options));
}
