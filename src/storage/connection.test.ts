import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { insertCall, listCalls } from './calls-repository';
import { configureConnection, openDatabase, DatabaseOpenError } from './connection';
import { latestSchemaVersion, migrate, migrations } from './migrations';
import { dismissRecoveryNotice } from './recovery-notice-repository';
import { holdDatabaseLock } from '../../tests/support/lock-holders';
import { canMountSmallDisk, mountSmallDisk } from '../../tests/support/small-disk';

const tempDir = useTempDirs();

describe('openDatabase', () => {
  it('configures WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const { db, schemaVersion, recovered } = openDatabase(join(tempDir(), 'k.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion).toBe(latestSchemaVersion);
    expect(recovered).toBeNull();
    db.close();
  });

  it('keeps data across reopen', () => {
    const file = join(tempDir(), 'k.db');
    const first = openDatabase(file);
    insertCall(first.db, { id: 'a', title: 'Eerste gesprek', createdAtMs: 1 });
    first.db.close();
    const second = openDatabase(file);
    expect(second.recovered).toBeNull();
    expect(listCalls(second.db).map((c) => c.title)).toEqual(['Eerste gesprek']);
    second.db.close();
  });

  it('moves a file that is not a database aside, byte for byte, and starts fresh', () => {
    const dir = tempDir();
    const file = join(dir, 'k.db');
    writeFileSync(file, 'this is not an SQLite database, it is a shopping list');
    const opened = openDatabase(file, { now: () => new Date('2026-11-22T10:00:00Z') });
    expect(opened.recovered).not.toBeNull();
    expect(opened.recovered?.movedTo).toBe(`${file}.damaged-2026-11-22T10-00-00-000Z`);
    expect(readFileSync(opened.recovered!.movedTo, 'utf8')).toContain('shopping list');
    expect(listCalls(opened.db)).toEqual([]);
    opened.db.close();
  });

  it('detects a database whose pages were overwritten, never overwrites an earlier damaged copy', () => {
    const dir = tempDir();
    const file = join(dir, 'k.db');
    const seeded = openDatabase(file);
    for (let i = 0; i < 300; i += 1)
      insertCall(seeded.db, { id: `c${i}`, title: `Gesprek ${i} ${'x'.repeat(200)}`, createdAtMs: i });
    seeded.db.pragma('wal_checkpoint(TRUNCATE)');
    seeded.db.close();
    const bytes = readFileSync(file);
    // Scribble over the middle of the file, as a failing disk or a bad copy would.
    bytes.fill(0x5a, 4096 * 3, 4096 * 6);
    writeFileSync(file, bytes);
    writeFileSync(`${file}.damaged-2026-11-22T10-00-00-000Z`, 'an earlier damaged copy');

    const opened = openDatabase(file, { now: () => new Date('2026-11-22T10:00:00Z') });
    expect(opened.recovered?.movedTo).toBe(`${file}.damaged-2026-11-22T10-00-00-000Z-2`);
    expect(readFileSync(`${file}.damaged-2026-11-22T10-00-00-000Z`, 'utf8')).toBe('an earlier damaged copy');
    expect(readFileSync(opened.recovered!.movedTo).equals(bytes)).toBe(true);
    opened.db.close();
    expect(readdirSync(dir).filter((name) => name.includes('damaged'))).toHaveLength(2);
  });

  it('a healthy database with a WAL file is not treated as damaged', () => {
    const file = join(tempDir(), 'k.db');
    const a = openDatabase(file);
    insertCall(a.db, { id: 'w', title: 'in the WAL', createdAtMs: 1 });
    // Simulate a crash: copy the files while the connection is open, so the WAL is not checkpointed.
    const copy = `${file}.copy`;
    writeFileSync(copy, readFileSync(file));
    writeFileSync(`${copy}-wal`, readFileSync(`${file}-wal`));
    a.db.close();
    const b = openDatabase(copy);
    expect(b.recovered).toBeNull();
    expect(listCalls(b.db).map((c) => c.title)).toEqual(['in the WAL']);
    b.db.close();
    expect(existsSync(copy)).toBe(true);
  });

  it('enforces foreign keys', () => {
    const { db } = openDatabase(join(tempDir(), 'k.db'));
    expect(() =>
      db
        .prepare(
          "INSERT INTO reviews (id, call_id, reviewer_id, status, created_at_ms, updated_at_ms) VALUES ('r', 'missing', 'x', 'draft', 1, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('opens with a plain better-sqlite3 handle afterwards (the file is a normal SQLite database)', () => {
    const file = join(tempDir(), 'k.db');
    openDatabase(file).db.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    raw.close();
  });

  it('keeps the notice of a database moved aside until it is dismissed', () => {
    const file = join(tempDir(), 'k.db');
    writeFileSync(file, 'not a database');
    const first = openDatabase(file);
    const notice = first.recovered;
    expect(notice?.reason).toMatch(/not a database/);
    first.db.close();
    const second = openDatabase(file);
    expect(second.recovered).toEqual(notice);
    dismissRecoveryNotice(second.db);
    second.db.close();
    const third = openDatabase(file);
    expect(third.recovered).toBeNull();
    third.db.close();
  });
});

