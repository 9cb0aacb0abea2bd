import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isTemporaryName } from '../files/durable-files';
import { isSealedFile, sealCopy } from './sealed-files';

/*
 * The upgrade of a data folder from before encryption: every file in audio/ and exports/ that is not sealed yet is
 * sealed into a temporary file next to it, fsynced, and renamed over the original (then the folder is fsynced). A
 * crash at any point leaves each file either plaintext or sealed, never half of each, and a temporary file start-up
 * removes; the next start carries on where it stopped (sealed files are skipped). Readers open both kinds meanwhile,
 * so the app works while the upgrade runs. When every file is sealed the `.encryption-upgrade` marker goes.
 */
export const upgradeMarkerName = '.encryption-upgrade';

export interface UpgradeProgress {
  readonly done: number;
  readonly total: number;
  readonly finished: boolean;
}

async function syncPath(path: string, flags: 'r' | 'r+'): Promise<void> {
  if (flags === 'r' && process.platform === 'win32') return;
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function sealInPlace(path: string, key: Buffer): Promise<void> {
  const folder = join(path, '..');
  const temporary = join(folder, `.${path.split(/[\\/]/).pop() ?? 'file'}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await sealCopy(path, temporary, key);
    await syncPath(temporary, 'r+');
    // The original may have gone meanwhile (retention, an erased request): never bring it back.
    if (!existsSync(path)) throw Object.assign(new Error('gone'), { code: 'ENOENT' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await syncPath(folder, 'r');
}

/** Seals the folder's unsealed files, reporting progress after each; resolves when the marker is removed. */
export async function upgradeFolder(
  dataDir: string,
  key: Buffer,
  onProgress: (progress: UpgradeProgress) => void = () => undefined,
): Promise<UpgradeProgress> {
  const files: string[] = [];
  for (const folder of ['audio', 'exports']) {
    const names = await readdir(join(dataDir, folder)).catch(() => [] as string[]);
    for (const name of names) if (!isTemporaryName(name)) files.push(join(dataDir, folder, name));
  }
  let done = 0;
  onProgress({ done, total: files.length, finished: false });
  for (const path of files) {
    const sealed = await isSealedFile(path).catch(() => true);
    if (!sealed) await sealInPlace(path, key);
    done += 1;
    onProgress({ done, total: files.length, finished: false });
  }
  await rm(join(dataDir, upgradeMarkerName), { force: true });
  await syncPath(dataDir, 'r').catch(() => undefined);
  const finished = { done, total: files.length, finished: true };
  onProgress(finished);
  return finished;
}
