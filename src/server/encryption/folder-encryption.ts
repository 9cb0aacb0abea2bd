import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { DataKeyProvider } from './data-key';
import { upgradeMarkerName } from './folder-upgrade';
import { defaultChunkBytes, openSealedBytes, sealBytes } from './sealed-format';

/*
 * A data folder says it is encrypted with `encryption.json`: the cipher, the key's origin, a passphrase salt and a
 * key check (a known text sealed with the key). Opening the folder checks the key against it before anything else
 * is read or written, so a missing or wrong key stops start-up with a clear message and changes nothing. A folder
 * without the file is either new (encrypted from its first file) or from before encryption (marked, then its files
 * are sealed one by one by the upgrade, see folder-upgrade.ts).
 */
export const encryptionFileName = 'encryption.json';
const keyCheckText = 'Klankbord data key check';

interface EncryptionFile {
  readonly format: 1;
  readonly cipher: 'aes-256-gcm-chunked';
  readonly chunkBytes: number;
  readonly keyOrigin: DataKeyProvider['origin'];
  readonly salt: string;
  readonly keyCheck: string;
  readonly createdAtMs: number;
}

/** Why a data folder's key cannot be used; the start-up failure names it in the user's language. */
export class DataKeyError extends Error {
  constructor(
    message: string,
    readonly problem: 'data_key_missing' | 'data_key_wrong',
  ) {
    super(message);
    this.name = 'DataKeyError';
  }
}

export interface FolderEncryption {
  readonly key: Buffer;
  readonly origin: DataKeyProvider['origin'];
  readonly location: string;
  /** True when the folder held unencrypted files when it was opened: the upgrade seals them. */
  readonly upgradeNeeded: boolean;
}

function writeEncryptionFile(dataDir: string, file: EncryptionFile): void {
  const target = join(dataDir, encryptionFileName);
  const temporary = join(dataDir, `.${encryptionFileName}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(handle, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
  renameSync(temporary, target);
  if (process.platform !== 'win32') {
    const folder = openSync(dataDir, 'r');
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
  }
}

function readEncryptionFile(dataDir: string): EncryptionFile | undefined {
  const path = join(dataDir, encryptionFileName);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as EncryptionFile;
}

function keyFits(key: Buffer, keyCheck: string): boolean {
  try {
    return openSealedBytes(key, Buffer.from(keyCheck, 'base64')).toString('utf8') === keyCheckText;
  } catch {
    return false;
  }
}

/** True when the data folder says its files are encrypted. */
export function isFolderEncrypted(dataDir: string): boolean {
  return existsSync(join(dataDir, encryptionFileName));
}

/**
 * Opens the encryption of `dataDir` with the key `provider` gives: checks it against an encrypted folder, or makes a
 * folder encrypted (new: nothing to seal; with data from before: the upgrade seals it). `hasData` says whether the
 * folder already holds a database. Throws DataKeyError when the key is missing or wrong.
 */
export function openFolderEncryption(dataDir: string, provider: DataKeyProvider, hasData: boolean): FolderEncryption {
  const existing = readEncryptionFile(dataDir);
  if (existing) {
    const fits = (candidate: Buffer) => keyFits(candidate, existing.keyCheck);
    const key = provider.obtain({ create: false, salt: Buffer.from(existing.salt, 'base64'), fits });
    if (!key)
      throw new DataKeyError(
        `The data folder is encrypted and its key (${provider.location}) is missing`,
        'data_key_missing',
      );
    if (!fits(key))
      throw new DataKeyError(`The key (${provider.location}) does not open this data folder`, 'data_key_wrong');
    const upgradeNeeded = existsSync(join(dataDir, upgradeMarkerName));
    return { key, origin: provider.origin, location: provider.location, upgradeNeeded };
  }
  const salt = randomBytes(16);
  const key = provider.obtain({ create: true, salt, fits: () => true });
  if (!key) throw new DataKeyError(`No key could be made at ${provider.location}`, 'data_key_missing');
  // The upgrade's own marker goes first: a crash between the two files still finishes the upgrade next time.
  if (hasData) writeFileDurably(join(dataDir, upgradeMarkerName), 'pending\n');
  writeEncryptionFile(dataDir, {
    format: 1,
    cipher: 'aes-256-gcm-chunked',
    chunkBytes: defaultChunkBytes,
    keyOrigin: provider.origin,
    salt: salt.toString('base64'),
    keyCheck: sealBytes(key, Buffer.from(keyCheckText, 'utf8')).toString('base64'),
    createdAtMs: Date.now(),
  });
  return { key, origin: provider.origin, location: provider.location, upgradeNeeded: hasData };
}

function writeFileDurably(path: string, text: string): void {
  const handle = openSync(path, 'w', 0o600);
  try {
    writeSync(handle, text);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}
