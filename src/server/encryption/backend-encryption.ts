import type { ErrorLogPort } from '../../services/ports';
import type { DataKeyProvider } from './data-key';
import { DataKeyError, isFolderEncrypted, openFolderEncryption } from './folder-encryption';
import { forgetFolderKey, registerFolderKey } from './folder-keys';
import { upgradeFolder, type UpgradeProgress } from './folder-upgrade';

/** What the app reports about the data folder's encryption (Settings, diagnostics, the CLI). */
export interface EncryptionState {
  readonly encrypted: boolean;
  readonly keyOrigin: DataKeyProvider['origin'] | null;
  readonly keyLocation: string | null;
  /** The upgrade of a folder from before encryption: null when there is none. */
  readonly upgrade: UpgradeProgress | null;
}

export interface DataFolderEncryption {
  /** The key handed to worker threads. */
  readonly workerKey: { readonly folder: string; readonly keyHex: string } | undefined;
  startUpgrade(log: ErrorLogPort): void;
  state(): EncryptionState;
  close(): void;
}

/**
 * Opens the data folder's encryption for the backend: checks or makes the key (see folder-encryption.ts) and
 * registers it for every reader and writer of this thread. 'off' leaves a folder without encryption as it is.
 */
export function openDataFolderEncryption(
  dataDir: string,
  provider: DataKeyProvider | 'off',
  hasData: boolean,
): DataFolderEncryption {
  if (provider === 'off') {
    if (isFolderEncrypted(dataDir))
      throw new DataKeyError('The data folder is encrypted and no key was given', 'data_key_missing');
    return {
      workerKey: undefined,
      startUpgrade: () => undefined,
      state: () => ({ encrypted: false, keyOrigin: null, keyLocation: null, upgrade: null }),
      close: () => undefined,
    };
  }
  const opened = openFolderEncryption(dataDir, provider, hasData);
  registerFolderKey(dataDir, opened.key);
  let upgrade: UpgradeProgress | null = null;
  return {
    workerKey: { folder: dataDir, keyHex: opened.key.toString('hex') },
    startUpgrade: (log) => {
      if (!opened.upgradeNeeded) return;
      upgrade = { done: 0, total: 0, finished: false };
      upgradeFolder(dataDir, opened.key, (progress) => {
        upgrade = progress;
      }).catch((error: unknown) => {
        // Nothing is lost: every file is either as it was or sealed; the next start carries on.
        log.error('backend', 'Encrypting the data folder stopped; it carries on at the next start', error);
      });
    },
    state: () => ({ encrypted: true, keyOrigin: opened.origin, keyLocation: opened.location, upgrade }),
    close: () => forgetFolderKey(dataDir),
  };
}
