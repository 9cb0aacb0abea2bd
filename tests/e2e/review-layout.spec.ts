import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDemoReview, setLookAndReload, waveformX } from './workspace-helpers';

const screens = join(__dirname, '../../test-results/screens');
const sizes = [
  [1280, 720],
  [1366, 768],
  [1440, 900],
  [1920, 1080],
] as const;
const regionNames = {
  nl: ['Speler', 'Transcript', 'Momenten', 'Beoordeling'],
  en: ['Player', 'Transcript', 'Moments', 'Review'],
} as const;

/** How many of the children matching `item` inside the scrolling `container` are wholly visible. */
async function fullyVisible(page: Page, container: string, item: string): Promise<number> {
  return page.evaluate(
    ([containerSelector, itemSelector]) => {
      const box = document.querySelector(containerSelector!)!.getBoundingClientRect();
      return [...document.querySelectorAll(`${containerSelector} ${itemSelector}`)].filter((element) => {
        const rect = element.getBoundingClientRect();
        return rect.height > 0 && rect.top >= box.top - 0.5 && rect.bottom <= box.bottom + 0.5;
      }).length;
    },
    [container, item] as const,
  );
}

/**
 * How many rows of `item` the scrolling `container` has room for: where the list is scrolled depends on which row is
 * selected (suggestion rows sit between the moments), the room does not.
 */
async function rowsThatFit(page: Page, container: string, item: string): Promise<number> {
  return page.evaluate(
    ([containerSelector, itemSelector]) => {
      const list = document.querySelector(containerSelector!)!;
      const row = list.querySelector(itemSelector!)!.getBoundingClientRect();
      return Math.floor(list.clientHeight / row.height);
    },
    [container, item] as const,
  );
}

