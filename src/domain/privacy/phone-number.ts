import { digitRuns, type DigitRun } from './digit-runs';
import type { TextRange } from './model';
import { spanOf, type Token } from './tokens';

/**
 * Whether a whole number reads as a phone number:
 * - Dutch national: 10 digits starting with a single 0 ("06 12345678", "020-1234567");
 * - Dutch international: +31 or 0031 followed by 9 digits (a spoken "(0)" after the country code is tolerated);
 * - other international: "+" or "00" and a country code, 8 to 15 digits in all (E.164).
 */
export function isPhoneNumber(run: Pick<DigitRun, 'digits' | 'plus'>): boolean {
  const { digits, plus } = run;
  if (plus) return isInternational(digits);
  if (digits.startsWith('00')) return isInternational(digits.slice(2));
  return digits.length === 10 && digits.startsWith('0');
}

function isInternational(digits: string): boolean {
  if (digits.startsWith('31')) {
    const national = digits.slice(2).replace(/^0/, '');
    return national.length === 9 && !national.startsWith('0');
  }
  return digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0');
}

/** Phone numbers in the tokens, including a spoken "plus" in front. */
export function findPhoneNumbers(tokens: readonly Token[]): TextRange[] {
  return digitRuns(tokens)
    .filter(isPhoneNumber)
    .map((run) => {
      const first = tokens[run.first - 1]?.lower === 'plus' ? run.first - 1 : run.first;
      return spanOf(tokens, first, run.last);
    });
}
