import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const appFolderName = 'Klankbord';

/** The platform's user-data folder, the same one Electron's `app.getPath('userData')` gives for Klankbord. */
export function platformDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), appFolderName);
    case 'darwin':
      return join(home, 'Library', 'Application Support', appFolderName);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), appFolderName);
  }
}

/** Reads `--data-dir <path>` or `--data-dir=<path>` from argv. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return undefined;
}

/** Where data lives: the `--data-dir` flag, else `KLANKBORD_DATA_DIR`, else the platform's user-data folder. */
export function resolveDataDir(
  argv: readonly string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
  fallback = () => platformDataDir(),
): string {
  const chosen = dataDirFlag(argv) ?? env.KLANKBORD_DATA_DIR;
  return chosen && chosen.trim() !== '' ? resolve(chosen) : fallback();
}
