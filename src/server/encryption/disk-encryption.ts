import { execFile } from 'node:child_process';
import { parse } from 'node:path';

/*
 * Whether the disk under the data folder is encrypted by the operating system (best effort): the database itself is
 * not encrypted by Klankbord (docs/decisions/009-encryption-at-rest.md), so Settings reports this. Linux: the block
 * device under the folder's file system has a dm-crypt ("crypt", LUKS) layer in lsblk's inverse tree. macOS:
 * `fdesetup status` (FileVault). Windows: `manage-bde -status` for the folder's drive (BitLocker). Anything the tools
 * do not answer plainly is "unknown".
 */
export interface DiskEncryption {
  readonly state: 'encrypted' | 'not_encrypted' | 'unknown';
  /** What was asked: "LUKS/dm-crypt", "FileVault", "BitLocker"; null when nothing could be asked. */
  readonly method: string | null;
}

function run(command: string, args: readonly string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 5_000, windowsHide: true }, (error, stdout) =>
      resolve(error ? null : String(stdout)),
    );
  });
}

/** Reads lsblk's inverse tree of the device under `folder`: a "crypt" layer anywhere below means encrypted. */
export function readLinuxLayers(dfSource: string | null, lsblkTypes: string | null): DiskEncryption['state'] {
  if (!dfSource || !lsblkTypes) return 'unknown';
  const types = lsblkTypes
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (types.length === 0) return 'unknown';
  return types.includes('crypt') ? 'encrypted' : 'not_encrypted';
}

async function linux(folder: string): Promise<DiskEncryption> {
  const df = await run('df', ['--output=source', folder]);
  const source = df?.split('\n')[1]?.trim() ?? null;
  // tmpfs, overlay and network shares have no block device to ask about.
  if (!source || !source.startsWith('/dev/')) return { state: 'unknown', method: 'LUKS/dm-crypt' };
  const types = await run('lsblk', ['--inverse', '--noheadings', '--output', 'TYPE', source]);
  return { state: readLinuxLayers(source, types), method: 'LUKS/dm-crypt' };
}

async function macos(): Promise<DiskEncryption> {
  const status = await run('fdesetup', ['status']);
  if (!status) return { state: 'unknown', method: 'FileVault' };
  if (/FileVault is On/i.test(status)) return { state: 'encrypted', method: 'FileVault' };
  if (/FileVault is Off/i.test(status)) return { state: 'not_encrypted', method: 'FileVault' };
  return { state: 'unknown', method: 'FileVault' };
}

async function windows(folder: string): Promise<DiskEncryption> {
  const drive = parse(folder).root.replace(/\\$/, '');
  const status = await run('manage-bde', ['-status', drive]);
  if (!status) return { state: 'unknown', method: 'BitLocker' };
  if (/Protection On/i.test(status)) return { state: 'encrypted', method: 'BitLocker' };
  if (/Protection Off/i.test(status) && /Percentage Encrypted:\s*0/i.test(status))
    return { state: 'not_encrypted', method: 'BitLocker' };
  return { state: 'unknown', method: 'BitLocker' };
}

const cache = new Map<string, { at: number; value: Promise<DiskEncryption> }>();
const cacheMs = 10 * 60 * 1000;

/** Whether the disk holding `folder` is encrypted; asked at most every ten minutes per folder. */
export function diskEncryption(folder: string, now = Date.now()): Promise<DiskEncryption> {
  const cached = cache.get(folder);
  if (cached && now - cached.at < cacheMs) return cached.value;
  const value =
    process.platform === 'linux'
      ? linux(folder)
      : process.platform === 'darwin'
        ? macos()
        : process.platform === 'win32'
          ? windows(folder)
          : Promise.resolve<DiskEncryption>({ state: 'unknown', method: null });
  cache.set(folder, { at: now, value });
  return value;
}