/** The data folder's files other than the database itself: a moved-aside copy would show up here. */
const damagedCopies = (dir: string) => readdirSync(dir).filter((name) => name.includes('damaged'));

describe('openDatabase when the database cannot be used now', () => {
  it.skipIf(!canMountSmallDisk)(
    'on a full disk: throws, leaves the healthy file where it is, and opens it once there is space',
    () => {
      const disk = mountSmallDisk(1024 * 1024)!;
      try {
        const file = join(disk.dir, 'k.db');
        // Seeded at schema version 7, as an older Klankbord left it: opening must then write (the newer migrations), so
        // a full disk refuses it whatever room SQLite's own files happen to find.
        const seeded = new Database(file);
        configureConnection(seeded);
        migrate(seeded, migrations, 7);
        for (let i = 0; i < 20; i += 1)
          seeded
            .prepare('INSERT INTO calls (id, title, created_at_ms) VALUES (?, ?, ?)')
            .run(`c${i}`, `Gesprek ${i}`, i);
        seeded.close();
        const before = readFileSync(file);
        disk.fill();

        let thrown: unknown;
        try {
          openDatabase(file).db.close();
        } catch (error) {
          thrown = error;
        }
        expect(damagedCopies(disk.dir)).toEqual([]);
        expect(readFileSync(file).equals(before)).toBe(true);
        expect(thrown).toBeInstanceOf(DatabaseOpenError);
        expect((thrown as DatabaseOpenError).code).toMatch(/^SQLITE_(FULL|IOERR)/);

        disk.free();
        const reopened = openDatabase(file);
        expect(reopened.recovered).toBeNull();
        expect(listCalls(reopened.db)).toHaveLength(20);
        reopened.db.close();
      } finally {
        disk.unmount();
      }
    },
  );

  it('locked by another process: waits for the busy timeout, throws SQLITE_BUSY and leaves the file where it is', async () => {
    const dir = tempDir();
    const file = join(dir, 'k.db');
    const seeded = openDatabase(file);
    insertCall(seeded.db, { id: 'kept', title: 'Blijft bewaard', createdAtMs: 1 });
    seeded.db.close();
    const holder = await holdDatabaseLock(file);
    try {
      expect(() => openDatabase(file, { busyTimeoutMs: 200 })).toThrow(
        expect.objectContaining({ name: 'DatabaseOpenError', code: 'SQLITE_BUSY' }),
      );
      expect(damagedCopies(dir)).toEqual([]);
    } finally {
      await holder.stop();
    }
    const reopened = openDatabase(file);
    expect(reopened.recovered).toBeNull();
    expect(listCalls(reopened.db).map((call) => call.title)).toEqual(['Blijft bewaard']);
    reopened.db.close();
  });

  it('an I/O error while checking the file (from the connection seam) is not damage: nothing is moved', () => {
    const dir = tempDir();
    const file = join(dir, 'k.db');
    openDatabase(file).db.close();
    const failingDisk = () => {
      throw new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_READ');
    };
    expect(() => openDatabase(file, { connect: failingDisk })).toThrow(
      expect.objectContaining({ name: 'DatabaseOpenError', code: 'SQLITE_IOERR_READ' }),
    );
    expect(damagedCopies(dir)).toEqual([]);
    expect(existsSync(file)).toBe(true);
  });
});
