import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { BrowserModeApp } from '../support/browser-mode';

export const demoDurationSec = 172.4;

/** Calls the real backend of a browser-mode app, as the renderer does, and returns the method's value. */
export async function invokeBackend<T>(
  request: APIRequestContext,
  app: BrowserModeApp,
  method: string,
  input: object,
): Promise<T> {
  const secret = new URL(app.url).searchParams.get('secret') ?? '';
  const response = await request.post(`${app.origin}/api/invoke`, {
    data: { method, input },
    headers: { 'x-klankbord-secret': secret },
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/**
 * Opens a call from the library in review mode (Dutch UI) and waits for the waveform; with a name, as a first-time
 * reviewer who answers the profile form first.
 */
export async function openReview(page: Page, callTitle: string, firstTimeName?: string): Promise<void> {
  await page.getByRole('button', { name: callTitle, exact: true }).click();
  await page.getByRole('button', { name: 'Beoordelen' }).click();
  if (firstTimeName !== undefined) {
    await page.getByLabel('Je naam').fill(firstTimeName);
    await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
  }
  await expect(page.getByTestId('review-status')).toHaveText('Concept');
  await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
}

/** Opens the demo call in review mode as a first-time reviewer (Dutch UI) and waits for the waveform. */
export async function openDemoReview(page: Page, app: BrowserModeApp, name = 'Anouk'): Promise<void> {
  await page.goto(app.url);
  await openReview(page, 'demo-klantgesprek', name);
}

/** Answers items by keyboard, as a reviewer does: focus the first item, a key answers it, ↓ goes on to the next. */
export async function answerByKeyboard(page: Page, keys: readonly (readonly [itemId: string, key: string])[]) {
  await page.locator(`[data-item-id="${keys[0]![0]}"]`).focus();
  for (const [itemId, key] of keys) {
    await expect(page.locator(`[data-item-id="${itemId}"]`)).toBeFocused();
    await page.keyboard.press(key);
    await page.keyboard.press('ArrowDown');
  }
}

/** The x of a time on the waveform at the default (fitted) zoom. */
export async function waveformX(
  page: Page,
  durationSec = demoDurationSec,
): Promise<{ x: (sec: number) => number; y: number }> {
  const box = (await page.getByTestId('waveform').boundingBox())!;
  return { x: (sec) => box.x + (box.width * sec) / durationSec, y: box.y + box.height * 0.75 };
}

/** Sets language and theme through the backend and reloads, as choosing them in Settings does. */
export async function setLookAndReload(
  page: Page,
  request: APIRequestContext,
  app: BrowserModeApp,
  language: 'nl' | 'en',
  theme: 'light' | 'dark',
): Promise<void> {
  await invokeBackend(request, app, 'preferences.set', { language, theme });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}
