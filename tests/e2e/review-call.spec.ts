import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { selectTranscriptText } from './transcript-helpers';
import { answerByKeyboard } from './workspace-helpers';

const screens = join(__dirname, '../../test-results/screens');
const demoDurationSec = 172.4;

/** Drags across the waveform from one time to another, as a reviewer marks a range. */
async function dragOnWaveform(page: Page, fromSec: number, toSec: number) {
  const box = (await page.getByTestId('waveform').boundingBox())!;
  const x = (sec: number) => box.x + (box.width * sec) / demoDurationSec;
  const y = box.y + box.height * 0.75;
  await page.mouse.move(x(fromSec), y);
  await page.mouse.down();
  await page.mouse.move(x(toSec), y, { steps: 10 });
  await page.mouse.up();
}

// Keyboard answers per item, in rubric order: 2.1 and 3.2 below their maximum, everything else at the maximum.
const keys: [string, string][] = [
  ['1.1', '3'],
  ['1.2', '1'],
  ['1.3', '1'],
  ['2.1', '2'],
  ['2.2', '1'],
  ['2.3', '3'],
  ['3.1', '1'],
  ['3.2', '2'],
  ['3.3', '1'],
  ['3.4', '1'],
  ['3.5', '1'],
  ['4.1', '3'],
  ['4.2', '1'],
  ['4.3', '3'],
  ['4.4', '1'],
  ['5.1', '3'],
  ['5.2', '3'],
  ['5.3', '3'],
];
// By hand: sections 1, 4, 5 score 1; section 2 = (2/3 + 1 + 1) / 3 = 0.8889; section 3 = (1 + 2/3 + 1 + 1 + 1) / 5 = 0.9333.
// Total = (25·1 + 25·0.8889 + 25·0.9333 + 15·1 + 10·1) / 100 × 100 = 95.56 → "95,6".
const expectedTotal = '95,6';

