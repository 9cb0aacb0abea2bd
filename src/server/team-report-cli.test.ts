import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { reportPeriod } from './team-report-cli';

const tempDir = useTempDirs();
const root = resolve(__dirname, '../..');

const cli = (args: string[]) =>
  spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/server/cli.ts'), ...args], { encoding: 'utf8' });

describe('report team period', () => {
  it('runs from the start of the first day to the end of the last, in local time', () => {
    expect(reportPeriod('2026-11-01', '2026-11-30')).toEqual({
      fromMs: new Date(2026, 10, 1).getTime(),
      toMs: new Date(2026, 11, 1).getTime() - 1,
    });
    expect(reportPeriod('2026-12-31', '2026-12-31')).toEqual({
      fromMs: new Date(2026, 11, 31).getTime(),
      toMs: new Date(2027, 0, 1).getTime() - 1,
    });
  });

  it('refuses dates that do not exist and periods that run backwards', () => {
    expect(reportPeriod('2026-02-30', '2026-03-01')).toMatch(/--from/);
    expect(reportPeriod('2026-11-01', '1-12-2026')).toMatch(/--to/);
    expect(reportPeriod('2026-11-02', '2026-11-01')).toMatch(/before/);
  });
});

describe('report team command', () => {
  it('prints the report of a period as JSON, writes it as PDF or XLSX, and refuses what it cannot do with exit code 2', async () => {
    const dataDir = tempDir();
    const result = cli(['report', 'team', '--from', '2026-11-01', '--to', '2026-11-30', '--data-dir', dataDir]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ reviewCount: 0, agents: [], needs: [], granularity: 'month' });

    const badDate = cli(['report', 'team', '--from', 'yesterday', '--to', '2026-11-30', '--data-dir', dataDir]);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--from');
    const period = ['report', 'team', '--from', '2026-11-01', '--to', '2026-11-30', '--data-dir', dataDir];
    const pdfFile = join(dataDir, 'team.pdf');
    const pdf = cli([...period, '--format', 'pdf', '--language', 'en', '--out', pdfFile]);
    expect(pdf.status).toBe(0);
    expect(JSON.parse(pdf.stdout)).toEqual({ file: pdfFile });
    const document = await PDFDocument.load(readFileSync(pdfFile));
    expect(document.getTitle()).toBe('Team report');
    const xlsxFile = join(dataDir, 'team.xlsx');
    expect(cli([...period, '--format', 'xlsx', '--out', xlsxFile]).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(workbook.worksheets[0]!.name).toBe('Samenvatting');
    const csv = cli([...period, '--format', 'csv']);
    expect(csv.status).toBe(2);
    expect(csv.stderr).toContain('json, xlsx or pdf');
    // Five runs of the CLI, each a fresh process on a shared machine.
  }, 180_000);
});
