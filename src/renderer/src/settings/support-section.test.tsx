import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostics } from '../../../contract/diagnostics';
import { createI18n } from '../i18n/i18n';
import { createFakeTransport } from '../transport/fake-transport';
import { TransportProvider } from '../transport/transport-context';
import { SupportSection } from './support-section';

const diagnostics: Diagnostics = {
  version: '0.1.0',
  runtime: { node: '20.20.2', electron: null, chrome: null, platform: 'linux', arch: 'x64', osRelease: '6.1.0' },
  dataDir: '/data/klankbord',
  databaseFile: '/data/klankbord/klankbord.db',
  schemaVersion: 7,
  logFile: '/data/klankbord/logs/klankbord.log',
  recentErrors: [
    { time: '2026-12-04T10:00:00.000Z', process: 'backend', version: '0.1.0', message: 'calls.get failed' },
  ],
};

function renderSection(language: 'nl' | 'en') {
  const transport = createFakeTransport({ 'app.diagnostics': () => diagnostics });
  render(
    <TransportProvider transport={transport}>
      <I18nextProvider i18n={createI18n(language)}>
        <SupportSection />
      </I18nextProvider>
    </TransportProvider>,
  );
  return transport;
}

describe('SupportSection', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows where the log file is and copies the diagnostics summary', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    renderSection('en');
    expect(await screen.findByTestId('log-file')).toHaveTextContent('/data/klankbord/logs/klankbord.log');
    expect(screen.getByTestId('recent-error-count')).toHaveTextContent('1 in the log');
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(await screen.findByText('Diagnostics copied to the clipboard.')).toBeInTheDocument();
    const copied = writeText.mock.calls[0]?.[0] ?? '';
    expect(copied).toContain('Klankbord 0.1.0 diagnostics');
    expect(copied).toContain('Data folder: /data/klankbord');
    expect(copied).toContain('[backend] v0.1.0 calls.get failed');
  });

  it('shows the summary to copy by hand when the clipboard refuses (in Dutch)', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('NotAllowedError'));
    renderSection('nl');
    await user.click(await screen.findByRole('button', { name: 'Diagnose kopiëren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Het klembord is niet beschikbaar');
    const summary = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Diagnoseoverzicht' });
    expect(summary.value).toContain('Log file: /data/klankbord/logs/klankbord.log');
  });
});
