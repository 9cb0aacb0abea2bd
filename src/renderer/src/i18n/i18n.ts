import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Preferences } from '../../../contract/schemas';
import { en } from '../../../i18n/en';
import { nl } from '../../../i18n/nl';
import type { Language } from '../../../i18n/translate';

export type { Language };

/** The OS language as the browser reports it (Electron passes the OS locale), mapped to ours; English otherwise. */
export function systemLanguage(preferred: readonly string[] = navigator.languages): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nl') return 'nl';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** The language to show: the user's choice, else the system's. */
export function effectiveLanguage(preferences: Pick<Preferences, 'language'> | null): Language {
  return preferences?.language ?? systemLanguage();
}

/** Creates the i18next instance with both languages bundled (the app is offline). */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, nl: { translation: nl } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['nl', 'en'],
    // React escapes everything it renders; texts are never injected as HTML.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
