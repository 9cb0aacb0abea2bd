import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// Exports wait in one folder as `<uuid>--<file name>`: the renderer downloads them by the uuid alone.
const separator = '--';

/** A file name safe on every platform, keeping letters (accents too), digits and . _ - */
export function safeFileName(name: string): string {
  return name.normalize('NFC').replace(/[^\p{L}\p{N}._ -]+/gu, '-').replace(/\s+/g, ' ').trim().slice(0, 120) || 'klankbord-export';
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
  return exportId;
}

/**
 * A place for an export written as a stream by someone else (a zip writer): it writes `partialPath` (flushed), then
 * `publish` renames it into place, or `discard` removes it.
 */
export function reserveExport(exportsDir: string, fileName: string): { readonly exportId: string; readonly partialPath: string; publish(): void; discard(): void } {
  pruneOldExports(exportsDir, Date.now());
  const exportId = randomUUID();
  const finalPath = join(exportsDir, `${exportId}${separator}${safeFileName(fileName)}`);
  const partialPath = `${finalPath}.partial`;
  return { exportId, partialPath, publish: () => renameSync(partialPath, finalPath), discard: () => rmSync(partialPath, { force: true }) };
}

/** The export with this id, if it exists (ids are checked: never a path from the caller). */
export function findExport(exportsDir: string, exportId: string): { readonly path: string; readonly fileName: string } | undefined {
  if (!/^[0-9a-f-]{36}$/.test(exportId)) return undefined;
  const name = readdirSync(exportsDir).find((entry) => entry.startsWith(`${exportId}${separator}`) && !entry.endsWith('.partial'));
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
