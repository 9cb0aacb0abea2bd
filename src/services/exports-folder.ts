import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { FilePort } from './ports';

// Exports wait in one folder as `<uuid>--<file name>`: the renderer downloads them by the uuid alone.
const separator = '--';

/** A file name safe on every platform, keeping letters (accents too), digits and . _ - */
export function safeFileName(name: string): string {
  return (
    name
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || 'klankbord-export'
  );
}

/**
 * Writes an export atomically (a temporary name in the same folder, flushed to disk, then renamed): a crash never
 * leaves a half-written file under the real name. Returns its download id.
 */
export function writeExport(exportsDir: string, fileName: string, bytes: Uint8Array): string {
  pruneOldExports(exportsDir, Date.now());
  const exportId = randomUUID();
  const finalPath = join(exportsDir, `${exportId}${separator}${safeFileName(fileName)}`);
  const temporaryPath = `${finalPath}.partial`;
  try {
    const handle = openSync(temporaryPath, 'w');
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(handle, bytes, offset, bytes.length - offset);
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
    renameSync(temporaryPath, finalPath);
  } catch (error) {
    rmSync(temporaryPath, { force: true });
    throw error;
  }
  syncFolder(exportsDir);
  return exportId;
}

/** Makes renames in a folder durable (Windows cannot open a folder for this; NTFS journals the rename). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const handle = openSync(folder, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

/** writeExport through the durable file port (the calling thread's services use this one). Returns the download id. */
export async function writeExportDurably(
  files: FilePort,
  exportsDir: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<string> {
  pruneOldExports(exportsDir, Date.now());
  const exportId = randomUUID();
  await files.writeFile(join(exportsDir, `${exportId}${separator}${safeFileName(fileName)}`), bytes);
  return exportId;
}

/**
 * A place for an export written as a stream by someone else (a zip writer): it writes `partialPath`, then `publish`
 * moves it into place durably (file and folder fsynced) through the file port, or `discard` removes it.
 */
export function reserveExport(
  exportsDir: string,
  fileName: string,
): {
  readonly exportId: string;
  readonly partialPath: string;
  publish(files: FilePort): Promise<void>;
  discard(): void;
} {
  pruneOldExports(exportsDir, Date.now());
  const exportId = randomUUID();
  const finalPath = join(exportsDir, `${exportId}${separator}${safeFileName(fileName)}`);
  const partialPath = `${finalPath}.partial`;
  const discard = () => rmSync(partialPath, { force: true });
  const publish = async (files: FilePort) => {
    try {
      await files.moveInto(partialPath, finalPath);
    } catch (error) {
      discard();
      throw error;
    }
  };
  return { exportId, partialPath, publish, discard };
}

/** The export with this id, if it exists (ids are checked: never a path from the caller). */
export function findExport(
  exportsDir: string,
  exportId: string,
): { readonly path: string; readonly fileName: string } | undefined {
  if (!/^[0-9a-f-]{36}$/.test(exportId)) return undefined;
  const name = readdirSync(exportsDir).find(
    (entry) => entry.startsWith(`${exportId}${separator}`) && !entry.endsWith('.partial') && !entry.endsWith('.tmp'),
  );
  return name ? { path: join(exportsDir, name), fileName: name.slice(exportId.length + separator.length) } : undefined;
}

/** How long a written export waits to be downloaded: the folder is a hand-over point, not an archive. */
const keepExportsMs = 24 * 60 * 60 * 1000;

/** Removes exports (and leftovers of interrupted ones) older than a day, so the data folder does not fill up. */
export function pruneOldExports(exportsDir: string, nowMs: number): void {
  for (const entry of readdirSync(exportsDir)) {
    const path = join(exportsDir, entry);
    try {
      if (nowMs - statSync(path).mtimeMs > keepExportsMs) rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to remove: nothing to do.
    }
  }
}
