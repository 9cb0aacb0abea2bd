import { join } from 'node:path';
import { expect, test } from './fixtures';

const screens = join(__dirname, '../../test-results/screens');

test.describe('reviewing the demo call', () => {
  test.use({ demo: true });

  test('scratch', async ({ page, app }) => {
    await page.setViewportSize({ width: 1500, height: 950 });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
    await page.getByRole('button', { name: 'Beoordelen' }).click();
    await page.getByLabel('Je naam').fill('Anouk');
    await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
    await expect(page.getByTestId('review-status')).toHaveText('Concept');
    await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();
    await page.screenshot({ path: join(screens, 'review-start-nl.png') });
  });
});
