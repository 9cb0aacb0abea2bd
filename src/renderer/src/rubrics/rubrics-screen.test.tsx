import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RubricVersionSummary } from '../../../contract/reviews';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { RubricsScreen } from './rubrics-screen';

const version = (overrides: Partial<RubricVersionSummary>): RubricVersionSummary => ({
  id: 'empathie-actief-luisteren',
  version: 1,
  name: { nl: 'Empathie & actief luisteren', en: 'Empathy & active listening' },
  status: 'published',
  itemCount: 18,
  reviewCount: 4,
  builtIn: true,
  usedForNewReviews: true,
  ...overrides,
});

const shipped = version({});
const draft = version({ version: 2, status: 'draft', reviewCount: 0, builtIn: false, usedForNewReviews: false });

const rowOf = (id: string, versionNumber: number) =>
  document.querySelector<HTMLElement>(`[data-rubric="${id}@${versionNumber}"]`)!;

describe('Rubrics screen', () => {
  it('offers a new version of a published rubric and publishing or deleting a draft', async () => {
    renderWithBackend(<RubricsScreen />, { 'rubrics.list': () => [shipped, draft] });
    await screen.findByTestId('rubric-table');
    const published = within(rowOf(shipped.id, 1));
    expect(published.getByText('Used for new reviews')).toBeInTheDocument();
    expect(published.getByRole('button', { name: 'New version' })).toBeInTheDocument();
    // The version new reviews already use is not offered again.
    expect(published.queryByRole('button', { name: 'Use for new reviews' })).toBeNull();
    expect(published.queryByRole('button', { name: 'Publish' })).toBeNull();
    const drafted = within(rowOf(draft.id, 2));
    expect(drafted.getByText('Draft')).toBeInTheDocument();
    for (const name of ['Edit', 'Publish', 'Delete draft', 'Copy', 'Export'])
      expect(drafted.getByRole('button', { name })).toBeInTheDocument();
  });

  it('publishes a draft and lists the rubrics again', async () => {
    const user = userEvent.setup();
    let published = false;
    const { transport } = renderWithBackend(<RubricsScreen />, {
      'rubrics.list': () => (published ? [shipped, { ...draft, status: 'published' as const }] : [shipped, draft]),
      'rubrics.publish': () => {
        published = true;
        return { savedAtMs: 1 };
      },
    });
    await screen.findByTestId('rubric-table');
    await user.click(within(rowOf(draft.id, 2)).getByRole('button', { name: 'Publish' }));
    expect(inputsOf(transport, 'rubrics.publish')).toEqual([{ id: draft.id, version: 2 }]);
    await waitFor(() =>
      expect(within(rowOf(draft.id, 2)).getByRole('button', { name: 'New version' })).toBeInTheDocument(),
    );
    expect(inputsOf(transport, 'rubrics.list')).toHaveLength(2);
  });

  it('imports a rubric file and says which version it added', async () => {
    const user = userEvent.setup();
    const { transport } = renderWithBackend(
      <RubricsScreen />,
      {
        'rubrics.list': () => [shipped],
        'rubrics.import': () => ({ id: 'eigen-rubric', version: 3, alreadyPresent: false }),
      },
      'nl',
    );
    await screen.findByTestId('rubric-table');
    const file = new File(['{"format":"klankbord-rubric"}'], 'rubric.json', { type: 'application/json' });
    await user.upload(screen.getByTestId('rubric-import-input'), file);
    expect(await screen.findByRole('status')).toHaveTextContent('eigen-rubric v3');
    expect(inputsOf(transport, 'rubrics.import')).toEqual([{ text: '{"format":"klankbord-rubric"}' }]);
  });
});
