import { expect, test } from './fixtures';

// 450 calls: more than two windows of 200, one a day, so the newest is "Gesprek 449" and the oldest "Gesprek 000".
const calls = Array.from({ length: 450 }, (_, n) => ({
  id: `c${n}`,
  title: `Gesprek ${String(n).padStart(3, '0')}`,
  agentName: n % 2 === 0 ? 'Sanne de Vries' : 'Joris Bakker',
  recordedAt: new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString(),
  durationMs: 60_000,
  createdAtMs: n,
}));

test.use({ seed: { calls } });

test('the library loads its calls a window at a time as it scrolls, renders only the rows in view, and searches all', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const windows: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/invoke') && request.postData()?.includes('"calls.window"'))
      windows.push(request.postDataJSON());
  });
  await page.goto(app.url);
  await expect(page.getByTestId('call-count')).toHaveText('450 gesprekken');
  const rows = page.locator('[data-call-id]');
  await expect(rows.first()).toContainText('Gesprek 449');
  // Only what is in view (and a few rows either side) is in the page.
  expect(await rows.count()).toBeLessThan(60);
  await expect(page.getByRole('button', { name: '200 van 450 getoond; meer laden' })).toBeVisible();

  // Scrolling to the end of what is loaded brings the next windows, until the oldest call.
  const body = page.locator('.call-table-body');
  await expect(async () => {
    await body.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(page.locator('[data-call-id="c0"]')).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(page.getByRole('button', { name: /meer laden/ })).toHaveCount(0);
  expect(windows.length).toBe(3);

  // A search starts again from the first window, over every call.
  await page.getByRole('searchbox', { name: 'Gesprekken zoeken' }).fill('Gesprek 01');
  await expect(page.getByTestId('call-count')).toHaveText('10 gesprekken');
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toContainText('Gesprek 019');
  await page.getByRole('searchbox', { name: 'Gesprekken zoeken' }).fill('Joris');
  await expect(page.getByTestId('call-count')).toHaveText('225 gesprekken');
  await expect(page.getByRole('button', { name: '200 van 225 getoond; meer laden' })).toBeVisible();
});
