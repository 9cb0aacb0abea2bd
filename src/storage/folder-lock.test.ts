import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { holdDataFolder } from '../../tests/support/lock-holders';
import { DataFolderInUseError, lockDataFolder } from './folder-lock';

const tempDir = useTempDirs();

describe('the data folder lock', () => {
  it('is refused at once to a second taker in the same process, and free again once released', () => {
    const dir = tempDir();
    const first = lockDataFolder(dir);
    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUseError);
    first.release();
    first.release();
    const second = lockDataFolder(dir);
    second.release();
  });

  it('is refused while another process holds the folder, and freed by the system when that process is killed', async () => {
    const dir = tempDir();
    const holder = await holdDataFolder(dir);
    try {
      expect(() => lockDataFolder(dir)).toThrow(DataFolderInUseError);
    } finally {
      // SIGKILL: the holder gets no chance to clean up; the operating system drops its locks.
      await holder.stop('SIGKILL');
    }
    const after = lockDataFolder(dir);
    after.release();
  });

  it('does not depend on a lock in another data folder', () => {
    const a = lockDataFolder(tempDir());
    const b = lockDataFolder(tempDir());
    a.release();
    b.release();
  });
});
