import { join } from 'node:path';
import { makeCardCall } from './card-call';
import { expect, test } from './fixtures';

const screens = join(__dirname, '../../test-results/screens');

test('a redaction applied permanently leaves a recording that is silent there and cannot be undone', async ({
  page,
  app,
}) => {
  const { audio, transcript, numberRange } = makeCardCall();
  await page.setViewportSize({ width: 1280, height: 720 });
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

  // The loudest sample the page's own audio source plays between two times (the stored recording is a WAV here).
  const loudestPlayed = (range: { startMs: number; endMs: number }) =>
    page.evaluate(async ({ startMs, endMs }) => {
      const bytes = new DataView(await (await fetch(document.querySelector('audio')!.src)).arrayBuffer());
      let offset = 12;
      let channels = 1;
      let rate = 8000;
      while (bytes.getUint32(offset, false) !== 0x64617461) {
        if (bytes.getUint32(offset, false) === 0x666d7420) {
          channels = bytes.getUint16(offset + 10, true);
          rate = bytes.getUint32(offset + 12, true);
        }
        offset += 8 + bytes.getUint32(offset + 4, true);
      }
      const data = offset + 8;
      let loudest = 0;
      for (let frame = Math.ceil((startMs * rate) / 1000); frame < Math.floor((endMs * rate) / 1000); frame += 1)
        for (let channel = 0; channel < channels; channel += 1)
          loudest = Math.max(loudest, Math.abs(bytes.getInt16(data + (frame * channels + channel) * 2, true)));
      return loudest;
    }, range);
  expect(await loudestPlayed(numberRange)).toBeGreaterThan(1000);

  await page.getByRole('button', { name: 'Privacy · 1 voorstel' }).click();
  const panel = page.getByTestId('redactions-panel');
  await panel
    .locator('[data-testid="redaction"][data-kind="card_number"]')
    .getByRole('button', { name: 'Afschermen' })
    .click();
  const permanent = panel.getByTestId('redaction-permanent-form');
  await expect(permanent).toContainText('1 afscherming wacht op toepassen');
  const apply = permanent.getByRole('button', { name: '1 afscherming definitief toepassen' });
  await expect(apply).toBeDisabled();
  await permanent.getByRole('checkbox').check();
  await apply.click();
  await expect(permanent.getByRole('alert')).toContainText('Schrijf op waarom');
  await permanent.getByLabel('Reden').fill('verzoek van de klant');
  await apply.click();
  await expect(permanent.getByTestId('redaction-permanent-done')).toContainText('de oorspronkelijke opname is weg');
  const redacted = panel.locator('[data-testid="redaction"][data-kind="card_number"]');
  await expect(redacted.getByTestId('redaction-applied')).toContainText('definitief toegepast');
  await expect(redacted.getByRole('button', { name: 'Afscherming opheffen' })).toHaveCount(0);
  await panel.getByText('Logboek').click();
  await expect(panel.getByTestId('redaction-audit')).toContainText('Definitief toegepast · Anouk');
  await page.screenshot({ path: join(screens, 'redaction-permanent-nl.png') });
  await panel.getByRole('button', { name: 'Sluiten' }).click();

  // The call reloads with the rewritten recording: silent where the number was spoken, still sound before it.
  await expect.poll(() => loudestPlayed(numberRange), { timeout: 20_000 }).toBe(0);
  expect(await loudestPlayed({ startMs: 200, endMs: numberRange.startMs - 100 })).toBeGreaterThan(1000);
  await expect(page.locator('.transcript-scroll')).toContainText('████');
  await expect(page.locator('.transcript-scroll')).not.toContainText('4111');
});
