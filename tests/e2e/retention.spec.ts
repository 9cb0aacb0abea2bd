import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const screens = join(__dirname, '../../test-results/screens');
const fixtures = join(__dirname, '../fixtures/e2e');

// Every item at its maximum, in rubric order (0-3 items: 3; Ja/Nee items: Ja), so nothing needs evidence.
const maximumKeys = ['3', '1', '1', '3', '1', '3', '1', '3', '1', '1', '1', '3', '1', '3', '1', '3', '3', '3'];

async function openSettings(page: Page, name: 'Instellingen' | 'Settings') {
  await page.getByRole('navigation').getByRole('button', { name }).click();
}

test('a retention rule previews, removes the audio and transcript of a reviewed call, and keeps its score', async ({
  page,
  app,
}) => {
  // A safety net on a loaded machine; every step waits for a state, never for a duration.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(app.url);
  await page
    .getByTestId('import-input')
    .setInputFiles([join(fixtures, 'klacht-internet.wav'), join(fixtures, 'klacht-internet.vtt')]);
  const summary = page.getByRole('alert', { name: /Samenvatting import|Import summary/ });
  await expect(summary).toContainText('1 gesprek toegevoegd', { timeout: 30_000 });
  await summary.getByRole('button', { name: 'Sluiten' }).click();

  // Review and submit it: every item at its maximum.
  await page.getByRole('button', { name: 'klacht-internet' }).click();
  await page.getByRole('button', { name: 'Beoordelen' }).click();
  await page.getByLabel('Je naam').fill('Anouk');
  await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
  await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
  await page.locator('[data-item-id="1.1"]').focus();
  for (const key of maximumKeys) {
    await page.keyboard.press(key);
    await page.keyboard.press('ArrowDown');
  }
  const total = (await page.getByTestId('review-total').textContent())!.trim();
  expect(total).toBe('100,0');
  await page.getByRole('button', { name: 'Indienen' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('Ingediend');

  // The rule: 0 days after the last submitted review. The preview names the call before anything is saved.
  await openSettings(page, 'Instellingen');
  const routine = page.getByTestId('retention-routine-rule');
  await routine.getByLabel('Opname verwijderen').selectOption('after_last_submitted_review');
  await routine.getByLabel('Dagen').fill('0');
  const dueNow = page.getByTestId('retention-due-now');
  await expect(dueNow).toContainText('Dit gesprek verliest zijn opname, transcript en golfvorm bij de volgende ronde');
  await expect(dueNow).toContainText('klacht-internet');
  await expect(page.getByRole('button', { name: 'Nu uitvoeren' })).toBeDisabled();
  await page.getByRole('button', { name: 'Regels opslaan' }).click();
  await expect(page.getByText('Regels opgeslagen.')).toBeVisible();
  await page.getByRole('heading', { name: 'Bewaartermijn' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screens, 'retention-preview-nl-light.png') });

  // Run now, confirmed: removed, logged.
  await page.getByRole('button', { name: 'Nu uitvoeren' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('van 1 gesprek nu verwijderen? Dit kun je niet ongedaan maken');
  await confirm.getByRole('button', { name: 'Nu verwijderen' }).click();
  await expect(page.getByText(/De opname van 1 gesprek is verwijderd \(.+ vrijgemaakt\)\./)).toBeVisible();
  const log = page.getByTestId('retention-log');
  await expect(log).toContainText('klacht-internet');
  await expect(log).toContainText('Gewoon: 0 dagen na de laatst ingediende beoordeling');
  await expect(log).toContainText('Met de hand');
  await expect(page.getByTestId('retention-nothing-due')).toBeVisible();

  // The library and the call say so; the review still opens with its score.
  await page.getByRole('navigation').getByRole('button', { name: 'Gesprekken' }).click();
  await expect(page.getByTestId('media-removed-badge')).toHaveText('Opname verwijderd');
  await page.getByRole('button', { name: 'klacht-internet' }).click();
  await expect(page.getByTestId('media-removed-notice')).toContainText(
    'verwijderd door de bewaartermijn; scores en momenten blijven bewaard.',
  );
  await expect(page.getByTestId('waveform')).toHaveCount(0);
  await page.getByRole('button', { name: 'Beoordelen' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('Ingediend');
  await expect(page.getByTestId('review-total')).toHaveText(total);
  await page.screenshot({ path: join(screens, 'retention-call-nl.png') });

  await page.getByRole('navigation').getByRole('button', { name: 'Beoordelingen' }).click();
  const table = page.getByTestId('review-table');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('klacht-internet');
  await expect(table).toContainText(total);

  // Screenshots of the section at 1280×720: Dutch and English, light and dark.
  await openSettings(page, 'Instellingen');
  await page.getByTestId('retention-log').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screens, 'retention-settings-nl-light.png') });
  await page.getByRole('radio', { name: 'Donker' }).check();
  await page.getByTestId('retention-log').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screens, 'retention-settings-nl-dark.png') });
  await page.getByLabel('Taal').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Retention' })).toBeVisible();
  await page.getByTestId('retention-log').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('retention-log')).toContainText('Routine: 0 days after the last submitted review');
  await page.screenshot({ path: join(screens, 'retention-settings-en-dark.png') });
  await page.getByRole('radio', { name: 'Light' }).check();
  await page.getByTestId('retention-log').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screens, 'retention-settings-en-light.png') });
});
