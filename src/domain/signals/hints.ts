import type { Lexicon, LexiconEntry } from './lexicon';
import type { Hint, SignalSpeaker } from './model';
import { compilePattern, findPattern, normaliseWord, type PhrasePattern } from './phrase-pattern';
import type { Sentence, SpokenWord } from './sentences';

interface CompiledEntry {
  readonly entry: LexiconEntry;
  readonly patterns: readonly PhrasePattern[];
  readonly unless: readonly PhrasePattern[];
}

/** Words of a name that never identify a person on their own (titles, particles). */
const nameNoise = new Set([
  'de',
  'van',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'te',
  'la',
  'le',
  'von',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'meneer',
  'mevrouw',
  'dhr',
  'mevr',
  'heer',
]);
const customerNameItems = ['2.2'];

function hintFrom(
  entry: Pick<LexiconEntry, 'kind' | 'speaker' | 'itemIds' | 'emotion'>,
  words: readonly SpokenWord[],
): Hint {
  return {
    kind: entry.kind,
    speaker: entry.speaker,
    startMs: words[0]!.startMs,
    endMs: words.at(-1)!.endMs,
    text: words.map((word) => word.text).join(' '),
    itemIds: entry.itemIds,
    ...(entry.emotion ? { emotion: entry.emotion } : {}),
  };
}

/** Compiles the lexicons once; the returned function finds the hints in a call's sentences. */
export function createHintMatcher(
  lexicons: readonly Lexicon[],
): (sentences: readonly Sentence[], customerName?: string | null) => Hint[] {
  const compiled: CompiledEntry[] = lexicons.flatMap((lexicon) =>
    lexicon.entries.map((entry) => ({
      entry,
      patterns: entry.patterns.map(compilePattern),
      unless: (entry.unless ?? []).map(compilePattern),
    })),
  );
  return (sentences, customerName) => {
    const nameWords = new Map(
      (customerName ?? '')
        .split(/\s+/)
        .map((part) => [normaliseWord(part), startsCapitalised(part)] as const)
        .filter(([word]) => word.length > 1 && !/\d/.test(word) && !nameNoise.has(word)),
    );
    const hints: Hint[] = [];
    for (const sentence of sentences) {
      const words = sentence.words.map((word) => word.normalised);
      const seenKinds = new Set<string>();
      for (const { entry, patterns, unless } of compiled) {
        if (entry.speaker !== sentence.speaker || (entry.question && !sentence.question)) continue;
        const key = `${entry.kind}:${entry.emotion ?? ''}`;
        if (seenKinds.has(key)) continue;
        const match = firstMatch(patterns, words);
        if (!match || unless.some((pattern) => findPattern(pattern, words))) continue;
        seenKinds.add(key);
        hints.push(hintFrom(entry, sentence.words.slice(match[0], match[1])));
      }
      if (sentence.speaker === 'agent') for (const hint of nameHints(sentence, nameWords)) hints.push(hint);
    }
    return hints.sort((a, b) => a.startMs - b.startMs);
  };
}

function firstMatch(patterns: readonly PhrasePattern[], words: readonly string[]) {
  let best: readonly [number, number] | null = null;
  for (const pattern of patterns) {
    const match = findPattern(pattern, words);
    if (match && (!best || match[0] < best[0])) best = match;
  }
  return best;
}

const startsCapitalised = (text: string) => /^\p{Lu}/u.test(text);

/**
 * The agent saying the customer's name (first or last name, as in the call details). A name part written with a
 * capital in the details must be spoken with one too, so "de vries in de koelcel" is not Mr de Vries; a transcript
 * without any capitals (some recognisers write none) is matched regardless of case.
 */
function nameHints(sentence: Sentence, nameWords: ReadonlyMap<string, boolean>): Hint[] {
  const caseKnown = sentence.words.some((word) => startsCapitalised(word.text));
  const index = sentence.words.findIndex(
    (word) =>
      nameWords.has(word.normalised) && (!nameWords.get(word.normalised) || !caseKnown || startsCapitalised(word.text)),
  );
  if (index < 0) return [];
  const speaker: SignalSpeaker = 'agent';
  return [
    hintFrom({ kind: 'customer_name', speaker, itemIds: customerNameItems }, sentence.words.slice(index, index + 1)),
  ];
}
