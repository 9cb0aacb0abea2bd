import { en, type TranslationTexts } from './en';
import { nl } from './nl';

/*
 * One typed lookup into the texts every layer shares: the PDF report and the exports translate through
 * `translate`, the UI through i18next with the same resources (src/renderer/src/i18n/i18n.ts). It reads the texts the
 * way i18next does for what they use: `{{name}}` placeholders, and `_zero`/`_one`/`_other` forms chosen by `count`
 * (translate.test.ts holds it to i18next's answer for every key). Pure TypeScript, so the domain may use it too.
 */

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

const resources: Readonly<Record<Language, TranslationTexts>> = { nl, en };

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type WithoutPlural<Key extends string> = Key extends `${infer Base}${PluralSuffix}` ? Base : Key;

/** Dotted paths to the texts of a table; plural forms count once, under their base key (as in i18next). */
type TextPaths<Table, Prefix extends string = ''> = {
  [Key in keyof Table & string]: Table[Key] extends string
    ? `${Prefix}${WithoutPlural<Key>}`
    : TextPaths<Table[Key], `${Prefix}${Key}.`>;
}[keyof Table & string];

/** Every key of the shared texts, e.g. 'report.summaryTitle' or 'library.count' (for count_one/count_other). */
export type TranslationKey = TextPaths<typeof en>;

/** The English text (or texts, for a plural key) at a path. */
type TextAt<Table, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof Table
    ? TextAt<Table[Head], Rest>
    : never
  : Table[Extract<keyof Table, Path | `${Path}${PluralSuffix}`>];

/** The placeholder names in a text: 'Page {{page}} of {{pages}}' gives 'page' | 'pages'. */
type PlaceholdersIn<Text> = Text extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | PlaceholdersIn<Rest>
  : never;

export type TranslationVars<Key extends TranslationKey> = Readonly<
  Record<PlaceholdersIn<TextAt<typeof en, Key>>, string | number>
>;

/** The values a key needs: none for a plain text, an object with every placeholder for one that has them. */
export type TranslationArgs<Key extends TranslationKey> = [PlaceholdersIn<TextAt<typeof en, Key>>] extends [never]
  ? []
  : [vars: TranslationVars<Key>];

/** The keys whose texts have no placeholders. */
export type PlainTranslationKey = {
  [Key in TranslationKey]: TranslationArgs<Key> extends [] ? Key : never;
}[TranslationKey];

/** A translate function bound to one language (what the PDF writer and the exporters are handed). */
export type Translate = <Key extends TranslationKey>(key: Key, ...args: TranslationArgs<Key>) => string;

const pluralRules: Readonly<Record<Language, Intl.PluralRules>> = {
  nl: new Intl.PluralRules('nl'),
  en: new Intl.PluralRules('en'),
};

function lookup(language: Language, path: string): string | undefined {
  let node: unknown = resources[language];
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The text itself, or the plural form `count` asks for; English when a language lacks it; the key as a last resort. */
function textFor(language: Language, key: string, count: unknown): string {
  if (typeof count === 'number') {
    const form =
      (count === 0 ? lookup(language, `${key}_zero`) : undefined) ??
      lookup(language, `${key}_${pluralRules[language].select(count)}`);
    if (form !== undefined) return form;
  }
  return lookup(language, key) ?? (language === 'en' ? key : textFor('en', key, count));
}

/** The text for `key` in `language`, with its placeholders filled in (a filled-in value is never read again). */
export function translate<Key extends TranslationKey>(
  language: Language,
  key: Key,
  ...args: TranslationArgs<Key>
): string {
  const vars = args[0] as Readonly<Record<string, string | number>> | undefined;
  const text = textFor(language, key, vars?.['count']);
  if (vars === undefined) return text;
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (placeholder, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : placeholder,
  );
}

/** `translate` with the language fixed. */
export function translatorFor(language: Language): Translate {
  return (key, ...args) => translate(language, key, ...args);
}

/** The text for `key` in both languages (for formats that carry both, like the score export's JSON headers). */
export function inBothLanguages<Key extends TranslationKey>(
  key: Key,
  ...args: TranslationArgs<Key>
): Readonly<Record<Language, string>> {
  return { nl: translate('nl', key, ...args), en: translate('en', key, ...args) };
}
