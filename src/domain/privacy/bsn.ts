import { digitRuns } from './digit-runs';
import type { TextRange } from './model';
import { spanOf, type Token } from './tokens';

/**
 * The Dutch citizen service number's 11-test: 9 digits, weights 9..2 and −1 on the last, sum divisible by 11.
 * An 8-digit number is a BSN with a leading zero dropped.
 */
export function passesElevenTest(candidate: string): boolean {
  if (!/^\d{8,9}$/.test(candidate)) return false;
  const digits = candidate.padStart(9, '0');
  if (/^0+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += Number(digits[index]) * (9 - index);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * BSNs in the tokens: a whole number of exactly 9 digits (however it is grouped or spoken) that passes the 11-test.
 * Only whole runs count, because a 9-digit window inside a longer number passes the test one time in eleven by chance.
 */
export function findBsns(tokens: readonly Token[]): TextRange[] {
  return digitRuns(tokens)
    .filter((run) => !run.plus && run.digits.length === 9 && passesElevenTest(run.digits))
    .map((run) => spanOf(tokens, run.first, run.last));
}
