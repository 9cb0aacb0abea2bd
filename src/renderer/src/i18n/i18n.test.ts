import { describe, expect, it } from 'vitest';
import { systemLanguage } from './i18n';

// That Dutch and English have the same keys is checked for every text table in tests/unit/translations.test.ts.
describe('language', () => {
  it('follows the system language, English for anything else', () => {
    expect(systemLanguage(['nl-NL', 'en-US'])).toBe('nl');
    expect(systemLanguage(['nl-BE'])).toBe('nl');
    expect(systemLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(systemLanguage(['fr-FR'])).toBe('en');
  });
});
