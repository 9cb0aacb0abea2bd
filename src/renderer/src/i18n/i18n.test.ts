import { describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { systemLanguage } from './i18n';
import { nl } from '../../../i18n/nl';

function keys(object: object, prefix = ''): string[] {
  return Object.entries(object).flatMap(([key, value]) =>
    typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('Dutch and English have the same keys and no empty texts', () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
    for (const language of [nl, en]) {
      for (const key of keys(language)) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], language);
        expect(String(text).trim(), key).not.toBe('');
      }
    }
  });

  it('addresses the user as "je" in Dutch, never "u" or "uw"', () => {
    const formal = /(^|[^\p{L}])(u|uw|U|Uw)(?=[^\p{L}]|$)/u;
    const offenders = keys(nl).filter((key) =>
      formal.test(String(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], nl))),
    );
    expect(offenders).toEqual([]);
  });

  it('follows the system language, English for anything else', () => {
    expect(systemLanguage(['nl-NL', 'en-US'])).toBe('nl');
    expect(systemLanguage(['nl-BE'])).toBe('nl');
    expect(systemLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(systemLanguage(['fr-FR'])).toBe('en');
  });
});
