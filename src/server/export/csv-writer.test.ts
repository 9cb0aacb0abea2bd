import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../tests/fixtures/export/read-csv';
import { hyperlinkComment, multilineComment, sampleReviews } from '../../../tests/fixtures/export/score-export-reviews';
import { useTempDirs } from '../../../tests/unit/temp-dir';
import { buildScoreExportTables } from '../../domain/export/export-tables';
import type { ExportColumn, ExportTable } from '../../domain/export/table-model';
import { formatCsvCell, writeCsvFile } from './csv-writer';

const tempDir = useTempDirs();
const tables = buildScoreExportTables(sampleReviews);

async function writeAndRead(dialect: 'excel-nl' | 'rfc4180', table = tables.items, language: 'nl' | 'en' = 'nl') {
  const file = join(tempDir(), `${table.id}.csv`);
  await writeCsvFile(file, table, { dialect, language });
  const bytes = readFileSync(file);
  return { bytes, text: bytes.toString('utf8') };
}

/** The records as objects by header. */
function byHeader(records: string[][]): Record<string, string>[] {
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(header!.map((name, index) => [name, row[index]!])));
}

describe('CSV for Dutch Excel (excel-nl)', () => {
  it('starts with a UTF-8 byte order mark, separates with ; and ends every record with CRLF', async () => {
    const { bytes, text } = await writeAndRead('excel-nl');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = readCsv(text.slice(1), ';');
    expect(records).toHaveLength(1 + tables.items.rows.length);
    expect(records[0]).toEqual(tables.items.columns.map((column) => column.header.nl));
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes decimal commas, WAAR/ONWAAR and neutralises formulas while quotes, ; and line breaks survive', async () => {
    const items = byHeader(readCsv((await writeAndRead('excel-nl')).text.slice(1), ';'));
    const item21 = items.find((row) => row['Beoordeling-id'] === 'review-a' && row.Criterium === '2.1')!;
    expect(item21['Waarde (0-1)']).toBe('0,3333');
    expect(item21.Toelichting).toBe(multilineComment);
    expect(item21['Standaard N.v.t.']).toBe('ONWAAR');
    const item32 = items.find((row) => row['Beoordeling-id'] === 'review-a' && row.Criterium === '3.2')!;
    expect(item32.Toelichting).toBe(`'${hyperlinkComment}`);
    expect(items.find((row) => row.Criterium === '3.3')!['Reden zonder bewijsmoment']).toBe("'+31 belde terug");
    expect(items.find((row) => row['Beoordeling-id'] === 'review-b' && row.Criterium === '1.1')).toMatchObject({
      Antwoord: 'N.v.t.',
      'Waarde (0-1)': '',
      'Standaard N.v.t.': 'WAAR',
    });
    expect(items.find((row) => row['Beoordeling-id'] === 'review-c')).toMatchObject({ Toelichting: "'-5 punten" });
  });

  it('keeps negative numbers as numbers: only text cells are neutralised', async () => {
    const moments = byHeader(readCsv((await writeAndRead('excel-nl', tables.moments)).text.slice(1), ';'));
    expect(moments[0]).toMatchObject({ 'Begin (s)': '1,5', 'Einde (s)': '9', Intensiteit: '2', Criteria: '1.1' });
    expect(moments[1]).toMatchObject({
      'Empathische reactietijd (s)': '-0,75',
      Notitie: '\'-- benoemt <frustratie> & "-->" zegt sorry\n\nTweede regel',
    });
    expect(moments[3]).toMatchObject({ 'Einde (s)': '3661,001', Notitie: "'@team lang gesprek" });
  });

  it('writes scores with two decimals, dates Excel reads, and empty calibration cells', async () => {
    const reviews = byHeader(readCsv((await writeAndRead('excel-nl', tables.reviews)).text.slice(1), ';'));
    expect(reviews[0]).toMatchObject({
      Gesprek: 'Klacht; "factuur"\nmei',
      'Totaalscore (ruw)': '94,44',
      'Ingediend op (UTC)': '2024-05-01 10:15:30',
      'Kritiek criterium niet gehaald': 'ONWAAR',
      'Gekalibreerde score': '',
      Kalibratiemethode: '',
    });
    expect(reviews[1]).toMatchObject({
      'Totaalscore (ruw)': '0',
      'Totaal vóór kritieke regel': '95',
      'Gekalibreerde score': '71,46',
      Kalibratiemethode: 'Consensus',
      'Ingediend op (UTC)': '',
    });
  });

  it("writes coded values in the export's language (status, speaker, polarity, emotion)", async () => {
    const reviews = byHeader(readCsv((await writeAndRead('excel-nl', tables.reviews)).text.slice(1), ';'));
    expect(new Set(reviews.map((row) => row.Status))).toEqual(new Set(['Ingediend', 'Concept']));
    const moments = byHeader(readCsv((await writeAndRead('excel-nl', tables.moments)).text.slice(1), ';'));
    for (const row of moments) {
      expect(['Medewerker', 'Klant', 'Beiden', 'Onbekend']).toContain(row.Spreker);
      expect(['Sterk punt', 'Verbeterpunt', 'Neutraal']).toContain(row.Polariteit);
    }
    expect(moments.map((row) => row.Emotie)).toContain('Frustratie');
    const english = byHeader(readCsv((await writeAndRead('rfc4180', tables.moments, 'en')).text, ','));
    expect(english.map((row) => row.Emotion)).toContain('Frustration');
    expect(english.map((row) => row.Speaker)).toContain('Customer');
  });
});

