/** A satisfiable single byte range, inclusive. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Parses an HTTP Range header for one range (`bytes=0-99`, `bytes=100-`, `bytes=-500`). Returns null when there is
 * no usable header (serve the whole file), or 'unsatisfiable' (answer 416). Multiple ranges are served whole.
 */
export function parseByteRange(
  header: string | undefined | null,
  sizeBytes: number,
): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, startText = '', endText = ''] = match;
  if (startText === '' && endText === '') return null;
  if (startText === '') {
    const suffix = Number(endText);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, sizeBytes - suffix), end: sizeBytes - 1 };
  }
  const start = Number(startText);
  const end = endText === '' ? sizeBytes - 1 : Math.min(Number(endText), sizeBytes - 1);
  if (start >= sizeBytes || end < start) return 'unsatisfiable';
  return { start, end };
}
