import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionComparison } from '../../../contract/sessions';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { reviewedCall, savedNow } from '../../../../tests/unit/review-fixtures';
import { calibrationSession, shippedRubric } from '../../../../tests/unit/session-fixtures';
import { ComparisonView } from './comparison-view';

const answer = (itemId: string, value: number | 'yes' | 'no') => ({
  itemId,
  answer: typeof value === 'number' ? { kind: 'level' as const, value } : { kind: value },
  comment: '',
  evidenceOverride: null,
});

function comparison(): SessionComparison {
  return {
    reviews: [
      {
        reviewerId: 'anna',
        reviewerName: 'Anna Bakker',
        submitted: true,
        revision: 1,
        context: null,
        answers: [answer('1.1', 3), answer('1.3', 'yes')],
        moments: [],
        score: { total: 92.5, sections: [100, null, null, null, null] },
      },
      {
        reviewerId: 'bram',
        reviewerName: 'Bram Visser',
        submitted: true,
        revision: 2,
        context: null,
        answers: [answer('1.1', 1), answer('1.3', 'yes')],
        moments: [
          {
            id: 'b1',
            startMs: 1_000,
            endMs: 3_000,
            type: 'customer-emotion-cue',
            speaker: 'customer',
            polarity: 'neutral',
            itemIds: ['1.1'],
            note: '',
          },
        ],
        score: { total: 61.25, sections: [66.7, null, null, null, null] },
      },
    ],
    items: [
      { itemId: '1.1', deviations: ['benchmark', 'outside'], disagreement: true },
      { itemId: '1.3', deviations: ['benchmark', 'within'], disagreement: false },
    ],
    consensus: [],
    notes: [],
  };
}

function renderComparison(language: 'nl' | 'en' = 'en') {
  const compared = comparison();
  return renderWithBackend(
    <ComparisonView session={calibrationSession} callId="call-1" />,
    {
      'sessions.compare': () => compared,
      'rubrics.get': shippedRubric,
      'calls.get': () => reviewedCall,
      'sessions.setConsensus': (input) => {
        compared.consensus.push({
          callId: input.callId,
          itemId: input.itemId,
          answer: input.answer,
          reason: input.reason,
          decidedBy: 'anna',
          decidedAtMs: 1,
        });
        return savedNow();
      },
      'sessions.addNote': (input) => {
        compared.notes.push({ itemId: null, authorId: 'anna', authorName: 'Anna Bakker', text: input.text, atMs: 1 });
        return savedNow();
      },
    },
    language,
  );
}

const row = (itemId: string) =>
  screen.getByTestId('comparison-table').querySelector<HTMLElement>(`tr[data-item-id="${itemId}"]`);

describe('ComparisonView', () => {
  it("shows every reviewer's answers with the deviation the backend measured", async () => {
    renderComparison();
    expect(await screen.findByRole('heading', { name: 'Comparison: Klacht over factuur' })).toBeInTheDocument();
    const cells = within(row('1.1')!).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('3 (benchmark)');
    expect(cells[1]).toHaveTextContent('1 (outside the tolerance)');
    expect(cells[1]).toHaveClass('dev-off');
    expect(within(row('1.3')!).getAllByRole('cell')[1]).toHaveTextContent(/^Yes$/);
    expect(screen.getByRole('columnheader', { name: /Bram Visser/ })).toHaveTextContent('revision 2');
    expect(
      within(screen.getByRole('row', { name: /^Total/ }))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['92.5', '61.3', '']);
    expect(screen.getByRole('img', { name: 'Bram Visser: 1 moments' })).toBeInTheDocument();
  });

  it('filters the table down to the items reviewers disagree on', async () => {
    const user = userEvent.setup();
    renderComparison();
    await screen.findByTestId('comparison-table');
    expect(row('1.3')).not.toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Only disagreements' }));
    expect(row('1.3')).toBeNull();
    expect(row('1.1')).not.toBeNull();
    await user.click(screen.getByRole('checkbox', { name: 'Only disagreements' }));
    expect(row('1.3')).not.toBeNull();
  });

  it('records a calibrated answer only with a reason, and shows it', async () => {
    const user = userEvent.setup();
    const { transport } = renderComparison();
    await screen.findByTestId('comparison-table');
    const record = within(row('1.1')!).getByRole('button', { name: 'Record' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Calibrated 1.1' }), '2 · Sincere but generic');
    await user.type(screen.getByRole('textbox', { name: 'Reason 1.1' }), 'ok');
    expect(record).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Reason 1.1' }), ': named, not tied to the situation');
    await user.click(record);
    expect(await within(row('1.1')!).findByText('“ok: named, not tied to the situation”')).toBeInTheDocument();
    expect(inputsOf(transport, 'sessions.setConsensus')).toEqual([
      {
        sessionId: 'session-1',
        callId: 'call-1',
        itemId: '1.1',
        answer: { kind: 'level', value: 2 },
        reason: 'ok: named, not tied to the situation',
      },
    ]);
  });

  it('adds a note to the discussion', async () => {
    const user = userEvent.setup();
    renderComparison('nl');
    await user.type(await screen.findByRole('textbox', { name: 'Notitie' }), 'Bespreken in het teamoverleg');
    await user.click(screen.getByRole('button', { name: 'Notitie toevoegen' }));
    await waitFor(() =>
      expect(screen.getByTestId('discussion-notes')).toHaveTextContent('Anna Bakker: Bespreken in het teamoverleg'),
    );
    expect(screen.getByRole('textbox', { name: 'Notitie' })).toHaveValue('');
  });
});
