import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  labelledCell,
  type ExportCell,
  type ExportColumn,
  type ExportTableSource,
} from '../../domain/export/table-model';
import type { Locale } from '../../domain/rubric/localized-text';
import { writeFileAtomic } from './atomic-write';

/*
 * XLSX with one sheet per table (docs/score-export-format.md, "XLSX"), written with exceljs' streaming
 * WorkbookWriter: each row is serialised and released as soon as it is added, so 100,000s of rows do not sit in
 * memory as cell objects. exceljs hands a sheet's XML to its zip without back-pressure, so the writer pauses every
 * few hundred rows until the zip has taken in what it was given and the output has drained: memory stays flat.
 *
 * Cells keep their type: numbers are numbers (with a number format showing the column's decimals; the value itself
 * is the rounded one from the table), dates are real date cells in UTC (the header says so; Excel has no time
 * zones), booleans are logical values (Excel shows WAAR/ONWAAR or TRUE/FALSE by its own language), text is
 * text. Text is not neutralised against formulas as in CSV: an XLSX string cell is never evaluated, so the text is
 * kept exactly. The header row is bold, frozen and has an auto filter.
 */

export interface XlsxOptions {
  /** Language of sheet names, headers and coded values (status, speaker...). */
  readonly language: Locale;
  /** Stamped in the document properties; default now. */
  readonly createdAtMs?: number;
  /** Rows a sheet holds, the header included, before the table continues on the next (default: Excel's limit). */
  readonly maxRowsPerSheet?: number;
}

// XML 1.0 cannot carry most control characters, and Excel refuses a file that contains them.
const invalidXmlCharacters = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const hasInvalidXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const maximumCellTextLength = 32_767;
const dateFormat = 'yyyy-mm-dd hh:mm:ss';

/** "0.00" for 2 decimals; beyond two, optional digits ("0.00##"), so 1 shows as 1.00 rather than 1.0000. */
function numberFormat(decimals: number | undefined): string | undefined {
  if (decimals === undefined) return undefined;
  if (decimals <= 0) return '0';
  return `0.${'0'.repeat(Math.min(decimals, 2))}${'#'.repeat(Math.max(0, decimals - 2))}`;
}

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, not blank. */
export function sheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === '' ? 'Blad' : cleaned;
}

function columnWidth(column: ExportColumn, language: Locale): number {
  const header = column.header[language].length + 2;
  const typical =
    column.type === 'date'
      ? 20
      : column.type === 'text'
        ? ['comment', 'note', 'itemTitle', 'evidenceOverrideReason'].includes(column.key)
          ? 50
          : 16
        : 10;
  return Math.min(60, Math.max(header, typical));
}

function cellValue(cell: ExportCell, column: ExportColumn): ExcelJS.CellValue {
  if (cell === null) return null;
  switch (column.type) {
    case 'number':
      return typeof cell === 'number' && Number.isFinite(cell) ? cell : null;
    case 'date':
      return typeof cell === 'number' && Number.isFinite(cell) ? new Date(cell) : null;
    case 'boolean':
      return typeof cell === 'boolean' ? cell : null;
    case 'text': {
      const text = String(cell);
      // Almost every cell is plain: a test that finds nothing is cheaper than a replace that copies the string.
      const clean = hasInvalidXmlCharacter.test(text) ? text.replace(invalidXmlCharacters, '') : text;
      return clean.length > maximumCellTextLength ? clean.slice(0, maximumCellTextLength) : clean;
    }
  }
}

/** Rows added between two pauses for the zip and the output to catch up. */
const rowsPerPause = 256;

/**
 * The part of a writable stream the pause looks at. The zip's input streams come from readable-stream 2, which
 * predates `writableLength`, so its state is read where every version of Node's streams keeps it.
 */
interface ZipInput {
  readonly _writableState: { readonly length: number; readonly highWaterMark: number };
  once(event: 'drain', listener: () => void): unknown;
}

function isZipInput(value: unknown): value is ZipInput {
  if (typeof value !== 'object' || value === null) return false;
  const stream = value as {
    readonly _writableState?: Partial<Record<'length' | 'highWaterMark', unknown>>;
    once?: unknown;
  };
  return (
    typeof stream._writableState?.length === 'number' &&
    typeof stream._writableState.highWaterMark === 'number' &&
    typeof stream.once === 'function'
  );
}

/**
 * The streams a sheet's XML goes into on its way to the zip. exceljs 4 keeps them as `stream.pipes` of its
 * WorksheetWriter (not in its types); were that to change, the list is empty and only the output is waited for.
 */
