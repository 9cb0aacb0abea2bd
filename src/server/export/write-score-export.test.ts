import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anoukMoments, sampleReviews } from '../../../tests/fixtures/export/score-export-reviews';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { buildScoreExportTables } from '../../domain/export/export-tables';
import type { ExportRow, ScoreExportTables } from '../../domain/export/table-model';
import { writeCallMomentsFile } from './write-call-moments';
import { csvTablePath, scoreExportFormats, writeScoreExport } from './write-score-export';

const tempDir = useTempDirs();
const tables = buildScoreExportTables(sampleReviews);
const exportedAtMs = Date.UTC(2024, 4, 6);

/** Tables whose items throw after `goodRows` rows: a writer failing midway, as a bug or a full disk would. */
function failingMidway(goodRows: number): ScoreExportTables {
  const rows = Array.from({ length: goodRows + 1 }, (_, index) => tables.items.rows[index % tables.items.rows.length]!);
  const poisoned = new Proxy(rows, {
    get(target, property, receiver) {
      if (property === String(goodRows)) throw new Error('kapot halverwege');
      return Reflect.get(target, property, receiver) as unknown;
    },
  }) as readonly ExportRow[];
  return { ...tables, items: { ...tables.items, rows: poisoned } };
}

describe('writeScoreExport', () => {
  it('writes XLSX and JSON as one file, CSV as one file per table', async () => {
    const dir = tempDir();
    expect(
      await writeScoreExport(tables, {
        format: 'xlsx',
        filePath: join(dir, 'scores.xlsx'),
        language: 'nl',
        exportedAtMs,
        selection: {},
      }),
    ).toEqual([join(dir, 'scores.xlsx')]);
    expect(
      await writeScoreExport(tables, {
        format: 'json',
        filePath: join(dir, 'scores.json'),
        language: 'nl',
        exportedAtMs,
        selection: { callId: 'call-1' },
      }),
    ).toEqual([join(dir, 'scores.json')]);
    const csv = await writeScoreExport(tables, {
      format: 'csv-excel-nl',
      filePath: join(dir, 'scores.csv'),
      language: 'nl',
      exportedAtMs,
      selection: {},
    });
    expect(csv).toEqual(
      ['scores-beoordelingen.csv', 'scores-criteria.csv', 'scores-momenten.csv'].map((name) => join(dir, name)),
    );
    const english = await writeScoreExport(tables, {
      format: 'csv-rfc4180',
      filePath: join(dir, 'en.csv'),
      language: 'en',
      exportedAtMs,
      selection: {},
    });
    expect(english).toEqual(['en-reviews.csv', 'en-items.csv', 'en-moments.csv'].map((name) => join(dir, name)));
    expect(readdirSync(dir).sort()).toEqual([
      'en-items.csv',
      'en-moments.csv',
      'en-reviews.csv',
      'scores-beoordelingen.csv',
      'scores-criteria.csv',
      'scores-momenten.csv',
      'scores.json',
      'scores.xlsx',
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'scores.json'), 'utf8'))).toMatchObject({
      selection: { callId: 'call-1' },
      exportedAt: '2024-05-06T00:00:00.000Z',
    });
  });

  it.each(scoreExportFormats)(
    'leaves the old file, and no partial or temporary file, when %s fails midway',
    async (format) => {
      const dir = tempDir();
      const filePath = join(dir, format === 'xlsx' ? 'scores.xlsx' : format === 'json' ? 'scores.json' : 'scores.csv');
      const itemsPath = format.startsWith('csv') ? csvTablePath(filePath, 'criteria') : filePath;
      writeFileSync(itemsPath, 'vorige export');
      await expect(
        writeScoreExport(failingMidway(5000), { format, filePath, language: 'nl', exportedAtMs, selection: {} }),
      ).rejects.toThrow('kapot halverwege');
      expect(readFileSync(itemsPath, 'utf8')).toBe('vorige export');
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('writes an XLSX that exceljs reads back with every row', async () => {
    const filePath = join(tempDir(), 'scores.xlsx');
    await writeScoreExport(tables, { format: 'xlsx', filePath, language: 'en', exportedAtMs, selection: {} });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(filePath);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.rowCount])).toEqual([
      ['Reviews', 4],
      ['Items', 39],
      ['Moments', 5],
    ]);
  });
});

describe('csvTablePath', () => {
  it('adds the table name before the extension', () => {
    expect(csvTablePath(join('/x', 'scores.csv'), 'Criteria')).toBe(join('/x', 'scores-criteria.csv'));
    expect(csvTablePath(join('/x', 'scores'), 'Moments')).toBe(join('/x', 'scores-moments.csv'));
  });
});

describe('writeCallMomentsFile', () => {
  it('writes WebVTT and ELAN files', async () => {
    const dir = tempDir();
    const moments = {
      media: { fileName: 'a.wav' },
      tracks: [{ reviewerId: 'r', reviewerName: 'Anouk', moments: anoukMoments }],
    };
    await writeCallMomentsFile(join(dir, 'a.vtt'), moments, {
      format: 'webvtt',
      language: 'nl',
      createdAtMs: exportedAtMs,
    });
    await writeCallMomentsFile(join(dir, 'a.eaf'), moments, {
      format: 'eaf',
      language: 'en',
      createdAtMs: exportedAtMs,
    });
    expect(readFileSync(join(dir, 'a.vtt'), 'utf8')).toMatch(
      /^WEBVTT\n\ncue-1\n00:00:01\.500 --> 00:00:09\.000\n<v Anouk>Emotie van de klant/,
    );
    const eaf = readFileSync(join(dir, 'a.eaf'), 'utf8');
    expect(eaf).toContain('DATE="2024-05-06T00:00:00.000Z"');
    expect(eaf).toContain(
      '<ANNOTATION_VALUE>Customer emotion cue (Frustration, 2/3) [1.1]: Klant zucht: "Ik ben het zat"</ANNOTATION_VALUE>',
    );
  });
});
