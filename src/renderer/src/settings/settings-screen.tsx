import { useTranslation } from 'react-i18next';
import { languages, themes, type AppInfo, type Preferences } from '../../../contract/schemas';
import { systemLanguage } from '../i18n/i18n';
import { FfmpegPathField } from './ffmpeg-path-field';
import { RetentionSection } from './retention-section';
import { SupportSection } from './support-section';
import { CustomerRequestsSection } from '../privacy/customer-requests-section';

/** Language, theme and where the data lives. */
export function SettingsScreen({
  preferences,
  info,
  onChange,
}: {
  preferences: Preferences;
  info: AppInfo | null;
  onChange: (change: Partial<Preferences>) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <div className="settings-grid">
        <label htmlFor="language-select">{t('settings.language')}</label>
        <select
          id="language-select"
          value={preferences.language ?? 'system'}
          onChange={(event) =>
            onChange({
              language: event.target.value === 'system' ? null : (event.target.value as Preferences['language']),
            })
          }
        >
          <option value="system">
            {t('settings.languageSystem', { language: t(`languages.${systemLanguage()}`) })}
          </option>
          {languages.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>

        <span id="theme-label">{t('settings.theme')}</span>
        <div role="radiogroup" aria-labelledby="theme-label" className="segmented">
          {themes.map((theme) => (
            <label key={theme} className="segment">
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={preferences.theme === theme}
                onChange={() => onChange({ theme })}
              />
              <span>{t(`settings.themes.${theme}`)}</span>
            </label>
          ))}
        </div>

        <span id="shortcuts-label">{t('settings.shortcuts')}</span>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={preferences.singleKeyShortcuts}
            onChange={(event) => onChange({ singleKeyShortcuts: event.target.checked })}
            aria-describedby="shortcuts-hint"
          />
          <span>{t('settings.singleKeyShortcuts')}</span>
        </label>
        <span />
        <p id="shortcuts-hint" className="muted hint">
          {t('settings.singleKeyShortcutsHint')}
        </p>

        <FfmpegPathField
          key={preferences.ffmpegPath}
          value={preferences.ffmpegPath}
          onSave={(ffmpegPath) => onChange({ ffmpegPath })}
        />
        <span id="privacy-label">{t('settings.privacy')}</span>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={preferences.autoRedactCardNumbers}
            onChange={(event) => onChange({ autoRedactCardNumbers: event.target.checked })}
            aria-describedby="privacy-hint"
          />
          <span>{t('settings.autoRedactCardNumbers')}</span>
        </label>
        <span />
        <p id="privacy-hint" className="muted hint">
          {t('settings.autoRedactCardNumbersHint')}
        </p>
      </div>
      <CustomerRequestsSection />

      <RetentionSection />

      {info && (
        <>
          <h2 className="section-title">{t('settings.about')}</h2>
          <dl className="facts">
            <dt>{t('settings.version')}</dt>
            <dd>{info.version}</dd>
            <dt>{t('settings.dataFolder')}</dt>
            <dd>
              <code data-testid="data-folder">{info.dataDir}</code>
            </dd>
            <dt>{t('settings.databaseFile')}</dt>
            <dd>
              <code>{info.databaseFile}</code>
            </dd>
            <dt>{t('settings.schemaVersion')}</dt>
            <dd>{info.schemaVersion}</dd>
          </dl>
        </>
      )}
      <SupportSection />
    </section>
  );
}
