import type { RawReadResult, RawSegment, RawWord, TranscriptFormat, TranscriptFormatReader } from '../model';

/** A parsed JSON object: read-only, values unknown until checked. */
export type JsonObject = { readonly [key: string]: unknown };

/** Whether a value is a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is an array, else an empty one: vendors send null or omit lists they have nothing for. */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Only the elements that are JSON objects; a stray null or number in a list is skipped rather than fatal. */
export function objectsOf(value: unknown): readonly JsonObject[] {
  return asArray(value).filter(isJsonObject);
}

/** Whether an object has this key itself (not through its prototype). */
export function hasKey(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** A field of an object, only when the object has it itself; keeps `constructor`-like names out of reach. */
export function field(object: unknown, key: string): unknown {
  return isJsonObject(object) && hasKey(object, key) ? object[key] : undefined;
}

const numericString = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A finite number from a number or a numeric string; vendors send times as either ("0.04" or 0.04).
 * Anything else (null, "", "abc", NaN, objects) is undefined.
 */
export function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.length > 40 || !numericString.test(trimmed)) return undefined;
    const number = Number(trimmed);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

/** Seconds (number or numeric string) to milliseconds, or undefined when the value is no number. */
export function secondsToMs(value: unknown): number | undefined {
  const seconds = toFiniteNumber(value);
  return seconds === undefined ? undefined : seconds * 1000;
}

/** Milliseconds (number or numeric string) as a number, or undefined. */
export function millisToMs(value: unknown): number | undefined {
  return toFiniteNumber(value);
}

/** A confidence from a number or numeric string; range repairs are left to normalisation. */
export function confidenceOf(value: unknown): number | undefined {
  return toFiniteNumber(value);
}

