import { digitRuns, type DigitRun } from '../privacy/digit-runs';
import { findEmailAddresses } from '../privacy/email-address';
import type { TextRange } from '../privacy/model';
import { spanOf, tokenize, type Token } from '../privacy/tokens';
import { canonicalPhoneNumber, foldText, type CustomerQuery } from './customer-query';

/** Where a customer's identifier occurs in a text (a call's title, its customer reference, a transcript segment). */
export function findCustomerMentions(text: string, query: CustomerQuery): TextRange[] {
  if (!mayMention(text, query)) return [];
  if (query.kind === 'phone') return findPhoneNumber(tokenize(text), query.canonical);
  if (query.kind === 'email') return findEmailAddress(tokenize(text), query.address);
  return findWords(text, query.compact);
}

const spokenDigit =
  /(?:^|[^\p{L}])(?:nul|een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen|zero|oh|one|two|three|four|five|six|seven|eight|nine)(?![\p{L}])/giu;
/** A phone number spoken without a written digit has at least this many digit words. */
const fewestSpokenDigits = 7;

/**
 * A cheap look before the exact rules run, so a scan of every transcript skips most segments: a phone number needs a
 * written digit or several spoken ones, an address an "at" word, words the query's letters in a row.
 */
function mayMention(text: string, query: CustomerQuery): boolean {
  if (query.kind === 'phone') {
    if (/\d/.test(text)) return true;
    let count = 0;
    for (const _match of text.matchAll(spokenDigit)) if (++count >= fewestSpokenDigits) return true;
    return false;
  }
  if (query.kind === 'email') return /@|apenstaartje|\bat\b/i.test(text);
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .includes(query.compact);
}

/**
 * A number groups into several tokens ("06 12 34 56 78", "nul zes een twee ..."). A run of number tokens may also hold
 * two numbers side by side ("klantnummer 204518 0612345678"), so parts of a run are tried too, but only where the run
 * breaks between written groups: a number spoken digit by digit is one number, and "0612345678" inside the eleven
 * spoken digits of another number is not a match.
 */
function findPhoneNumber(tokens: readonly Token[], canonical: string): TextRange[] {
  const found: TextRange[] = [];
  for (const run of digitRuns(tokens)) {
    const range = phoneWithinRun(tokens, run, canonical);
    if (range) found.push(range);
  }
  return found;
}

function isBoundary(run: DigitRun, index: number): boolean {
  if (index <= 0 || index >= run.parts.length) return true;
  return run.parts[index - 1]!.length > 1 && run.parts[index]!.length > 1;
}

function phoneWithinRun(tokens: readonly Token[], run: DigitRun, canonical: string): TextRange | undefined {
  for (let from = 0; from < run.parts.length; from += 1) {
    if (!isBoundary(run, from)) continue;
    let digits = '';
    for (let to = from; to < run.parts.length && digits.length < 16; to += 1) {
      digits += run.parts[to]!;
      if (!isBoundary(run, to + 1)) continue;
      const plus = from === 0 ? run.plus : tokens[run.first + from]!.text.startsWith('+');
      if (canonicalPhoneNumber(digits, plus) !== canonical) continue;
      const first = from === 0 && tokens[run.first - 1]?.lower === 'plus' ? run.first - 1 : run.first + from;
      return spanOf(tokens, first, run.first + to);
    }
  }
  return undefined;
}

const spokenSymbols: Readonly<Record<string, string>> = { punt: '.', dot: '.', apenstaartje: '@', at: '@' };

/** Written addresses compare as written; a spoken one ("jan punt jansen apenstaartje gmail punt com") as it spells. */
function findEmailAddress(tokens: readonly Token[], address: string): TextRange[] {
  return findEmailAddresses(tokens).filter((range) => {
    const spelled = tokens
      .filter((token) => token.start >= range.start && token.end <= range.end)
      .map((token) => spokenSymbols[token.lower] ?? token.lower)
      .join('');
    return spelled === address;
  });
}

/** The query's words, run together, equal to a run of whole words of the text (separators and case ignored). */
function findWords(text: string, compact: string): TextRange[] {
  const words = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((match) => ({
    folded: foldText(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
  const found: TextRange[] = [];
  for (let from = 0; from < words.length; from += 1) {
    let joined = '';
    for (let to = from; to < words.length && joined.length < compact.length; to += 1) {
      joined += words[to]!.folded;
      if (joined === compact) {
        found.push({ start: words[from]!.start, end: words[to]!.end });
        from = to;
      }
    }
  }
  return found;
}
