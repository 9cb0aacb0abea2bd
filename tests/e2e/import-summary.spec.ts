import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDataDir } from '../support/browser-mode';
import { expect, test } from './fixtures';

const audio = join(__dirname, '../fixtures/audio');
const screens = join(__dirname, '../../test-results/screens');

test('the import summary counts what it lists, and says when audio came in without its refused transcript', async ({
  page,
  app,
}) => {
  const folder = makeDataDir();
  const file = (name: string, source: string) => {
    copyFileSync(source, join(folder, name));
    return join(folder, name);
  };
  const tooLong = join(folder, 'gesprek.vtt');
  writeFileSync(
    tooLong,
    'WEBVTT\n\n00:00:00.000 --> 00:59:00.000\nDit transcript hoort bij een veel langer gesprek.\n',
  );
  const files = [
    file('truncated.wav', join(audio, 'truncated.wav')),
    file('not-audio.wav', join(audio, 'not-audio.wav')),
    file('gesprek.wav', join(audio, 'tone-stereo-8k.wav')),
    tooLong,
    file('toon.wav', join(audio, 'tone-mulaw-8k.wav')),
    file('toon-kopie.wav', join(audio, 'tone-mulaw-8k.wav')),
  ];
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles(files);
  const summary = page.getByRole('alert', { name: 'Samenvatting import' });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary).toContainText('2 gesprekken toegevoegd');
  await expect(summary.getByText('3 bestanden zijn niet geïmporteerd:')).toBeVisible();
  const [refused, noted] = [summary.locator('ul.issue-list').nth(0), summary.locator('ul.issue-list').nth(1)];
  await expect(refused.locator('li')).toHaveCount(3);
  await expect(refused.locator('li', { hasText: 'gesprek.vtt' })).toContainText(
    'De audio (gesprek.wav) is zonder dit transcript geïmporteerd.',
  );
  await expect(summary.getByText('Opmerking bij 1 bestand:')).toBeVisible();
  await expect(noted.locator('li')).toHaveCount(1);
  await expect(noted).toContainText('toon-kopie.wav');
  await page.screenshot({ path: join(screens, 'import-summary-counts-nl.png') });
  await summary.getByRole('button', { name: 'Sluiten' }).click();
  await expect(page.locator('[data-call-id]')).toHaveCount(2);
});
