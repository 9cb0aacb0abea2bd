import type { TextRange } from '../privacy/model';

/** A match with a little text on either side, cut at word boundaries, for a result list. */
export interface Excerpt {
  readonly before: string;
  readonly match: string;
  readonly after: string;
}

/** The words around `range`, at most about `context` characters each side, with "…" where text was cut. */
export function excerptAround(text: string, range: TextRange, context = 40): Excerpt {
  let from = Math.max(0, range.start - context);
  let to = Math.min(text.length, range.end + context);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    from = space >= 0 && space < range.start ? space + 1 : range.start;
  }
  if (to < text.length) {
    const lastSpace = text.lastIndexOf(' ', to);
    to = lastSpace >= range.end ? lastSpace : range.end;
  }
  return {
    before: `${from > 0 ? '…' : ''}${text.slice(from, range.start)}`,
    match: text.slice(range.start, range.end),
    after: `${text.slice(range.end, to)}${to < text.length ? '…' : ''}`,
  };
}
