import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { createBackend } from './backend';
import { startupExitCodes } from './startup-failure';

const tempDir = useTempDirs();
const root = resolve(__dirname, '../..');

function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = request(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolvePromise({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser mode that cannot start', () => {
  it(
    'serves a page saying why, in the browser language, touches nothing, and exits with the problem code',
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDir();
      const running = createBackend({ dataDir });
      try {
        const child = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            join(root, 'src/server/browser-mode.ts'),
            '--data-dir',
            dataDir,
            '--port',
            '0',
            '--no-demo',
          ],
          {
            cwd: root,
            env: { ...process.env, LC_ALL: 'en_US.UTF-8' },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let output = '';
        const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
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
        expect(output).toContain(`Another Klankbord is already using the data folder ${dataDir}`);

        const dutch = await get(`${url}calls`, { 'Accept-Language': 'nl-NL,nl;q=0.9,en;q=0.8' });
        expect(dutch.status).toBe(503);
        expect(dutch.headers['content-security-policy']).toContain("default-src 'none'");
        expect(dutch.body).toContain('<html lang="nl">');
        expect(dutch.body).toContain('Klankbord kan niet starten');
        expect(dutch.body).toContain(`Een andere Klankbord gebruikt de gegevensmap ${dataDir} al`);
        const english = await get(url, { 'Accept-Language': 'en-GB' });
        expect(english.body).toContain('Klankbord cannot start');
        const rebound = await get(url, { Host: 'evil.example' });
        expect(rebound.status).toBe(421);

        expect(await running.dispatch('reviewer.set', { name: 'Still here' })).toMatchObject({ ok: true });
        child.kill('SIGTERM');
        expect(await exited).toBe(startupExitCodes.data_folder_in_use);
      } finally {
        running.close();
      }
    },
  );
});
