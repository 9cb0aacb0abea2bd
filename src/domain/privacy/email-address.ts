import type { TextRange } from './model';
import { spanOf, type Token } from './tokens';

const writtenEmail = /^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i;
const atWords = new Set(['@', 'apenstaartje', 'at']);
const dotWords = new Set(['punt', 'dot']);
/** Top-level domains that end a spoken address; "at" alone is too common a word to trust without one. */
const topLevelDomains = new Set(['com', 'nl', 'be', 'org', 'net', 'eu', 'de', 'uk', 'fr', 'info', 'io', 'biz']);

/** E-mail addresses: written ("jan@voorbeeld.nl") or spoken ("jan punt jansen apenstaartje gmail punt com"). */
export function findEmailAddresses(tokens: readonly Token[]): TextRange[] {
  const found: TextRange[] = [];
  tokens.forEach((token, index) => {
    if (writtenEmail.test(token.text)) found.push(spanOf(tokens, index, index));
    else if (atWords.has(token.lower)) {
      const spoken = spokenAddressAround(tokens, index);
      if (spoken) found.push(spoken);
    }
  });
  return found;
}

/** A spoken address around the "at" word at `at`: name (punt name)* at domain (punt domain)* punt tld. */
function spokenAddressAround(tokens: readonly Token[], at: number): TextRange | undefined {
  const isName = (index: number) =>
    /^[a-z0-9._-]+$/i.test(tokens[index]?.text ?? '') && !atWords.has(tokens[index]!.lower);
  if (!isName(at - 1) || !isName(at + 1)) return undefined;
  let first = at - 1;
  while (dotWords.has(tokens[first - 1]?.lower ?? '') && isName(first - 2)) first -= 2;
  let last = at + 1;
  let endsWithDomain = false;
  while (dotWords.has(tokens[last + 1]?.lower ?? '') && isName(last + 2)) {
    last += 2;
    endsWithDomain = topLevelDomains.has(tokens[last]!.lower);
  }
  return endsWithDomain ? spanOf(tokens, first, last) : undefined;
}
