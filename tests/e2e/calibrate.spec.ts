import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from '@playwright/test';
import { makeDataDir, startBrowserMode, type BrowserModeApp } from '../support/browser-mode';
import { jsonBytes, repackPackage } from '../unit/package-tools';
import { expectAccessible } from './axe-helpers';
import { expect, test } from './fixtures';

const fixtures = join(__dirname, '../fixtures');
const screens = join(__dirname, '../../test-results/screens');

// Keyboard answers in rubric order; a '2' on 3.2 needs an evidence reason.
const maximum = ['3', '1', '1', '3', '1', '3', '1', '3', '1', '1', '1', '3', '1', '3', '1', '3', '3', '3'];

/** Clicks an export button and keeps the downloaded file (downloads vanish with their browser context). */
async function download(page: Page, button: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await pending;
  const path = join(makeDataDir(), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function scoreByKeyboard(page: Page, keys: readonly string[]) {
  await page.locator('.rubric-item').first().focus();
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.keyboard.press('ArrowDown');
  }
}

/** A reviewer's laptop: its own data folder and backend, their own package imported, both calls reviewed, reviews exported. */
async function reviewOnOwnLaptop(
  browser: Browser,
  sessionPackage: string,
  who: string,
  keysFor: (call: number) => string[],
): Promise<{ app: BrowserModeApp; reviews: string }> {
  const app = await startBrowserMode(makeDataDir(), { demo: true });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1500, height: 950 } });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Kalibratie' }).click();
  await page.getByTestId('package-import-input').setInputFiles(sessionPackage);
  // The demo call is already here (same recording): only the second call is new.
  await expect(page.getByRole('status')).toContainText('1 nieuwe gesprekken');
  // The package says whom it is for: no need to ask.
  await expect(page.getByText(`Dit pakket is voor ${who}`)).toBeVisible();
  await page.getByRole('button', { name: 'Sessie openen' }).click();
  for (let call = 0; call < 2; call += 1) {
    await page.getByTestId('session-calls').locator('li').nth(call).getByRole('button', { name: 'Beoordelen' }).click();
    if (call === 0) {
      // First use on this laptop: the local profile (the session identity was chosen above).
      await page.getByLabel('Je naam').fill(`${who} (laptop)`);
      await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
    }
    await expect(page.getByTestId('review-status')).toHaveText('Concept');
    await scoreByKeyboard(page, keysFor(call));
    const flagged = page.locator('.rubric-item.evidence-missing');
    while ((await flagged.count()) > 0)
      await flagged.first().getByLabel('Reden zonder moment').fill('Kalibratie: geen apart moment.');
    await page.getByRole('button', { name: 'Indienen' }).click();
    await expect(page.getByTestId('review-status')).toHaveText('Ingediend');
    // Reviewing inside the session says so, and the way back leads to the session, not the library.
    await expect(page.getByTestId('review-session')).toHaveText('Kalibratiesessie: Kalibratie week 47');
    await page.getByRole('button', { name: '← Sessie: Kalibratie week 47' }).click();
    await expect(page.getByTestId('session-calls')).toBeVisible();
  }
  const reviews = await download(page, 'Mijn beoordelingen exporteren');
  await context.close();
  return { app, reviews };
}

