import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { lockDataFolder } from '../storage/folder-lock';
import { canMountSmallDisk, mountSmallDisk } from '../../tests/support/small-disk';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { createBackend, databaseFileName, DataFolderInUseError, DatabaseTooNewError } from './backend';
import { classifyStartupFailure } from './startup-failure';
import type { AppInfo } from '../contract/schemas';

const tempDir = useTempDirs();

function startupError(start: () => unknown): unknown {
  try {
    start();
  } catch (error) {
    return error;
  }
  throw new Error('the backend started');
}

describe('createBackend and the data folder', () => {
  it('two backends on one data folder cannot both start; the first keeps working; closing frees the folder', async () => {
    const dataDir = tempDir();
    const first = createBackend({ dataDir });
    expect(() => createBackend({ dataDir })).toThrow(DataFolderInUseError);
    expect(await first.dispatch('reviewer.set', { name: 'Sanne' })).toMatchObject({ ok: true });
    first.close();
    const second = createBackend({ dataDir });
    expect(await second.dispatch('reviewer.get', {})).toMatchObject({ ok: true, value: { name: 'Sanne' } });
    second.close();
  });

  it('a start that fails releases the folder and leaves the database as it was', () => {
    const dataDir = tempDir();
    const file = join(dataDir, databaseFileName);
    const newer = new Database(file);
    newer.pragma('user_version = 999');
    newer.close();
    const before = readFileSync(file);
    expect(() => createBackend({ dataDir })).toThrow(DatabaseTooNewError);
    expect(readFileSync(file).equals(before)).toBe(true);
    lockDataFolder(dataDir).release();
  });

  it('shows the notice of a database moved aside at every start until it is dismissed', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, databaseFileName), 'not a database at all');
    const first = createBackend({ dataDir });
    const info = await first.dispatch('app.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { recoveredDatabase: { movedTo: expect.stringContaining('.damaged-') } },
    });
    first.close();

    const second = createBackend({ dataDir });
    // The same notice; this start's database check differs (after a clean close it runs in the background).
    const notice = (result: Awaited<ReturnType<typeof second.dispatch>>) =>
      result.ok ? (result.value as AppInfo).recoveredDatabase : undefined;
    expect(notice(await second.dispatch('app.info', {}))).toEqual(notice(info));
    expect(await second.dispatch('app.dismissRecoveryNotice', {})).toMatchObject({
      ok: true,
      value: { recoveredDatabase: null },
    });
    expect(await second.dispatch('app.info', {})).toMatchObject({ ok: true, value: { recoveredDatabase: null } });
    second.close();

    const third = createBackend({ dataDir });
    expect(third.info.recoveredDatabase).toBeNull();
    third.close();
    expect(readdirSync(dataDir).filter((name) => name.includes('.damaged-'))).toHaveLength(1);
  });

  it.skipIf(!canMountSmallDisk)(
    'on a full disk: refuses to start as "disk full", moves nothing, and starts with all data once there is space',
    async () => {
      const disk = mountSmallDisk(4 * 1024 * 1024)!;
      try {
        const dataDir = join(disk.dir, 'data');
        const seeded = createBackend({ dataDir });
        await seeded.dispatch('reviewer.set', { name: 'Sanne' });
        seeded.close();
        disk.fill();

        const error = startupError(() => createBackend({ dataDir }));
        expect(classifyStartupFailure(error, dataDir).problem).toBe('disk_full');
        expect(readdirSync(dataDir).filter((name) => name.includes('.damaged-'))).toEqual([]);

        disk.free();
        const restarted = createBackend({ dataDir });
        expect(restarted.info.recoveredDatabase).toBeNull();
        expect(await restarted.dispatch('reviewer.get', {})).toMatchObject({ ok: true, value: { name: 'Sanne' } });
        restarted.close();
      } finally {
        disk.unmount();
      }
    },
  );
});
