import { digitsOf } from '../privacy/spoken-digits';

/**
 * What an operator typed to find one customer's calls, read as the kind of identifier it is:
 * - a phone number (any Dutch or international notation), compared by its canonical digits;
 * - an e-mail address, compared case-insensitively;
 * - anything else (a name, a customer number, a reference), compared word by word, ignoring case, accents and the
 *   separators between words ("KL-204518" = "kl 204518" = "KL204518"; "Jansen" is not "Janssen").
 */
export type CustomerQuery =
  | { readonly kind: 'phone'; readonly canonical: string }
  | { readonly kind: 'email'; readonly address: string }
  | { readonly kind: 'text'; readonly compact: string };

/** Fewer characters than this would match half the library: the query is refused. */
export const minimumQueryCharacters = 3;

/**
 * One form for every notation of the same phone number: Dutch numbers as ten national digits ("0612345678" for
 * "06-12345678", "+31 6 1234 5678", "0031612345678", "+31 (0)6 12345678"), other international numbers as "+" and
 * their digits. Undefined when the digits are not a phone number.
 */
export function canonicalPhoneNumber(digits: string, plus: boolean): string | undefined {
  const international = plus ? digits : digits.startsWith('00') ? digits.slice(2) : undefined;
  if (international === undefined) return digits.length === 10 && /^0[1-9]/.test(digits) ? digits : undefined;
  if (international.startsWith('31')) {
    const national = international.slice(2).replace(/^0/, '');
    return national.length === 9 && !national.startsWith('0') ? `0${national}` : undefined;
  }
  return international.length >= 8 && international.length <= 15 && !international.startsWith('0')
    ? `+${international}`
    : undefined;
}

/** Lower case without accents, so "Müller" finds "muller" and "Ozturk" finds "Öztürk". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text (letters and digits), folded. */
export function foldedWords(text: string): string[] {
  return [...foldText(text).matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]);
}

const phoneCharacters = /^\+?[\d\s().\-/]+$/;

function phoneQuery(trimmed: string): CustomerQuery | undefined {
  if (!phoneCharacters.test(trimmed)) return undefined;
  // "(0)" after a country code is how people write the national trunk prefix; it is dropped by the canonical form.
  const spoken = digitsOf(trimmed.replace(/[\s()]/g, '').replace(/^(\+?)[-./]+/, '$1'));
  if (!spoken) return undefined;
  const canonical = canonicalPhoneNumber(spoken.digits, spoken.plus);
  return canonical ? { kind: 'phone', canonical } : undefined;
}

/** Reads a typed query; undefined when it is too short to name one customer. */
export function parseCustomerQuery(raw: string): CustomerQuery | undefined {
  const trimmed = raw.trim();
  if (trimmed.length < minimumQueryCharacters) return undefined;
  const phone = phoneQuery(trimmed);
  if (phone) return phone;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return { kind: 'email', address: trimmed.toLowerCase() };
  const compact = foldedWords(trimmed).join('');
  return compact.length >= minimumQueryCharacters ? { kind: 'text', compact } : undefined;
}
