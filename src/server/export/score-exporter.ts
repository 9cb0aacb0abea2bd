import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { ScoreExportRequest } from '../../services/ports';
import { writeExport } from '../../services/exports-folder';
import { sealForPath } from '../encryption/sealed-files';
import { zipFiles } from '../packages/zip';
import { buildScoreExport } from './build-score-export';
import { writeScoreExport } from './write-score-export';

const extensions = { xlsx: 'xlsx', json: 'json', 'csv-excel-nl': 'csv', 'csv-rfc4180': 'csv' } as const;

/**
 * Builds the score tables for a selection and writes them in one format as a download: XLSX and JSON as one file,
 * CSV as one file per table zipped together (a CSV file holds one table).
 */
export function makeScoreExporter(db: Database.Database, exportsDir: string) {
  return async (request: ScoreExportRequest): Promise<{ exportId: string; fileName: string }> => {
    const tables = buildScoreExport(db, request.selection, {
      language: request.language,
      calibrations: request.calibrations,
    });
    const workDir = mkdtempSync(join(tmpdir(), 'klankbord-export-'));
    try {
      const baseName = request.baseName.replace(/[\\/]/g, '-');
      const written = await writeScoreExport(tables, {
        format: request.format,
        filePath: join(workDir, `${baseName}.${extensions[request.format]}`),
        language: request.language,
        exportedAtMs: request.exportedAtMs,
        selection: request.selection,
      });
      if (written.length === 1) {
        const fileName = basename(written[0]!);
        return {
          exportId: writeExport(exportsDir, fileName, sealForPath(exportsDir, readFileSync(written[0]!))),
          fileName,
        };
      }
      const fileName = `${baseName}.${request.format}.zip`;
      return {
        exportId: writeExport(
          exportsDir,
          fileName,
          sealForPath(
            exportsDir,
            zipFiles(Object.fromEntries(written.map((path) => [basename(path), readFileSync(path)]))),
          ),
        ),
        fileName,
      };
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  };
}
