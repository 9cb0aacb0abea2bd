import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowserMode, makeDataDir, projectRoot } from '../support/browser-mode';
import { expect, test } from './fixtures';

const screenshotDir = join(__dirname, '../../test-results/screens');

test('the notice of a damaged database moved aside stays, across restarts, until it is dismissed', async ({ page }) => {
  const dataDir = makeDataDir();
  writeFileSync(join(dataDir, 'klankbord.db'), 'garbage that is not SQLite'.repeat(100));
  const first = await startBrowserMode(dataDir, { removeDataDir: false });
  await page.goto(first.url);
  const moved = readdirSync(dataDir).find((name) => name.startsWith('klankbord.db.damaged-'));
  await expect(page.getByRole('alert')).toContainText(join(dataDir, moved!));
  await first.stop();

  // Closed without dismissing: the next start still says it.
  const second = await startBrowserMode(dataDir, { removeDataDir: false });
  await page.goto(second.url);
  await expect(page.getByRole('alert')).toContainText(join(dataDir, moved!));
  await page.getByRole('button', { name: 'Sluiten' }).click();
  await expect(page.getByRole('alert')).toBeHidden();
  await second.stop();

  const third = await startBrowserMode(dataDir);
  await page.goto(third.url);
  await expect(page.getByRole('heading', { name: 'Nog geen gesprekken' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await third.stop();
});

test('a second browser mode on the same data folder serves a page that says why, in Dutch', async ({ page, app }) => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(projectRoot, 'src/server/browser-mode.ts'),
      '--data-dir',
      app.dataDir,
      '--port',
      '0',
      '--no-demo',
    ],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  try {
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
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Klankbord kan niet starten', level: 1 })).toBeVisible();
    await expect(page.getByText(`Een andere Klankbord gebruikt de gegevensmap ${app.dataDir} al`)).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'data-folder-in-use.png') });

    // The first one was not disturbed.
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Gesprekken', level: 1 })).toBeVisible();
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
});
