import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AppInfo, Preferences } from '../../../contract/schemas';
import { renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { SettingsScreen } from './settings-screen';

const preferences: Preferences = {
  language: null,
  theme: 'system',
  singleKeyShortcuts: true,
  ffmpegPath: '',
  autoRedactCardNumbers: false,
};

const info: AppInfo = {
  version: '0.1.0',
  dataDir: '/home/eva/.local/share/klankbord',
  databaseFile: '/home/eva/.local/share/klankbord/klankbord.db',
  schemaVersion: 16,
  recoveredDatabase: null,
  databaseCheck: { state: 'before-open', damage: null },
};

function renderSettings(onChange: (change: Partial<Preferences>) => void, shown: AppInfo | null = info) {
  return renderWithBackend(<SettingsScreen preferences={preferences} info={shown} onChange={onChange} />, {});
}

describe('Settings screen', () => {
  it('changes the language, the theme, the shortcuts and automatic card redaction', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderSettings(onChange);
    await user.selectOptions(screen.getByLabelText('Language'), 'nl');
    expect(onChange).toHaveBeenLastCalledWith({ language: 'nl' });
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(onChange).toHaveBeenLastCalledWith({ theme: 'dark' });
    await user.click(screen.getByRole('checkbox', { name: 'Single-key shortcuts in the player and transcript' }));
    expect(onChange).toHaveBeenLastCalledWith({ singleKeyShortcuts: false });
    await user.click(screen.getByRole('checkbox', { name: /Redact card numbers found in a transcript at once/ }));
    expect(onChange).toHaveBeenLastCalledWith({ autoRedactCardNumbers: true });
    expect(
      screen.getByRole('checkbox', { name: 'Single-key shortcuts in the player and transcript' }),
    ).toHaveAccessibleDescription(/Turn off if you use speech input/);
  });

  it('follows the system language until one is chosen, and going back to it stores none', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithBackend(
      <SettingsScreen preferences={{ ...preferences, language: 'en' }} info={info} onChange={onChange} />,
      {},
    );
    expect(screen.getByLabelText('Language')).toHaveValue('en');
    await user.selectOptions(screen.getByLabelText('Language'), 'system');
    expect(onChange).toHaveBeenLastCalledWith({ language: null });
  });

  it('shows where the data lives, and leaves the facts out until they are known', () => {
    const { unmount } = renderSettings(() => undefined);
    expect(screen.getByTestId('data-folder')).toHaveTextContent('/home/eva/.local/share/klankbord');
    expect(screen.getByText('klankbord.db', { exact: false })).toBeInTheDocument();
    unmount();
    renderSettings(() => undefined, null);
    expect(screen.queryByTestId('data-folder')).toBeNull();
  });
});
