import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real, small filesystem (tmpfs) that can be filled up, to see what the app does when the disk is full. */
export interface SmallDisk {
  readonly dir: string;
  /** Writes a filler file until the filesystem answers ENOSPC. */
  fill(): void;
  /** Removes the filler file: there is space again. */
  free(): void;
  unmount(): void;
}

/** Whether this machine lets us mount a tmpfs (root on Linux); tests needing one are skipped otherwise. */
export const canMountSmallDisk: boolean = (() => {
  if (process.platform !== 'linux') return false;
  const disk = mountSmallDisk(64 * 1024);
  disk?.unmount();
  return disk !== null;
})();

/** Mounts a tmpfs of `sizeBytes` on a new temporary folder; null when mounting is not allowed here. */
export function mountSmallDisk(sizeBytes: number): SmallDisk | null {
  const dir = mkdtempSync(join(tmpdir(), 'klankbord-small-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmdirSync(dir);
    return null;
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill: () => {
      const fd = openSync(filler, 'a');
      const block = Buffer.alloc(4096, 0x55);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    unmount: () => {
      spawnSync('umount', [dir]);
      rmdirSync(dir);
    },
  };
}
