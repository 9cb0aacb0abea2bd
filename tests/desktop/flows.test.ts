// The main flows through the real desktop shell: import through the open dialog, play and seek over app:// Range
// answers, review with autosave, a calibration package exported and imported, a score export saved. File paths
// come from the stand-in's dialogs (the main process), never from the page. The tests run in order on one app.
import { expect as pwExpect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import './bridge-global';
import { clickTranscriptWord } from '../e2e/transcript-helpers';
import { dialogState, protocol, protocolState } from './electron-stand-in/app';
import { launchDesktop, projectRoot, type DesktopApp } from './harness';
import { seekLands, withoutRange } from './media-helpers';

const fixtures = join(projectRoot, 'tests/fixtures');
let desktop: DesktopApp;

beforeAll(async () => {
  desktop = await launchDesktop();
  await pwExpect(desktop.page.getByRole('button', { name: 'demo-klantgesprek' })).toBeVisible({ timeout: 60_000 });
});
afterAll(async () => {
  await desktop?.close();
});

const lastDialog = () => dialogState.shown.at(-1);

/** Clicks an export button; the save dialog answers `path`; resolves when the file is there. */
async function saveThroughDialog(page: Page, button: string, path: string): Promise<Buffer> {
  dialogState.saveAnswers.push({ canceled: false, filePath: path });
  await page.getByRole('button', { name: button }).click();
  await pwExpect.poll(() => existsSync(path), { timeout: 60_000 }).toBe(true);
  await pwExpect.poll(() => dialogState.saveAnswers.length).toBe(0);
  return readFileSync(path);
}

describe('desktop flows', () => {
  it('imports a call chosen in the open dialog; a path the page names itself is refused', async () => {
    const page = desktop.page;
    dialogState.openAnswers.push({
      canceled: false,
      filePaths: [join(fixtures, 'e2e/klacht-internet.wav'), join(fixtures, 'e2e/klacht-internet.vtt')],
    });
    await page.getByRole('button', { name: 'Importeren…' }).click();
    const summary = page.getByRole('alert', { name: 'Samenvatting import' });
    await pwExpect(summary).toContainText('1 gesprek toegevoegd', { timeout: 60_000 });
    expect(lastDialog()).toMatchObject({
      kind: 'open',
      parented: true,
      options: { properties: ['openFile', 'multiSelections'] },
    });
    await summary.getByRole('button', { name: 'Sluiten' }).click();
    await pwExpect(page.getByRole('button', { name: 'klacht-internet' })).toBeVisible();

    const named = await page.evaluate(
      (path) => window.klankbord!.invoke({ method: 'imports.start', input: { sources: [{ kind: 'path', path }] } }),
      join(fixtures, 'e2e/retour-gesprek.mp3'),
    );
    expect(named).toMatchObject({ ok: false, error: { code: 'path_not_granted' } });
    const outside = await page.evaluate(() =>
      window.klankbord!.invoke({ method: 'packages.import', input: { source: { kind: 'path', path: '/etc/passwd' } } }),
    );
    expect(outside).toMatchObject({ ok: false, error: { code: 'path_not_granted' } });
    // Cancelling the dialog changes nothing.
    const shown = dialogState.shown.length;
    await page.keyboard.press('Control+o');
    await pwExpect.poll(() => dialogState.shown.length).toBe(shown + 1);
    await pwExpect(page.getByRole('alert')).toHaveCount(0);
  });

  it('plays and seeks: media comes with 206 and Content-Range, and the CSP', async () => {
    const page = desktop.page;
    await page.getByRole('button', { name: 'klacht-internet' }).click();
    await pwExpect(page.getByRole('heading', { name: 'klacht-internet', level: 1 })).toBeVisible();
    const transcript = page.getByTestId('transcript');
    await page.getByTestId('play-pause').click();
    await pwExpect(transcript.locator('.word-active')).toBeVisible({ timeout: 15_000 });
    await page.getByTestId('play-pause').click();
    await seekLands(page, () => clickTranscriptWord(page, 'Jong.'), 8.023);
    await seekLands(page, () => clickTranscriptWord(page, 'spuugzat.'), 12.589);
    const audio = desktop.served.filter((response) => response.url.startsWith('app://klankbord/media/audio/'));
    const ranged = audio.filter((response) => response.requestHeaders.range !== undefined);
    expect(ranged.length).toBeGreaterThan(0);
    for (const response of ranged) {
      expect(response.status).toBe(206);
      expect(response.headers['content-range']).toMatch(/^bytes \d+-\d+\/\d+$/);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
    const peaks = desktop.served.filter((response) => response.url.startsWith('app://klankbord/media/peaks/'));
    expect(peaks.length).toBeGreaterThan(0);
    expect(
      peaks.every((response) => response.status === 200 && response.headers['content-security-policy'] !== undefined),
    ).toBe(true);
  });

  it('reviews the demo call; every edit is saved and still there after a reload', async () => {
    const page = desktop.page;
    await page
      .getByRole('button', { name: '← Bibliotheek' })
      .or(page.getByRole('navigation').getByRole('button', { name: 'Gesprekken' }))
      .first()
      .click();
    await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
    await page.getByRole('button', { name: 'Beoordelen' }).click();
    await page.getByLabel('Je naam').fill('Lotte (lead)');
    await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
    await pwExpect(page.getByTestId('review-status')).toHaveText('Concept');
    await page.getByLabel('Klant bij de start').selectOption('negative');
    await page.getByLabel('Opmerking over het hele gesprek').fill('Sterke empathie na de eerste klacht.');
    await page.getByLabel('Opmerking over het hele gesprek').blur();
    await pwExpect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    // What survives comes from the database: the page's own journal of unsaved edits is cleared first.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
    await page.getByRole('button', { name: 'Beoordelen' }).click();
    await pwExpect(page.getByLabel('Klant bij de start')).toHaveValue('negative');
    await pwExpect(page.getByLabel('Opmerking over het hele gesprek')).toHaveValue(
      'Sterke empathie na de eerste klacht.',
    );
  });

  it('exports a session package to the file chosen in the save dialog, and imports it through the open dialog', async () => {
    const page = desktop.page;
    await page.getByRole('navigation').getByRole('button', { name: 'Kalibratie' }).click();
    await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe sessie' });
    await form.getByLabel('Naam', { exact: true }).fill('Kalibratie week 47');
    await form.getByLabel('demo-klantgesprek').check();
    await form.getByLabel('klacht-internet').check();
    await form.getByLabel('Beoordelaars (één per regel)').fill('Anouk\nBram');
    await form.getByLabel('Referentiebeoordelaar').selectOption({ label: 'Anouk' });
    await form.getByRole('button', { name: 'Sessie aanmaken' }).click();
    await pwExpect(page.getByRole('heading', { name: 'Kalibratie week 47' })).toBeVisible();
    await page.getByLabel('Sessiepakket voor').selectOption({ label: 'Anouk' });
    const packagePath = join(desktop.dataDir, 'chosen', 'voor Anouk.klankbord-session');
    mkdirSync(join(desktop.dataDir, 'chosen'));
    const written = await saveThroughDialog(page, 'Sessiepakket exporteren', packagePath);
    expect(written.subarray(0, 2).toString()).toBe('PK');
    expect(lastDialog()).toMatchObject({
      kind: 'save',
      parented: true,
      options: { defaultPath: 'Kalibratie week 47 - Anouk.klankbord-session' },
    });

    dialogState.openAnswers.push({ canceled: false, filePaths: [packagePath] });
    await page.getByRole('button', { name: 'Pakket importeren…' }).click();
    await pwExpect(page.getByRole('status')).toContainText('Niets nieuws');
    expect(lastDialog()).toMatchObject({ kind: 'open', options: { properties: ['openFile'] } });
  });

  it('saves a score export where the save dialog says, and writes nothing when it is cancelled', async () => {
    const page = desktop.page;
    await page.getByLabel('Formaat').selectOption('xlsx');
    const path = join(desktop.dataDir, 'chosen', 'scores.xlsx');
    await saveThroughDialog(page, 'Scores exporteren', path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Beoordelingen', 'Criteria', 'Momenten']);
    expect(lastDialog()).toMatchObject({ kind: 'save', options: { defaultPath: expect.stringMatching(/\.xlsx$/) } });

    const shown = dialogState.shown.length;
    await page.getByRole('button', { name: 'Scores exporteren' }).click();
    await pwExpect.poll(() => dialogState.shown.length).toBe(shown + 1);
    expect(lastDialog()).toMatchObject({ kind: 'save' });
    await pwExpect(page.getByRole('alert')).toHaveCount(0);
    expect(readdirSync(join(desktop.dataDir, 'chosen')).sort()).toEqual([
      'scores.xlsx',
      'voor Anouk.klankbord-session',
    ]);
  });

  it('can fail: with a protocol handler that does not answer Range, the seek check goes red', async () => {
    const page = desktop.page;
    const real = protocolState.handlers.get('app')!;
    protocol.unhandle('app');
    protocol.handle('app', withoutRange(real));
    try {
      await page.reload();
      await page.getByRole('button', { name: 'klacht-internet' }).click();
      await pwExpect(page.getByTestId('transcript').locator('.turn').first()).toBeVisible();
      await expect(seekLands(page, () => clickTranscriptWord(page, 'spuugzat.'), 12.589)).rejects.toThrow(
        /not seekable/,
      );
      const rangedAfter = desktop.served
        .filter((response) => response.url.startsWith('app://klankbord/media/audio/'))
        .at(-1);
      expect(rangedAfter).toMatchObject({ status: 200 });
      expect(rangedAfter?.headers['content-range']).toBeUndefined();
    } finally {
      protocol.unhandle('app');
      protocol.handle('app', real);
    }
  });
});
