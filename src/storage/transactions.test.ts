import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { configureConnection } from './connection';
import { writeTransaction } from './transactions';

const tempDir = useTempDirs();

describe('writeTransaction', () => {
  it('holds the write lock from its start, before it has written anything, and nests as a savepoint', () => {
    const file = join(tempDir(), 'k.db');
    const mine = new Database(file);
    const other = new Database(file, { timeout: 0 });
    configureConnection(mine);
    configureConnection(other, 0);
    mine.exec('CREATE TABLE counter (n INTEGER NOT NULL)');
    mine.exec('INSERT INTO counter VALUES (0)');

    const result = writeTransaction(mine, () => {
      mine.prepare('SELECT n FROM counter').get();
      // Only read so far, yet another connection cannot start writing: the lock was taken at BEGIN.
      expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      writeTransaction(mine, () => mine.exec('UPDATE counter SET n = n + 1'));
      return 'done';
    });
    expect(result).toBe('done');
    expect(other.prepare('SELECT n FROM counter').pluck().get()).toBe(1);
    mine.close();
    other.close();
  });
});
