import { digitRuns, type DigitRun } from './digit-runs';
import type { TextRange } from './model';
import { spanOf, type Token } from './tokens';

/** The Luhn (mod 10) check every payment card number carries in its last digit. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A card number is 13 to 19 digits (ISO/IEC 7812), passes Luhn and is not one repeated digit ("0000 0000 ..."). */
export function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && !/^(\d)\1*$/.test(digits) && passesLuhn(digits);
}

/** The longest card number in a run that starts at token `from`, as the index of its last token. */
function longestCardFrom(run: DigitRun, from: number): number | undefined {
  let digits = '';
  let found: number | undefined;
  for (let part = from; part < run.parts.length && digits.length < 19; part++) {
    digits += run.parts[part];
    if (isCardNumber(digits)) found = part;
  }
  return found;
}

/** Card numbers in the tokens: digit groups (spaces, dashes, spoken digits) that together pass the checks. */
export function findCardNumbers(tokens: readonly Token[]): TextRange[] {
  const found: TextRange[] = [];
  for (const run of digitRuns(tokens)) {
    let part = 0;
    while (part < run.parts.length) {
      const lastPart = longestCardFrom(run, part);
      if (lastPart === undefined) {
        part++;
        continue;
      }
      found.push(spanOf(tokens, run.first + part, run.first + lastPart));
      part = lastPart + 1;
    }
  }
  return found;
}
