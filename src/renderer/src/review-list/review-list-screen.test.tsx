import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { ReviewListScreen } from './review-list-screen';

describe('Reviews screen score export', () => {
  afterEach(() => vi.restoreAllMocks());

  it('explains what the severity-adjusted option changes in the file, and sends it with the export', async () => {
    const user = userEvent.setup();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { transport } = renderWithBackend(
      <ReviewListScreen onOpen={() => undefined} />,
      {
        'reviews.window': () => ({ rows: [], total: 0, next: null }),
        'reviews.filterOptions': () => ({ calls: [], agents: [], reviewers: [], sessions: [] }),
        'exports.scores': () => ({ exportId: 'export-1', fileName: 'klankbord-scores.json' }),
      },
      'nl',
    );
    const option = await screen.findByRole('checkbox', { name: /Totalen gecorrigeerd voor strengheid/ });
    expect(option).toHaveAccessibleDescription(/Vult de kolom "Gekalibreerde score" van routinebeoordelingen/);
    expect(option).toHaveAccessibleDescription(/De totalen zelf blijven zoals gescoord/);
    await user.click(option);
    await user.click(screen.getByRole('button', { name: 'Scores exporteren' }));
    await waitFor(() => expect(inputsOf(transport, 'exports.scores')).toHaveLength(1));
    expect(inputsOf(transport, 'exports.scores')[0]).toMatchObject({ applySeverity: true, language: 'nl' });
  });

  it('shows the session of each review and filters routine reviews or one session', async () => {
    const user = userEvent.setup();
    const row = (id: string, sessionId: string | null, sessionName: string | null) => ({
      id,
      callId: `call-${id}`,
      callTitle: `Gesprek ${id}`,
      agentName: 'Sanne',
      reviewerId: 'r1',
      reviewerName: 'Anouk',
      rubricId: 'empathie',
      rubricVersion: 1,
      rubricName: 'Empathie',
      status: 'submitted' as const,
      total: 80,
      criticalFailed: false,
      createdAtMs: 1,
      updatedAtMs: 2,
      submittedAtMs: 2,
      sessionId,
      sessionName,
    });
    const { transport } = renderWithBackend(
      <ReviewListScreen onOpen={() => undefined} />,
      {
        'reviews.window': () => ({
          rows: [row('a', null, null), row('b', 's1', 'Kalibratie november')],
          total: 2,
          next: null,
        }),
        'reviews.filterOptions': () => ({
          calls: [],
          agents: ['Sanne'],
          reviewers: [['r1', 'Anouk']],
          sessions: [['s1', 'Kalibratie november']],
        }),
      },
      'nl',
    );
    expect(await screen.findByRole('columnheader', { name: 'Sessie' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Kalibratie november' })).toBeInTheDocument();
    const filter = screen.getByRole('combobox', { name: 'Sessie' });
    await user.selectOptions(filter, 'Routinebeoordelingen (geen sessie)');
    await waitFor(() => expect(inputsOf(transport, 'reviews.window')).toContainEqual({ sessionId: null }));
    await user.selectOptions(filter, 'Kalibratie november');
    await waitFor(() => expect(inputsOf(transport, 'reviews.window')).toContainEqual({ sessionId: 's1' }));
  });

  it('shows the count of every matching review and loads the next window on request', async () => {
    const user = userEvent.setup();
    const row = (n: number) => ({
      id: `r${n}`,
      callId: `c${n}`,
      callTitle: `Gesprek ${n}`,
      agentName: 'Sanne',
      reviewerId: 'r1',
      reviewerName: 'Anouk',
      rubricId: 'empathie',
      rubricVersion: 1,
      rubricName: 'Empathie',
      status: 'draft' as const,
      total: null,
      criticalFailed: false,
      createdAtMs: 1,
      updatedAtMs: 1000 - n,
      submittedAtMs: null,
      sessionId: null,
      sessionName: null,
    });
    const { transport } = renderWithBackend(
      <ReviewListScreen onOpen={() => undefined} />,
      {
        'reviews.window': (input) =>
          input.after
            ? { rows: [row(3)], total: 3, next: null }
            : { rows: [row(1), row(2)], total: 3, next: { updatedAtMs: 998, id: 'r2' } },
        'reviews.filterOptions': () => ({ calls: [], agents: [], reviewers: [], sessions: [] }),
      },
      'nl',
    );
    expect(await screen.findByText('3 beoordelingen')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: '2 van 3 getoond; meer laden' }));
    expect(await screen.findByText('Gesprek 3')).toBeInTheDocument();
    expect(inputsOf(transport, 'reviews.window').at(-1)).toEqual({ after: { updatedAtMs: 998, id: 'r2' } });
    expect(screen.queryByRole('button', { name: /meer laden/ })).not.toBeInTheDocument();
  });
});
