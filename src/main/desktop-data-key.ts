// The desktop app's data key: 32 random bytes kept wrapped by the operating system's credential store (Electron's
// safeStorage: Keychain, DPAPI, libsecret/kwallet) in a file of its own next to the app's settings. Only the main
// process can unwrap it; it hands the key to the backend process with the 'open' message.
import { safeStorage } from 'electron';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isFolderEncrypted } from '../server/encryption/folder-encryption';

export const wrappedKeyFileName = 'data-key.safe';

/** True when safeStorage protects with a real credential store (on Linux, not the 'basic_text' fallback). */
function credentialStoreAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (process.platform !== 'linux') return true;
  return safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

function writeWrapped(path: string, wrapped: Buffer): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(handle, wrapped);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
  renameSync(temporary, path);
}

/**
 * The data key (hex) from the credential store, made on first use; undefined when there is no credential store
 * (the backend then uses the key file in the config folder, as browser mode does), or when the folder is encrypted
 * and this installation holds no key for it (a new key would not open it: the backend reports the missing key).
 */
export function desktopDataKey(keyFolder: string, dataDir: string): string | undefined {
  if (!credentialStoreAvailable()) return undefined;
  const path = join(keyFolder, wrappedKeyFileName);
  if (existsSync(path)) {
    try {
      return safeStorage.decryptString(readFileSync(path));
    } catch {
      // The credential store no longer opens it (another user, a reset keychain): the backend says the key is missing.
      return undefined;
    }
  }
  if (isFolderEncrypted(dataDir)) return undefined;
  const keyHex = randomBytes(32).toString('hex');
  mkdirSync(keyFolder, { recursive: true });
  writeWrapped(path, safeStorage.encryptString(keyHex));
  return keyHex;
}
