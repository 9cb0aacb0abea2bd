import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { makeDataDir } from '../support/browser-mode';
import { expectAccessible } from './axe-helpers';
import { expect, test } from './fixtures';

const vttTime = (ms: number) => new Date(ms).toISOString().slice(11, 23);

/** A short spoken call (espeak-ng), its WebVTT cue exactly as long as the audio. */
function makeCall(folder: string, name: string, spoken: string, written: string): string[] {
  const audio = join(folder, `${name}.wav`);
  execFileSync('espeak-ng', ['-v', 'nl', '-s', '160', '-w', audio, spoken]);
  const durationMs = Math.round(Number(execFileSync('soxi', ['-D', audio]).toString().trim()) * 1000);
  const transcript = join(folder, `${name}.vtt`);
  writeFileSync(transcript, `WEBVTT\n\n${vttTime(0)} --> ${vttTime(durationMs)}\n<v Klant>${written}\n`);
  return [audio, transcript];
}

async function download(page: Page, button: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await pending;
  const path = join(makeDataDir(), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('a customer request: find calls by phone number across transcripts, export the archive, erase them', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'klankbord-request-'));
  const files = [
    ...makeCall(
      folder,
      'terugbelverzoek',
      'Bel me terug op nul zes, een twee drie vier vijf zes zeven acht.',
      'Bel me terug op 06-12345678 alstublieft.',
    ),
    ...makeCall(
      folder,
      'adreswijziging',
      'Mijn nummer is plus eenendertig zes, twaalf vierendertig, zesenvijftig achtenzeventig.',
      'Mijn nummer is +31 6 1234 5678, noteer dat maar.',
    ),
    ...makeCall(
      folder,
      'andere-klant',
      'Mijn nummer is nul zes, een twee drie vier vijf zes zeven negen.',
      'Mijn nummer is 06-12345679, tot ziens.',
    ),
  ];
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(app.url);
  await page.getByTestId('import-input').setInputFiles(files);
  const summary = page.getByRole('alert', { name: /Samenvatting import|Import summary/ });
  await expect(summary).toContainText('3 gesprekken toegevoegd', { timeout: 60_000 });
  await summary.getByRole('button', { name: 'Sluiten' }).click();

  // A review of the first call whose comment names the customer.
  await page.getByRole('button', { name: 'terugbelverzoek' }).click();
  await page.getByRole('button', { name: 'Beoordelen' }).click();
  await page.getByLabel('Je naam').fill('Anouk');
  await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
  const comment = page.getByLabel('Opmerking over het hele gesprek');
  await comment.fill('Mevrouw Jansen (06-12345678) was boos over de factuur.');
  await comment.blur();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('button', { name: '← Gesprekken' }).click();

  // Find by phone number in another notation than either transcript uses.
  await page.getByRole('button', { name: 'Instellingen' }).click();
  const requests = page.getByTestId('customer-requests');
  await requests.getByRole('searchbox').fill('0031 6 12345678');
  await requests.getByRole('button', { name: 'Gesprekken zoeken' }).click();
  await expect(requests.getByText('Gezocht als telefoonnummer · 2 gesprekken gevonden')).toBeVisible();
  const results = requests.getByTestId('request-call');
  await expect(results).toHaveCount(2);
  await expect(requests.getByTestId('request-results')).not.toContainText('andere-klant');
  await expect(results.filter({ hasText: 'terugbelverzoek' })).toContainText(
    'Bel me terug op 06-12345678 alstublieft.',
  );
  await expect(results.filter({ hasText: 'adreswijziging' }).locator('mark')).toHaveText('+31 6 1234 5678');
  await expectAccessible(page, 'customer requests with results');
  const callIds = await results.evaluateAll((items) => items.map((item) => item.getAttribute('data-call-id')!));

  // Export the archive and read it back.
  await requests.getByRole('checkbox', { name: 'Alles selecteren' }).check();
  await requests.getByLabel('Referentie van het verzoek (bijv. een ticketnummer)').fill('AVG-2026-0042');
  const archive = unzipSync(readFileSync(await download(page, 'Archief exporteren')));
  const names = Object.keys(archive).sort();
  expect(names.filter((name) => name.endsWith('.wav'))).toHaveLength(2);
  expect(names).toEqual(expect.arrayContaining(['LEESMIJ.txt', 'reviews.json', 'reviews.csv']));
  expect(names.some((name) => name.includes('andere-klant'))).toBe(false);
  const transcriptTexts = names
    .filter((name) => name.endsWith('transcript.txt'))
    .map((name) => new TextDecoder().decode(archive[name]));
  expect(transcriptTexts.join('\n')).toContain('06-12345678');
  expect(transcriptTexts.join('\n')).toContain('+31 6 1234 5678');
  const reviews = JSON.parse(new TextDecoder().decode(archive['reviews.json'])) as { comment: string }[];
  expect(reviews.map((review) => review.comment)).toEqual(['Mevrouw Jansen (06-12345678) was boos over de factuur.']);
  for (const name of names.filter((entry) => entry.endsWith('.wav')))
    expect(new TextDecoder().decode(archive[name]!.subarray(0, 4))).toBe('RIFF');

  // Erase, with the typed confirmation.
  await requests.getByRole('button', { name: 'Verwijderen…' }).click();
  const dialog = page.getByTestId('erase-dialog');
  await expectAccessible(page, 'erase confirmation');
  await dialog.getByLabel('Typ VERWIJDEREN om te bevestigen').fill('VERWIJDEREN');
  await dialog.getByRole('button', { name: 'Definitief verwijderen' }).click();
  await expect(requests.getByText('2 gesprekken verwijderd.')).toBeVisible();
  await expect(requests.getByText('Gezocht als telefoonnummer · Geen gesprekken gevonden.')).toBeVisible();
  const log = requests.getByTestId('request-log');
  await expect(log.getByRole('row')).toHaveCount(3);
  await expect(log.getByRole('row').nth(1)).toContainText('Verwijdering');
  await expect(log.getByRole('row').nth(2)).toContainText('Inzage');
  await expect(log).toContainText('AVG-2026-0042');
  await expect(log).not.toContainText('12345678');

  // The erased calls: no audio, a notice instead, the review anonymised; the other call untouched.
  await page.getByRole('button', { name: 'Gesprekken', exact: true }).click();
  await page.getByRole('button', { name: `#${callIds[0]!.slice(0, 8)}` }).click();
  await expect(page.getByTestId('media-removed')).toContainText('verwijderd op verzoek van de klant');
  await expect(page.getByText('Dit gesprek heeft geen audio.')).toBeVisible();
  await expect(page.locator('audio')).toHaveCount(0);
  await expectAccessible(page, 'call with media removed');
  await page.getByRole('button', { name: 'Beoordelen' }).click();
  await expect(page.getByLabel('Opmerking over het hele gesprek')).toHaveValue('');
  await page.getByRole('button', { name: '← Gesprekken' }).click();
  await page.getByRole('button', { name: 'andere-klant' }).click();
  await expect(page.locator('[data-testid="waveform"][data-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('media-removed')).toHaveCount(0);
});
