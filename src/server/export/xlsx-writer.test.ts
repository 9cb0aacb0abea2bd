import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hyperlinkComment, multilineComment, sampleReviews } from '../../../tests/fixtures/export/score-export-reviews';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { buildScoreExportTables } from '../../domain/export/export-tables';
import { tablesInOrder } from '../../domain/export/table-model';
import { excelMaxRows, partSheetName, sheetName, writeXlsxFile } from './xlsx-writer';

const tempDir = useTempDirs();

async function writeAndRead(language: 'nl' | 'en') {
  const tables = buildScoreExportTables(sampleReviews, { language });
  const file = join(tempDir(), 'scores.xlsx');
  await writeXlsxFile(file, tablesInOrder(tables), { language, createdAtMs: Date.UTC(2024, 4, 5) });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return { tables, workbook };
}

/** A row's values as a plain array (exceljs' row.values is 1-based). */
const rowValues = (sheet: ExcelJS.Worksheet, row: number, width: number) =>
  Array.from({ length: width }, (_, index) => sheet.getRow(row).getCell(index + 1).value);

describe('the XLSX export', () => {
  it('has one sheet per table, named in the language, with the header row bold and frozen', async () => {
    const { tables, workbook } = await writeAndRead('nl');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Beoordelingen', 'Criteria', 'Momenten']);
    for (const table of tablesInOrder(tables)) {
      const sheet = workbook.getWorksheet(table.name.nl)!;
      expect(sheet.rowCount).toBe(1 + table.rows.length);
      expect(rowValues(sheet, 1, table.columns.length)).toEqual(table.columns.map((column) => column.header.nl));
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    expect((await writeAndRead('en')).workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Reviews',
      'Items',
      'Moments',
    ]);
  });

  it('keeps numbers as numbers, dates as dates, booleans as booleans and text exactly', async () => {
    const { tables, workbook } = await writeAndRead('nl');
    const reviews = workbook.getWorksheet('Beoordelingen')!;
    const column = (key: string) => tables.reviews.columns.findIndex((entry) => entry.key === key) + 1;
    const anouk = reviews.getRow(2);
    expect(anouk.getCell(column('total')).value).toBe(94.44);
    expect(anouk.getCell(column('total')).numFmt).toBe('0.00');
    expect(anouk.getCell(column('submittedAt')).value).toEqual(new Date(Date.UTC(2024, 4, 1, 10, 15, 30)));
    expect(anouk.getCell(column('criticalFailed')).value).toBe(false);
    expect(anouk.getCell(column('callTitle')).value).toBe('Klacht; "factuur"\nmei');
    expect(anouk.getCell(column('calibratedTotal')).value).toBeNull();
    expect(anouk.getCell(column('section:2')).value).toBe(77.78);
    const bram = reviews.getRow(3);
    expect(bram.getCell(column('criticalFailed')).value).toBe(true);
    expect(bram.getCell(column('calibratedTotal')).value).toBe(71.46);
    expect(bram.getCell(column('submittedAt')).value).toBeNull();

    const items = workbook.getWorksheet('Criteria')!;
    const itemRow = (itemId: string) =>
      items.getRow(tables.items.rows.findIndex((row) => row[0] === 'review-a' && row[7] === itemId) + 2);
    // An XLSX string cell is never evaluated, so the comment is kept as typed rather than neutralised.
    expect(itemRow('3.2').getCell(13).value).toBe(hyperlinkComment);
    expect(itemRow('2.1').getCell(13).value).toBe(multilineComment);
    expect(itemRow('2.1').getCell(11).value).toBe(0.3333);

    const moments = workbook.getWorksheet('Momenten')!;
    expect(moments.getRow(3).getCell(16).value).toBe(-0.75);
    expect(moments.getRow(3).getCell(16).numFmt).toBe('0.00#');
    expect(moments.getRow(5).getCell(17).value).toBe('@team lang gesprek');
    const momentColumn = (key: string) => tables.moments.columns.findIndex((entry) => entry.key === key) + 1;
    const cellsOf = (key: string) =>
      Array.from(
        { length: tables.moments.rows.length },
        (_, index) => moments.getRow(index + 2).getCell(momentColumn(key)).value,
      );
    expect(cellsOf('speaker')).toContain('Klant');
    expect(cellsOf('emotion')).toContain('Frustratie');
    expect(anouk.getCell(column('status')).value).toBe('Ingediend');
    expect(bram.getCell(column('calibrationMethod')).value).toBe('Consensus');
  });

  it('drops characters XML cannot carry instead of producing a file Excel refuses', async () => {
    const tables = buildScoreExportTables([
      { ...sampleReviews[0]!, call: { title: 'a\u0001b\u001fc', agentName: 'x' } },
    ]);
    const file = join(tempDir(), 'odd.xlsx');
    await writeXlsxFile(file, tablesInOrder(tables), { language: 'nl' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.getWorksheet('Beoordelingen')!.getRow(2).getCell(3).value).toBe('abc');
  });
});

describe('a table longer than a sheet', () => {
  it('continues on numbered sheets, each with the header, every row once and in order', async () => {
    const tables = buildScoreExportTables(sampleReviews, { language: 'nl' });
    const file = join(tempDir(), 'scores.xlsx');
    // Three rows a sheet (the header and two rows) stands in for Excel's 1,048,576.
    await writeXlsxFile(file, tablesInOrder(tables), { language: 'nl', maxRowsPerSheet: 3 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const parts = (name: string) => workbook.worksheets.filter((sheet) => sheet.name.startsWith(name));
    for (const table of tablesInOrder(tables)) {
      const sheets = parts(table.name.nl);
      expect(sheets.map((sheet) => sheet.name)).toEqual(
        Array.from({ length: Math.max(1, Math.ceil(table.rows.length / 2)) }, (_, index) =>
          partSheetName(table.name.nl, index + 1),
        ),
      );
      const width = table.columns.length;
      for (const sheet of sheets) {
        expect(rowValues(sheet, 1, width)).toEqual(table.columns.map((column) => column.header.nl));
        expect(sheet.rowCount).toBeLessThanOrEqual(3);
      }
      const firstColumn = sheets.flatMap((sheet) =>
        Array.from({ length: sheet.rowCount - 1 }, (_, index) => sheet.getRow(index + 2).getCell(1).value),
      );
      const whole = (await writeAndRead('nl')).workbook.getWorksheet(table.name.nl)!;
      expect(firstColumn).toEqual(
        Array.from({ length: table.rows.length }, (_, index) => whole.getRow(index + 2).getCell(1).value),
      );
    }
    expect(parts('Criteria').length).toBeGreaterThan(1);
  });

  it('names the parts within Excel’s 31 characters, and stops at Excel’s own limit by default', () => {
    expect(partSheetName('Criteria', 1)).toBe('Criteria');
    expect(partSheetName('Criteria', 2)).toBe('Criteria (2)');
    expect(partSheetName('x'.repeat(40), 12)).toBe(`${'x'.repeat(26)} (12)`);
    expect(excelMaxRows).toBe(1_048_576);
  });
});

describe('sheetName', () => {
  it('follows Excel’s rules', () => {
    expect(sheetName('a/b[c]:d*e?f\\g')).toBe('a b c  d e f g');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName(' / ')).toBe('Blad');
  });
});
