import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Resolves when the backend has answered a preferences.set call: the ready signal before a reload. */
function preferenceSaved(page: Page) {
  return page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/invoke') && (response.request().postData() ?? '').includes('preferences.set'),
  );
}

test('the ffmpeg location is kept in Settings, and emptied again means "look on PATH"', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Instellingen' }).click();
  const field = page.getByLabel('ffmpeg (optioneel)');
  await expect(field).toHaveAttribute('placeholder', 'ffmpeg zoeken op PATH');
  await field.fill('/opt/ffmpeg/bin/ffmpeg');
  const saved = preferenceSaved(page);
  await field.press('Enter');
  await saved;

  await page.reload();
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await expect(page.getByLabel('ffmpeg (optioneel)')).toHaveValue('/opt/ffmpeg/bin/ffmpeg');
  await page.getByLabel('ffmpeg (optioneel)').fill('');
  const cleared = preferenceSaved(page);
  await page.getByLabel('ffmpeg (optioneel)').press('Enter');
  await cleared;

  await page.reload();
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await expect(page.getByLabel('ffmpeg (optioneel)')).toHaveValue('');
});
