import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makeCardCall } from './card-call';
import { expect, test } from './fixtures';
import { selectTranscriptText } from './transcript-helpers';

const screens = join(__dirname, '../../test-results/screens');

const audioState = (page: Page) =>
  page.evaluate(() => {
    const media = document.querySelector('audio')!;
    return { timeMs: media.currentTime * 1000, muted: media.muted };
  });

test('a card number spoken in a call is suggested at import, redacted, muted, masked and absent from the score export', async ({
  page,
  app,
}) => {
  const { audio, transcript } = makeCardCall();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles([audio, transcript]);
  const summary = page.getByRole('alert', { name: /Samenvatting import|Import summary/ });
  await expect(summary).toContainText('1 gesprek toegevoegd', { timeout: 30_000 });
  await summary.getByRole('button', { name: 'Sluiten' }).click();
  await page.getByRole('button', { name: 'kaartbetaling' }).click();
  await page.getByRole('button', { name: 'Beoordelen' }).click();
  await page.getByLabel('Je naam').fill('Anouk');
  await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
  await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();

  // The suggestion from the import scan, behind the Privacy button in the call's header.
  await page.getByRole('button', { name: 'Privacy · 1 voorstel' }).click();
  const panel = page.getByTestId('redactions-panel');
  const suggestion = panel.locator('[data-testid="redaction"][data-kind="card_number"]');
  await expect(suggestion).toHaveAttribute('data-status', 'suggested');
  await expect(suggestion).toContainText('Kaartnummer');
  const transcriptView = page.locator('.transcript-scroll');
  await expect(transcriptView).toContainText('4111 1111 1111 1111');

  // Redact it: masked in the transcript, a region on the waveform, logged with who did it.
  await suggestion.getByRole('button', { name: 'Afschermen' }).click();
  await expect(panel.locator('[data-testid="redaction"][data-kind="card_number"]')).toHaveAttribute(
    'data-status',
    'accepted',
  );
  await expect(transcriptView).toContainText('████ ████ ████ ████');
  await expect(transcriptView).not.toContainText('4111');
  await expect(page.getByTestId('redacted-region')).toHaveCount(1);
  await panel.getByText('Logboek').click();
  await expect(panel.getByTestId('redaction-audit')).toContainText('Afgeschermd · Anouk');
  await page.screenshot({ path: join(screens, 'call-redacted-nl.png') });
  await panel.getByRole('button', { name: 'Sluiten' }).click();
  await expect(panel).toBeHidden();

  // Playback: muted inside the range, audible after it.
  await page.getByTestId('play-pause').click();
  let mutedAtMs = 0;
  await expect
    .poll(
      async () => {
        const state = await audioState(page);
        mutedAtMs = state.timeMs;
        return state.muted;
      },
      { timeout: 20_000, intervals: [50] },
    )
    .toBe(true);
  await expect
    .poll(
      async () => {
        const state = await audioState(page);
        return !state.muted && state.timeMs > mutedAtMs;
      },
      { timeout: 20_000, intervals: [50] },
    )
    .toBe(true);
  await page.getByTestId('play-pause').click();

  // A range redacted by hand from words selected in the transcript, with a reason.
  await selectTranscriptText(page, 'tot ziens');
  await page.getByRole('button', { name: /Selectie afschermen/ }).click();
  const form = page.getByTestId('redaction-mark-form');
  await form.getByLabel('Reden').fill('afscheidsgroet met naam');
  await form.getByRole('button', { name: 'Bereik afschermen' }).click();
  await expect(panel.locator('[data-testid="redaction"][data-kind="manual"]')).toContainText('afscheidsgroet met naam');
  await expect(transcriptView).not.toContainText('tot ziens');
  await panel.getByRole('button', { name: 'Sluiten' }).click();
  await expect(panel).toBeHidden();

  // The score export (JSON, with the moments table) carries no trace of the number.
  await page.getByRole('navigation').getByRole('button', { name: 'Beoordelingen' }).click();
  await page.getByLabel('Formaat').selectOption('json');
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Scores exporteren' }).click();
  const exported = readFileSync((await (await pending).path())!, 'utf8');
  expect(JSON.parse(exported)).toMatchObject({
    reviews: [expect.objectContaining({ reviewerName: 'Anouk', callTitle: 'kaartbetaling' })],
  });
  expect(exported).not.toMatch(/4111|1111 1111/);
});
