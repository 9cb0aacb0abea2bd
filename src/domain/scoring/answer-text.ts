import { translate, type Language } from '../../i18n/translate';
import type { ItemAnswer } from './answers';

/** The words for the answers that are not a level, in the language of whoever shows them. */
export type AnswerWords = Readonly<Record<Exclude<ItemAnswer['kind'], 'level'>, string>>;

/**
 * An answer as text: a level as its number (followed by " · label" when the caller passes the level's label), the
 * other answers as the caller's words for them. The one place that decides how an answer reads, for the screens,
 * the exports and the PDF report alike.
 */
export function answerText(
  answer: ItemAnswer,
  words: AnswerWords,
  levelLabel?: (value: number) => string | undefined,
): string {
  if (answer.kind !== 'level') return words[answer.kind];
  const label = levelLabel?.(answer.value);
  return label ? `${answer.value} · ${label}` : String(answer.value);
}

/** The words the exports and the PDF report write for Yes, No and N/A in `language`. */
export function writtenAnswerWords(language: Language): AnswerWords {
  return {
    yes: translate(language, 'exportValues.answer.yes'),
    no: translate(language, 'exportValues.answer.no'),
    'not-applicable': translate(language, 'exportValues.answer.not-applicable'),
  };
}
