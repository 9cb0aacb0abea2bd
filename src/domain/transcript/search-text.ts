import { maskTranscript, type RedactedRange } from '../privacy/redaction-ranges';
import { timedWordsOf } from './estimated-word-times';
import type { TranscriptSegment } from './model';
import { speakerKey, type SpeakerRole, type SpeakerRoles } from './speaker-roles';

/** One turn as the transcript search index holds it: redacted words already masked, so they are never findable. */
export interface SearchableTurn {
  readonly segment: number;
  readonly speaker: string | null;
  readonly role: SpeakerRole;
  readonly startMs: number;
  /** The turn's words (masked where redacted) joined by single spaces. */
  readonly text: string;
  /** Each word's start, in the order of the words in `text`. */
  readonly wordStartsMs: readonly number[];
}

/** The turns of a transcript to index: masked, one entry per turn with text left after masking. */
export function* searchableTurns(
  segments: readonly TranscriptSegment[],
  redacted: readonly RedactedRange[],
  roles: SpeakerRoles,
): Generator<SearchableTurn> {
  // One turn at a time: a transcript of 150,000 segments is indexed without a second copy of it in memory.
  const masked = maskTranscript(segments, redacted);
  for (let index = 0; index < masked.length; index += 1) {
    const segment = masked[index]!;
    const words = timedWordsOf(segment).filter((word) => word.text.trim() !== '');
    if (words.length === 0) continue;
    yield {
      segment: index,
      speaker: segment.speaker,
      role: roles[speakerKey(segment)] ?? 'unknown',
      startMs: segment.startMs,
      text: words.map((word) => word.text.replace(/\s+/g, ' ').trim()).join(' '),
      wordStartsMs: words.map((word) => word.startMs),
    };
  }
}

/**
 * The tokens of a text as the index sees them: letters and digits only, lower case, diacritics removed
 * ("Opzéggen," -> "opzeggen"). Mirrors SQLite's unicode61 tokenizer with remove_diacritics 2.
 */
export function searchTokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

/** At most this many words of a query: a search is for a word or a short phrase. */
export const maxSearchTerms = 8;

/** The words of a query the search looks for, folded as the index folds them. */
export function searchTerms(query: string): string[] {
  return searchTokens(query).slice(0, maxSearchTerms);
}

const quoted = (words: readonly string[]) => `"${words.join(' ').replaceAll('"', '""')}"`;

/** The FTS5 query for search terms: one phrase, the last term a prefix, quoted so nothing is read as syntax. */
export function phrasePrefixQuery(terms: readonly string[]): string {
  return `${quoted(terms)} *`;
}

/**
 * A last word shorter than this is the start of a word only while it starts few indexed words (see
 * `searchTranscriptPhrase`); past that it is matched as a whole word. One or two letters say nothing yet about the
 * word being typed, and the start of thousands of words would read most of the index before the first hit.
 */
export const minimumOpenPrefixLength = 3;

/** Whether the last word, starting `startsWords` indexed words (or more), is matched as a whole word instead. */
export function matchedAsWholeWord(lastTerm: string, startsWords: number, maxExpandedWords: number): boolean {
  return [...lastTerm].length < minimumOpenPrefixLength && startsWords > maxExpandedWords;
}

/**
 * The same search with the prefix already expanded to the indexed words it starts: one exact phrase per word,
 * joined by OR ("ik wil" + ["opzeggen", "opzegging"] -> `"ik wil opzeggen" OR "ik wil opzegging"`).
 */
export function exactPhrasesQuery(leadingTerms: readonly string[], lastWords: readonly string[]): string {
  return lastWords.map((word) => quoted([...leadingTerms, word])).join(' OR ');
}

/**
 * The FTS5 query for what the user typed: the words as one phrase, the last one a prefix ("opzeg" finds
 * "opzeggen"), every word quoted so nothing typed is read as query syntax. Null when nothing searchable remains.
 */
export function transcriptMatchQuery(query: string): string | null {
  const terms = searchTerms(query);
  return terms.length === 0 ? null : phrasePrefixQuery(terms);
}

/** Where a hit is in a turn, with a few words either side for context. */
export interface HitContext {
  readonly before: string;
  readonly hit: string;
  readonly after: string;
  readonly wordIndex: number;
}

const contextWords = 6;

/**
 * Finds the query's phrase in a stored turn (the same matching as the index: whole words, the last a prefix unless
 * the search matched it whole) and returns the words around it. Falls back to the turn's start when it cannot be
 * placed.
 */
export function locateHit(text: string, query: string, lastWordWhole = false): HitContext {
  const words = text.split(' ');
  const terms = searchTerms(query);
  const tokens = words.flatMap((word, wordIndex) => searchTokens(word).map((token) => ({ token, wordIndex })));
  const matchesAt = (start: number) =>
    terms.every((term, offset) => {
      const token = tokens[start + offset]?.token;
      if (token === undefined) return false;
      return offset === terms.length - 1 && !lastWordWhole ? token.startsWith(term) : token === term;
    });
  let first = 0;
  let last = 0;
  for (let start = 0; start < tokens.length; start += 1) {
    if (terms.length > 0 && matchesAt(start)) {
      first = tokens[start]!.wordIndex;
      last = tokens[start + terms.length - 1]!.wordIndex;
      break;
    }
  }
  return {
    before: words.slice(Math.max(0, first - contextWords), first).join(' '),
    hit: words.slice(first, last + 1).join(' '),
    after: words.slice(last + 1, last + 1 + contextWords).join(' '),
    wordIndex: first,
  };
}