/** Elements of the workspace whose content is wider than their box (text spilling out sideways). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selectors = [
      '.call-header',
      '.player',
      '.player-controls',
      '.transcript-toolbar',
      '.turn',
      '.moments-toolbar',
      '.moment-list',
      '.moment-row',
      '.moment-editor-pane',
      '.review-panel',
      '.rubric-item',
      '.answer-choice',
      '.item-head',
      '.review-header',
      '.score-summary',
      '.call-context',
    ];
    return selectors.flatMap((selector) =>
      [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map(
          (element) =>
            `${selector} (${element.scrollWidth} > ${element.clientWidth}): ${element.textContent?.slice(0, 40)}`,
        ),
    );
  });
}

async function reopenReview(page: Page, language: 'nl' | 'en') {
  await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
  await page.getByRole('button', { name: language === 'nl' ? 'Beoordelen' : 'Review', exact: true }).click();
  await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
}

async function checkSizes(page: Page, language: 'nl' | 'en', theme: 'light' | 'dark') {
  const list = page.getByTestId('moment-list');
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    // Editing a moment: the list stays beside the editor.
    const third = list.locator('.moment-row:not(.ghost-row)').nth(2).locator('.moment-select');
    if ((await third.getAttribute('aria-pressed')) !== 'true') await third.click();
    await expect(page.locator('.moment-editor')).toBeVisible();
    await expect(list.locator('.moment-row:not(.ghost-row)')).toHaveCount(6);
    for (const name of regionNames[language])
      await expect(page.getByRole('region', { name, exact: true })).toBeVisible();

    const page_ = await page.evaluate(() => ({
      document: [document.documentElement.scrollHeight, document.documentElement.clientHeight],
      content: [document.querySelector('.content')!.scrollHeight, document.querySelector('.content')!.clientHeight],
    }));
    expect(page_.document[0], `page scrolls at ${width}×${height}`).toBe(page_.document[1]);
    expect(page_.content[0], `content scrolls at ${width}×${height}`).toBe(page_.content[1]);
    const rows = await rowsThatFit(page, '[data-testid="moment-list"]', '.moment-row');
    expect(rows, `moment rows at ${width}×${height}`).toBeGreaterThanOrEqual(4);
    // Turns counted from the top of the transcript (it may have followed the playhead elsewhere).
    await page.locator('.transcript-scroll').evaluate((element) => element.scrollTo(0, 0));
    const turns = await fullyVisible(page, '.transcript-scroll', '.turn');
    // The call's metrics row and the suggestions after the text cost the demo call's fifth (three-line) turn here.
    if (width === 1366) expect(turns, 'turns at 1366×768').toBeGreaterThanOrEqual(4);
    expect(await overflowing(page), `overflow at ${width}×${height}`).toEqual([]);
    console.log(`${language} ${theme} ${width}×${height}: ${rows} moment rows, ${turns} turns visible`);
    await page.screenshot({ path: join(screens, `review-layout-${language}-${theme}-${width}x${height}.png`) });
  }
}

test.use({ demo: true });

test('the review workspace fits laptop and desktop windows in both languages and themes', async ({
  page,
  app,
  request,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDemoReview(page, app);
  const { x, y } = await waveformX(page);
  for (const [from, to] of [
    [9, 13],
    [20, 24],
    [40, 44],
    [60, 63],
    [90, 95],
    [120, 126],
  ] as const) {
    await page.mouse.move(x(from), y);
    await page.mouse.down();
    await page.mouse.move(x(to), y, { steps: 6 });
    await page.mouse.up();
  }
  const list = page.getByTestId('moment-list');
  await expect(list.locator('.moment-row:not(.ghost-row)')).toHaveCount(6);

  // The last created moment is being edited; the list is still there. Escape and × close the editor.
  await expect(page.locator('.moment-editor')).toBeVisible();
  await expect(list).toBeVisible();
  await page.getByRole('slider', { name: 'Golfvorm' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('.moment-editor')).toHaveCount(0);
  await list.locator('.moment-row:not(.ghost-row)').first().locator('.moment-select').click();
  await page.locator('.moment-editor').getByLabel('Soort').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('.moment-editor')).toHaveCount(0);
  await list.locator('.moment-row:not(.ghost-row)').first().locator('.moment-select').click();
  await page.getByRole('button', { name: 'Editor sluiten (Esc)' }).click();
  await expect(page.locator('.moment-editor')).toHaveCount(0);

  // Selecting by ▶, ⟳ or a click on its region opens the editor and never hides the list.
  await page.setViewportSize({ width: 1280, height: 720 });
  const select = async (how: () => Promise<void>, row: number) => {
    await how();
    await expect(list.locator('.moment-row:not(.ghost-row)').nth(row)).toHaveClass(/selected/);
    await expect(page.locator('.moment-editor')).toBeVisible();
    expect(await rowsThatFit(page, '[data-testid="moment-list"]', '.moment-row')).toBeGreaterThanOrEqual(4);
  };
  await select(
    () =>
      list
        .locator('.moment-row:not(.ghost-row)')
        .nth(1)
        .getByRole('button', { name: /^Afspelen/ })
        .click(),
    1,
  );
  await page.getByTestId('play-pause').click();
  await select(
    () =>
      list
        .locator('.moment-row:not(.ghost-row)')
        .nth(2)
        .getByRole('button', { name: /^Herhalen/ })
        .click(),
    2,
  );
  await page.getByTestId('play-pause').click();
  const region = (await page.locator('.waveform [data-moment-id]').nth(3).boundingBox())!;
  await select(() => page.mouse.click(region.x + region.width / 2, region.y + region.height / 2), 3);

  // Editing the call's details opens a dialog; the workspace stays as it was.
  await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
  await expect(page.getByRole('dialog', { name: 'Gegevens van het gesprek' })).toBeVisible();
  await expect(list.locator('.moment-row:not(.ghost-row)')).toHaveCount(6);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await checkSizes(page, 'nl', 'light');
  await setLookAndReload(page, request, app, 'en', 'dark');
  await reopenReview(page, 'en');
  await checkSizes(page, 'en', 'dark');
  await setLookAndReload(page, request, app, 'nl', 'dark');
  await reopenReview(page, 'nl');
  await checkSizes(page, 'nl', 'dark');
  await setLookAndReload(page, request, app, 'en', 'light');
  await reopenReview(page, 'en');
  await checkSizes(page, 'en', 'light');
});

test('pane sizes are remembered after a reload', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openDemoReview(page, app);
  const separator = page.getByRole('separator', { name: 'Breedte van de beoordelingskolom aanpassen' });
  const review = page.getByRole('region', { name: 'Beoordeling', exact: true });
  const before = (await review.boundingBox())!.width;
  const handle = (await separator.boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 - 120, handle.y + handle.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await review.boundingBox())!.width).toBeGreaterThan(before + 100);
  const widened = (await review.boundingBox())!.width;
  // The handle moves with the keyboard too.
  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await review.boundingBox())!.width).toBeGreaterThan(widened + 10);
  const remembered = (await review.boundingBox())!.width;
  await page.reload();
  await reopenReview(page, 'nl');
  await expect
    .poll(async () =>
      Math.round((await page.getByRole('region', { name: 'Beoordeling', exact: true }).boundingBox())!.width),
    )
    .toBe(Math.round(remembered));
});
