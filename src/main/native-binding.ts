// Environment variables that would make the app load native code from an arbitrary path. A packaged app ignores
// them: anyone able to set an environment variable could otherwise run their own code inside Klankbord.

/** Development only: which better-sqlite3 binding to load (built for Electron's ABI by scripts/launch.mjs). */
export const sqliteBindingVariable = 'KLANKBORD_SQLITE_BINDING';

/** The SQLite native binding to load instead of the bundled one: from the environment in development, never when packaged. */
export function sqliteBindingOverride(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | undefined {
  if (isPackaged) return undefined;
  const path = env[sqliteBindingVariable]?.trim();
  return path ? path : undefined;
}
