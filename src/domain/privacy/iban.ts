import type { TextRange } from './model';
import { spanOf, type Token } from './tokens';

/** IBAN lengths of the countries a Dutch contact centre meets most (SEPA); other countries are not recognised. */
const ibanLengths: ReadonlyMap<string, number> = new Map([
  ['NL', 18],
  ['BE', 16],
  ['DE', 22],
  ['FR', 27],
  ['GB', 22],
  ['LU', 20],
  ['AT', 20],
  ['CH', 21],
  ['IE', 22],
  ['ES', 24],
  ['IT', 27],
  ['PT', 25],
  ['PL', 28],
  ['DK', 18],
  ['SE', 24],
  ['NO', 15],
  ['FI', 18],
  ['CZ', 24],
  ['GR', 27],
  ['HU', 28],
]);

/** The ISO 13616 check: move the first four characters to the end, letters become 10..35, the number mod 97 is 1. */
export function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  if (ibanLengths.get(compact.slice(0, 2)) !== compact.length) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** IBANs in the tokens, written in one piece or in groups ("NL91 ABNA 0417 1643 00"), any letter case. */
export function findIbans(tokens: readonly Token[]): TextRange[] {
  const found: TextRange[] = [];
  let index = 0;
  while (index < tokens.length) {
    const last = ibanEndingAt(tokens, index);
    if (last === undefined) {
      index++;
      continue;
    }
    found.push(spanOf(tokens, index, last));
    index = last + 1;
  }
  return found;
}

function ibanEndingAt(tokens: readonly Token[], first: number): number | undefined {
  const head = tokens[first]!.text.toUpperCase();
  const length = /^[A-Z]{2}\d{2}/.test(head) ? ibanLengths.get(head.slice(0, 2)) : undefined;
  if (length === undefined) return undefined;
  let compact = '';
  for (let index = first; index < tokens.length; index++) {
    const text = tokens[index]!.text;
    if (!/^[a-z0-9]+$/i.test(text)) return undefined;
    compact += text;
    if (compact.length === length) return passesIbanCheck(compact) ? index : undefined;
    if (compact.length > length) return undefined;
  }
  return undefined;
}
