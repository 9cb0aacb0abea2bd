import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { ExportCell, ExportColumn, ExportTableSource, ScoreExportTables } from '../../domain/export/table-model';
import type { Locale } from '../../domain/rubric/localized-text';
import { writeFileAtomic } from './atomic-write';

/*
 * The JSON score export: a versioned document whose format is documented in docs/score-export-format.md. Readers
 * check `format` and `formatVersion`; any change to keys, types or meaning of existing fields makes a new
 * formatVersion, while adding an optional field does not.
 *
 * Rows are objects keyed by column key. Values keep their type: numbers as numbers, booleans as booleans, dates as
 * ISO 8601 strings in UTC, absent values as null; text is exact (no formula neutralisation: JSON is not opened by
 * spreadsheets). Section score columns are grouped under "sectionScores" by section id.
 *
 * The document is streamed row by row with back-pressure, so 100,000s of rows never exist as one string.
 */

export const scoreExportFormat = 'klankbord-scores';
export const scoreExportFormatVersion = 1;

export interface JsonExportOptions {
  readonly exportedAtMs: number;
  /** What was exported (the filter), as given; must be JSON-serialisable. */
  readonly selection: unknown;
  /** Language of the texts for people inside the tables (titles, labels, answers), recorded for readers. */
  readonly language: Locale;
}

function jsonValue(cell: ExportCell, column: ExportColumn): string | number | boolean | null {
  if (cell === null) return null;
  switch (column.type) {
    case 'number':
      return typeof cell === 'number' && Number.isFinite(cell) ? cell : null;
    case 'date':
      return typeof cell === 'number' && Number.isFinite(cell) ? new Date(cell).toISOString() : null;
    case 'boolean':
      return typeof cell === 'boolean' ? cell : null;
    case 'text':
      return String(cell);
  }
}

/** A row as the JSON object of the format: by column key, grouped columns nested under their group. */
export function jsonRow(row: readonly ExportCell[], columns: readonly ExportColumn[]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  columns.forEach((column, index) => {
    const value = jsonValue(row[index] ?? null, column);
    if (column.group) {
      const group = (object[column.group.key] ??= {}) as Record<string, unknown>;
      group[column.group.member] = value;
    } else object[column.key] = value;
  });
  return object;
}

function columnDescriptions(columns: readonly ExportColumn[]): unknown[] {
  return columns.map((column) => ({
    key: column.key,
    header: column.header,
    type: column.type,
    ...(column.decimals === undefined ? {} : { decimals: column.decimals }),
    ...(column.group ? { group: column.group } : {}),
  }));
}

async function write(output: Writable, chunk: string): Promise<void> {
  if (!output.write(chunk)) await once(output, 'drain');
}

/** Writes the rows of a table; returns how many there were. */
async function writeRows(output: Writable, table: ExportTableSource): Promise<number> {
  // Rows are batched into chunks of about 64 kB: one write per row would spend more time in stream calls than in JSON.
  let chunk = '';
  let count = 0;
  for (const row of table.rows) {
    chunk += `${count === 0 ? '\n    ' : ',\n    '}${JSON.stringify(jsonRow(row, table.columns))}`;
    count += 1;
    if (chunk.length >= 1 << 16) {
      await write(output, chunk);
      chunk = '';
    }
  }
  if (chunk !== '') await write(output, chunk);
  return count;
}

/** Writes the score export as the versioned JSON document into `output`, and ends it. */
export async function writeJsonExport(
  output: Writable,
  tables: ScoreExportTables<ExportTableSource>,
  options: JsonExportOptions,
): Promise<void> {
  const head = {
    format: scoreExportFormat,
    formatVersion: scoreExportFormatVersion,
    exportedAt: new Date(options.exportedAtMs).toISOString(),
    language: options.language,
    selection: options.selection ?? null,
    columns: {
      reviews: columnDescriptions(tables.reviews.columns),
      items: columnDescriptions(tables.items.columns),
      moments: columnDescriptions(tables.moments.columns),
    },
  };
  const headText = JSON.stringify(head, null, 2);
  // The head object's closing brace is replaced by the three row arrays.
  await write(output, `${headText.slice(0, headText.lastIndexOf('}')).trimEnd()},\n`);
  const tableList = [tables.reviews, tables.items, tables.moments];
  for (const [position, table] of tableList.entries()) {
    await write(output, `  ${JSON.stringify(table.id)}: [`);
    const count = await writeRows(output, table);
    await write(output, `${count > 0 ? '\n  ' : ''}]${position < tableList.length - 1 ? ',' : ''}\n`);
  }
  output.end('}\n');
  await finished(output);
}

/** Writes the score export as a JSON file, atomically. */
export async function writeJsonFile(
  filePath: string,
  tables: ScoreExportTables<ExportTableSource>,
  options: JsonExportOptions,
): Promise<void> {
  await writeFileAtomic(filePath, (output) => writeJsonExport(output, tables, options));
}
