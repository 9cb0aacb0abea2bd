import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { AppShell } from './app-shell';

describe('App shell', () => {
  it('marks the current screen in the navigation, a call counting as the calls, and navigates', async () => {
    const user = userEvent.setup();
    const onNavigate = vi.fn();
    renderWithBackend(
      <AppShell screen={{ name: 'call', callId: 'call-1' }} onNavigate={onNavigate}>
        <p>Inhoud</p>
      </AppShell>,
      {},
    );
    const navigation = screen.getByRole('navigation');
    const current = navigation.querySelectorAll('[aria-current="page"]');
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveTextContent('Calls');
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(onNavigate).toHaveBeenCalledWith({ name: 'settings' });
    expect(screen.getByRole('main')).toHaveTextContent('Inhoud');
  });

  it('offers a way past the navigation to the content', () => {
    renderWithBackend(
      <AppShell screen={{ name: 'team' }} onNavigate={() => undefined}>
        <p>Inhoud</p>
      </AppShell>,
      {},
      'nl',
    );
    const skip = screen.getByRole('link');
    expect(skip).toHaveAttribute('href', '#content');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'content');
  });
});
