import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { insertCall } from '../storage/calls-repository';
import { cleanCloseSuffix, recordCleanClose } from '../storage/clean-close';
import { openDatabase } from '../storage/connection';
import { createBackend, databaseFileName, type Backend } from './backend';
import type { AppInfo, DatabaseCheck } from '../contract/schemas';

const tempDir = useTempDirs();

/** Waits for the background check's event, then answers app.info's databaseCheck. */
async function checkOutcome(backend: Backend): Promise<DatabaseCheck> {
  const check = async () => {
    const info = await backend.dispatch('app.info', {});
    if (!info.ok) throw new Error('app.info failed');
    return (info.value as AppInfo).databaseCheck;
  };
  const first = await check();
  if (first.state !== 'running') return first;
  await new Promise<void>((resolve) => {
    const stop = backend.events.listen((message) => {
      if (message.name !== 'app.databaseChecked') return;
      stop();
      resolve();
    });
  });
  return check();
}

/** A library with enough calls that its last pages hold call rows only. */
function seededFolder(): string {
  const dataDir = tempDir();
  createBackend({ dataDir }).close();
  const seeded = openDatabase(join(dataDir, databaseFileName));
  for (let i = 0; i < 300; i += 1)
    insertCall(seeded.db, { id: `c${i}`, title: `Gesprek ${i} ${'x'.repeat(200)}`, createdAtMs: i });
  seeded.db.close();
  return dataDir;
}

describe('the database check after a clean close', () => {
  it('a start after a clean close opens at once and checks in the background; a start after a crash checks first', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, databaseFileName);
    const first = createBackend({ dataDir });
    expect(first.info.databaseCheck.state).toBe('before-open');
    await first.dispatch('reviewer.set', { name: 'Sanne' });
    first.close();
    expect(existsSync(file + cleanCloseSuffix)).toBe(true);

    const second = createBackend({ dataDir });
    expect(second.info.databaseCheck.state).toBe('running');
    expect(existsSync(file + cleanCloseSuffix)).toBe(false);
    expect(await checkOutcome(second)).toEqual({ state: 'passed', damage: null });
    expect(await second.dispatch('reviewer.get', {})).toMatchObject({ ok: true, value: { name: 'Sanne' } });
    second.close();
    expect(existsSync(file + cleanCloseSuffix)).toBe(true);
  });

  it('a close while the background check runs leaves no record: the next start checks first', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, databaseFileName);
    createBackend({ dataDir }).close();
    const stopped = createBackend({ dataDir });
    expect(stopped.info.databaseCheck.state).toBe('running');
    stopped.close();
    expect(existsSync(file + cleanCloseSuffix)).toBe(false);
    const next = createBackend({ dataDir });
    expect(next.info.databaseCheck.state).toBe('before-open');
    next.close();
  });

  it('damage found in the background is announced, leaves no record, and the next start sets the file aside', async () => {
    const dataDir = seededFolder();
    const file = join(dataDir, databaseFileName);
    // A fault the record cannot see: pages overwritten and the modification time put back.
    const before = statSync(file);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, bytes.length - 4096 * 4, bytes.length - 4096 * 2);
    writeFileSync(file, bytes);
    utimesSync(file, before.atime, before.mtime);
    recordCleanClose(file);

    const opened = createBackend({ dataDir });
    expect(opened.info.recoveredDatabase).toBeNull();
    const outcome = await checkOutcome(opened);
    expect(outcome.state).toBe('damaged');
    expect(outcome.damage).toMatch(/\S/);
    opened.close();
    expect(existsSync(file + cleanCloseSuffix)).toBe(false);

    const restarted = createBackend({ dataDir });
    expect(restarted.info.databaseCheck.state).toBe('before-open');
    expect(restarted.info.recoveredDatabase?.movedTo).toContain('.damaged-');
    restarted.close();
  });
});
