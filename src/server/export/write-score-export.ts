import { basename, dirname, extname, join } from 'node:path';
import { tablesInOrder, type ExportTableSource, type ScoreExportTables } from '../../domain/export/table-model';
import type { Locale } from '../../domain/rubric/localized-text';
import { writeCsvFile } from './csv-writer';
import { writeJsonFile } from './json-writer';
import { writeXlsxFile } from './xlsx-writer';

/*
 * One entry point for the export formats, so the contract method only chooses a format and a path. XLSX and JSON
 * hold the three tables in one file; CSV holds one table per file, so a CSV export writes three files next to the
 * chosen path, named after it: "scores.csv" gives "scores-beoordelingen.csv", "scores-criteria.csv" and
 * "scores-momenten.csv" (the English names in English). Each file is written atomically.
 */

export const scoreExportFormats = ['xlsx', 'csv-excel-nl', 'csv-rfc4180', 'json'] as const;
export type ScoreExportFormat = (typeof scoreExportFormats)[number];

export interface WriteScoreExportOptions {
  readonly format: ScoreExportFormat;
  readonly filePath: string;
  readonly language: Locale;
  /** Stamped into JSON (exportedAt) and the XLSX properties. */
  readonly exportedAtMs: number;
  /** The selection the tables were built from, recorded in JSON. */
  readonly selection: unknown;
}

/** The file a CSV table goes to: the chosen path with the table's name added before the extension. */
export function csvTablePath(filePath: string, tableName: string): string {
  const extension = extname(filePath) || '.csv';
  const stem = basename(filePath, extname(filePath));
  const suffix = tableName.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');
  return join(dirname(filePath), `${stem}-${suffix}${extension}`);
}

/** Writes the tables in the format; returns the paths written (three for CSV, one otherwise). */
export async function writeScoreExport(
  tables: ScoreExportTables<ExportTableSource>,
  options: WriteScoreExportOptions,
): Promise<string[]> {
  const { format, filePath, language } = options;
  switch (format) {
    case 'xlsx':
      await writeXlsxFile(filePath, tablesInOrder(tables), { language, createdAtMs: options.exportedAtMs });
      return [filePath];
    case 'json':
      await writeJsonFile(filePath, tables, {
        language,
        exportedAtMs: options.exportedAtMs,
        selection: options.selection,
      });
      return [filePath];
    case 'csv-excel-nl':
    case 'csv-rfc4180': {
      const dialect = format === 'csv-excel-nl' ? 'excel-nl' : 'rfc4180';
      const written: string[] = [];
      for (const table of tablesInOrder(tables)) {
        const tablePath = csvTablePath(filePath, table.name[language]);
        await writeCsvFile(tablePath, table, { dialect, language });
        written.push(tablePath);
      }
      return written;
    }
  }
}
