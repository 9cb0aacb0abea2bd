import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fail } from '../../../contract/errors';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { calibrationSession } from '../../../../tests/unit/session-fixtures';
import { CallBackButton, SessionContextLabel } from './session-context';

describe('Reviewing inside a session', () => {
  it('names the session in the header and offers the way back to it', async () => {
    const user = userEvent.setup();
    const onBack = vi.fn();
    const { transport } = renderWithBackend(
      <header>
        <CallBackButton sessionId="session-1" onBack={onBack} />
        <SessionContextLabel sessionId="session-1" />
      </header>,
      { 'sessions.get': () => calibrationSession },
      'nl',
    );
    expect(await screen.findByTestId('review-session')).toHaveTextContent('Kalibratiesessie: Kalibratie maart');
    await user.click(await screen.findByRole('button', { name: '← Sessie: Kalibratie maart' }));
    expect(onBack).toHaveBeenCalledTimes(1);
    expect(inputsOf(transport, 'sessions.get')).toContainEqual({ sessionId: 'session-1' });
    expect(screen.queryByRole('button', { name: /Gesprekken/ })).not.toBeInTheDocument();
  });

  it('goes back to the library outside a session', async () => {
    renderWithBackend(<CallBackButton sessionId={null} onBack={() => undefined} />, {}, 'en');
    expect(await screen.findByRole('button', { name: '← Calls' })).toBeInTheDocument();
  });

  it('still says it is a calibration session when the session cannot be read', async () => {
    renderWithBackend(
      <SessionContextLabel sessionId="gone" />,
      { 'sessions.get': () => fail('not_found', 'No session gone') },
      'en',
    );
    expect(await screen.findByTestId('review-session')).toHaveTextContent(/^Calibration session$/);
    expect(screen.getByTestId('review-session')).not.toHaveTextContent('gone');
  });
});
