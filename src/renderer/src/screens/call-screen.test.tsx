import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail } from '../../../contract/errors';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { draftReview, reviewedCall } from '../../../../tests/unit/review-fixtures';
import { CallScreen } from './call-screen';

describe('Call screen', () => {
  afterEach(() => localStorage.clear());

  it("shows the call's facts, moves focus to its title and says when there is no transcript", async () => {
    renderWithBackend(<CallScreen callId="call-1" onBack={() => undefined} shortcutsEnabled />, {
      'calls.get': () => reviewedCall,
    });
    const heading = await screen.findByRole('heading', { level: 1, name: 'Klacht over factuur' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(/Sanne de Vries · K-1001/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit details' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Transcript' })).toHaveTextContent('This call has no transcript.');
  });

  it('opens the review beside the call and hides it again', async () => {
    const user = userEvent.setup();
    const { transport } = renderWithBackend(<CallScreen callId="call-1" onBack={() => undefined} shortcutsEnabled />, {
      'calls.get': () => reviewedCall,
      'reviews.open': () => draftReview(),
      'reviews.list': () => [],
    });
    const start = await screen.findByRole('button', { name: 'Review' });
    expect(start).toHaveAttribute('aria-pressed', 'false');
    await user.click(start);
    await waitFor(() => expect(inputsOf(transport, 'reviews.open')).toHaveLength(1));
    expect(inputsOf(transport, 'reviews.open')[0]).toMatchObject({ callId: 'call-1' });
    const hide = screen.getByRole('button', { name: 'Hide review' });
    expect(hide).toHaveAttribute('aria-pressed', 'true');
    await user.click(hide);
    expect(screen.getByRole('button', { name: 'Review' })).toBeInTheDocument();
  });

  it('offers to try again when the call cannot be read, and goes back', async () => {
    const user = userEvent.setup();
    const onBack = vi.fn();
    let attempts = 0;
    const { transport } = renderWithBackend(<CallScreen callId="gone" onBack={onBack} shortcutsEnabled />, {
      'calls.get': () => {
        attempts += 1;
        return attempts === 1 ? fail('not_found', 'No call gone') : reviewedCall;
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Klacht over factuur' })).toBeInTheDocument();
    expect(inputsOf(transport, 'calls.get')).toEqual([{ callId: 'gone' }, { callId: 'gone' }]);
    await user.click(screen.getByRole('button', { name: '← Calls' }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});
