import { useTranslation } from 'react-i18next';
import { languages, themes, type AppInfo, type Preferences } from '../../../contract/schemas';
import { systemLanguage } from '../i18n/i18n';
import { FfmpegPathField } from './ffmpeg-path-field';
import { RetentionSection } from './retention-section';
import { SupportSection } from './support-section';
import { CustomerRequestsSection } from '../privacy/customer-requests-section';

type ChangePreferences = (change: Partial<Preferences>) => void;

function LanguageSelect({ language, onChange }: { language: Preferences['language']; onChange: ChangePreferences }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor="language-select">{t('settings.language')}</label>
      <select
        id="language-select"
        value={language ?? 'system'}
        onChange={(event) =>
          onChange({
            language: event.target.value === 'system' ? null : (event.target.value as Preferences['language']),
          })
        }
      >
        <option value="system">{t('settings.languageSystem', { language: t(`languages.${systemLanguage()}`) })}</option>
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </>
  );
}

function ThemeChoice({ theme: current, onChange }: { theme: Preferences['theme']; onChange: ChangePreferences }) {
  const { t } = useTranslation();
  return (
    <>
      <span id="theme-label">{t('settings.theme')}</span>
      <div role="radiogroup" aria-labelledby="theme-label" className="segmented">
        {themes.map((theme) => (
          <label key={theme} className="segment">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={current === theme}
              onChange={() => onChange({ theme })}
            />
            <span>{t(`settings.themes.${theme}`)}</span>
          </label>
        ))}
      </div>
    </>
  );
}

/** A settings row of one checkbox: its heading in the first column, the box and a hint under it in the second. */
function CheckboxSetting({
  id,
  heading,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  heading: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <>
      <span id={`${id}-label`}>{heading}</span>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={`${id}-hint`}
        />
        <span>{label}</span>
      </label>
      <span />
      <p id={`${id}-hint`} className="muted hint">
        {hint}
      </p>
    </>
  );
}

/** The version and where the data lives. */
function AboutFacts({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** Language, theme and where the data lives. */
export function SettingsScreen({
  preferences,
  info,
  onChange,
}: {
  preferences: Preferences;
  info: AppInfo | null;
  onChange: ChangePreferences;
}) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <div className="settings-grid">
        <LanguageSelect language={preferences.language} onChange={onChange} />
        <ThemeChoice theme={preferences.theme} onChange={onChange} />
        <CheckboxSetting
          id="shortcuts"
          heading={t('settings.shortcuts')}
          label={t('settings.singleKeyShortcuts')}
          hint={t('settings.singleKeyShortcutsHint')}
          checked={preferences.singleKeyShortcuts}
          onChange={(singleKeyShortcuts) => onChange({ singleKeyShortcuts })}
        />
        <FfmpegPathField
          key={preferences.ffmpegPath}
          value={preferences.ffmpegPath}
          onSave={(ffmpegPath) => onChange({ ffmpegPath })}
        />
        <CheckboxSetting
          id="privacy"
          heading={t('settings.privacy')}
          label={t('settings.autoRedactCardNumbers')}
          hint={t('settings.autoRedactCardNumbersHint')}
          checked={preferences.autoRedactCardNumbers}
          onChange={(autoRedactCardNumbers) => onChange({ autoRedactCardNumbers })}
        />
      </div>
      <CustomerRequestsSection />

      <RetentionSection />

      {info && <AboutFacts info={info} />}
      <SupportSection />
    </section>
  );
}
