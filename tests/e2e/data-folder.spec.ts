import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBrowserMode, startExplainingBrowserMode, makeDataDir } from '../support/browser-mode';
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
  const second = await startExplainingBrowserMode(app.dataDir);
  try {
    const { url } = second;
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Klankbord kan niet starten', level: 1 })).toBeVisible();
    await expect(page.getByText(`Een andere Klankbord gebruikt de gegevensmap ${app.dataDir} al`)).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'data-folder-in-use.png') });

    // The first one was not disturbed.
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Gesprekken', level: 1 })).toBeVisible();
  } finally {
    await second.stop();
  }
});
