import type { TextRange } from './model';
import { spanOf, type Token } from './tokens';

const monthNames = new Set([
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
  'jan',
  'feb',
  'mrt',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'nov',
  'dec',
  'january',
  'february',
  'march',
  'may',
  'june',
  'july',
  'august',
  'october',
  'mar',
  'oct',
]);
const birthWords = new Set([
  'geboortedatum',
  'geboren',
  'geboortedag',
  'verjaardag',
  'geb',
  'born',
  'birth',
  'birthday',
  'birthdate',
  'dob',
]);
/** How far a birth word may be from the date: "mijn geboortedatum is de twaalfde ... 12 maart 1985" is fine. */
const wordsBeforeDate = 8;
const wordsAfterDate = 3;

const isDay = (text: string | undefined) => /^(0?[1-9]|[12]\d|3[01])(e|ste|de|st|nd|rd|th)?$/i.test(text ?? '');
const isYear = (text: string | undefined) => /^(19|20)\d{2}$/.test(text ?? '');
const isMonth = (lower: string | undefined) => monthNames.has(lower ?? '');

/** A full date starting at token `first` (day, month and year), as the index of its last token. */
export function fullDateEndingAt(tokens: readonly Token[], first: number): number | undefined {
  const at = (offset: number) => tokens[first + offset];
  if (/^(0?[1-9]|[12]\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.]((19|20)\d{2}|\d{2})$/.test(at(0)!.text)) return first;
  if (/^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(at(0)!.text)) return first;
  if (isDay(at(0)?.text)) {
    const monthOffset = at(1)?.lower === 'of' ? 2 : 1;
    if (isMonth(at(monthOffset)?.lower) && isYear(at(monthOffset + 1)?.text)) return first + monthOffset + 1;
  }
  if (isMonth(at(0)?.lower) && isDay(at(1)?.text) && isYear(at(2)?.text)) return first + 2;
  return undefined;
}

/**
 * Dates of birth: a full date (day, month and year; Dutch or English forms) with a birth word close by.
 * Dates alone are not flagged: service calls are full of order, invoice and appointment dates, and suggesting
 * every one of them would bury the real personal data.
 */
export function findDatesOfBirth(tokens: readonly Token[]): TextRange[] {
  const found: TextRange[] = [];
  let index = 0;
  while (index < tokens.length) {
    const last = fullDateEndingAt(tokens, index);
    if (last === undefined) {
      index++;
      continue;
    }
    const nearby = tokens.slice(Math.max(0, index - wordsBeforeDate), last + 1 + wordsAfterDate);
    if (nearby.some((token) => birthWords.has(token.lower))) found.push(spanOf(tokens, index, last));
    index = last + 1;
  }
  return found;
}
