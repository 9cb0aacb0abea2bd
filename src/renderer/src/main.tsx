import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Preferences } from '../../contract/schemas';
import { App } from './app';
import { createI18n, effectiveLanguage } from './i18n/i18n';
import { applyTheme } from './shell/apply-theme';
import { createErrorReporter, reportWindowErrors } from './shell/report-errors';
import { pickTransport } from './transport/pick-transport';
import { TransportProvider } from './transport/transport-context';
import './styles/theme.css';
import './styles/app.css';
import './styles/controls.css';
import './styles/call-screen.css';
import './styles/import.css';
import './styles/review.css';
import './styles/moments.css';
import './styles/review-list.css';
import './styles/rubric-editor.css';
import './styles/calibration.css';
import './styles/settings.css';
import './styles/redaction.css';
import './styles/workspace.css';
import './styles/accessibility.css';
import './styles/requests.css';
import './styles/transcript-search.css';
import './styles/team.css';
import './styles/assist.css';

const defaultPreferences: Preferences = {
  language: null,
  theme: 'system',
  singleKeyShortcuts: true,
  ffmpegPath: '',
  autoRedactCardNumbers: false,
};

async function start(): Promise<void> {
  // The OS's palette while the preferences load; App applies the user's choice.
  applyTheme('system');
  const transport = pickTransport();
  const reporter = createErrorReporter(transport, () => window.location.href);
  reportWindowErrors(window, reporter);
  // Load preferences before the first paint, so the app never flashes in the wrong language or theme.
  const stored = await transport.invoke('preferences.get', {});
  const preferences = stored.ok ? stored.value : defaultPreferences;
  const i18n = createI18n(effectiveLanguage(preferences));
  const root = document.getElementById('root');
  if (!root) throw new Error('No #root element');
  createRoot(root, { onUncaughtError: (error) => reporter.report('render', error) }).render(
    <StrictMode>
      <TransportProvider transport={transport}>
        <I18nextProvider i18n={i18n}>
          <App initialPreferences={preferences} />
        </I18nextProvider>
      </TransportProvider>
    </StrictMode>,
  );
}

void start();
