import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../domain/rubric/localized-text';

/** The UI language as a rubric locale (rubric texts come in Dutch and English). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'nl';
}
