// Every text the app shows or writes exists in Dutch and English with the same keys: one set of resources
// (src/i18n) serves the UI (i18next), the PDF report (section report) and the exports (exports, exportValues).
import { describe, expect, it } from 'vitest';
import { buildScoreExportTables } from '../../src/domain/export/export-tables';
import { tablesInOrder } from '../../src/domain/export/table-model';
import { en } from '../../src/i18n/en';
import { nl } from '../../src/i18n/nl';

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
  it('the resources have the same keys in Dutch and English, none empty', () => {
    expectSameKeysAndTexts(nl, en);
  });

  it('the resources hold the PDF report and the export texts', () => {
    for (const section of ['report', 'exports', 'exportValues'] as const) {
      expect(leaves(en[section]).size, section).toBeGreaterThan(0);
    }
  });

  it('a text has the same placeholders in Dutch and English', () => {
    const nlLeaves = leaves(nl);
    const placeholders = (text: Leaf) => [...String(text).matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const [path, text] of leaves(en)) {
      expect(placeholders(nlLeaves.get(path)!), path).toEqual(placeholders(text));
    }
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
    expect(() => expectSameKeysAndTexts({ ...nl, report: { ...nl.report, extra: 'alleen Nederlands' } }, en)).toThrow();
  });
});