/** Text from a string field; numbers are kept as text too (a spoken "42" can arrive as a JSON number). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A non-empty label string, or null. Numbers become their decimal text (Deepgram numbers its speakers). */
export function labelOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** An integer channel index when the value is a whole number >= 0 (number or numeric string), else undefined. */
export function wholeNumber(value: unknown): number | undefined {
  const number = toFiniteNumber(value);
  return number !== undefined && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

const languagePattern = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * A BCP 47-ish language tag from a vendor field ("en-US", "nl", AssemblyAI's "en_us" becomes "en-us"), or null
 * for anything that does not look like one, so no arbitrary text ends up in the language slot.
 */
export function languageTag(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const tag = value.trim().replace(/_/g, '-');
  return tag.length <= 35 && languagePattern.test(tag) ? tag : null;
}

/** The first language tag found among the values, or null. */
export function firstLanguageTag(values: Iterable<unknown>): string | null {
  for (const value of values) {
    const tag = languageTag(value);
    if (tag !== null) return tag;
  }
  return null;
}

/** A failed read with the format's malformed code and an English detail for developers. */
export function malformed(format: TranscriptFormat, detail: string): RawReadResult {
  return { ok: false, error: { code: 'transcript_malformed', detail, format } };
}

/**
 * Runs a reader body and turns any exception into a malformed result: a reader must never throw, even on
 * inputs nobody thought of.
 */
export function guardRead(format: TranscriptFormat, read: () => RawReadResult): RawReadResult {
  try {
    return read();
  } catch (error) {
    return malformed(format, `unreadable ${format} content: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs a detect body; an exception means "not this format". */
export function guardDetect(detect: () => boolean): boolean {
  try {
    return detect();
  } catch {
    return false;
  }
}

/**
 * A reader for one vendor's JSON: `recognise` says whether a document is that vendor's, `read` reads one that is;
 * anything else is refused with `notThisFormat`, and neither may throw (see guardRead and guardDetect).
 */
export function vendorJsonReader(
  format: TranscriptFormat,
  recognise: (json: unknown) => json is JsonObject,
  read: (json: JsonObject) => RawReadResult,
  notThisFormat: string,
): TranscriptFormatReader {
  return {
    format,
    detect: (_text, json) => guardDetect(() => recognise(json)),
    read: (_text, json) => guardRead(format, () => (recognise(json) ? read(json) : malformed(format, notThisFormat))),
  };
}

/** One word as a vendor gives it, with whose it is. Times in ms, undefined when the vendor gives none. */
export interface VendorWord {
  readonly text: string;
  readonly startMs: number | undefined;
  readonly endMs: number | undefined;
  readonly confidence?: number | undefined;
  readonly speaker: string | null;
  readonly channel: number | null;
}

const punctuationOnly = /^[\p{P}\p{S}]+$/u;
const sentenceEnd = /[.!?。！？…؟][\p{Pf}\p{Pe}"']*$/u;

/** Whether a piece of text is punctuation only (it attaches to the word before it, without a space). */
export function isPunctuationText(text: string): boolean {
  return punctuationOnly.test(text.trim());
}

/** Whether a word ends a sentence ("fine.", "today?", "Bye!"). */
export function endsSentence(text: string): boolean {
  return sentenceEnd.test(text.trim());
}

/** Joins word texts into readable text: spaces between words, none before punctuation-only tokens. */
export function joinWordTexts(texts: readonly string[]): string {
  let joined = '';
  for (const raw of texts) {
    const text = raw.trim();
    if (text === '') continue;
    joined += joined === '' || isPunctuationText(text) ? text : ` ${text}`;
  }
  return joined;
}

const isTime = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);

/** The raw word the normaliser takes; confidence only when there is one. */
export function rawWordOf(word: VendorWord): RawWord {
  const raw: { text: string; startMs: number | undefined; endMs: number | undefined; confidence?: number } = {
    text: word.text,
    startMs: word.startMs,
    endMs: word.endMs,
  };
  if (word.confidence !== undefined) raw.confidence = word.confidence;
  return raw;
}

/** A vendor's own turn: the segment of its words, with the turn's own start and end where it states them. */
export function segmentOfTurn(
  words: readonly VendorWord[],
  turn: {
    readonly speaker: string | null;
    readonly channel: number | null;
    readonly text: string;
    readonly startMs: number | undefined;
    readonly endMs: number | undefined;
  },
): RawSegment {
  const fromWords = segmentOfWords(words, turn.speaker, turn.channel, turn.text);
  return { ...fromWords, startMs: turn.startMs ?? fromWords.startMs, endMs: turn.endMs ?? fromWords.endMs };
}

/**
 * A segment spanning some words: bounds from the first timed start to the latest timed end (NaN when no word
 * has times, which normalisation then drops and counts). `text` overrides the joined word texts when given.
 */
export function segmentOfWords(
  words: readonly VendorWord[],
  speaker: string | null,
  channel: number | null,
  text?: string,
): RawSegment {
  let startMs = Number.NaN;
  let endMs = Number.NaN;
  for (const word of words) {
    if (isTime(word.startMs) && Number.isNaN(startMs)) startMs = word.startMs;
    if (isTime(word.endMs) && !(endMs >= word.endMs)) endMs = word.endMs;
  }
  const joined = joinWordTexts(words.map((word) => word.text));
  return {
    speaker,
    channel,
    startMs,
    endMs,
    text: text !== undefined && text.trim() !== '' ? text : joined,
    words: words.map(rawWordOf),
  };
}

/** How word lists without vendor segments are cut into segments. */
export interface GroupOptions {
  /** A silence longer than this between two words starts a new segment. */
  readonly pauseMs: number;
  /** Whether a word ending a sentence closes its segment. */
  readonly splitOnSentenceEnd: boolean;
}

/** The pause that starts a new segment when a vendor gives words only (1.5 s: a turn-taking gap in calls). */
export const defaultGroupOptions: GroupOptions = { pauseMs: 1500, splitOnSentenceEnd: true };

/**
 * Cuts a word list into segments at speaker or channel changes, at pauses, and (optionally) after sentence-ending
 * punctuation. Words without times (punctuation, mostly) never start a segment: they stay with the words before
 * them. A segment's speaker and channel are those of its first timed word.
 */
export function groupWords(words: readonly VendorWord[], options: GroupOptions = defaultGroupOptions): RawSegment[] {
  const segments: RawSegment[] = [];
  let current: VendorWord[] = [];
  let owner: VendorWord | undefined;
  let lastEnd: number | undefined;
  const flush = () => {
    if (current.length > 0) segments.push(segmentOfWords(current, owner?.speaker ?? null, owner?.channel ?? null));
    current = [];
    owner = undefined;
    lastEnd = undefined;
  };
  for (const word of words) {
    const timed = isTime(word.startMs);
    if (timed && owner !== undefined) {
      const previous = current[current.length - 1];
      const pause = lastEnd !== undefined && word.startMs! - lastEnd > options.pauseMs;
      const sentenceClosed = options.splitOnSentenceEnd && previous !== undefined && endsSentence(previous.text);
      if (word.speaker !== owner.speaker || word.channel !== owner.channel || pause || sentenceClosed) flush();
    }
    current.push(word);
    if (timed && owner === undefined) owner = word;
    const end = isTime(word.endMs) ? word.endMs : timed ? word.startMs : undefined;
    if (end !== undefined) lastEnd = lastEnd === undefined ? end : Math.max(lastEnd, end);
  }
  flush();
  return segments;
}

/**
 * Interleaves per-channel segment lists into one timeline by start time. Each list is already in time order;
 * a stable k-way merge keeps that order and avoids a false "not sorted" warning for normal multichannel files,
 * while a list that is itself out of order still reaches normalisation out of order and is reported there.
 * A heap keeps this O(n log k) even for files that claim thousands of channels.
 */
export function mergeByStart(lists: readonly (readonly RawSegment[])[]): RawSegment[] {
  const merged: RawSegment[] = [];
  const positions = lists.map(() => 0);
  const head = (list: number) => lists[list]![positions[list]!]!;
  // Earlier start first; on a tie the lower channel first, so the merge is stable and deterministic.
  const before = (a: number, b: number) =>
    startKey(head(a)) < startKey(head(b)) || (startKey(head(a)) === startKey(head(b)) && a < b);
  const heap: number[] = [];
  const swap = (i: number, j: number) => {
    const held = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = held;
  };
  const siftUp = (index: number) => {
    for (let i = index; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) return;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = (index: number) => {
    for (let i = index; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };
  lists.forEach((list, index) => {
    if (list.length === 0) return;
    heap.push(index);
    siftUp(heap.length - 1);
  });
  while (heap.length > 0) {
    const list = heap[0]!;
    merged.push(head(list));
    positions[list] = positions[list]! + 1;
    if (positions[list]! < lists[list]!.length) {
      siftDown(0);
    } else {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
      if (heap.length > 0) siftDown(0);
    }
  }
  return merged;
}

// Segments without a usable start sort last in a merge; normalisation drops them anyway.
const startKey = (segment: RawSegment) =>
  Number.isFinite(segment.startMs) ? segment.startMs : Number.POSITIVE_INFINITY;
