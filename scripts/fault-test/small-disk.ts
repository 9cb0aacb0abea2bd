import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real small file system (tmpfs) for full-disk runs. Mounting needs root; `mountSmallDisk` returns null where it
 * cannot mount, and callers fall back to an injected ENOSPC at the file port.
 */
export function mountSmallDisk(folder: string, sizeBytes: number): { readonly folder: string; unmount(): void } | null {
  mkdirSync(folder, { recursive: true });
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', folder], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return {
    folder,
    unmount: () => {
      try {
        execFileSync('umount', [folder], { stdio: 'ignore' });
      } catch {
        execFileSync('umount', ['-l', folder], { stdio: 'ignore' });
      }
    },
  };
}

/** Fills the disk holding `folder` with a ballast file until all but `leaveBytes` are used (or it is full). */
export function fillDisk(folder: string, leaveBytes = 0): { readonly path: string; free(): void } {
  const path = join(folder, 'ballast.bin');
  const handle = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  try {
    for (;;) {
      const { bavail, bsize } = statfsSync(folder);
      const room = bavail * bsize - leaveBytes;
      if (room <= 0) break;
      writeSync(handle, chunk, 0, Math.min(chunk.length, Math.max(bsize, room)));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(handle);
  }
  return { path, free: () => rmSync(path, { force: true }) };
}