test.describe('reviewing the demo call', () => {
  test.use({ demo: true });

  test('context, moments from waveform and transcript, keyboard scores, evidence rule, submit, reopen, audit', async ({
    page,
    app,
  }) => {
    // A whole review, the list and an export: more than a minute on a busy machine.
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1500, height: 950 });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
    await page.getByRole('button', { name: 'Beoordelen' }).click();
    // First use: the reviewer profile.
    await page.getByLabel('Je naam').fill('Anouk');
    await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
    await expect(page.getByTestId('review-status')).toHaveText('Concept');
    await page.locator('[data-testid="waveform"][data-ready="true"]').waitFor();

    // Call context: the customer starts negative, frustrated.
    await page.getByLabel('Klant bij de start').selectOption('negative');
    await page.getByLabel('Benoemde emotie').selectOption('frustration');

    // A customer emotion cue, dragged on the waveform over "... ik ben het echt spuugzat" (about 9-13 s).
    await dragOnWaveform(page, 9, 13);
    const moments = page.getByTestId('moment-list');
    await expect(moments.locator('.moment-row:not(.ghost-row)')).toHaveCount(1);
    await expect(moments).toContainText('Emotie van de klant');
    await expect(page.locator('.waveform [data-moment-id]')).toHaveCount(1);

    // An empathic response, from words selected in the transcript.
    await page.getByLabel('Nieuwe momenten').selectOption('empathic-response');
    await selectTranscriptText(page, 'ik begrijp dat dit erg vervelend voor u is');
    await page.getByRole('button', { name: '+ Moment van selectie' }).click();
    await expect(moments.locator('.moment-row:not(.ghost-row)')).toHaveCount(2);
    const editor = page.getByRole('group', { name: 'Moment bewerken' });
    await expect(editor.getByLabel('Soort')).toHaveValue('empathic-response');
    await expect(editor.getByLabel('Spreker')).toHaveValue('agent');
    // Paired with the cue it answers: the empathy response time appears.
    const cueOption = editor.getByLabel('Reageert op signaal').locator('option').nth(1);
    await editor.getByLabel('Reageert op signaal').selectOption({ index: 1 });
    expect(await cueOption.textContent()).toContain('Frustratie');
    await expect(page.getByTestId('response-time')).toContainText('Empathische reactietijd');
    // Linked items: the response's type proposes 1.1, 1.2 and 2.1; add 2.3.
    await expect(editor.getByRole('checkbox', { name: '2.1' })).toBeChecked();
    await editor.getByRole('checkbox', { name: '2.3' }).check();
    await editor.getByRole('textbox', { name: 'Notitie' }).fill('Benoemt de situatie (thuiswerken, vergadering).');
    // The moment is marked in the transcript too.
    await expect(
      page.getByTestId('transcript').locator('.moment-mark', { hasText: 'Empathische reactie' }).first(),
    ).toBeVisible();
    await page.screenshot({ path: join(screens, 'review-moments-nl.png') });

    // Undo and redo a delete.
    await editor.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(moments.locator('.moment-row:not(.ghost-row)')).toHaveCount(1);
    await page.getByRole('slider', { name: 'Golfvorm' }).focus();
    await page.keyboard.press('Control+z');
    await expect(moments.locator('.moment-row:not(.ghost-row)')).toHaveCount(2);
    await page.keyboard.press('Control+Shift+z');
    await expect(moments.locator('.moment-row:not(.ghost-row)')).toHaveCount(1);
    await page.keyboard.press('Control+z');
    await expect(moments.locator('.moment-row:not(.ghost-row)')).toHaveCount(2);
    await expect(page.locator('.moment-row:not(.ghost-row)', { hasText: 'Empathische reactie' })).toContainText(
      '1.1, 1.2, 2.1, 2.3',
    );

    // Score every item by keyboard: focus the first item, a digit answers, ↓ goes on.
    await answerByKeyboard(page, keys);
    // N.v.t. by key on an item that allows it, then back.
    await page.locator('[data-item-id="2.2"]').focus();
    await page.keyboard.press('n');
    await expect(page.locator('[data-item-id="2.2"] [aria-checked="true"]')).toHaveText('N.v.t.');
    await page.keyboard.press('1');

    // The total matches the formula (hand-computed above).
    await expect(page.getByTestId('review-total')).toHaveText(expectedTotal);
    await page.getByRole('button', { name: 'Formule tonen' }).click();
    await expect(page.getByTestId('total-formula')).toHaveText(
      /^\(25 × 1,00 \+ 25 × 0,89 \+ 25 × 0,93 \+ 15 × 1,00 \+ 10 × 1,00\) \/ \(25 \+ 25 \+ 25 \+ 15 \+ 10\) × 100 = 95,6$/,
    );

    // The evidence rule: 3.2 scored 2 without a moment blocks submitting until a reason is written.
    await expect(page.locator('[data-item-id="3.2"]')).toHaveClass(/evidence-missing/);
    await expect(page.locator('[data-item-id="2.1"]')).not.toHaveClass(/evidence-missing/);
    const submit = page.getByRole('button', { name: 'Indienen' });
    await expect(submit).toBeDisabled();
    await expect(page.locator('.submit-blockers')).toContainText('1 score heeft bewijs of een reden nodig.');
    await page.screenshot({ path: join(screens, 'review-evidence-nl.png') });
    await page
      .locator('[data-item-id="3.2"]')
      .getByLabel('Reden zonder moment')
      .fill('Goede vragen, maar de vraag naar de tijden kwam pas laat; geen apart moment.');
    await page
      .getByLabel('Opmerking over het hele gesprek')
      .fill('Sterke empathie na de eerste klacht; reageerde procedureel op de modemvraag.');

    // A reload mid-review keeps every edit (the last one typed a moment ago).
    await page.reload();
    await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
    await page.getByRole('button', { name: 'Beoordelen' }).click();
    await expect(page.getByTestId('review-total')).toHaveText(expectedTotal);
    await expect(page.getByLabel('Opmerking over het hele gesprek')).toHaveValue(
      'Sterke empathie na de eerste klacht; reageerde procedureel op de modemvraag.',
    );
    await expect(page.locator('[data-item-id="3.2"]').getByLabel('Reden zonder moment')).toHaveValue(
      /geen apart moment/,
    );
    await expect(page.getByLabel('Klant bij de start')).toHaveValue('negative');
    await expect(page.getByTestId('moment-list').locator('.moment-row:not(.ghost-row)')).toHaveCount(2);
    await page
      .locator('.moment-row:not(.ghost-row)', { hasText: 'Empathische reactie' })
      .locator('.moment-select')
      .click();
    await expect(
      page.getByRole('group', { name: 'Moment bewerken' }).getByRole('textbox', { name: 'Notitie' }),
    ).toHaveValue('Benoemt de situatie (thuiswerken, vergadering).');
    await expect(page.getByTestId('response-time')).toBeVisible();

    // Submit: locked.
    await page.getByRole('button', { name: 'Indienen' }).click();
    await expect(page.getByTestId('review-status')).toHaveText('Ingediend');
    await expect(page.locator('[data-item-id="1.1"] button').first()).toBeDisabled();

    // Reopen asks for a reason and keeps an audit entry.
    await page.getByRole('button', { name: 'Heropenen' }).click();
    await page.getByLabel('Waarom heropen je deze beoordeling?').fill('Kalibratie: 4.4 opnieuw beluisteren.');
    await page.getByRole('button', { name: 'Heropenen' }).click();
    await expect(page.getByTestId('review-status')).toHaveText('Concept');
    const audit = page.getByTestId('audit-trail');
    await expect(audit.locator('li')).toHaveCount(3);
    await expect(audit.locator('li[data-action="reopened"]')).toContainText('Heropend');
    await expect(audit.locator('li[data-action="reopened"]')).toContainText('Anouk');
    await expect(audit.locator('li[data-action="reopened"]')).toContainText('Kalibratie: 4.4 opnieuw beluisteren.');
    await page.screenshot({ path: join(screens, 'review-reopened-nl.png') });

    // The review list, filtered: the reopened review is a draft again.
    await page.getByRole('navigation').getByRole('button', { name: 'Beoordelingen' }).click();
    const table = page.getByTestId('review-table');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table).toContainText('demo-klantgesprek');
    await expect(table).toContainText('Anouk');
    await expect(table).toContainText(expectedTotal);
    await page.getByLabel('Status').selectOption('submitted');
    await expect(page.getByText('Geen beoordelingen met deze filters.')).toBeVisible();
    await page.getByLabel('Status').selectOption('draft');
    await page.getByLabel('Beoordelaar').selectOption({ label: 'Anouk' });
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await page.getByLabel('Tot en met').fill('2020-01-01');
    await expect(page.getByText('Geen beoordelingen met deze filters.')).toBeVisible();
    await page.getByLabel('Tot en met').fill('');
    await page.screenshot({ path: join(screens, 'review-list-nl.png') });
    // Export what the filters select: JSON with the one review and its 18 items.
    await page.getByLabel('Formaat').selectOption('json');
    const pending = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Scores exporteren' }).click();
    const exported = JSON.parse(readFileSync((await (await pending).path())!, 'utf8')) as {
      reviews: { reviewerName: string; total: number }[];
      items: unknown[];
    };
    expect(exported.reviews).toEqual([expect.objectContaining({ reviewerName: 'Anouk', total: 95.56 })]);
    expect(exported.items).toHaveLength(18);
    await page.getByRole('button', { name: 'demo-klantgesprek openen' }).click();
    await expect(page.getByTestId('review-status')).toHaveText('Concept');
  });

  test('a failed save stays on screen with retry, keeps the edit, and saves it when the backend answers again', async ({
    page,
    app,
  }) => {
    await page.goto(app.url);
    await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
    await page.getByRole('button', { name: 'Beoordelen' }).click();
    await page.getByLabel('Je naam').fill('Bram');
    await page.getByRole('button', { name: 'Beginnen met beoordelen' }).click();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

    // The backend stops answering saves.
    await page.route('**/api/invoke', (route) => route.abort('connectionrefused'));
    await page.locator('[data-item-id="2.3"]').focus();
    await page.keyboard.press('2');
    const status = page.getByTestId('save-status');
    await expect(status).toHaveAttribute('data-state', 'failed');
    await expect(status).toContainText('Niet opgeslagen');
    await expect(page.locator('[data-item-id="2.3"] [aria-checked="true"]')).toContainText('2');
    // It stays failed (no silent give-up), and a further edit waits behind it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('1');
    await page.waitForTimeout(500);
    await expect(status).toHaveAttribute('data-state', 'failed');
    await page.screenshot({ path: join(screens, 'review-save-failed-nl.png') });

    await page.unroute('**/api/invoke');
    await status.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(status).toHaveAttribute('data-state', 'saved');
    await page.reload();
    await page.getByRole('button', { name: 'demo-klantgesprek' }).click();
    await page.getByRole('button', { name: 'Beoordelen' }).click();
    await expect(page.locator('[data-item-id="2.3"] [aria-checked="true"]')).toContainText('2');
    await expect(page.locator('[data-item-id="3.1"] [aria-checked="true"]')).toHaveText('Ja');
  });
});
