import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const projectRoot = resolve(__dirname, '../..');

export interface HeldLock {
  /** Kills the holder with `signal` and resolves once the process has ended (its locks are gone then). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function waitForLine(child: ChildProcess, line: string): Promise<HeldLock> {
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split('\n').includes(line)) {
        child.stdout?.off('data', onData);
        resolvePromise({
          stop: (signal = 'SIGKILL') => {
            if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
            const ended = new Promise<void>((done) => child.once('exit', () => done()));
            child.kill(signal);
            return ended;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`lock holder exited with ${code} before it held the lock:\n${output}`)),
    );
  });
}

/**
 * Another program holding SQLite's exclusive lock on a database file (as a database browser with an open write
 * transaction does), in its own process.
 */
export function holdDatabaseLock(file: string): Promise<HeldLock> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('LOCKED\\n');
    setInterval(() => {}, 60000);`;
  return waitForLine(
    spawn(process.execPath, ['-e', script], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] }),
    'LOCKED',
  );
}

/** The real backend running on `dataDir` in its own process (as browser mode or the desktop app would). */
export function holdDataFolder(dataDir: string): Promise<HeldLock> {
  // node with the tsx loader, not the tsx command: that one runs the script in a grandchild a kill would miss.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(projectRoot, 'tests/support/hold-data-folder.ts'), dataDir],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return waitForLine(child, 'READY');
}
