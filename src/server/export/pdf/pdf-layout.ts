import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import {
  baselineFactor,
  bodyTop,
  contentRight,
  contentWidth,
  lineHeightFactor,
  margin,
  pageHeight,
  pageWidth,
  palette,
  type FontStyle,
  type TextStyle,
} from './pdf-style';
import { winAnsiSafe } from './win-ansi';

/** A cursor going down the pages: every block asks for the room it needs and starts a new page when it does not fit. */

export class Layout {
  readonly pages: PDFPage[] = [];
  /** Top of the free space on the current page. */
  y = bodyTop;
  private current: PDFPage;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Readonly<Record<FontStyle, PDFFont>>,
  ) {
    this.current = this.addPage();
  }

  get page(): PDFPage {
    return this.current;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([pageWidth, pageHeight]);
    this.pages.push(page);
    this.y = bodyTop;
    return page;
  }

  newPage(): void {
    this.current = this.addPage();
  }

  /** The height left above the bottom margin. */
  space(): number {
    return this.y - margin.bottom;
  }

  /** The full body height of an empty page. */
  static readonly pageBody = bodyTop - margin.bottom;

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (this.space() < height && this.y < bodyTop - 0.5) this.newPage();
  }

  font(style: FontStyle = 'regular'): PDFFont {
    return this.fonts[style];
  }

  width(text: string, style: TextStyle = {}): number {
    return this.font(style.style).widthOfTextAtSize(winAnsiSafe(text), style.size ?? 9);
  }

  /** Draws one line with its baseline at `baseline`; align relative to x (left edge, centre or right edge). */
  text(
    text: string,
    x: number,
    baseline: number,
    style: TextStyle = {},
    align: 'left' | 'center' | 'right' = 'left',
  ): void {
    const safe = winAnsiSafe(text);
    if (safe === '') return;
    const size = style.size ?? 9;
    const font = this.font(style.style);
    const width = align === 'left' ? 0 : font.widthOfTextAtSize(safe, size);
    const left = align === 'left' ? x : align === 'center' ? x - width / 2 : x - width;
    this.current.drawText(safe, { x: left, y: baseline, size, font, color: style.color ?? palette.text });
  }

  rect(x: number, y: number, width: number, height: number, color: RGB): void {
    if (width <= 0 || height <= 0) return;
    this.current.drawRectangle({ x, y, width, height, color });
  }

  line(x1: number, y1: number, x2: number, y2: number, color: RGB, thickness = 0.5, dashed = false): void {
    this.current.drawLine({
      start: { x: x1, y: y1 },
      end: { x: x2, y: y2 },
      color,
      thickness,
      ...(dashed ? { dashArray: [2.5, 2] } : {}),
    });
  }

  /** The text broken into lines no wider than maxWidth (on spaces; a word wider than a line is broken anywhere). */
  wrap(text: string, maxWidth: number, style: TextStyle = {}): string[] {
    const font = this.font(style.style);
    const size = style.size ?? 9;
    const fits = (candidate: string): boolean => font.widthOfTextAtSize(candidate, size) <= maxWidth;
    const lines: string[] = [];
    for (const paragraph of text.split(/\r\n|\r|\n/)) {
      const safe = winAnsiSafe(paragraph).trim();
      if (safe === '') {
        lines.push('');
        continue;
      }
      let line = '';
      for (const word of safe.split(/ +/)) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (fits(candidate)) {
          line = candidate;
          continue;
        }
        if (line !== '') lines.push(line);
        if (fits(word)) {
          line = word;
          continue;
        }
        let piece = '';
        for (const character of word) {
          if (piece !== '' && !fits(piece + character)) {
            lines.push(piece);
            piece = character;
          } else {
            piece += character;
          }
        }
        line = piece;
      }
      lines.push(line);
    }
    return lines;
  }

  /** The text cut to maxWidth with an ellipsis. */
  truncate(text: string, maxWidth: number, style: TextStyle = {}): string {
    const safe = winAnsiSafe(text);
    const font = this.font(style.style);
    const size = style.size ?? 9;
    if (font.widthOfTextAtSize(safe, size) <= maxWidth) return safe;
    const characters = [...safe];
    let low = 0;
    let high = characters.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (font.widthOfTextAtSize(`${characters.slice(0, middle).join('').trimEnd()}…`, size) <= maxWidth) low = middle;
      else high = middle - 1;
    }
    return `${characters.slice(0, low).join('').trimEnd()}…`;
  }

  /** A wrapped paragraph at the cursor, breaking pages between lines. */
  paragraph(
    text: string,
    style: TextStyle = {},
    options: { readonly x?: number; readonly width?: number; readonly after?: number } = {},
  ): void {
    const size = style.size ?? 9;
    const lineHeight = size * lineHeightFactor;
    for (const line of this.wrap(text, options.width ?? contentWidth, style)) {
      this.ensure(lineHeight);
      this.text(line, options.x ?? margin.left, this.y - size * baselineFactor, style);
      this.y -= lineHeight;
    }
    this.y -= options.after ?? 4;
  }

  /** A section heading, kept on one page with at least `keepWith` points of what follows. */
  heading(text: string, keepWith = 90): void {
    const size = 13;
    if (this.y < bodyTop - 0.5) this.y -= 14;
    this.ensure(size * 1.6 + keepWith);
    this.text(text, margin.left, this.y - size * baselineFactor, { style: 'bold', size, color: palette.accent });
    this.y -= size * 1.35;
    this.line(margin.left, this.y, contentRight, this.y, palette.rule, 0.6);
    this.y -= 7;
  }

  subheading(text: string, keepWith = 60): void {
    const size = 10;
    this.y -= 4;
    this.ensure(size * 1.5 + keepWith);
    this.text(text, margin.left, this.y - size * baselineFactor, { style: 'bold', size });
    this.y -= size * 1.5;
  }
}
