import type { Locale, LocalizedText } from '../rubric/localized-text';

/*
 * The format-neutral tables every export writer (CSV, XLSX, JSON) renders. A row is an array aligned with the
 * columns rather than an object, because the writers walk 100,000s of rows cell by cell and arrays are what CSV and
 * XLSX rows are anyway; the JSON writer maps them to objects by column key.
 *
 * A cell's meaning is given by its column's type, so rows stay plain values:
 * - 'text': a string (may be empty);
 * - 'number': a finite number, already rounded to the column's `decimals`;
 * - 'date': an instant as epoch milliseconds (UTC); each writer chooses how to show it;
 * - 'boolean': true or false;
 * - null in any column: no value (an empty cell, JSON null).
 */

export const exportColumnTypes = ['text', 'number', 'date', 'boolean'] as const;
export type ExportColumnType = (typeof exportColumnTypes)[number];

export interface ExportColumn {
  /** Stable across languages and versions of the format; the JSON property name. */
  readonly key: string;
  readonly header: LocalizedText;
  readonly type: ExportColumnType;
  /** Number columns: values are rounded to this many decimals, and spreadsheets show up to this many. */
  readonly decimals?: number;
  /** Text columns of codes (status, speaker...): the word for each code, which CSV and XLSX show; JSON keeps the code. */
  readonly valueLabels?: Readonly<Record<string, LocalizedText>>;
  /** JSON only: the value goes to `row[group.key][group.member]` instead of `row[key]` (section scores). */
  readonly group?: { readonly key: string; readonly member: string };
}

export type ExportCell = string | number | boolean | null;
export type ExportRow = readonly ExportCell[];

export const exportTableIds = ['reviews', 'items', 'moments'] as const;
export type ExportTableId = (typeof exportTableIds)[number];

export interface ExportTable {
  readonly id: ExportTableId;
  /** Sheet name in XLSX; at most 31 characters, none of []:*?/\ (Excel's rules). */
  readonly name: LocalizedText;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly ExportRow[];
}

/**
 * A table whose rows are made as a writer walks them (a streamed export): each walk reads them again from the start,
 * so a writer never needs them all at once. An ExportTable is one too.
 */
export interface ExportTableSource extends Omit<ExportTable, 'rows'> {
  readonly rows: Iterable<ExportRow>;
}

/** The three tables of a score export: one row per review, per rubric item of each review, and per moment. */
export interface ScoreExportTables<Table extends ExportTableSource = ExportTable> {
  readonly reviews: Table;
  readonly items: Table;
  readonly moments: Table;
}

/**
 * Rounds half away from zero to `decimals` places, so -1.005 and 1.005 round alike, and never returns -0 (a
 * spreadsheet would show "-0"). Non-finite values become null: an export cell cannot hold NaN or Infinity.
 */
export function roundTo(value: number, decimals: number): number | null {
  if (!Number.isFinite(value)) return null;
  const factor = 10 ** decimals;
  // The epsilon nudges values like 1.005 (stored as 1.00499…) up, as a person rounding the printed value would.
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor * (1 + Number.EPSILON))) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** The tables in their usual order (reviews, items, moments): sheet order in XLSX, file order for CSV. */
export function tablesInOrder<Table extends ExportTableSource>(tables: ScoreExportTables<Table>): readonly Table[] {
  return [tables.reviews, tables.items, tables.moments];
}

/**
 * A cell as a person reads it in `language`: a coded value of a column with value labels becomes its word; everything
 * else (and a code without a word) is left as it is.
 */
export function labelledCell(cell: ExportCell, column: ExportColumn, language: Locale): ExportCell {
  if (typeof cell !== 'string' || !column.valueLabels) return cell;
  return Object.hasOwn(column.valueLabels, cell) ? column.valueLabels[cell]![language] : cell;
}