describe('RFC 4180 CSV', () => {
  it('has no byte order mark, separates with , and uses . decimals, ISO dates and true/false', async () => {
    const { bytes, text } = await writeAndRead('rfc4180', tables.reviews, 'en');
    expect(bytes[0]).not.toBe(0xef);
    const reviews = byHeader(readCsv(text, ','));
    expect(Object.keys(reviews[0]!).slice(0, 3)).toEqual(['Review ID', 'Call ID', 'Call']);
    expect(reviews[0]).toMatchObject({
      'Raw total': '94.44',
      'Submitted at (UTC)': '2024-05-01T10:15:30.000Z',
      'Critical item failed': 'false',
      Call: 'Klacht; "factuur"\nmei',
    });
    expect(reviews[1]).toMatchObject({ 'Critical item failed': 'true', 'Calibrated total': '71.46' });
  });

  it('quotes fields with commas, quotes and line breaks, and neutralises formulas too', async () => {
    const { text } = await writeAndRead('rfc4180');
    expect(text).toContain('"Zei ""ik begrijp het"";\nmaar klonk gehaast, 1,5 keer"');
    const items = byHeader(readCsv(text, ','));
    expect(items.find((row) => row.Criterium === '3.2' && row['Beoordeling-id'] === 'review-a')!.Toelichting).toBe(
      `'${hyperlinkComment}`,
    );
    expect(items.find((row) => row.Criterium === '2.1' && row['Beoordeling-id'] === 'review-a')!['Waarde (0-1)']).toBe(
      '0.3333',
    );
  });
});

describe('line breaks in both dialects', () => {
  const column: ExportColumn = { key: 'note', header: { nl: 'Notitie', en: 'Note' }, type: 'text' };
  const notes = ['\n', 'a\nb', 'a\rb', 'a\r\nb', '\n=1+1', 'regel\r@SUM(A1)', 'gewoon'];
  const table: ExportTable = {
    ...tables.items,
    name: { nl: 'Notities', en: 'Notes' },
    columns: [column, { ...column, key: 'n2' }],
    rows: notes.map((note) => [note, 'x']),
  };

  it.each(['excel-nl', 'rfc4180'] as const)(
    '%s: quotes every field with a CR or LF, so each row keeps its columns, and no line starts with a formula',
    async (dialect) => {
      const { text } = await writeAndRead(dialect, table);
      const records = readCsv(dialect === 'excel-nl' ? text.slice(1) : text, dialect === 'excel-nl' ? ';' : ',');
      expect(records).toHaveLength(1 + notes.length);
      for (const record of records) expect(record).toHaveLength(2);
      expect(records.slice(1).map((record) => record[0])).toEqual([
        '\n',
        'a\nb',
        'a\rb',
        'a\r\nb',
        "\n'=1+1",
        "regel\r'@SUM(A1)",
        'gewoon',
      ]);
      for (const line of text.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t]/);
    },
  );
});

describe('formatCsvCell', () => {
  const number: ExportColumn = { key: 'n', header: { nl: 'n', en: 'n' }, type: 'number', decimals: 3 };
  it('never writes exponent notation and leaves non-finite numbers empty', () => {
    expect(formatCsvCell(1e-7, number, 'rfc4180')).toBe('0');
    expect(formatCsvCell(0.0000012, { ...number, decimals: 7 }, 'excel-nl')).toBe('0,0000012');
    expect(formatCsvCell(Number.NaN, number, 'excel-nl')).toBe('');
    expect(formatCsvCell(-2.5, number, 'excel-nl')).toBe('-2,5');
    expect(formatCsvCell(1234567.5, number, 'excel-nl')).toBe('1234567,5');
  });
});
