// Every text the app shows or writes exists in Dutch and English with the same keys: the UI resources (i18next),
// the PDF report's labels and the score exports' table and column names.
import { describe, expect, it } from 'vitest';
import { buildScoreExportTables } from '../../src/domain/export/export-tables';
import { tablesInOrder } from '../../src/domain/export/table-model';
import { en } from '../../src/renderer/src/i18n/en';
import { nl } from '../../src/renderer/src/i18n/nl';
import { sessionReportLabels } from '../../src/server/export/session-report-labels';

type Leaf = string | ((...args: never[]) => string);

/** Every leaf of a nested text table by its dotted path. */
function leaves(table: object, prefix = ''): Map<string, Leaf> {
  const found = new Map<string, Leaf>();
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string' || typeof value === 'function') found.set(`${prefix}${key}`, value as Leaf);
    else for (const [path, leaf] of leaves(value as object, `${prefix}${key}.`)) found.set(path, leaf);
  }
  return found;
}

/** The text a leaf gives: a string as is, a label function called with sample arguments. */
function sampleText(leaf: Leaf): string {
  return typeof leaf === 'string'
    ? leaf
    : (leaf as (...args: unknown[]) => string)(...Array.from({ length: leaf.length }, (_, index) => index + 1));
}

function expectSameKeysAndTexts(dutch: object, english: object) {
  const nlLeaves = leaves(dutch);
  const enLeaves = leaves(english);
  expect([...nlLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  for (const [path, leaf] of nlLeaves) {
    const other = enLeaves.get(path)!;
    expect(sampleText(leaf).trim(), `nl ${path}`).not.toBe('');
    expect(sampleText(other).trim(), `en ${path}`).not.toBe('');
    expect(typeof leaf === 'function' ? leaf.length : -1, `arguments of ${path}`).toBe(
      typeof other === 'function' ? other.length : -1,
    );
  }
}

describe('translations', () => {
  it('the UI resources have the same keys in Dutch and English, none empty', () => {
    expectSameKeysAndTexts(nl, en);
  });

  it('the PDF report labels have the same keys in Dutch and English, none empty', () => {
    expectSameKeysAndTexts(sessionReportLabels.nl, sessionReportLabels.en);
  });

  it('every score export table and column is named in Dutch and in English', () => {
    for (const table of tablesInOrder(buildScoreExportTables([]))) {
      for (const text of [table.name, ...table.columns.map((column) => column.header)]) {
        expect(text.nl.trim(), `${table.id} ${text.en}`).not.toBe('');
        expect(text.en.trim(), `${table.id} ${text.nl}`).not.toBe('');
      }
    }
  });

  it('notices a key that one language lacks', () => {
    const { app: _app, ...withoutApp } = nl;
    expect(() => expectSameKeysAndTexts(withoutApp, en)).toThrow();
    expect(() =>
      expectSameKeysAndTexts({ ...sessionReportLabels.nl, extra: 'alleen Nederlands' }, sessionReportLabels.en),
    ).toThrow();
  });
});
