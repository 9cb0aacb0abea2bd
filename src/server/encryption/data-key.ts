import { randomBytes, scryptSync } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/*
 * Where a data folder's key comes from. The desktop app keeps it wrapped by the operating system's credential store
 * (Electron's safeStorage, in the main process) and hands it to the backend process. Browser mode and the CLI read a
 * key file in the user's config folder (created on first use), or derive it from a passphrase the user sets
 * (KLANKBORD_PASSPHRASE; scrypt with the folder's salt). A key file is never created for a folder that is already
 * encrypted: a missing key is reported, not replaced.
 */
export interface DataKeyProvider {
  readonly origin: 'safe-storage' | 'key-file' | 'passphrase';
  /** Where the key lives, for messages (a file path, or the credential store's name). */
  readonly location: string;
  /**
   * The key; `create` allows making a new one (only for a folder not yet encrypted); `salt` for a passphrase;
   * `fits` says whether a key opens the folder (always true for a folder not yet encrypted).
   */
  obtain(request: KeyRequest): Buffer | undefined;
}

export interface KeyRequest {
  readonly create: boolean;
  readonly salt: Buffer;
  readonly fits: (key: Buffer) => boolean;
}

/** The folder that holds Klankbord's key file: KLANKBORD_CONFIG_DIR, else the platform's config folder. */
export function keyConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KLANKBORD_CONFIG_DIR) return env.KLANKBORD_CONFIG_DIR;
  const base =
    process.platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  // Not inside the default data folder (…/Klankbord), so a copy of the data folder does not carry its key.
  return join(base, 'klankbord-keys');
}

function writeNewKeyFile(path: string, key: Buffer): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(handle, `${key.toString('hex')}\n`);
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
  renameSync(temporary, path);
}

function readKeyFile(path: string): Buffer {
  const text = readFileSync(path, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) throw new Error(`The key file ${path} does not hold a 256-bit key`);
  return Buffer.from(text, 'hex');
}

/** A key kept in a file (64 hex digits), made when allowed and missing. */
export function keyFileProvider(path: string): DataKeyProvider {
  return {
    origin: 'key-file',
    location: path,
    obtain: ({ create }) => {
      if (existsSync(path)) return readKeyFile(path);
      if (!create) return undefined;
      writeNewKeyFile(path, randomBytes(32));
      return readKeyFile(path);
    },
  };
}

/** A key derived from a passphrase with the folder's salt (scrypt). */
export function passphraseProvider(passphrase: string): DataKeyProvider {
  return {
    origin: 'passphrase',
    location: 'KLANKBORD_PASSPHRASE',
    obtain: ({ salt }) =>
      scryptSync(passphrase.normalize('NFC'), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 << 20 }),
  };
}

/** A key the caller already holds (the desktop app's, unwrapped by the credential store in the main process). */
export function heldKeyProvider(key: Buffer, location: string): DataKeyProvider {
  return { origin: 'safe-storage', location, obtain: () => key };
}

/**
 * The first of `providers` whose key opens the folder (the desktop app's credential store, then a key file browser
 * mode made for the same folder); a new key comes from the first.
 */
export function firstFittingProvider(providers: readonly [DataKeyProvider, ...DataKeyProvider[]]): DataKeyProvider {
  const [first] = providers;
  return {
    origin: first.origin,
    location: providers.map((provider) => provider.location).join(', '),
    obtain: (request) => {
      if (request.create) return first.obtain(request);
      for (const provider of providers) {
        const key = provider.obtain(request);
        if (key && request.fits(key)) return key;
      }
      return first.obtain(request);
    },
  };
}

/** Browser mode's and the CLI's provider: KLANKBORD_PASSPHRASE, else KLANKBORD_KEY_FILE, else the config folder. */
export function defaultKeyProvider(env: NodeJS.ProcessEnv = process.env): DataKeyProvider {
  if (env.KLANKBORD_PASSPHRASE) return passphraseProvider(env.KLANKBORD_PASSPHRASE);
  return keyFileProvider(env.KLANKBORD_KEY_FILE ?? join(keyConfigDir(env), 'data.key'));
}

/**
 * What browser mode and the CLI use: KLANKBORD_ENCRYPTION=off keeps a folder that is not encrypted yet unencrypted
 * (a folder on a disk the operating system encrypts, the benchmark's baseline); an encrypted folder still needs its key.
 */
export function keyProviderFromEnvironment(env: NodeJS.ProcessEnv = process.env): DataKeyProvider | 'off' {
  return env.KLANKBORD_ENCRYPTION === 'off' ? 'off' : defaultKeyProvider(env);
}
