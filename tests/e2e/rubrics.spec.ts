import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

const screens = join(__dirname, '../../test-results/screens');
const fixtures = join(__dirname, '../fixtures/rubrics');

test('copy the shipped rubric, edit and publish it, use it for new reviews, export and re-import it; a broken file is refused', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1400, height: 950 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Rubrics' }).click();
  const table = page.getByTestId('rubric-table');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('Empathie & actief luisteren');
  await expect(table).toContainText('Gebruikt voor nieuwe beoordelingen');

  // Copy: an editable draft opens.
  await table.getByRole('button', { name: 'Kopiëren' }).click();
  const editor = page.getByRole('region', { name: /bewerken \(concept\)/ });
  await expect(editor).toBeVisible();
  await editor.getByRole('group', { name: 'Naam' }).getByLabel('Naam (Nederlands)').fill('Empathie — team Zorg');
  await editor.getByRole('group', { name: 'Naam' }).getByLabel('Naam (Engels)').fill('Empathy — care team');
  // A broken rule (blank Dutch item text) is refused with its place named, and nothing is stored.
  const item11 = editor.getByRole('group', { name: 'Criterium 1.1' });
  await item11
    .getByRole('group', { name: 'Tekst van het criterium' })
    .getByLabel('Tekst van het criterium (Nederlands)')
    .fill('');
  await editor.getByRole('button', { name: 'Concept opslaan' }).click();
  const itemText = item11
    .getByRole('group', { name: 'Tekst van het criterium' })
    .getByLabel('Tekst van het criterium (Nederlands)');
  await expect(editor.getByRole('alert')).toHaveText('Niet opgeslagen: 1 probleem, gemarkeerd bij het veld.');
  await expect(itemText).toHaveAttribute('aria-invalid', 'true');
  await expect(itemText).toHaveAccessibleDescription('Vul dit in.');
  // A negative weight (refused by the contract before the rules run) is explained at the weight, in Dutch.
  await itemText.fill('Herkent en benoemt de emotie');
  await item11.getByLabel('Gewicht').fill('-1');
  await editor.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(item11.getByLabel('Gewicht')).toHaveAttribute('aria-invalid', 'true');
  await expect(item11.getByLabel('Gewicht')).toHaveAccessibleDescription('Het gewicht moet groter zijn dan 0.');
  await expect(editor).not.toContainText('Too small');
  await expect(editor).not.toContainText('sections[0]');
  await expect(itemText).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: join(screens, 'rubric-editor-problem-nl.png') });
  await item11.getByLabel('Gewicht').fill('2');
  await editor.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(editor.getByRole('status')).toHaveText('Concept opgeslagen.');
  await expect(item11.getByLabel('Gewicht')).not.toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: join(screens, 'rubric-editor-nl.png') });

  // Closing with edits that are not saved asks first; "keep editing" keeps them, "discard" throws them away.
  await item11.getByLabel('Gewicht').fill('3');
  await editor.getByRole('button', { name: 'Editor sluiten' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Wijzigingen weggooien?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Verder bewerken' })).toBeFocused();
  await page.screenshot({ path: join(screens, 'rubric-editor-discard-nl.png') });
  await ask.getByRole('button', { name: 'Verder bewerken' }).click();
  await expect(ask).toBeHidden();
  await expect(item11.getByLabel('Gewicht')).toHaveValue('3');
  await editor.getByRole('button', { name: 'Editor sluiten' }).click();
  await ask.getByRole('button', { name: 'Wijzigingen weggooien' }).click();
  await expect(editor).toBeHidden();

  const copyRow = table.locator('tbody tr', { hasText: 'Empathie — team Zorg' });
  await expect(copyRow).toContainText('Concept');
  await copyRow.getByRole('button', { name: 'Publiceren' }).click();
  await expect(copyRow).toContainText('Gepubliceerd');
  await copyRow.getByRole('button', { name: 'Gebruiken voor nieuwe beoordelingen' }).click();
  await expect(copyRow).toContainText('Gebruikt voor nieuwe beoordelingen');

  // Export gives the documented file; importing it again changes nothing.
  const downloadPromise = page.waitForEvent('download');
  await copyRow.getByRole('button', { name: 'Exporteren' }).click();
  const download = await downloadPromise;
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    format: string;
    formatVersion: number;
    rubric: { name: { nl: string }; sections: { items: { weight: number }[] }[] };
  };
  expect(exported.format).toBe('klankbord-rubric');
  expect(exported.formatVersion).toBe(1);
  expect(exported.rubric.name.nl).toBe('Empathie — team Zorg');
  expect(exported.rubric.sections[0]!.items[0]!.weight).toBe(2);
  await page.getByTestId('rubric-import-input').setInputFiles((await download.path())!);
  await expect(page.getByRole('status')).toContainText('was er al; er is niets veranderd.');

  // A broken file is refused with the reason, and the list is unchanged.
  await page.getByTestId('rubric-import-input').setInputFiles(join(fixtures, 'duplicate-item-ids.json'));
  await expect(page.getByRole('alert')).toContainText('Het rubricbestand is geweigerd.');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await page.screenshot({ path: join(screens, 'rubrics-nl.png') });
});
