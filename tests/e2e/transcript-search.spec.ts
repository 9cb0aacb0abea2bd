import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe-helpers';
import { expect, test } from './fixtures';
import { invokeBackend } from './workspace-helpers';

const fixtures = join(__dirname, '../fixtures/e2e');
const audioTime = (page: Page) => page.evaluate(() => document.querySelector('audio')?.currentTime ?? -1);
// Where "internet" starts in klacht-internet.vtt (the customer: "Mijn <00:00:18.177>internet valt …").
const internetSec = 18.177;

test('searching every transcript finds what the customer said and opens the call at that word', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(app.url);
  await page
    .getByTestId('import-input')
    .setInputFiles([
      join(fixtures, 'klacht-internet.wav'),
      join(fixtures, 'klacht-internet.vtt'),
      join(fixtures, 'retour-gesprek.mp3'),
      join(fixtures, 'retour-gesprek.json'),
    ]);
  const summary = page.getByRole('alert', { name: 'Samenvatting import' });
  await expect(summary).toContainText('2 gesprekken toegevoegd');
  await summary.getByRole('button', { name: 'Sluiten' }).click();

  // Both calls mention the internet; diacritics and case do not matter.
  await page.getByRole('searchbox', { name: 'Zoeken in transcripten' }).fill('ÍNTERNET');
  const hits = page.getByTestId('transcript-hits').getByRole('button');
  await expect(hits).toHaveCount(2);
  await expect(page.getByTestId('transcript-hit-count')).toHaveText('2 treffers');

  // Only what the customer said: the hit in context, with speaker and time.
  await page.getByLabel('Gezegd door').selectOption('customer');
  await expect(hits).toHaveCount(1);
  const hit = hits.first();
  await expect(hit).toContainText('klacht-internet');
  await expect(hit).toContainText('Klant');
  await expect(hit).toContainText('0:18');
  await expect(hit.locator('mark')).toHaveText('internet');
  await expect(hit).toContainText('Mijn internet valt al vijf dagen');

  // A click opens the call with the player at that word, the word highlighted.
  await hit.click();
  await expect(page.getByRole('heading', { level: 1, name: 'klacht-internet' })).toBeVisible();
  await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
  await expect.poll(() => audioTime(page)).toBeGreaterThan(internetSec - 0.05);
  expect(await audioTime(page)).toBeLessThan(internetSec + 0.05);
  await expect(page.getByTestId('transcript').locator('.word-active')).toHaveText('internet');
});

test('one letter that starts many words is searched as a whole word, and the hint says so in the UI language', async ({
  page,
  request,
  app,
}, testInfo) => {
  // A transcript with 78 different words starting with "o" (more than the 64 a prefix is expanded to) and the word "o".
  const folder = testInfo.outputPath('many-words');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(fixtures, 'klacht-internet.wav'), join(folder, 'veel-woorden.wav'));
  const words = Array.from(
    { length: 78 },
    (_, n) => `o${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}k`,
  );
  writeFileSync(
    join(folder, 'veel-woorden.vtt'),
    `WEBVTT\n\n00:00:01.000 --> 00:00:09.000\n<v Klant>${words.join(' ')} en o zo\n`,
  );
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(app.url);
  await page
    .getByTestId('import-input')
    .setInputFiles([join(folder, 'veel-woorden.wav'), join(folder, 'veel-woorden.vtt')]);
  const summary = page.getByRole('alert', { name: 'Samenvatting import' });
  await expect(summary).toContainText('1 gesprek toegevoegd');
  await summary.getByRole('button', { name: 'Sluiten' }).click();

  const search = page.getByRole('searchbox', { name: 'Zoeken in transcripten' });
  await search.fill('o');
  const hint = page.getByTestId('transcript-whole-word');
  await expect(hint).toHaveText(
    '“o” wordt als heel woord gezocht; typ een derde letter om de woorden te vinden die ermee beginnen.',
  );
  // The whole word "o" is found, not the 78 words it starts.
  const hits = page.getByTestId('transcript-hits').getByRole('button');
  await expect(hits).toHaveCount(1);
  await expect(hits.first().locator('mark')).toHaveText('o');
  await page.screenshot({ path: testInfo.outputPath('whole-word-hint-nl-light.png') });

  // A third letter searches the words it starts again, without the hint.
  await search.fill('oba');
  await expect(hits.first().locator('mark')).toHaveText('obak');
  await expect(hint).toHaveCount(0);

  await invokeBackend(request, app, 'preferences.set', { language: 'en' });
  await page.reload();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('searchbox', { name: 'Search transcripts' }).fill('o');
  await expect(hint).toHaveText(
    '“o” is searched as a whole word; type a third letter to find the words that start with it.',
  );
  await page.screenshot({ path: testInfo.outputPath('whole-word-hint-en-dark.png') });
  await expectAccessible(page, 'whole-word hint');
});
