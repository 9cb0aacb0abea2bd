import { join } from 'node:path';
import { defaultRubric } from '../../src/domain/rubric/default-rubric';
import { rubricItems } from '../../src/domain/rubric/model';
import type { ItemAnswer } from '../../src/domain/scoring/answers';
import { expectAccessible } from './axe-helpers';
import { expect, test } from './fixtures';

const screens = join(__dirname, '../../test-results/screens');
const dayMs = 86_400_000;

/** Every item at its best, or section 2 ("Showing empathy") at its worst. */
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

const agents = ['Sanne Jansen', 'Piet de Boer', 'Anna Visser'];
const calls = agents.flatMap((agentName, agent) =>
  [0, 1, 2, 3, 4].map((index) => ({
    id: `c${agent}${index}`,
    title: `${agentName.split(' ')[0]} gesprek ${index + 1}`,
    agentName,
    durationMs: 120_000,
    createdAtMs: 1,
  })),
);

test.use({
  seed: {
    calls,
    reviews: calls.map((call, index) => ({
      callId: call.id,
      status: 'submitted' as const,
      // Sanne falls short on empathy in four of her five calls, spread over the last weeks.
      answers: answers(call.agentName === 'Sanne Jansen' && !call.id.endsWith('4')),
      atMs: Date.now() - (index + 1) * dayMs,
    })),
  },
});

test('the team report names a training need and opens the call behind it', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal').selectOption('en');
  await page.getByRole('button', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { name: 'Team', level: 1 })).toBeVisible();
  await expect(page.getByText('15 reviews of 3 agents.')).toBeVisible();
  const need = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Sanne Jansen: Showing empathy' }) });
  await expect(need).toContainText('over 5 reviews; the rest of the team 100: 80 points lower.');
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(1);
  const table = page.getByTestId('agent-skill-table');
  await expect(table.getByRole('row', { name: /Sanne Jansen/ })).toContainText('Training need');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: join(screens, 'team-en-light.png') });
  await expectAccessible(page, 'team report');
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screens, 'team-en-light-agents.png') });

  // Stricter: ten reviews per skill are needed, so the need is not named.
  await page.getByRole('combobox', { name: 'Reviews needed' }).selectOption('10');
  await expect(page.getByText('No training needs with these settings.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Reviews needed' }).selectOption('5');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('nl');
  await page.getByRole('radio', { name: 'Donker' }).check();
  await page.getByRole('button', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { name: 'Sanne Jansen: Empathie tonen' })).toBeVisible();
  await page.screenshot({ path: join(screens, 'team-nl-dark.png') });
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await page.getByLabel('Taal').selectOption('en');
  await page.getByRole('button', { name: 'Team' }).click();

  await need
    .getByRole('button', { name: /^Open Sanne gesprek \d \(score 0\)$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: /^Sanne gesprek \d$/, level: 1 })).toBeVisible();
});
