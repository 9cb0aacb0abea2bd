import type Database from 'better-sqlite3';
import type { ExportTableSource, ScoreExportTables } from '../../domain/export/table-model';
import { scoreExportSource, type ScoreExportOptions, type ScoreExportSelection } from './score-export-source';

/*
 * The score export of a selection as tables held in memory: what tests and small callers use. The exporter itself
 * streams the same sources (score-export-source.ts) into the file, never holding the rows. Reads happen in one
 * transaction, so the three tables describe the same moment in time even while reviews are being edited.
 */

export type { ScoreExportSelection } from './score-export-source';
export type BuildScoreExportOptions = ScoreExportOptions;

const rowsOf = (table: ExportTableSource) => ({ ...table, rows: [...table.rows] });

/**
 * The reviews, items and moments tables of the selected reviews, scored with their own rubric versions. Reviews
 * come in the order of `reviewIds` when given, else most recently changed first. Throws when a review's rubric
 * version is missing: the database guarantees it exists, so that is corruption, not an expected failure.
 */
export function buildScoreExport(
  db: Database.Database,
  selection: ScoreExportSelection = {},
  options: BuildScoreExportOptions = {},
): ScoreExportTables {
  return db.transaction(() => {
    const source = scoreExportSource(db, selection, options);
    return { reviews: rowsOf(source.reviews), items: rowsOf(source.items), moments: rowsOf(source.moments) };
  })();
}
