// Builds better-sqlite3 for Electron's ABI in a side folder, leaving node_modules (built for Node, used by
// tests, CLI and browser mode) untouched. Needs a connected machine; packaging does the same via electron-builder.
// CommonJS so that both plain Node scripts and Playwright's test loader can use it.
const { execFileSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The Electron binary's path, or null with the reason it is missing. */
function findElectron() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary)
      ? { binary }
      : { binary: null, reason: 'the Electron binary is not installed' };
  } catch (error) {
    return { binary: null, reason: String(error instanceof Error ? error.message : error).split('\n')[0] };
  }
}

/** Returns the path of a better_sqlite3.node built for the installed Electron, building it once if needed. */
function ensureElectronSqliteBinding(projectRoot) {
  const electronVersion = JSON.parse(
    readFileSync(join(projectRoot, 'node_modules/electron/package.json'), 'utf8'),
  ).version;
  const sqliteVersion = JSON.parse(
    readFileSync(join(projectRoot, 'node_modules/better-sqlite3/package.json'), 'utf8'),
  ).version;
  const folder = join(
    projectRoot,
    '.electron-native',
    `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${process.platform}-${process.arch}`,
  );
  const binding = join(folder, 'build/Release/better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(folder, { recursive: true });
  cpSync(join(projectRoot, 'node_modules/better-sqlite3'), folder, {
    recursive: true,
    filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`),
  });
  const prebuild = join(projectRoot, 'node_modules/prebuild-install/bin.js');
  try {
    execFileSync(
      process.execPath,
      [prebuild, '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`],
      { cwd: folder, stdio: 'inherit' },
    );
  } catch {
    const nodeGyp = join(projectRoot, 'node_modules/node-gyp/bin/node-gyp.js');
    execFileSync(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      {
        cwd: folder,
        stdio: 'inherit',
        env: { ...process.env, npm_config_nodedir: '' },
      },
    );
  }
  if (!existsSync(binding)) throw new Error('better-sqlite3 could not be built for Electron');
  return binding;
}

module.exports = { findElectron, ensureElectronSqliteBinding };
