import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { defaultRubric } from '../../src/domain/rubric/default-rubric';
import { rubricItems } from '../../src/domain/rubric/model';
import type { ItemAnswer } from '../../src/domain/scoring/answers';
import { pdfText } from '../unit/pdf-text';
import { expect, test } from './fixtures';

const screens = join(__dirname, '../../test-results/screens');
const dayMs = 86_400_000;

function answers(weakOnEmpathy: boolean): Record<string, ItemAnswer> {
  return Object.fromEntries(
    rubricItems(defaultRubric).map(({ section, item }) => {
      const low = weakOnEmpathy && section.id === '2';
      const answer: ItemAnswer =
        item.scale.kind === 'ordinal'
          ? { kind: 'level', value: low ? 0 : item.scale.levels.length - 1 }
          : { kind: low ? 'no' : 'yes' };
      return [item.id, answer];
    }),
  );
}

// Sanne's calls carry two spellings of her name; merged, her five reviews make a training need.
const spellings = ['Sanne Jansen', 'Sanne Jansen', 'Sanne Jansen', 'S. Jansen', 'S. Jansen'];
const calls = [
  ...spellings.map((agentName, index) => ({ id: `s${index}`, title: `Sanne gesprek ${index + 1}`, agentName })),
  ...[0, 1, 2, 3, 4].map((index) => ({
    id: `p${index}`,
    title: `Piet gesprek ${index + 1}`,
    agentName: 'Piet de Boer',
  })),
].map((call) => ({ ...call, durationMs: 120_000, createdAtMs: 1 }));

test.use({
  seed: {
    calls,
    reviews: calls.map((call, index) => ({
      callId: call.id,
      status: 'submitted' as const,
      answers: answers(call.id.startsWith('s') && call.id !== 's2'),
      atMs: Date.now() - (index + 1) * dayMs,
    })),
  },
});

test('the lead merges two spellings of an agent and exports her coaching sheet', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal').selectOption('en');
  await page.getByRole('button', { name: 'Team' }).click();
  await expect(page.getByText('10 reviews of 3 agents.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Belongs to: S. Jansen' }).selectOption('Sanne Jansen');
  await page.getByRole('button', { name: 'Merge S. Jansen into Sanne Jansen' }).click();
  await expect(page.getByText('S. Jansen counts as Sanne Jansen')).toBeVisible();
  await expect(page.getByText('10 reviews of 2 agents.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sanne Jansen: Showing empathy' })).toBeVisible();
  await page.screenshot({ path: join(screens, 'team-exports-en-light.png') });
  await page.getByRole('heading', { name: 'Agents named once' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screens, 'team-merges-en-light.png') });

  await page.getByRole('combobox', { name: 'Coaching sheet for' }).selectOption('Sanne Jansen');
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Coaching sheet (PDF)' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe('Sanne Jansen - coaching sheet.pdf');
  const bytes = readFileSync((await download.path())!);
  const document = await PDFDocument.load(bytes);
  expect(document.getTitle()).toBe('Coaching sheet: Sanne Jansen');
  expect(pdfText(bytes)).toContain('Needs');

  // The reviews list counts the merged spellings under one name too.
  await page.getByRole('button', { name: 'Reviews' }).click();
  await page.getByRole('combobox', { name: 'Agent' }).selectOption('Sanne Jansen');
  await expect(page.getByRole('row', { name: /Sanne gesprek/ })).toHaveCount(5);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('button', { name: 'Team' }).click();
  await page.getByRole('button', { name: 'Undo the merge of S. Jansen into Sanne Jansen' }).click();
  await expect(page.getByText('10 reviews of 3 agents.')).toBeVisible();
  await page.screenshot({ path: join(screens, 'team-en-dark.png') });
  await page.getByRole('heading', { name: 'Agents named once' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screens, 'team-merges-en-dark.png') });
});
