import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { textContrast } from './contrast';
import { expect, test } from './fixtures';

const screens = join(__dirname, '../../test-results/screens');
const demoDurationSec = 172.4;

async function dragOnWaveform(page: Page, fromSec: number, toSec: number) {
  const box = (await page.getByTestId('waveform').boundingBox())!;
  const x = (sec: number) => box.x + (box.width * sec) / demoDurationSec;
  const y = box.y + box.height * 0.75;
  await page.mouse.move(x(fromSec), y);
  await page.mouse.down();
  await page.mouse.move(x(toSec), y, { steps: 10 });
  await page.mouse.up();
}

/** The ruler's labels that are really on screen, inside the ruler's box. */
async function visibleRulerLabels(page: Page): Promise<string[]> {
  return page.locator('.waveform-timeline').evaluate((ruler) => {
    const box = ruler.getBoundingClientRect();
    return [...ruler.querySelectorAll<HTMLElement>('[part~="timeline-notch"]')]
      .filter((notch) => notch.textContent && notch.isConnected)
      .filter((notch) => {
        const rect = notch.getBoundingClientRect();
        return rect.left >= box.left && rect.left < box.right;
      })
      .map((notch) => notch.textContent ?? '');
  });
}

test.describe('the review screen, polished', () => {
  test.use({ demo: true });

  test('favicon, disabled buttons, play on hover, the ruler zoomed in, blockers that jump, contrast in dark mode, dates in the UI language', async ({
    page,
    app,
  }) => {
    await page.setViewportSize({ width: 1500, height: 950 });
    await page.goto(app.url);
    const icon = await page.request.get(
      new URL((await page.locator('link[rel="icon"]').getAttribute('href')) ?? '', page.url()).toString(),
    );
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');

    await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
    await page.getByRole('button', { name: 'Beoordelen' }).click();
    // A disabled button looks disabled (not the accent colour of the enabled one) and is disabled for assistive technology.
    const start = page.getByRole('button', { name: 'Beginnen met beoordelen' });
    await expect(start).toBeDisabled();
    const disabledBackground = await start.evaluate((element) => getComputedStyle(element).backgroundColor);
    await page.getByLabel('Je naam').fill('Anouk');
    await expect(start).toBeEnabled();
    expect(await start.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(disabledBackground);
    await start.click();
    await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
    const submit = page.getByRole('button', { name: 'Indienen' });
    await expect(submit).toBeDisabled();
    expect(await submit.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(disabledBackground);

    // The play button keeps its icon on hover.
    const play = page.getByRole('button', { name: 'Afspelen', exact: true });
    await play.hover();
    expect(await textContrast(play)).toBeGreaterThanOrEqual(3);

    // Zoomed in and at the end of the call, the ruler still shows its times, all as m:ss.
    for (let step = 0; step < 6; step += 1) await page.getByRole('button', { name: 'Inzoomen' }).click();
    await page.getByRole('button', { name: 'Naar einde' }).click();
    await expect.poll(async () => (await visibleRulerLabels(page)).length).toBeGreaterThanOrEqual(2);
    const labels = await visibleRulerLabels(page);
    for (const label of labels) expect(label).toMatch(/^\d+:\d{2}$/);
    expect(labels.some((label) => label.startsWith('2:'))).toBe(true);
    await page.getByRole('button', { name: 'Naar begin' }).click();
    await expect.poll(async () => (await visibleRulerLabels(page))[0]).toBe('0:00');
    for (let step = 0; step < 6; step += 1) await page.getByRole('button', { name: 'Uitzoomen' }).click();

    // Blockers name their items; each jumps to its item.
    await dragOnWaveform(page, 9, 13);
    await expect(page.getByTestId('moment-list').locator('.moment-row:not(.ghost-row)')).toHaveCount(1);
    await page.locator('.rubric-item[data-item-id="2.1"]').focus();
    await page.keyboard.press('2');
    const blockers = page.locator('#submit-blockers');
    await expect(blockers).toContainText('1 score heeft bewijs of een reden nodig.');
    await expect(blockers).toContainText('Nog 17 criteria onbeantwoord.');
    const evidenceLink = blockers.locator('.blocker-group').nth(1).getByRole('button');
    await expect(evidenceLink).toHaveCount(1);
    await expect(evidenceLink).toContainText('2.1');
    await page.locator('.rubric-item[data-item-id="1.1"]').focus();
    await evidenceLink.click();
    await expect(page.locator('.rubric-item[data-item-id="2.1"]')).toBeFocused();
    await blockers
      .locator('.blocker-group')
      .first()
      .getByRole('button', { name: /^5\.3 De klant/ })
      .click();
    await expect(page.locator('.rubric-item[data-item-id="5.3"]')).toBeFocused();
    await expect(submit).toHaveAttribute('aria-describedby', 'submit-blockers');
    await page.screenshot({ path: join(screens, 'review-polish-nl-light.png') });

    // Dark mode: the transcript's moment marks and the "Kritiek" badge reach 4.5:1.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByPlaceholder('Zoeken in transcript (Ctrl+F)').fill('spuugzat');
    const mark = page.locator('.moment-mark').first();
    await expect(mark).toBeVisible();
    const critical = page.locator('.badge-critical').first();
    await expect(critical).toHaveText('Kritiek');
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await textContrast(mark), `moment mark, ${scheme}`).toBeGreaterThanOrEqual(4.5);
      expect(await textContrast(critical), `critical badge, ${scheme}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(screens, 'review-polish-nl-dark.png') });

    // Date fields read and write the UI language's format, not the operating system's.
    await page.getByRole('navigation').getByRole('button', { name: 'Beoordelingen' }).click();
    const from = page.getByLabel('Vanaf', { exact: true });
    await expect(from).toHaveAttribute('placeholder', 'dd-mm-jjjj');
    await from.fill('31-02-2026');
    await from.blur();
    await expect(page.getByText('Geen geldige datum; typ die als dd-mm-jjjj.')).toBeVisible();
    await from.fill('1-1-2099');
    await expect(page.getByText('Geen geldige datum')).toHaveCount(0);
    await expect(from).toHaveValue('01-01-2099');
    await expect(page.getByTestId('review-table').locator('tbody tr')).toHaveCount(0);

    await page.getByRole('navigation').getByRole('button', { name: 'Instellingen' }).click();
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('navigation').getByRole('button', { name: 'Reviews' }).click();
    await expect(page.getByLabel('From', { exact: true })).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    await page.getByLabel('From', { exact: true }).fill('01/01/2020');
    await expect(page.getByTestId('review-table').locator('tbody tr')).toHaveCount(1);
    await page.screenshot({ path: join(screens, 'reviews-polish-en-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: join(screens, 'reviews-polish-en-light.png') });
  });
});
