// npm start: build, then open the desktop app if Electron's binary is here, otherwise start browser mode.
// KLANKBORD_BROWSER_MODE=1 (or --browser) forces browser mode. Other arguments (e.g. --data-dir) pass through.
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqliteBinding, findElectron } from './electron-native.cjs';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser') || process.env.KLANKBORD_BROWSER_MODE === '1';
const passThrough = args.filter((arg) => arg !== '--browser');

execFileSync(
  process.execPath,
  [join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
  { cwd: projectRoot, stdio: 'inherit' },
);

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: projectRoot, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function startBrowserMode(reason) {
  console.log(`Electron did not start (${reason}); starting browser mode instead.`);
  run(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/server/browser-mode.ts'), ...passThrough]);
}

const electron = findElectron();
if (forceBrowser) {
  startBrowserMode('browser mode was requested');
} else if (!electron.binary) {
  startBrowserMode(electron.reason);
} else {
  let binding;
  try {
    binding = ensureElectronSqliteBinding(projectRoot);
  } catch (error) {
    startBrowserMode(
      `better-sqlite3 could not be built for Electron: ${error instanceof Error ? error.message : error}`,
    );
  }
  if (binding)
    run(electron.binary, [projectRoot, ...passThrough], { ...process.env, KLANKBORD_SQLITE_BINDING: binding });
}
