import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fail } from '../../../contract/errors';
import type { PackageImportResult } from '../../../contract/packages';
import type { SessionSummary } from '../../../contract/sessions';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { SessionsScreen } from './sessions-screen';

const session: SessionSummary = {
  id: 'session-1',
  name: 'Kalibratie november',
  rubricId: 'empathie-actief-luisteren',
  rubricVersion: 1,
  rubricName: 'Empathy & active listening',
  blind: true,
  benchmarkReviewerId: null,
  toleranceTotal: 10,
  toleranceItem: 1,
  deadline: null,
  leadReviewerId: 'lead',
  createdAtMs: 1,
  calls: [{ id: 'call-1', title: 'Gesprek 1' }],
  reviewers: [
    { id: 'lead', name: 'Anouk' },
    { id: 'r2', name: 'Piet' },
  ],
  submitted: 1,
  expected: 2,
};

const sessionPackage: PackageImportResult = {
  kind: 'session',
  sessionId: 'session-2',
  sessionName: 'Kalibratie december',
  alreadyPresent: false,
  callsAdded: 3,
  reviewsAdded: 0,
  reviewsRevised: 0,
  reviewers: [{ id: 'r2', name: 'Piet' }],
  recipient: { id: 'r2', name: 'Piet' },
};

const packageFile = () => new File(['zip'], 'november.klankbord-session');

describe('Calibration screen', () => {
  it('lists the sessions with their progress and opens one', async () => {
    const user = userEvent.setup();
    const onOpenSession = vi.fn();
    renderWithBackend(<SessionsScreen sessionId={null} onOpenSession={onOpenSession} onReview={() => undefined} />, {
      'sessions.list': () => [session],
    });
    expect(await screen.findByTestId('session-list')).toHaveTextContent('1 of 2 reviews submitted');
    await user.click(screen.getByRole('button', { name: 'Kalibratie november' }));
    expect(onOpenSession).toHaveBeenCalledWith('session-1');
  });

  it('says when there are no sessions yet', async () => {
    renderWithBackend(<SessionsScreen sessionId={null} onOpenSession={() => undefined} onReview={() => undefined} />, {
      'sessions.list': () => [],
    });
    expect(await screen.findByText('No calibration sessions yet.')).toBeInTheDocument();
  });

  it('imports a session package, says what it added and whom it is for, and opens the session', async () => {
    const user = userEvent.setup();
    const onOpenSession = vi.fn();
    const { transport } = renderWithBackend(
      <SessionsScreen sessionId={null} onOpenSession={onOpenSession} onReview={() => undefined} />,
      { 'sessions.list': () => [session], 'packages.import': () => sessionPackage },
    );
    await screen.findByTestId('session-list');
    await user.upload(screen.getByTestId('package-import-input'), packageFile());
    expect(await screen.findByRole('status')).toHaveTextContent('Session “Kalibratie december” imported: 3 new calls.');
    expect(screen.getByText(/This package is for Piet/)).toBeInTheDocument();
    expect(inputsOf(transport, 'packages.import')).toEqual([
      {
        source: {
          kind: 'staged',
          stagedId: '00000000-0000-0000-0000-000000000000',
          name: 'november.klankbord-session',
        },
      },
    ]);
    // The list is asked again, so the new session appears.
    await waitFor(() => expect(inputsOf(transport, 'sessions.list')).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Open session' }));
    expect(onOpenSession).toHaveBeenCalledWith('session-2');
  });

  it("names a refused package's own reason", async () => {
    const user = userEvent.setup();
    renderWithBackend(<SessionsScreen sessionId={null} onOpenSession={() => undefined} onReview={() => undefined} />, {
      'sessions.list': () => [session],
      'packages.import': () =>
        fail('package_refused', 'signature does not match', { packageCode: 'package_not_klankbord' }),
    });
    await screen.findByTestId('session-list');
    await user.upload(screen.getByTestId('package-import-input'), packageFile());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The package was refused; nothing was changed.');
    expect(alert).toHaveTextContent('It is not a Klankbord package.');
  });
});
