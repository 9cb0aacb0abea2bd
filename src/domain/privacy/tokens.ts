import type { TextRange } from './model';

/** A whitespace-separated word with surrounding punctuation trimmed; `start`/`end` point into the scanned text. */
export interface Token extends TextRange {
  readonly text: string;
  /** Lower case, for matching words such as "geboren" or "punt". */
  readonly lower: string;
}

// Punctuation that a transcript puts around words ("(020)", "1985.", "nummer:"); "+" and "@" carry meaning and stay.
const edgePunctuation = /^[.,;:!?()[\]{}"'«»“”‘’]+|[.,;:!?()[\]{}"'«»“”‘’]+$/g;

/** Splits a text into tokens, keeping their character offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const raw = match[0];
    const leading = raw.length - raw.replace(/^[.,;:!?()[\]{}"'«»“”‘’]+/, '').length;
    const trimmed = raw.replace(edgePunctuation, '');
    if (trimmed.length === 0) continue;
    const start = match.index + leading;
    tokens.push({ text: trimmed, lower: trimmed.toLowerCase(), start, end: start + trimmed.length });
  }
  return tokens;
}

/** The range covering tokens[from..to] inclusive. */
export function spanOf(tokens: readonly Token[], from: number, to: number): TextRange {
  return { start: tokens[from]!.start, end: tokens[to]!.end };
}