test.describe('a calibration session across three laptops', () => {
  test.use({ demo: true });
  test.setTimeout(360_000);

  test('lead creates and exports, two reviewers review offline, the lead compares, reports and records consensus; a tampered package is refused', async ({
    page,
    app,
    browser,
  }) => {
    await page.setViewportSize({ width: 1500, height: 950 });
    await page.goto(app.url);
    // A second call next to the demo call.
    await page
      .getByTestId('import-input')
      .setInputFiles([join(fixtures, 'e2e/klacht-internet.wav'), join(fixtures, 'e2e/klacht-internet.vtt')]);
    await page
      .getByRole('alert', { name: /Samenvatting import/ })
      .getByRole('button', { name: 'Sluiten' })
      .click();
    // The lead's profile.
    await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
    await page.getByRole('button', { name: 'Beoordelen' }).click();
    await page.getByLabel('Je naam').fill('Lotte (lead)');
    await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();

    await page.getByRole('navigation').getByRole('button', { name: 'Kalibratie' }).click();
    await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe sessie' });
    await form.getByLabel('Naam', { exact: true }).fill('Kalibratie week 47');
    await form.getByLabel('demo-klantgesprek').check();
    await form.getByLabel('klacht-internet').check();
    await form.getByLabel('Beoordelaars (één per regel)').fill('Anouk\nBram');
    await form.getByLabel('Referentiebeoordelaar').selectOption({ label: 'Anouk' });
    await form.getByRole('button', { name: 'Sessie aanmaken' }).click();
    await expect(page.getByRole('heading', { name: 'Kalibratie week 47' })).toBeVisible();
    // One package per reviewer, each with that reviewer's own key.
    await page.getByLabel('Sessiepakket voor').selectOption({ label: 'Anouk' });
    const anoukPackage = await download(page, 'Sessiepakket exporteren');
    await page.getByLabel('Sessiepakket voor').selectOption({ label: 'Bram' });
    const bramPackage = await download(page, 'Sessiepakket exporteren');
    expect(anoukPackage).toMatch(/Kalibratie week 47 - Anouk\.klankbord-session$/);
    expect(bramPackage).toMatch(/Kalibratie week 47 - Bram\.klankbord-session$/);

    const anouk = await reviewOnOwnLaptop(browser, anoukPackage, 'Anouk', () => maximum);
    const bram = await reviewOnOwnLaptop(browser, bramPackage, 'Bram', (call) =>
      maximum.map((key, index) => (index === 3 ? '1' : index === 7 && call === 0 ? '2' : key)),
    );
    try {
      // The lead imports both review packages; the second import of the same file changes nothing.
      await page.getByTestId('package-import-input').setInputFiles(anouk.reviews);
      await expect(page.getByRole('status')).toContainText('2 nieuw, 0 gewijzigd');
      await page.getByTestId('package-import-input').setInputFiles(bram.reviews);
      await expect(page.getByRole('status')).toContainText('2 nieuw, 0 gewijzigd');
      await page.getByTestId('package-import-input').setInputFiles(bram.reviews);
      await expect(page.getByRole('status')).toContainText('Niets nieuws');
      await expect(page.getByText('4 van 4 beoordelingen ingediend')).toBeVisible();
      await expectAccessible(page, 'calibration session');

      // Comparison: Bram scored 2.1 at 1 where the benchmark (Anouk) gave 3: outside ±1, coloured.
      await page
        .getByTestId('session-calls')
        .locator('li', { hasText: 'demo-klantgesprek' })
        .getByRole('button', { name: 'Vergelijken' })
        .click();
      const table = page.getByTestId('comparison-table');
      await expect(table.locator('tr[data-item-id="2.1"] td.dev-off')).toHaveCount(1);
      // Section scores and totals per reviewer: Bram's section 2 = (1/3 + 1 + 1)/3 = 77.8.
      await expect(table.locator('tr[data-section-id="2"] td').nth(1)).toHaveText('77,8');
      await page.getByLabel('Alleen verschillen').check();
      await expect(table.locator('tbody tr[data-item-id]')).toHaveCount(2);
      await table.getByLabel('Gekalibreerd 2.1').selectOption('level:2');
      await table.getByLabel('Reden 2.1').fill('Benoemt de situatie, maar in algemene woorden.');
      await table.locator('tr[data-item-id="2.1"]').getByRole('button', { name: 'Vastleggen' }).click();
      await expect(table.locator('tr[data-item-id="2.1"] .consensus-recorded')).toContainText('Benoemt de situatie');
      await page
        .getByPlaceholder('Notitie')
        .fill('Bram hoorde de erkenning als standaardzin; anker 1 vs 2 verduidelijken.');
      await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
      await expect(page.getByTestId('discussion-notes')).toContainText(
        'Lotte (lead): Bram hoorde de erkenning als standaardzin',
      );

      // The report: each reviewer against the benchmark, items flagged where reviewers read them differently.
      const reviewers = page.getByTestId('report-reviewers');
      await expect(reviewers.locator('tbody tr')).toHaveCount(2);
      // By hand: Bram's 2.1 at 1 costs 25·(2/3)/3 = 5.56 points on both calls, 3.2 at 2 another 25·(1/3)/5 = 1.67 on
      // the first: deviations −7.22 and −5.56 → bias −6.4, both outside ±5.
      const bramRow = reviewers.locator('tbody tr', { hasText: 'Bram' });
      await expect(bramRow.locator('td').nth(2)).toHaveText('-6,4');
      await expect(bramRow.locator('td').nth(4)).toHaveText('0');
      await expect(page.getByTestId('report-items').locator('tr[data-item-id="2.1"]')).toBeVisible();
      await expectAccessible(page, 'calibration comparison and report');
      await page.screenshot({ path: join(screens, 'calibration-report-nl.png'), fullPage: true });

      // Exports: XLSX, CSV for Dutch Excel (zipped per table) and JSON, read back. Bram's demo-call review is
      // calibrated: the agreed 2 on 2.1 replaces his 1, so his total rises by 25·(1/3)/3 = 2.78 to 95.56.
      await page.getByLabel('Formaat').selectOption('xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await download(page, 'Scores exporteren'));
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Beoordelingen', 'Criteria', 'Momenten']);
      expect(workbook.getWorksheet('Beoordelingen')!.rowCount).toBe(5);
      expect(workbook.getWorksheet('Criteria')!.rowCount).toBe(1 + 4 * 18);

      await page.getByLabel('Formaat').selectOption('csv-excel-nl');
      const csvFiles = unzipSync(readFileSync(await download(page, 'Scores exporteren')));
      const reviewsCsvName = Object.keys(csvFiles).find((name) => name.endsWith('-beoordelingen.csv'))!;
      const reviewsBytes = csvFiles[reviewsCsvName]!;
      // UTF-8 with a byte order mark, so Excel reads the accents right.
      expect([...reviewsBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const reviewsCsv = new TextDecoder().decode(reviewsBytes);
      const [header, ...rows] = reviewsCsv.trim().split('\r\n');
      const columns = header!.split(';');
      const calibrated = columns.indexOf('Gekalibreerde score');
      const method = columns.indexOf('Kalibratiemethode');
      expect(calibrated).toBeGreaterThan(0);
      const bramDemo = rows
        .map((row) => row.split(';'))
        .find((cells) => cells.includes('Bram') && cells.includes('demo-klantgesprek'))!;
      expect(bramDemo[calibrated]).toBe('95,56');
      // A Dutch CSV shows coded values in Dutch (JSON keeps the codes).
      expect(bramDemo[method]).toBe('Consensus');
      expect(bramDemo[columns.indexOf('Status')]).toBe('Ingediend');

      await page.getByLabel('Formaat').selectOption('json');
      const document = JSON.parse(readFileSync(await download(page, 'Scores exporteren'), 'utf8')) as {
        format: string;
        formatVersion: number;
        reviews: { reviewerName: string; callTitle: string; calibratedTotal: number | null; total: number }[];
        items: unknown[];
      };
      expect(document.format).toBe('klankbord-scores');
      expect(document.formatVersion).toBe(1);
      expect(document.reviews).toHaveLength(4);
      expect(
        document.reviews.find((review) => review.reviewerName === 'Bram' && review.callTitle === 'demo-klantgesprek')!
          .calibratedTotal,
      ).toBeCloseTo(95.56, 2);
      expect(document.items).toHaveLength(4 * 18);

      // Moments for further analysis: WebVTT and ELAN (a tier per reviewer).
      const demoRow = page.getByTestId('session-calls').locator('li', { hasText: 'demo-klantgesprek' });
      const pendingVtt = page.waitForEvent('download');
      await demoRow.getByRole('button', { name: 'Momenten (WebVTT)' }).click();
      expect(readFileSync((await (await pendingVtt).path())!, 'utf8')).toMatch(/^WEBVTT/);
      const pendingEaf = page.waitForEvent('download');
      await demoRow.getByRole('button', { name: 'Momenten (ELAN)' }).click();
      const eaf = readFileSync((await (await pendingEaf).path())!, 'utf8');
      expect(eaf).toContain('<ANNOTATION_DOCUMENT');
      expect(eaf).toContain('TIER_ID="Anouk"');

      // The PDF report with its charts.
      const pdfBytes = readFileSync(await download(page, 'Rapport (PDF)'));
      expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
      const pdf = await PDFDocument.load(pdfBytes);
      expect(pdf.getPageCount()).toBeGreaterThanOrEqual(2);
      expect(pdf.getTitle()).toContain('Kalibratie week 47');

      // A tampered package is refused and changes nothing.
      const bytes = readFileSync(bram.reviews);
      const middle = Math.floor(bytes.length / 2);
      bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
      const tampered = join(makeDataDir(), 'tampered.klankbord-reviews');
      writeFileSync(tampered, bytes);
      await page.getByTestId('package-import-input').setInputFiles(tampered);
      await expect(page.getByRole('alert')).toContainText('Het pakket is geweigerd; er is niets veranderd.');
      await expect(page.getByText('4 van 4 beoordelingen ingediend')).toBeVisible();

      // Bram's reviews relabelled as Anouk's, re-packed with a fresh manifest and signed with his own key: refused.
      const sessionJson = (path: string) =>
        JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(path))['session.json'])) as {
          recipient: { reviewerId: string; key: string };
        };
      const files = unzipSync(readFileSync(bram.reviews));
      const content = JSON.parse(new TextDecoder().decode(files['reviews.json'])) as {
        reviewer: { id: string; name: string };
      };
      const anoukId = sessionJson(anoukPackage).recipient.reviewerId;
      const relabelled = join(makeDataDir(), 'relabelled.klankbord-reviews');
      repackPackage(
        relabelled,
        { ...files, 'reviews.json': jsonBytes({ ...content, reviewer: { id: anoukId, name: 'Anouk' } }) },
        { reviewerId: anoukId, key: sessionJson(bramPackage).recipient.key },
      );
      await page.getByTestId('package-import-input').setInputFiles(relabelled);
      await expect(page.getByRole('alert')).toContainText(
        'Het is niet ondertekend met de sleutel van de beoordelaar die erin staat',
      );
      await expect(page.getByText('4 van 4 beoordelingen ingediend')).toBeVisible();
    } finally {
      await anouk.app.stop();
      await bram.app.stop();
    }
  });
});
