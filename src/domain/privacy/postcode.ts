import type { TextRange } from './model';
import { spanOf, type Token } from './tokens';

/** Words a speaker puts between a postcode and the house number ("1234 AB, huisnummer 12"). */
const fillers = new Set(['huisnummer', 'nummer', 'nr', 'number', 'op']);
const isHouseNumber = (text: string | undefined) => /^[1-9]\d{0,4}(-?[a-z]{1,2}|-\d{1,3})?$/i.test(text ?? '');
// Dutch postcodes never use the letter pairs SA, SD and SS.
const isPostcodeLetters = (text: string | undefined) =>
  /^[a-z]{2}$/i.test(text ?? '') && !/^(sa|sd|ss)$/i.test(text ?? '');

/** A postcode starting at token `first` ("1234AB" or "1234 AB"), as the index of its last token. */
function postcodeEndingAt(tokens: readonly Token[], first: number): number | undefined {
  const text = tokens[first]!.text;
  if (/^[1-9]\d{3}[a-z]{2}$/i.test(text)) return isPostcodeLetters(text.slice(4)) ? first : undefined;
  if (/^[1-9]\d{3}$/.test(text) && isPostcodeLetters(tokens[first + 1]?.text)) return first + 1;
  return undefined;
}

/** The house number after a postcode (skipping filler words), as its token index. */
function houseNumberAfter(tokens: readonly Token[], last: number): number | undefined {
  let index = last + 1;
  while (fillers.has(tokens[index]?.lower ?? '')) index++;
  return isHouseNumber(tokens[index]?.text) && index - last <= 3 ? index : undefined;
}

/** The house number before a postcode, as in the written order "Kerkstraat 12, 1234 AB". */
function houseNumberBefore(tokens: readonly Token[], first: number): number | undefined {
  return isHouseNumber(tokens[first - 1]?.text) ? first - 1 : undefined;
}

/** A Dutch postcode together with a house number: with both, an address identifies one household. */
export function findPostcodesWithHouseNumber(tokens: readonly Token[]): TextRange[] {
  const found: TextRange[] = [];
  let index = 0;
  while (index < tokens.length) {
    const last = postcodeEndingAt(tokens, index);
    if (last === undefined) {
      index++;
      continue;
    }
    const after = houseNumberAfter(tokens, last);
    const before = after === undefined ? houseNumberBefore(tokens, index) : undefined;
    if (after !== undefined) found.push(spanOf(tokens, index, after));
    else if (before !== undefined) found.push(spanOf(tokens, before, last));
    index = (after ?? last) + 1;
  }
  return found;
}
