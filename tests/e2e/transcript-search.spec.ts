import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

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
