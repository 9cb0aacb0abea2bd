import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Database from 'better-sqlite3';
import yazl from 'yazl';
import { tablesInOrder, type ExportTableSource, type ScoreExportTables } from '../../domain/export/table-model';
import type { Locale } from '../../domain/rubric/localized-text';
import type { ScoreExportRequest } from '../../services/ports';
import { beginReadSnapshot } from '../../storage/score-export-repository';
import { writeCsvTable, type CsvDialect } from './csv-writer';
import { writeJsonExport } from './json-writer';
import { scoreExportSource } from './score-export-source';
import { writeStreamedExport } from './streamed-export';
import { csvTablePath } from './write-score-export';
import { writeXlsxTables } from './xlsx-writer';

/*
 * The score export of a selection, streamed: the rows are read from the database as the writer takes them and the
 * file is written (sealed) into the exports folder as it is produced, so memory stays flat whatever the number of
 * reviews. XLSX and JSON are one file; CSV is one file per table, zipped together as they are written. The export
 * reads through a connection of its own inside one read transaction: the tables describe one moment in time while
 * reviews go on being edited.
 */

/** The CSV tables zipped as they are written: each table's CSV starts when the zip comes to its entry. */
async function writeCsvZip(
  output: Writable,
  tables: ScoreExportTables<ExportTableSource>,
  options: { readonly dialect: CsvDialect; readonly language: Locale; readonly baseName: string },
): Promise<void> {
  const zip = new yazl.ZipFile();
  const failures: Promise<void>[] = [];
  for (const table of tablesInOrder(tables)) {
    const name = csvTablePath(`${options.baseName}.csv`, table.name[options.language]).replace(/^.*[\\/]/, '');
    zip.addReadStreamLazy(name, { compress: false }, (callback) => {
      const csv = new PassThrough({ highWaterMark: 1 << 16 });
      const written = writeCsvTable(csv, table, { dialect: options.dialect, language: options.language });
      // A failing table fails the zip's output, or the write would never end.
      const failed = written.catch((error: unknown) => {
        csv.destroy(error instanceof Error ? error : new Error(String(error)));
        throw error;
      });
      // Awaited after the zip; until then a failure shows through the zip's output.
      failed.catch(() => undefined);
      failures.push(failed);
      callback(null, csv);
    });
  }
  zip.on('error', (error: Error) =>
    (zip.outputStream as NodeJS.ReadableStream & { destroy(error: Error): void }).destroy(error),
  );
  zip.end();
  await pipeline(zip.outputStream, output);
  await Promise.all(failures);
}

const extensions = { xlsx: 'xlsx', json: 'json' } as const;

/**
 * Writes the score export of a request's selection in its format as a download. `openConnection` opens a read-only
 * connection of the export's own (closed when it is done).
 */
export function makeScoreExporter(openConnection: () => Database.Database, exportsDir: string) {
  return async (request: ScoreExportRequest): Promise<{ exportId: string; fileName: string }> => {
    const db = openConnection();
    try {
      const endSnapshot = beginReadSnapshot(db);
      try {
        const tables = scoreExportSource(db, request.selection, {
          language: request.language,
          calibrations: request.calibrations,
        });
        const baseName = request.baseName.replace(/[\\/]/g, '-');
        const { format, language } = request;
        if (format === 'csv-excel-nl' || format === 'csv-rfc4180') {
          const fileName = `${baseName}.${format}.zip`;
          const dialect = format === 'csv-excel-nl' ? 'excel-nl' : 'rfc4180';
          const exportId = await writeStreamedExport(exportsDir, fileName, (output) =>
            writeCsvZip(output, tables, { dialect, language, baseName }),
          );
          return { exportId, fileName };
        }
        const fileName = `${baseName}.${extensions[format]}`;
        const exportId = await writeStreamedExport(exportsDir, fileName, (output) =>
          format === 'xlsx'
            ? writeXlsxTables(output, tablesInOrder(tables), { language, createdAtMs: request.exportedAtMs })
            : writeJsonExport(output, tables, {
                language,
                exportedAtMs: request.exportedAtMs,
                selection: request.selection,
              }),
        );
        return { exportId, fileName };
      } finally {
        endSnapshot();
      }
    } finally {
      db.close();
    }
  };
}
