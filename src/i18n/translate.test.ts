import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { inBothLanguages, languages, translate, translatorFor, type TranslationKey } from './translate';

/** Every text of a table by its dotted path. */
function texts(table: object, prefix = ''): [string, string][] {
  return Object.entries(table).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : texts(value as object, `${prefix}${key}.`),
  );
}

const ui = i18next.createInstance();
void ui.init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Sample values for a text's placeholders: counts as numbers, the rest as marked strings. */
function sampleVars(text: string, count: number): Record<string, string | number> {
  const names = [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((match) => match[1]!);
  return Object.fromEntries(names.map((name) => [name, name === 'count' ? count : `<${name}>`]));
}

type Loose = (language: string, key: string, vars?: Record<string, string | number>) => string;

describe('translate', () => {
  it('gives what i18next gives for every key, in both languages, with and without counts', () => {
    const looseTranslate = translate as unknown as Loose;
    for (const language of languages) {
      for (const [path, text] of texts(language === 'nl' ? nl : en)) {
        const key = path.replace(/_(zero|one|two|few|many|other)$/, '');
        for (const count of [0, 1, 2, 7]) {
          const vars = sampleVars(text, count);
          expect(looseTranslate(language, key, vars), `${language} ${key} (${count})`).toBe(
            ui.t(key, { ...vars, lng: language }),
          );
        }
      }
    }
  });

  it('fills placeholders once: a value that looks like a placeholder stays as it is', () => {
    expect(translate('en', 'report.page', { page: '{{pages}}', pages: 3 })).toBe('Page {{pages}} of 3');
  });

  it('chooses the plural form by count, and the zero form where there is one', () => {
    expect(translate('en', 'library.count', { count: 1 })).toBe('1 call');
    expect(translate('nl', 'library.count', { count: 3 })).toBe('3 gesprekken');
    expect(translate('en', 'support.errorCount', { count: 0 })).toBe('None');
  });

  it('binds a language, and gives a text in both languages', () => {
    expect(translatorFor('nl')('report.documentTitle')).toBe('Kalibratierapport');
    expect(inBothLanguages('exports.tables.items')).toEqual({ nl: 'Criteria', en: 'Items' });
  });

  it('keeps keys typed: an unknown key or a missing placeholder does not compile', () => {
    // @ts-expect-error: not a key of the texts.
    const unknownKey: TranslationKey = 'report.noSuchText';
    // @ts-expect-error: 'report.page' needs page and pages.
    const missingVars = () => translate('en', 'report.page');
    expect([unknownKey, typeof missingVars]).toEqual(['report.noSuchText', 'function']);
  });
});
