import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../contract/schemas';
import { useBackendQuery } from './hooks/use-backend-query';
import { effectiveLanguage } from './i18n/i18n';
import { CallScreen } from './screens/call-screen';
import { ImportController } from './import/import-controller';
import { CallLibrary } from './library/call-library';
import { ReviewListScreen } from './review-list/review-list-screen';
import { RubricsScreen } from './rubrics/rubrics-screen';
import { SessionsScreen } from './sessions/sessions-screen';
import { SettingsScreen } from './settings/settings-screen';
import { TeamScreen } from './team/team-screen';
import { AppShell, type Screen } from './shell/app-shell';
import { followTheme } from './shell/apply-theme';
import { RecoveredNotice } from './shell/recovered-notice';
import { DatabaseDamageNotice } from './shell/database-damage-notice';
import { useTransport } from './transport/transport-context';

/** Applies language and theme preferences to the document. */
function useAppliedPreferences(preferences: Preferences): void {
  const { i18n } = useTranslation();
  const language = effectiveLanguage(preferences);
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  useEffect(() => followTheme(preferences.theme), [preferences.theme]);
}

export function App({ initialPreferences }: { initialPreferences: Preferences }) {
  const transport = useTransport();
  const [screen, setScreen] = useState<Screen>({ name: 'calls' });
  const [importRequest, setImportRequest] = useState(0);
  const [preferences, setPreferences] = useState(initialPreferences);
  // Read again when the background check of the database finishes.
  const info = useBackendQuery('app.info', {}, ['app.databaseChecked']);
  useAppliedPreferences(preferences);

  useEffect(
    () =>
      transport.subscribe('preferences.changed', () => {
        void transport.invoke('preferences.get', {}).then((result) => result.ok && setPreferences(result.value));
      }),
    [transport],
  );

  const changePreferences = (change: Partial<Preferences>) => {
    setPreferences((current) => ({ ...current, ...change }));
    void transport.invoke('preferences.set', change).then((result) => result.ok && setPreferences(result.value));
  };

  return (
    <AppShell
      screen={screen}
      onNavigate={setScreen}
      banner={
        info.status === 'ok' && (
          <>
            <RecoveredNotice recovered={info.value.recoveredDatabase} />
            <DatabaseDamageNotice check={info.value.databaseCheck} />
          </>
        )
      }
    >
      {screen.name === 'calls' && (
        <CallLibrary
          onOpen={(callId) => setScreen({ name: 'call', callId })}
          onOpenAt={(callId, atMs) => setScreen({ name: 'call', callId, atMs })}
          onImport={() => setImportRequest((n) => n + 1)}
        />
      )}
      {screen.name === 'reviews' && (
        <ReviewListScreen onOpen={(callId) => setScreen({ name: 'call', callId, reviewing: true })} />
      )}
      {screen.name === 'team' && (
        <TeamScreen onOpen={(callId) => setScreen({ name: 'call', callId, reviewing: true })} />
      )}
      {screen.name === 'rubrics' && <RubricsScreen />}
      {screen.name === 'sessions' && (
        <SessionsScreen
          sessionId={screen.sessionId ?? null}
          onOpenSession={(sessionId) => setScreen({ name: 'sessions', sessionId })}
          onReview={(callId, sessionId) => setScreen({ name: 'call', callId, reviewing: true, sessionId })}
        />
      )}
      {screen.name === 'call' && (
        <CallScreen
          key={`${screen.callId}:${screen.sessionId ?? ''}:${screen.atMs ?? ''}`}
          callId={screen.callId}
          initialTimeMs={screen.atMs ?? null}
          initialReviewing={screen.reviewing ?? false}
          sessionId={screen.sessionId ?? null}
          onBack={() =>
            setScreen(screen.sessionId ? { name: 'sessions', sessionId: screen.sessionId } : { name: 'calls' })
          }
          shortcutsEnabled={preferences.singleKeyShortcuts}
        />
      )}
      {screen.name === 'settings' && (
        <SettingsScreen
          preferences={preferences}
          info={info.status === 'ok' ? info.value : null}
          onChange={changePreferences}
        />
      )}
      <ImportController openRequest={importRequest} />
    </AppShell>
  );
}
