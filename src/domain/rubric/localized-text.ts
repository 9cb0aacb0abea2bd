/** The languages every user-visible rubric text is written in. */
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];

/** A text in Dutch and English; both are required (the app runs in either). */
export interface LocalizedText {
  readonly nl: string;
  readonly en: string;
}

/** The text in the given language. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
