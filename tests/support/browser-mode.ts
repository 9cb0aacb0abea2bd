import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(__dirname, '../..');

export interface BrowserModeApp {
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Makes an empty temporary data folder. */
export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'klankbord-e2e-'));
}

/** Starts the real browser-mode backend (tsx, as `npm run browser` does) on a free port and waits for its URL. */
export async function startBrowserMode(
  dataDir: string,
  { removeDataDir = true, demo = false, env = {} as NodeJS.ProcessEnv } = {},
): Promise<BrowserModeApp> {
  const child: ChildProcess = spawn(
    join(projectRoot, 'node_modules/.bin/tsx'),
    [
      join(projectRoot, 'src/server/browser-mode.ts'),
      '--data-dir',
      dataDir,
      '--port',
      '0',
      ...(demo ? [] : ['--no-demo']),
    ],
    {
      cwd: projectRoot,
      env: { ...process.env, NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?secret=[\w-]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      if (removeDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts browser mode on a data folder it cannot open (in use, a missing key): it serves a page that says why, and
 * this waits for that page's URL.
 */
export async function startExplainingBrowserMode(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ readonly url: string; readonly output: () => string; stop(): Promise<void> }> {
  const child = spawn(
    join(projectRoot, 'node_modules/.bin/tsx'),
    [join(projectRoot, 'src/server/browser-mode.ts'), '--data-dir', dataDir, '--port', '0', '--no-demo'],
    { cwd: projectRoot, env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let output = '';
  const url = await new Promise<string>((found, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/) for the explanation/.exec(output);
      if (match?.[1]) found(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
