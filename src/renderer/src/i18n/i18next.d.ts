import type { en } from '../../../i18n/en';

// Typed keys: t('...') only accepts keys of the English texts (which every language must match, see nl.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
