/**
 * A text's lines (split at CRLF, CR or LF, as `split(/\r\n|\r|\n/)` would) without making them all at once: only
 * where each line starts is kept, and a line's string is made when it is read. A 150,000-cue caption file has over
 * half a million lines; held as strings for the whole parse they outlive it in the collector's old space.
 */
export class TextLines {
  readonly length: number;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;

  constructor(private readonly text: string) {
    this.length = forEachLineBreak(text, () => undefined) + 1;
    this.starts = new Uint32Array(this.length);
    this.ends = new Uint32Array(this.length);
    let line = 0;
    forEachLineBreak(text, (breakAt, nextStart) => {
      this.ends[line] = breakAt;
      line += 1;
      this.starts[line] = nextStart;
    });
    this.ends[line] = text.length;
  }

  /** Line `index` (0-based), without its line break. */
  at(index: number): string {
    return this.text.slice(this.starts[index], this.ends[index]);
  }

  /** Lines `start` up to (not including) `end`, as `Array.prototype.slice` would give them. */
  slice(start: number, end: number): string[] {
    const lines: string[] = [];
    for (let index = start; index < Math.min(end, this.length); index += 1) lines.push(this.at(index));
    return lines;
  }
}

/** Calls `found` with where each line break starts and where the next line starts; returns how many there were. */
function forEachLineBreak(text: string, found: (breakAt: number, nextStart: number) => void): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code !== 10 && code !== 13) continue;
    const breakAt = index;
    if (code === 13 && text.charCodeAt(index + 1) === 10) index += 1;
    found(breakAt, index + 1);
    count += 1;
  }
  return count;
}
