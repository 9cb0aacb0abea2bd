import { inflateSync } from 'node:zlib';

/**
 * The text shown in a PDF written by pdf-lib with standard fonts, for tests: every content stream inflated and the
 * hex strings of its text operators decoded (WinAnsi, read as Latin-1), one string per drawn line, joined with
 * newlines. Enough to assert what a page says without a PDF text extractor on the machine.
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const lines: string[] = [];
  const streamPattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamPattern.exec(raw)) !== null) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const body = Buffer.from(raw.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
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
