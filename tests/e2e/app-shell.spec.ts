import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const screenshotDir = join(__dirname, '../../test-results/screens');

test.describe('call library from a real database', () => {
  test.use({
    seed: {
      calls: [
        {
          id: 'c1',
          title: 'Klacht over dubbele afschrijving',
          agentName: 'Sanne de Vries',
          customerRef: 'K-20431',
          recordedAt: '2026-10-14T09:12:00Z',
          durationMs: 187_000,
          createdAtMs: 1,
        },
        {
          id: 'c2',
          title: 'Verhuizing internetaansluiting',
          agentName: 'Joris Bakker',
          customerRef: 'K-19877',
          recordedAt: '2026-10-15T13:40:00Z',
          durationMs: 421_000,
          createdAtMs: 2,
        },
        {
          id: 'c3',
          title: 'Storing na onderhoud',
          agentName: 'Fatima el Amrani',
          recordedAt: '2026-10-16T08:05:00Z',
          durationMs: 3_725_000,
          createdAtMs: 3,
        },
      ],
      reviews: [
        { callId: 'c1', status: 'submitted' },
        { callId: 'c2', status: 'draft' },
      ],
    },
  });

  test('lists calls with agent, date, duration and review status', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Gesprekken', level: 1 })).toBeVisible();
    const rows = page.locator('[data-call-id]');
    await expect(rows).toHaveCount(3);
    // Newest recording first.
    await expect(rows.first()).toContainText('Storing na onderhoud');
    await expect(rows.first()).toContainText('1:02:05');
    await expect(page.locator('[data-call-id="c1"]')).toContainText('Ingediend');
    await expect(page.locator('[data-call-id="c2"]')).toContainText('Concept');
    await expect(page.locator('[data-call-id="c3"]')).toContainText('Niet beoordeeld');
    await expect(page.getByTestId('call-count')).toHaveText('3 gesprekken');
    // The secret left the address bar after the first request.
    expect(page.url()).not.toContain('secret');
    await page.screenshot({ path: join(screenshotDir, 'library-nl-light.png') });

    await page.getByRole('searchbox', { name: 'Gesprekken zoeken' }).fill('verhuizing');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Joris Bakker');
  });

  test('switches language and theme, and keeps the choice after a reload', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await page.getByLabel('Taal').selectOption('en');
    await expect(page.getByRole('button', { name: 'Settings' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: join(screenshotDir, 'settings-en-dark.png') });

    await page.reload();
    await page.getByRole('button', { name: 'Calls' }).click();
    await expect(page.getByRole('heading', { name: 'Calls', level: 1 })).toBeVisible();
    await expect(page.locator('[data-call-id="c1"]')).toContainText('Submitted');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: join(screenshotDir, 'library-en-dark.png') });

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Language').selectOption('system');
    await expect(page.getByRole('button', { name: 'Instellingen' })).toBeVisible();
  });
});

test('follows the operating-system language and colour scheme', async ({ browser, app }) => {
  const context = await browser.newContext({ locale: 'en-GB', colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'No calls yet' })).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(15, 19, 24)');
  await page.screenshot({ path: join(screenshotDir, 'empty-en-os-dark.png') });
  await context.close();
});

test('an empty library says how to import', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Nog geen gesprekken' })).toBeVisible();
  await expect(page.getByText('npm run cli -- import <files>')).toBeVisible();
  await page.screenshot({ path: join(screenshotDir, 'empty-nl-light.png') });
});

test('requests without the per-run secret are refused', async ({ playwright, app }) => {
  const anonymous = await playwright.request.newContext();
  expect((await anonymous.get(`${app.origin}/`)).status()).toBe(403);
  expect((await anonymous.get(`${app.origin}/?secret=wrong`)).status()).toBe(403);
  expect(
    (await anonymous.post(`${app.origin}/api/invoke`, { data: { method: 'calls.list', input: {} } })).status(),
  ).toBe(403);
  expect((await anonymous.get(`${app.origin}/api/events`)).status()).toBe(403);
  await anonymous.dispose();
});

test('a page from another local origin cannot call the backend', async ({ page, app }) => {
  // A hostile page served from another loopback port, in the same browser that holds the session cookie.
  const hostile = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>hostile</title>');
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const other = await page.context().newPage();
    await other.goto(`http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`);
    // Each attempt tries to change a preference; the browser holds the session cookie for the app's origin.
    await other.evaluate(async (origin) => {
      const body = JSON.stringify({ method: 'preferences.set', input: { language: 'en', theme: 'dark' } });
      const attempts: RequestInit[] = [
        { credentials: 'include', headers: { 'content-type': 'text/plain' } },
        { credentials: 'include', mode: 'no-cors' },
        { headers: { 'x-klankbord-secret': 'guess' } },
      ];
      for (const init of attempts)
        await fetch(`${origin}/api/invoke`, { method: 'POST', body, ...init }).catch(() => undefined);
    }, app.origin);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Gesprekken', level: 1 })).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', 'dark');
  } finally {
    hostile.close();
  }
});

test.describe('damaged database', () => {
  test.use({ seed: { rawDatabaseFile: 'garbage that is not SQLite'.repeat(100) } });

  test('is moved aside, never deleted, and the user is told where it is', async ({ page, app }) => {
    await page.goto(app.url);
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('beschadigd');
    const moved = readdirSync(app.dataDir).find((name) => name.startsWith('klankbord.db.damaged-'));
    expect(moved).toBeDefined();
    await expect(notice).toContainText(join(app.dataDir, moved!));
    expect(readFileSync(join(app.dataDir, moved!), 'utf8')).toContain('garbage that is not SQLite');
    expect(existsSync(join(app.dataDir, 'klankbord.db'))).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'damaged-db-notice.png') });
    await page.getByRole('button', { name: 'Sluiten' }).click();
    await expect(notice).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Nog geen gesprekken' })).toBeVisible();
  });
});
