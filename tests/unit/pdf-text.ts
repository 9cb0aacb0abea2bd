import { inflateSync } from 'node:zlib';

/**
 * The text shown in a PDF written by pdf-lib with standard fonts, for tests: every content stream inflated and the
 * hex strings of its text operators decoded (WinAnsi, read as Latin-1), one string per drawn line, joined with
 * newlines. Enough to assert what a page says without a PDF text extractor on the machine.
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const lines: string[] = [];
  // A stream's own /Length says where it ends: compressed bytes may happen to spell "stream" or "endstream".
  const streamPattern = /<<((?:[^<>]|<<[^<>]*>>)*)>>\s*stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamPattern.exec(raw)) !== null) {
    const start = match.index + match[0].length;
    const length = /\/Length (\d+)(?! \d+ R)/.exec(match[1]!);
    const end = length ? start + Number(length[1]) : raw.indexOf('endstream', start);
    if (end < 0) break;
    const slice = raw.slice(start, end);
    const body = Buffer.from(length ? slice : slice.replace(/\r?\n$/, ''), 'latin1');
    let content: string;
    try {
      content = inflateSync(body).toString('latin1');
    } catch {
      content = body.toString('latin1');
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
      lines.push(Buffer.from(hex[1]!, 'hex').toString('latin1'));
    streamPattern.lastIndex = end;
  }
  return lines.join('\n');
}
