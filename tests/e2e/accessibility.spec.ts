import { join } from 'node:path';
import { expect, test } from './fixtures';
import { expectAccessible } from './axe-helpers';
import { openDemoReview, waveformX } from './workspace-helpers';

const screens = join(__dirname, '../../test-results/screens');

test.use({ demo: true });

test('every screen passes axe (WCAG 2.0–2.2 A and AA) in light and dark', async ({ page, app }) => {
  // Axe runs on a dozen screens, each in light and dark: minutes on a busy machine.
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  // The demo call is imported in the background at first start (decoding and signals in a worker).
  await expect(page.getByRole('button', { name: 'demo-klantgesprek' })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'library');

  // The call: opening it moves focus to its heading.
  await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'demo-klantgesprek' })).toBeFocused();
  await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
  await expectAccessible(page, 'call');
  await page.getByRole('button', { name: 'Gegevens bewerken' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: join(screens, 'call-details-dialog-nl.png') });
  await expectAccessible(page, 'call details');
  await page.keyboard.press('Escape');
  // The waveform is a slider: focusable, its position told as a time, arrow keys seek.
  const waveform = page.getByRole('slider', { name: 'Golfvorm' });
  await waveform.focus();
  await expect(waveform).toHaveAttribute('aria-valuetext', '0:00 van 2:52');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(waveform).toHaveAttribute('aria-valuetext', '0:10 van 2:52');
  await expect(waveform).toHaveAttribute('aria-valuenow', '10');
  await page.keyboard.press('ArrowLeft');
  await expect(waveform).toHaveAttribute('aria-valuetext', '0:05 van 2:52');
  // Focus again, and wait until the slider has it: a list refresh pushed by the backend (its start-up retention
  // run) may re-render the screen, and a key sent while focus is elsewhere seeks nothing.
  await waveform.focus();
  await expect(waveform).toBeFocused();
  await page.keyboard.press('End');
  await expect(waveform).toHaveAttribute('aria-valuetext', '2:52 van 2:52');

  // The overview lists every shortcut, review keys included.
  await page.keyboard.press('Home');
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await expect(shortcuts).toBeVisible();
  for (const [keys, what] of [
    ['M', 'Moment toevoegen'],
    ['Ctrl/⌘ + Z / Shift + Ctrl/⌘ + Z', 'ongedaan maken'],
    ['Esc', 'momenteditor sluiten'],
    ['0 – 9', 'het cijfer is het niveau'],
    ['1 / 0', 'Ja / Nee'],
    ['N', 'N.v.t.'],
    ['Delete', 'score wissen'],
    ['↑ / ↓', 'rubricitem'],
    ['J / ←', '5 seconden terug'],
  ] as const) {
    const exactly = new RegExp(`^${keys.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    await expect(
      shortcuts.locator('dl > div').filter({ has: page.locator('kbd', { hasText: exactly }) }),
    ).toContainText(what);
  }
  await page.screenshot({ path: join(screens, 'shortcuts-nl.png') });
  await expectAccessible(page, 'shortcuts');
  await page.keyboard.press('Escape');

  // Reviewing, with moments and the editor open.
  await page.getByRole('button', { name: '← Gesprekken' }).click();
  await openDemoReview(page, app);
  const { x, y } = await waveformX(page);
  await page.mouse.move(x(9), y);
  await page.mouse.down();
  await page.mouse.move(x(13), y, { steps: 6 });
  await page.mouse.up();
  await expect(page.locator('.moment-editor')).toBeVisible();
  await page.locator('[data-item-id="1.1"]').focus();
  await page.keyboard.press('1');
  await expectAccessible(page, 'review');

  for (const [nav, ready] of [
    ['Beoordelingen', 'table'],
    ['Rubrics', '[data-testid="rubric-table"]'],
    ['Kalibratie', 'h1'],
    ['Instellingen', '#language-select'],
  ] as const) {
    await page.getByRole('navigation').getByRole('button', { name: nav }).click();
    await expect(page.locator(ready).first()).toBeVisible();
    await expectAccessible(page, nav);
  }
  await page.getByRole('navigation').getByRole('button', { name: 'Rubrics' }).click();
  await page.getByTestId('rubric-table').getByRole('button', { name: 'Kopiëren' }).click();
  await expect(page.getByRole('region', { name: /bewerken \(concept\)/ })).toBeVisible();
  await expectAccessible(page, 'rubric editor');
  await page.getByRole('navigation').getByRole('button', { name: 'Kalibratie' }).click();
  await page.getByRole('button', { name: 'Nieuwe sessie' }).click();
  await expect(page.getByRole('form', { name: 'Nieuwe sessie' })).toBeVisible();
  await expectAccessible(page, 'new session');
});
