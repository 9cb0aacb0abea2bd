import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import packageJson from '../../package.json';

test('a renderer error lands in the log file with the version; Settings shows the log and copies the diagnostics', async ({
  page,
  context,
  app,
}) => {
  const logFile = join(app.dataDir, 'logs', 'klankbord.log');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Gesprekken', level: 1 })).toBeVisible();

  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('renderer failure from the e2e test');
    }, 0);
  });
  await expect
    .poll(() => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''))
    .toContain('renderer failure from the e2e test');
  const line =
    readFileSync(logFile, 'utf8')
      .split('\n')
      .find((text) => text.includes('renderer failure from the e2e test')) ?? '';
  expect(line).toContain(
    `[error] [renderer] [v${packageJson.version}] error: Error: renderer failure from the e2e test`,
  );
  expect(line).not.toContain('secret');

  await page.getByRole('button', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { name: 'Ondersteuning' })).toBeVisible();
  await expect(page.getByTestId('log-file')).toHaveText(logFile);
  await expect(page.getByTestId('recent-error-count')).toHaveText('1 in het logbestand');
  await page.getByRole('button', { name: 'Diagnose kopiëren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Diagnose gekopieerd' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`Klankbord ${packageJson.version} diagnostics`);
  expect(copied).toContain(`Data folder: ${app.dataDir}`);
  expect(copied).toContain(`Log file: ${logFile}`);
  expect(copied).toContain('Runs as: browser mode');
  expect(copied).toMatch(/\[renderer\] v\S+ error: Error: renderer failure from the e2e test/);
});
