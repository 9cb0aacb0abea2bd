import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail } from '../../../contract/errors';
import { defaultRubric } from '../../../domain/rubric/default-rubric';
import type { Rubric } from '../../../domain/rubric/model';
import { validateRubric } from '../../../domain/rubric/validate-rubric';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { RubricEditor } from './rubric-editor';

const draft: Rubric = { ...defaultRubric, id: 'mijn-rubric', version: 1, sections: [defaultRubric.sections[0]!] };

/** The editor against a backend that checks drafts with the domain's rubric rules, as the rubric service does. */
function renderEditor(language: 'nl' | 'en' = 'en') {
  return renderWithBackend(
    <RubricEditor initial={draft} onClose={() => undefined} />,
    {
      'rubrics.saveDraft': ({ rubric }) => {
        const problems = validateRubric(rubric as Rubric);
        return problems.length === 0 ? { savedAtMs: 1 } : fail('rubric_invalid', 'invalid', { problems });
      },
    },
    language,
  );
}

const savedRubric = (transport: Parameters<typeof inputsOf>[0]) =>
  (inputsOf(transport, 'rubrics.saveDraft').at(-1) as { rubric: Rubric }).rubric;

describe('RubricEditor', () => {
  it('lists the problems of a refused save, and saves once they are fixed', async () => {
    const user = userEvent.setup();
    const { transport } = renderEditor();
    const number = within(screen.getByRole('group', { name: 'Item 1.2' })).getByRole('textbox', { name: 'Number' });
    await user.clear(number);
    await user.type(number, '1.1');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not saved: 1 problem, marked at its field.');
    expect(alert).not.toHaveTextContent('sections[0]');
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveAccessibleDescription('Another item has this number.');
    expect(screen.queryByText('Draft saved.')).not.toBeInTheDocument();

    await user.clear(number);
    await user.type(number, '1.4');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Draft saved.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(savedRubric(transport).sections[0]!.items.map((item) => item.id)).toEqual(['1.1', '1.4', '1.3']);
  });

  it('refuses a name left blank in one language', async () => {
    const user = userEvent.setup();
    renderEditor('nl');
    const english = within(screen.getByRole('group', { name: 'Naam' })).getByRole('textbox', { name: 'Naam (Engels)' });
    await user.clear(english);
    await user.click(screen.getByRole('button', { name: 'Concept opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Niet opgeslagen: 1 probleem, gemarkeerd bij het veld.');
    expect(english).toHaveAttribute('aria-invalid', 'true');
    expect(english).toHaveAccessibleDescription('Vul dit in.');
  });

  it('adds an item and turns it into a scale with one more level', async () => {
    const user = userEvent.setup();
    const { transport } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add item' }));
    const added = screen.getByRole('group', { name: 'Item 1.4' });
    const englishTitle = within(added).getByRole('textbox', { name: 'Item text (English)' });
    expect(englishTitle).toHaveValue('New item');
    await user.clear(englishTitle);
    await user.type(englishTitle, 'Thanks the customer for waiting');
    await user.selectOptions(within(added).getByRole('combobox', { name: 'Scale' }), 'Levels with anchors');
    expect(within(added).getAllByRole('group', { name: /^Level \d$/ })).toHaveLength(4);
    await user.click(within(added).getByRole('button', { name: 'Add level' }));
    expect(within(added).getByRole('group', { name: 'Level 4' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    const item = savedRubric(transport).sections[0]!.items[3]!;
    expect(item.title.en).toBe('Thanks the customer for waiting');
    expect(item.scale.kind === 'ordinal' && item.scale.levels.map((level) => level.value)).toEqual([0, 1, 2, 3, 4]);
  });
});
