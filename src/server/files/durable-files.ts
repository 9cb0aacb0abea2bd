import { randomBytes } from 'node:crypto';
import { copyFile, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FilePort } from '../../services/ports';
import { keyForPath } from '../encryption/folder-keys';
import { sealBytes } from '../encryption/sealed-format';
import { isSealedFile, sealCopy } from '../encryption/sealed-files';

/*
 * Files the database points at (recordings, exports, packages) are placed durably, before the row that names them
 * commits: the content goes to a temporary file in the target's own folder (same file system, so the rename is
 * atomic), the file is fsynced, renamed to its final name, and the folder is fsynced so the rename itself survives a
 * power cut. A crash leaves either nothing, or a complete file under its final name, or a recognisable temporary
 * file (`.<name>.<hex>.tmp`) that start-up removes.
 */

/** The file-system calls the port makes; tests and the fault harness hand in ones that fail (ENOSPC, EIO). */
export interface FileSystemCalls {
  copyFile(source: string, target: string): Promise<void>;
  writeFile(target: string, bytes: Uint8Array): Promise<void>;
  /** fsync of a file's content. */
  syncFile(path: string): Promise<void>;
  /** fsync of a folder, which makes renames and removals in it durable. */
  syncFolder(path: string): Promise<void>;
  rename(source: string, target: string): Promise<void>;
  remove(path: string): Promise<void>;
}

async function syncPath(path: string, flags: 'r' | 'r+'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/*
 * Copy and write seal the content (AES-256-GCM, see src/server/encryption) when the target's data folder has a key:
 * every file placed through the port, and so every writer (import, package import, exports, packages), stores only
 * ciphertext.
 */
export const realFileSystemCalls: FileSystemCalls = {
  copyFile: (source, target) => {
    const key = keyForPath(target);
    return key ? sealCopy(source, target, key) : copyFile(source, target);
  },
  writeFile: async (target, rawBytes) => {
    const key = keyForPath(target);
    const bytes = key ? sealBytes(key, rawBytes) : rawBytes;
    const handle = await open(target, 'wx');
    try {
      let offset = 0;
      while (offset < bytes.length) offset += (await handle.write(bytes, offset, bytes.length - offset)).bytesWritten;
    } finally {
      await handle.close();
    }
  },
  // 'r+': Windows only flushes through a handle that may write.
  syncFile: (path) => syncPath(path, 'r+'),
  syncFolder: async (path) => {
    // Windows cannot open a folder for this; NTFS journals the rename itself.
    if (process.platform === 'win32') return;
    await syncPath(path, 'r');
  },
  rename: (source, target) => rename(source, target),
  remove: (path) => rm(path, { force: true, recursive: true }),
};

/** The temporary name next to `target`: starts with a dot and ends in .tmp, so a leftover is recognisable. */
export function temporaryNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** True for names the port (or another atomic writer) uses while a file is being written. */
export function isTemporaryName(name: string): boolean {
  return (
    (name.startsWith('.') && name.endsWith('.tmp')) || name.endsWith('.partial') || /\.partial-[0-9a-f-]+$/.test(name)
  );
}

/** The durable file port over `calls` (the real file system by default). */
export function createDurableFiles(calls: FileSystemCalls = realFileSystemCalls): FilePort {
  /** Fills a temporary file with `fill`, then makes it the target; on any failure the temporary file is removed. */
  async function place(target: string, fill: (temporary: string) => Promise<void>): Promise<void> {
    const temporary = temporaryNameFor(target);
    try {
      await fill(temporary);
      await calls.syncFile(temporary);
      await calls.rename(temporary, target);
    } catch (error) {
      await calls.remove(temporary).catch(() => undefined);
      throw error;
    }
    await calls.syncFolder(dirname(target));
  }
  return {
    copyInto: (source, target) => place(target, (temporary) => calls.copyFile(source, temporary)),
    moveInto: async (source, target) => {
      // A staged file written in plaintext (an unpacked package, a zip just written) is sealed on its way in.
      if (keyForPath(target) && !(await isSealedFile(source))) {
        await place(target, (temporary) => calls.copyFile(source, temporary));
        await calls.remove(source);
        return;
      }
      // The source is already in the data folder (a staged file): flush it, then rename it into place.
      await calls.syncFile(source);
      await calls.rename(source, target);
      await calls.syncFolder(dirname(target));
    },
    writeFile: (target, bytes) => place(target, (temporary) => calls.writeFile(temporary, bytes)),
    remove: async (path) => {
      await calls.remove(path);
      await calls.syncFolder(dirname(path)).catch(() => undefined);
    },
  };
}

/** Empties a folder (the staging area) without removing the folder itself. */
export async function emptyFolder(folder: string): Promise<number> {
  const entries = await readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) await rm(join(folder, entry), { recursive: true, force: true });
  return entries.length;
}
