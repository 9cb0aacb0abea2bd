import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { listStoredAudioNames } from '../../storage/audio-repository';
import { isTemporaryName } from './durable-files';

export interface CleanupReport {
  /** Uploads and unpacked packages left in staging/ by a job that never finished. */
  readonly staging: number;
  /** Files in audio/ without a row: a copy whose row never committed (crash, failed import), or a temporary file. */
  readonly audio: number;
  /** Half-written exports (temporary names) in exports/. */
  readonly exports: number;
}

function entriesOf(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * Start-up housekeeping, run while this process holds the data folder's lock (so no other process is mid-write):
 * staging/ is emptied, audio files no row points at are removed, and temporary export files go. Rows are never
 * touched; a row whose file is missing stays, so nothing saved is hidden.
 */
export function cleanDataFolder(
  db: Database.Database,
  folders: { readonly audioDir: string; readonly stagingDir: string; readonly exportsDir: string },
): CleanupReport {
  let staging = 0;
  for (const entry of entriesOf(folders.stagingDir)) {
    rmSync(join(folders.stagingDir, entry), { recursive: true, force: true });
    staging += 1;
  }
  const stored = listStoredAudioNames(db);
  let audio = 0;
  for (const entry of entriesOf(folders.audioDir)) {
    if (stored.has(entry)) continue;
    rmSync(join(folders.audioDir, entry), { recursive: true, force: true });
    audio += 1;
  }
  let exports = 0;
  for (const entry of entriesOf(folders.exportsDir)) {
    if (!isTemporaryName(entry)) continue;
    rmSync(join(folders.exportsDir, entry), { recursive: true, force: true });
    exports += 1;
  }
  return { staging, audio, exports };
}
