import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hyperlinkComment, sampleReviews } from '../../../tests/fixtures/export/score-export-reviews';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { buildScoreExportTables } from '../../domain/export/export-tables';
import { tablesInOrder, type ExportCell, type ExportTable } from '../../domain/export/table-model';
import { jsonRow, scoreExportFormat, scoreExportFormatVersion, writeJsonFile } from './json-writer';

const tempDir = useTempDirs();

/** Reads a JSON row back into the table's cell array: the inverse of the writer's mapping. */
function cellsOf(object: Record<string, unknown>, table: ExportTable): ExportCell[] {
  return table.columns.map((column) => {
    const value = column.group
      ? (object[column.group.key] as Record<string, unknown>)[column.group.member]
      : object[column.key];
    if (value === null) return null;
    return column.type === 'date' ? Date.parse(value as string) : (value as ExportCell);
  });
}

async function writeAndParse(
  tables = buildScoreExportTables(sampleReviews),
  selection: unknown = { callId: 'call-1' },
) {
  const file = join(tempDir(), 'scores.json');
  await writeJsonFile(file, tables, { exportedAtMs: Date.UTC(2024, 4, 6, 9, 30), selection, language: 'nl' });
  return { tables, document: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
}

describe('the JSON export', () => {
  it('is a versioned document naming its format, time, language, selection and columns', async () => {
    const { tables, document } = await writeAndParse();
    expect(Object.keys(document)).toEqual([
      'format',
      'formatVersion',
      'exportedAt',
      'language',
      'selection',
      'columns',
      'reviews',
      'items',
      'moments',
    ]);
    expect(document).toMatchObject({
      format: scoreExportFormat,
      formatVersion: scoreExportFormatVersion,
      exportedAt: '2024-05-06T09:30:00.000Z',
      language: 'nl',
      selection: { callId: 'call-1' },
    });
    expect(scoreExportFormat).toBe('klankbord-scores');
    expect(scoreExportFormatVersion).toBe(1);
    const columns = document.columns as Record<string, { key: string; type: string }[]>;
    expect(columns.items!.map((column) => column.key)).toEqual(tables.items.columns.map((column) => column.key));
    expect(columns.reviews!.find((column) => column.key === 'section:extra')).toMatchObject({
      type: 'number',
      group: { key: 'sectionScores', member: 'extra' },
    });
  });

  it('round-trips every table: same rows, same values, dates as ISO strings', async () => {
    const { tables, document } = await writeAndParse();
    for (const table of tablesInOrder(tables)) {
      const rows = document[table.id] as Record<string, unknown>[];
      expect(rows.map((row) => cellsOf(row, table))).toEqual(table.rows);
    }
    const [anouk, bram] = document.reviews as Record<string, unknown>[];
    expect(anouk).toMatchObject({
      reviewId: 'review-a',
      total: 94.44,
      criticalFailed: false,
      submittedAt: '2024-05-01T10:15:30.000Z',
      calibratedTotal: null,
      sectionScores: { '1': 100, '2': 77.78, extra: null },
    });
    expect(bram).toMatchObject({
      calibratedTotal: 71.46,
      calibrationMethod: 'consensus',
      calibrationSource: 'Kalibratie mei',
      submittedAt: null,
    });
    expect(anouk).not.toHaveProperty('section:1');
    // Codes stay codes in JSON whatever the language; CSV and XLSX show words.
    expect(anouk).toMatchObject({ status: 'submitted' });
    const moments = document.moments as Record<string, unknown>[];
    expect(moments.map((row) => row.speaker)).toContain('customer');
    expect(moments.map((row) => row.emotion)).toContain('frustration');
    for (const row of moments) expect(['strength', 'gap', 'neutral']).toContain(row.polarity);
    // JSON is not opened by spreadsheets: texts stay exactly as typed.
    expect(
      (document.items as Record<string, unknown>[]).find((row) => row.itemId === '3.2' && row.reviewId === 'review-a'),
    ).toMatchObject({ comment: hyperlinkComment });
  });

  it('writes empty tables as empty arrays', async () => {
    const { document } = await writeAndParse(buildScoreExportTables([]), {});
    expect(document).toMatchObject({ reviews: [], items: [], moments: [] });
  });

  it('streams large tables in chunks and still parses', async () => {
    const many = Array.from({ length: 300 }, (_, index) => ({
      ...sampleReviews[0]!,
      review: { ...sampleReviews[0]!.review, id: `r${index}` },
    }));
    const { document } = await writeAndParse(buildScoreExportTables(many));
    expect(document.items).toHaveLength(300 * 18);
  });
});

describe('jsonRow', () => {
  it('maps cells by key and nests grouped columns', () => {
    const columns = [
      { key: 'a', header: { nl: 'a', en: 'a' }, type: 'text' as const },
      {
        key: 'section:1',
        header: { nl: 's', en: 's' },
        type: 'number' as const,
        group: { key: 'sectionScores', member: '1' },
      },
      { key: 'when', header: { nl: 'w', en: 'w' }, type: 'date' as const },
    ];
    expect(jsonRow(['x', 50, 0], columns)).toEqual({
      a: 'x',
      sectionScores: { '1': 50 },
      when: '1970-01-01T00:00:00.000Z',
    });
  });
});
