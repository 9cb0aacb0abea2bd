import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { findExport, pruneOldExports, writeExport } from './exports-folder';

const tempDir = useTempDirs();

describe('exports folder', () => {
  it('hands a written export over by id (never by path) and keeps a safe name', () => {
    const dir = tempDir();
    const id = writeExport(dir, 'Kalibratie: week 47/../x.json', new TextEncoder().encode('{}'));
    const found = findExport(dir, id)!;
    expect(found.fileName).toBe('Kalibratie- week 47-..-x.json');
    expect(findExport(dir, '../etc/passwd')).toBeUndefined();
  });

  it('removes exports older than a day, keeps fresh ones', () => {
    const dir = tempDir();
    const old = join(dir, 'old--a.json');
    const fresh = join(dir, 'fresh--b.json');
    writeFileSync(old, 'x');
    writeFileSync(fresh, 'y');
    const twoDaysAgo = (Date.now() - 2 * 24 * 3_600_000) / 1000;
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    pruneOldExports(dir, Date.now());
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });
});
