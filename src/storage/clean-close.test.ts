import { existsSync, readFileSync, readdirSync, utimesSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { insertCall, listCalls } from './calls-repository';
import { cleanCloseSuffix, recordCleanClose, takeCleanClose } from './clean-close';
import { checkDatabaseFile, openDatabase } from './connection';

const tempDir = useTempDirs();

/** A closed database with enough rows that its last pages hold call rows only. */
function seededDatabase(): string {
  const file = join(tempDir(), 'k.db');
  const seeded = openDatabase(file);
  for (let i = 0; i < 300; i += 1)
    insertCall(seeded.db, { id: `c${i}`, title: `Gesprek ${i} ${'x'.repeat(200)}`, createdAtMs: i });
  seeded.db.close();
  return file;
}

/** Overwrites pages as a failing disk would, then puts the modification time back: the change a stat cannot see. */
function damageUnseen(file: string): void {
  const before = statSync(file);
  const bytes = readFileSync(file);
  bytes.fill(0x5a, bytes.length - 4096 * 4, bytes.length - 4096 * 2);
  writeFileSync(file, bytes);
  utimesSync(file, before.atime, before.mtime);
}

describe('the clean-close record', () => {
  it('is trusted once for files exactly as closed, and is gone after it was read', () => {
    const file = seededDatabase();
    recordCleanClose(file);
    expect(existsSync(file + cleanCloseSuffix)).toBe(true);
    expect(takeCleanClose(file)).toBe(true);
    expect(existsSync(file + cleanCloseSuffix)).toBe(false);
    expect(takeCleanClose(file)).toBe(false);
  });

  it('is not trusted when the database changed after the close, and is removed all the same', () => {
    const file = seededDatabase();
    recordCleanClose(file);
    const writer = openDatabase(file);
    insertCall(writer.db, { id: 'later', title: 'written by another program', createdAtMs: 1 });
    writer.db.close();
    expect(takeCleanClose(file)).toBe(false);
    expect(existsSync(file + cleanCloseSuffix)).toBe(false);
  });

  it('is not trusted when the file was replaced by another of the same size', () => {
    const file = seededDatabase();
    recordCleanClose(file);
    const bytes = readFileSync(file);
    writeFileSync(`${file}.copy`, bytes);
    writeFileSync(file, Buffer.alloc(0));
    writeFileSync(file, bytes);
    expect(takeCleanClose(file)).toBe(false);
  });

  it('is not trusted when unreadable, or missing', () => {
    const file = seededDatabase();
    expect(takeCleanClose(file)).toBe(false);
    writeFileSync(file + cleanCloseSuffix, '{"database": ');
    expect(takeCleanClose(file)).toBe(false);
    expect(existsSync(file + cleanCloseSuffix)).toBe(false);
  });
});

describe('openDatabase trusting a clean close', () => {
  it('opens without checking first, and the background check then finds damage the record could not show', () => {
    const file = seededDatabase();
    damageUnseen(file);
    recordCleanClose(file);
    const opened = openDatabase(file, { trustCleanClose: true });
    expect(opened.checkDeferred).toBe(true);
    expect(opened.recovered).toBeNull();
    expect(checkDatabaseFile(file)).toMatch(/\S/);
    opened.db.close();
    // The next start has no record: it checks first and sets the damaged file aside.
    const next = openDatabase(file, { trustCleanClose: true });
    expect(next.checkDeferred).toBe(false);
    expect(next.recovered?.movedTo).toContain('.damaged-');
    next.db.close();
  });

  it('checks first when the record does not match, and finds a healthy file healthy', () => {
    const file = seededDatabase();
    recordCleanClose(file);
    writeFileSync(file, readFileSync(file));
    const opened = openDatabase(file, { trustCleanClose: true });
    expect(opened.checkDeferred).toBe(false);
    expect(opened.recovered).toBeNull();
    expect(listCalls(opened.db)).toHaveLength(300);
    opened.db.close();
    expect(checkDatabaseFile(file)).toBeNull();
  });

  it('without trustCleanClose always checks first and leaves the record alone', () => {
    const file = seededDatabase();
    recordCleanClose(file);
    const opened = openDatabase(file);
    expect(opened.checkDeferred).toBe(false);
    opened.db.close();
    expect(readdirSync(join(file, '..'))).toContain(`k.db${cleanCloseSuffix}`);
  });
});
