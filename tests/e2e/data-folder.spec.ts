import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { insertCall } from '../../src/storage/calls-repository';
import { recordCleanClose } from '../../src/storage/clean-close';
import { openDatabase } from '../../src/storage/connection';
import { saveTranscript } from '../../src/storage/transcripts-repository';
import { startBrowserMode, startExplainingBrowserMode, makeDataDir } from '../support/browser-mode';
import { expectAccessible } from './axe-helpers';
import { expect, test } from './fixtures';
import { invokeBackend } from './workspace-helpers';

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

test('after a clean close the library opens at once, and damage the background check finds is shown', async ({
  page,
  request,
}) => {
  const dataDir = makeDataDir();
  const file = join(dataDir, 'klankbord.db');
  await (await startBrowserMode(dataDir, { removeDataDir: false })).stop();
  // A call with a long transcript, so the file's last pages hold its search index, which nothing reads at start.
  const seeded = openDatabase(file);
  insertCall(seeded.db, { id: 'c1', title: 'Opzegging internet', agentName: 'Sanne', createdAtMs: 1 });
  const segments = Array.from({ length: 1500 }, (_, n) => ({
    speaker: n % 2 === 0 ? 'Sanne' : 'Peter',
    channel: null,
    startMs: n * 4000,
    endMs: n * 4000 + 3500,
    text: `zin ${n} over het abonnement woord${n} en nog wat${n} meer`,
    words: [],
  }));
  const source = { format: 'webvtt', language: 'nl', sourceName: 'c1.vtt', warnings: [], speakerRoles: {} } as const;
  saveTranscript(seeded.db, 'c1', { ...source, segments }, 2);
  seeded.db.close();
  // A disk fault no stat shows: pages overwritten, the modification time put back, the clean close recorded.
  const before = statSync(file);
  const bytes = readFileSync(file);
  bytes.fill(0x5a, bytes.length - 4096 * 3, bytes.length - 4096);
  writeFileSync(file, bytes);
  utimesSync(file, before.atime, before.mtime);
  recordCleanClose(file);

  const trusting = await startBrowserMode(dataDir, { removeDataDir: false });
  await page.goto(trusting.url);
  await expect(page.getByRole('button', { name: /Opzegging internet/ }).first()).toBeVisible();
  await expect(page.getByTestId('database-damage-notice')).toContainText(
    'Een controle van het databasebestand vond schade',
  );
  await page.screenshot({ path: join(screenshotDir, 'database-damage-notice.png') });
  // The same in English and dark: the notice stays for as long as this session runs, readable in either scheme.
  await invokeBackend(request, trusting, 'preferences.set', { language: 'en' });
  await page.reload();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByTestId('database-damage-notice')).toContainText('A check of the database file found damage');
  await page.screenshot({ path: join(screenshotDir, 'database-damage-notice-en-dark.png') });
  await expectAccessible(page, 'database damage notice');
  await trusting.stop();

  // The restart checks before opening and sets the damaged file aside, as after any damage.
  const restarted = await startBrowserMode(dataDir);
  await page.goto(restarted.url);
  const moved = readdirSync(dataDir).find((name) => name.startsWith('klankbord.db.damaged-'));
  await expect(page.getByRole('alert')).toContainText(join(dataDir, moved!));
  await expect(page.getByTestId('database-damage-notice')).toHaveCount(0);
  await restarted.stop();
});
