import { hintKinds, type HintKind, type SignalSpeaker } from './model';

/**
 * A lexicon: phrases that hint at rubric evidence, per language, shipped as editable JSON data
 * (resources/lexicons/*.json) and read through `parseLexicon`.
 *
 * Pattern syntax, word by word after normalisation (lower case, accents and punctuation removed):
 * - `word` that word; `stem*` any word starting with the stem (inflection: `frustr*` → frustrated, frustrerend);
 * - `a|b|c` any of these words (each may end in `*`); `word?` the word may be left out;
 * - `~` up to three other words in between, `~5` up to five;
 * - `^` first: only at the start of a sentence.
 * An entry's `unless` patterns veto a match in the same sentence ("ik begrijp het niet" is not empathy).
 */
export interface LexiconEntry {
  readonly kind: HintKind;
  readonly speaker: SignalSpeaker;
  readonly itemIds: readonly string[];
  readonly patterns: readonly string[];
  readonly unless?: readonly string[];
  /** Only in a sentence that ends with a question mark (follow-up questions). */
  readonly question?: boolean;
  /** Emotion cues: which emotion. */
  readonly emotion?: string;
}

export interface Lexicon {
  readonly language: string;
  readonly version: number;
  readonly entries: readonly LexiconEntry[];
}

export type LexiconParseResult = { ok: true; lexicon: Lexicon } | { ok: false; detail: string };

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');

function parseEntry(value: unknown, index: number): LexiconEntry | string {
  if (typeof value !== 'object' || value === null) return `entry ${index} is not an object`;
  const entry = value as Record<string, unknown>;
  if (!hintKinds.includes(entry.kind as HintKind)) return `entry ${index}: unknown kind ${String(entry.kind)}`;
  if (entry.speaker !== 'agent' && entry.speaker !== 'customer')
    return `entry ${index}: speaker must be agent or customer`;
  if (!isStringList(entry.itemIds)) return `entry ${index}: itemIds must be a list of rubric item ids`;
  if (!isStringList(entry.patterns) || entry.patterns.length === 0)
    return `entry ${index}: patterns must be a non-empty list`;
  if (entry.unless !== undefined && !isStringList(entry.unless)) return `entry ${index}: unless must be a list`;
  if (entry.emotion !== undefined && typeof entry.emotion !== 'string') return `entry ${index}: emotion must be text`;
  return {
    kind: entry.kind as HintKind,
    speaker: entry.speaker,
    itemIds: entry.itemIds,
    patterns: entry.patterns,
    unless: entry.unless as string[] | undefined,
    question: entry.question === true,
    emotion: entry.emotion as string | undefined,
  };
}

/** Checks a lexicon file's parsed JSON; a broken file is refused with what is wrong, never half-used. */
export function parseLexicon(json: unknown): LexiconParseResult {
  if (typeof json !== 'object' || json === null) return { ok: false, detail: 'not a JSON object' };
  const data = json as Record<string, unknown>;
  if (typeof data.language !== 'string') return { ok: false, detail: 'language missing' };
  if (typeof data.version !== 'number' || !Number.isInteger(data.version))
    return { ok: false, detail: 'version missing' };
  if (!Array.isArray(data.entries)) return { ok: false, detail: 'entries missing' };
  const entries: LexiconEntry[] = [];
  for (const [index, value] of data.entries.entries()) {
    const entry = parseEntry(value, index);
    if (typeof entry === 'string') return { ok: false, detail: entry };
    entries.push(entry);
  }
  return { ok: true, lexicon: { language: data.language, version: data.version, entries } };
}