function sheetInputs(sheet: ExcelJS.Worksheet): readonly ZipInput[] {
  const pipes = (sheet as unknown as { readonly stream?: { readonly pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes) ? pipes.filter(isZipInput) : [];
}

/** Waits while the stream holds its high-water mark or more (a write then returned false, so 'drain' follows). */
async function inputTaken(stream: ZipInput): Promise<void> {
  while (stream._writableState.length >= stream._writableState.highWaterMark)
    await new Promise<void>((resolve) => stream.once('drain', resolve));
}

async function outputTaken(output: Writable): Promise<void> {
  while (output.writableNeedDrain && !output.destroyed)
    await new Promise<void>((resolve) => output.once('drain', resolve));
}

async function catchUp(inputs: readonly ZipInput[], output: Writable): Promise<void> {
  // A turn of the event loop lets the zip start on what it holds; then its input and the output drain.
  await nextTurn();
  for (const input of inputs) await inputTaken(input);
  await outputTaken(output);
}

/** Excel opens at most this many rows in a sheet (the header included); a longer sheet is cut off or refused. */
export const excelMaxRows = 1_048_576;

/** The name of a table's `part`-th sheet: the table's own, then "Criteria (2)", "Criteria (3)"... within 31 characters. */
export function partSheetName(name: string, part: number): string {
  const whole = sheetName(name);
  if (part === 1) return whole;
  const suffix = ` (${part})`;
  return `${whole.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
}

/** A new sheet for (part of) a table, its header row written: bold, frozen, with an auto filter. */
function startSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  table: ExportTableSource,
  part: number,
  options: XlsxOptions,
): ExcelJS.Worksheet {
  const { columns } = table;
  const sheet = workbook.addWorksheet(partSheetName(table.name[options.language], part), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = columns.map((column) => ({ key: column.key, width: columnWidth(column, options.language) }));
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.addRow(columns.map((column) => column.header[options.language]));
  const bold: Partial<ExcelJS.Style> = { font: { bold: true } };
  header.eachCell((cell) => {
    cell.style = bold;
  });
  header.commit();
  return sheet;
}

/**
 * Adds a table's rows as one sheet, or as several when it has more rows than Excel opens in one (the items of
 * 60,000 reviews or more): each part has the header, and rows are never split across parts.
 */
async function addTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  output: Writable,
  table: ExportTableSource,
  options: XlsxOptions,
): Promise<void> {
  const { columns } = table;
  const rowsPerSheet = (options.maxRowsPerSheet ?? excelMaxRows) - 1;
  // One style object per column, shared by all its cells: exceljs caches style ids by object identity, and a fresh
  // object per cell (what column styles give) costs more than everything else in writing the row.
  const styles = columns.map((column): Partial<ExcelJS.Style> => {
    const numFmt =
      column.type === 'date' ? dateFormat : column.type === 'number' ? numberFormat(column.decimals) : undefined;
    return numFmt ? { numFmt } : {};
  });
  let part = 1;
  let sheet = startSheet(workbook, table, part, options);
  let inputs = sheetInputs(sheet);
  let rowsInSheet = 0;
  const values = new Array<ExcelJS.CellValue>(columns.length);
  let sincePause = 0;
  for (const row of table.rows) {
    if (rowsInSheet === rowsPerSheet) {
      sheet.commit();
      part += 1;
      sheet = startSheet(workbook, table, part, options);
      inputs = sheetInputs(sheet);
      rowsInSheet = 0;
    }
    for (let index = 0; index < columns.length; index += 1)
      values[index] = cellValue(labelledCell(row[index] ?? null, columns[index]!, options.language), columns[index]!);
    const added = sheet.addRow(values);
    for (let index = 0; index < columns.length; index += 1) added.getCell(index + 1).style = styles[index]!;
    added.commit();
    rowsInSheet += 1;
    sincePause += 1;
    if (sincePause === rowsPerPause) {
      sincePause = 0;
      await catchUp(inputs, output);
    }
  }
  sheet.commit();
}

/** Writes the tables as one workbook, a sheet per table in the given order, into `output`; ends it. */
export async function writeXlsxTables(
  output: Writable,
  tables: readonly ExportTableSource[],
  options: XlsxOptions,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Klankbord';
  workbook.created = new Date(options.createdAtMs ?? Date.now());
  for (const table of tables) await addTable(workbook, output, table, options);
  await workbook.commit();
}

/** Writes the tables as an XLSX file, atomically. */
export async function writeXlsxFile(
  filePath: string,
  tables: readonly ExportTableSource[],
  options: XlsxOptions,
): Promise<void> {
  await writeFileAtomic(filePath, (output) => writeXlsxTables(output, tables, options));
}
