import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { ReliabilityBand } from '../../domain/agreement/reliability-band';
import type { ItemAnswer } from '../../domain/scoring/answers';
import type { SessionReport } from '../../domain/calibration/session-report';
import type { Locale } from '../../domain/rubric/localized-text';
import { findRubricItem, type Rubric } from '../../domain/rubric/model';
import { writeTextFileAtomic } from './atomic-write';
import { sessionReportLabels, type SessionReportLabels } from './session-report-labels';

/*
 * The calibration report of a session as an A4 PDF (pdf-lib, no UI): a title block with the session's setup, a
 * summary of agreement on the total and per section, a chart of each reviewer's bias on the total (around zero,
 * lenient right, strict left, with the tolerance band), a chart of alpha per item (with the 0.667 and 0.800
 * thresholds, ambiguous items highlighted), the reviewer and item tables, the totals matrix (reviewers × calls,
 * with the severity-adjusted totals) and the consensus scores with their reasons.
 *
 * Layout is a simple top-down flow: a cursor moves down the page and every block asks for the room it needs first,
 * starting a new page when it does not fit. Tables repeat their header on every page and split a row that is taller
 * than a page line by line; charts continue on the next page with their axis repeated; the totals matrix is cut
 * into groups of calls that fit the page width.
 *
 * Text uses the standard Helvetica fonts, which pdf-lib writes in WinAnsi (Windows-1252): every text passes
 * winAnsiSafe, which keeps what WinAnsi has (é, ë, ï, “ ”, –, ±, €) and replaces the rest (− → -, ≥ → >=, ...)
 * instead of letting pdf-lib throw on the first character it cannot encode.
 */

export interface SessionReportPdfInput {
  readonly session: {
    readonly name: string;
    readonly rubricName: string;
    readonly rubricVersion: number;
    readonly blind: boolean;
    readonly toleranceTotal: number;
    readonly toleranceItem: number;
    /** YYYY-MM-DD, or null. */
    readonly deadline: string | null;
    readonly createdAtMs: number;
  };
  /** In the order of the report's rows. */
  readonly reviewers: readonly { readonly id: string; readonly name: string }[];
  /** In the order of the report's columns. */
  readonly calls: readonly { readonly id: string; readonly title: string }[];
  readonly rubric: Rubric;
  readonly report: SessionReport;
  readonly consensus: readonly { readonly callId: string; readonly itemId: string; readonly answer: ItemAnswer; readonly reason: string }[];
  readonly language: Locale;
  readonly generatedAtMs: number;
}

// ---------------------------------------------------------------------------------------------------------------
// WinAnsi

/** The code points of Windows-1252 (WinAnsi) in 0x80-0x9F; 0x20-0x7E and 0xA0-0xFF are Latin-1 itself. */
const winAnsiHigh = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((character) => character.codePointAt(0)!));

/** Whether the standard fonts (WinAnsi encoding) can show this code point. */
export function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || winAnsiHigh.has(codePoint);
}

/** Replacements for characters WinAnsi lacks that Unicode decomposition does not reduce to WinAnsi. */
const replacements: ReadonlyMap<number, string> = new Map([
  // Minus signs and hyphens.
  [0x2212, '-'], [0x2010, '-'], [0x2011, '-'], [0x2012, '–'], [0x2015, '—'], [0x2043, '-'], [0xfe63, '-'], [0x2213, '-/+'],
  // Comparisons and arrows.
  [0x2264, '<='], [0x2265, '>='], [0x2260, '!='], [0x2248, '~'], [0x2243, '~'], [0x223c, '~'], [0x2261, '='],
  [0x2190, '<-'], [0x2192, '->'], [0x2194, '<->'], [0x21d0, '<='], [0x21d2, '=>'], [0x21d4, '<=>'],
  // Quotes and primes.
  [0x2032, "'"], [0x2033, '"'], [0x2035, '`'], [0x201b, '‘'], [0x201f, '“'], [0x2e42, '„'], [0x301d, '“'], [0x301e, '”'],
  // Bullets and dots.
  [0x2023, '•'], [0x25cf, '•'], [0x25e6, '•'], [0x2219, '·'], [0x22c5, '·'], [0x2027, '·'],
  [0x2713, 'v'], [0x2714, 'v'], [0x2717, 'x'], [0x2718, 'x'],
  // Greek letters a statistics text uses, and µ (WinAnsi has the micro sign, not the Greek mu).
  [0x03b1, 'alpha'], [0x03b2, 'beta'], [0x03b3, 'gamma'], [0x03b4, 'delta'], [0x0394, 'Delta'], [0x03ba, 'kappa'],
  [0x03c1, 'rho'], [0x03c3, 'sigma'], [0x03a3, 'Sigma'], [0x03c7, 'chi'], [0x03bc, 'µ'],
  // Latin letters without a decomposition.
  [0x0142, 'l'], [0x0141, 'L'], [0x0111, 'd'], [0x0110, 'D'], [0x0131, 'i'], [0x1e9e, 'SS'], [0x0127, 'h'], [0x0126, 'H'],
  // Line and paragraph separators; non-breaking hyphen handled above.
  [0x2028, ' '], [0x2029, ' '],
  // Soft hyphen: WinAnsi has it, but Helvetica draws it as a visible hyphen.
  [0x00ad, ''],
  // Invisible format characters.
  [0x200b, ''], [0x200c, ''], [0x200d, ''], [0x200e, ''], [0x200f, ''], [0x2060, ''], [0xfeff, ''],
]);

/**
 * The text with every character the standard fonts cannot encode replaced: composed first (e + ◌́ → é), then mapped
 * (− → -, ≥ → >=, α → alpha), decomposed where that helps (ĳ → ij, ő → o, ﬁ → fi, narrow spaces → space),
 * combining marks dropped, tabs and line breaks made spaces, other control characters dropped, anything left '?'.
 */
export function winAnsiSafe(text: string): string {
  let safe = '';
  for (const character of text.normalize('NFC')) {
    const codePoint = character.codePointAt(0)!;
    const replacement = replacements.get(codePoint);
    if (replacement !== undefined) {
      safe += replacement;
    } else if (isWinAnsi(codePoint)) {
      safe += character;
    } else if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) {
      safe += ' ';
    } else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || /\p{M}/u.test(character)) {
      // Control characters and stray combining marks carry nothing to show.
    } else {
      const decomposed = character.normalize('NFKD').replace(/\p{M}/gu, '');
      const usable = decomposed !== '' && [...decomposed].every((part) => isWinAnsi(part.codePointAt(0)!) || replacements.has(part.codePointAt(0)!));
      safe += usable ? [...decomposed].map((part) => replacements.get(part.codePointAt(0)!) ?? part).join('') : '?';
    }
  }
  return safe;
}

// ---------------------------------------------------------------------------------------------------------------
// Page geometry, fonts, colours

const pageWidth = 595.28;
const pageHeight = 841.89;
const margin = { left: 48, right: 48, top: 58, bottom: 56 } as const;
const contentWidth = pageWidth - margin.left - margin.right;
const contentRight = pageWidth - margin.right;
const bodyTop = pageHeight - margin.top;

const palette = {
  text: rgb(0.12, 0.14, 0.17),
  muted: rgb(0.4, 0.43, 0.48),
  rule: rgb(0.8, 0.82, 0.85),
  grid: rgb(0.88, 0.89, 0.91),
  headerFill: rgb(0.91, 0.93, 0.95),
  zebra: rgb(0.965, 0.97, 0.975),
  accent: rgb(0.13, 0.33, 0.55),
  lenient: rgb(0.16, 0.42, 0.7),
  lenientLight: rgb(0.63, 0.76, 0.89),
  strict: rgb(0.86, 0.43, 0.12),
  strictLight: rgb(0.96, 0.77, 0.6),
  tolerance: rgb(0.35, 0.35, 0.38),
  reliable: rgb(0.2, 0.56, 0.32),
  tentative: rgb(0.9, 0.63, 0.09),
  unreliable: rgb(0.78, 0.2, 0.16),
  ambiguousFill: rgb(0.99, 0.89, 0.87),
} as const;

const bandColors: Readonly<Record<ReliabilityBand, RGB>> = { reliable: palette.reliable, tentative: palette.tentative, unreliable: palette.unreliable };

type FontStyle = 'regular' | 'bold' | 'italic';

interface TextStyle {
  readonly style?: FontStyle;
  readonly size?: number;
  readonly color?: RGB;
}

const lineHeightFactor = 1.28;
/** From the top of a line to its baseline, as a share of the font size (Helvetica's ascender is 0.718). */
const baselineFactor = 0.8;

// ---------------------------------------------------------------------------------------------------------------
// Layout: a cursor going down the pages

class Layout {
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
  text(text: string, x: number, baseline: number, style: TextStyle = {}, align: 'left' | 'center' | 'right' = 'left'): void {
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
    this.current.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, color, thickness, ...(dashed ? { dashArray: [2.5, 2] } : {}) });
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
  paragraph(text: string, style: TextStyle = {}, options: { readonly x?: number; readonly width?: number; readonly after?: number } = {}): void {
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

// ---------------------------------------------------------------------------------------------------------------
// Tables

interface TableColumn {
  readonly header: string;
  /** Relative width: the widths are scaled to the table width (and then widened where a word would not fit). */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
  /** Keep each cell on one line where the table width allows it; default for right-aligned (number) columns. */
  readonly noWrap?: boolean;
}

interface TableCell {
  readonly text: string;
  readonly style?: FontStyle;
  readonly color?: RGB;
}

interface TableRow {
  readonly cells: readonly (string | TableCell)[];
  readonly fill?: RGB;
  readonly style?: FontStyle;
}

const cellPaddingX = 3.5;
const cellPaddingY = 2.6;

/**
 * A table at the cursor: header repeated on each page, cells wrapped, zebra rows; a row that does not fit on the
 * rest of the page goes to the next one, and a row taller than a whole page is split between its lines.
 */
function drawTable(layout: Layout, columns: readonly TableColumn[], rows: readonly TableRow[], options: { readonly size?: number; readonly width?: number } = {}): void {
  const size = options.size ?? 8;
  const lineHeight = size * 1.25;
  const tableWidth = options.width ?? contentWidth;
  const cellText = (cell: string | TableCell): TableCell => (typeof cell === 'string' ? { text: cell } : cell);
  const widths = columnWidths(layout, columns, rows.map((row) => columns.map((_, index) => {
    const cell = cellText(row.cells[index] ?? '');
    return { ...cell, style: cell.style ?? row.style ?? 'regular' };
  })), size, tableWidth);
  const lefts = widths.map((_, index) => margin.left + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const headerStyle: TextStyle = { style: 'bold', size };
  const headerLines = columns.map((column, index) => layout.wrap(column.header, widths[index]! - 2 * cellPaddingX, headerStyle));
  const headerHeight = Math.max(1, ...headerLines.map((lines) => lines.length)) * lineHeight + 2 * cellPaddingY;

  const drawLines = (linesPerColumn: readonly (readonly string[])[], styles: readonly TextStyle[], height: number): void => {
    columns.forEach((column, index) => {
      const lines = linesPerColumn[index] ?? [];
      const align = column.align ?? 'left';
      const x = align === 'left' ? lefts[index]! + cellPaddingX : align === 'right' ? lefts[index]! + widths[index]! - cellPaddingX : lefts[index]! + widths[index]! / 2;
      lines.forEach((line, lineIndex) => {
        layout.text(line, x, layout.y - cellPaddingY - lineIndex * lineHeight - size * baselineFactor, styles[index] ?? { size }, align);
      });
    });
    layout.y -= height;
  };

  const drawHeader = (): void => {
    layout.rect(margin.left, layout.y - headerHeight, tableWidth, headerHeight, palette.headerFill);
    drawLines(headerLines, columns.map(() => headerStyle), headerHeight);
    layout.line(margin.left, layout.y, margin.left + tableWidth, layout.y, palette.muted, 0.6);
  };

  layout.ensure(headerHeight + lineHeight + 2 * cellPaddingY);
  drawHeader();
  const capacity = Math.max(1, Math.floor((Layout.pageBody - headerHeight - 2 * cellPaddingY) / lineHeight));

  rows.forEach((row, rowIndex) => {
    const cells = columns.map((_, index) => cellText(row.cells[index] ?? ''));
    const styles = cells.map((cell): TextStyle => ({ style: cell.style ?? row.style ?? 'regular', size, color: cell.color ?? palette.text }));
    const lines = cells.map((cell, index) => layout.wrap(cell.text, widths[index]! - 2 * cellPaddingX, styles[index]));
    const total = Math.max(1, ...lines.map((cellLines) => cellLines.length));
    const fill = row.fill ?? (rowIndex % 2 === 1 ? palette.zebra : undefined);
    let start = 0;
    while (start < total) {
      const remaining = total - start;
      const available = Math.floor((layout.space() - 2 * cellPaddingY) / lineHeight);
      let take: number;
      if (available >= remaining) take = remaining;
      else if (available < 1 || (start === 0 && remaining <= capacity) || available < 2) take = 0;
      else take = available;
      if (take === 0) {
        layout.newPage();
        drawHeader();
        continue;
      }
      const height = take * lineHeight + 2 * cellPaddingY;
      if (fill) layout.rect(margin.left, layout.y - height, tableWidth, height, fill);
      drawLines(lines.map((cellLines) => cellLines.slice(start, start + take)), styles, height);
      layout.line(margin.left, layout.y, margin.left + tableWidth, layout.y, palette.rule, 0.4);
      start += take;
      if (start < total) {
        layout.newPage();
        drawHeader();
      }
    }
  });
  layout.y -= 6;
}

/**
 * The column widths in points: the relative widths scaled to the table width, then every column widened to its
 * longest word (its longest cell for no-wrap columns) and its header's longest word, taking the room from columns
 * that have more than they need. Where the table cannot give that room, the widths stay as scaled (and long words
 * are broken).
 */
function columnWidths(layout: Layout, columns: readonly TableColumn[], cells: readonly (readonly TableCell[])[], size: number, tableWidth: number): number[] {
  const weight = columns.reduce((sum, column) => sum + column.width, 0);
  const scaled = columns.map((column) => (column.width / weight) * tableWidth);
  const needed = columns.map((column, index) => {
    const longestWord = (text: string, style: FontStyle): number =>
      Math.max(0, ...winAnsiSafe(text).split(/ +/).map((word) => layout.width(word, { style, size })));
    const noWrap = column.noWrap ?? column.align === 'right';
    let widest = longestWord(column.header, 'bold');
    for (const row of cells) {
      const cell = row[index];
      if (!cell || cell.text === '') continue;
      widest = Math.max(widest, noWrap ? layout.width(cell.text, { style: cell.style, size }) : longestWord(cell.text, cell.style ?? 'regular'));
    }
    return Math.min(widest + 2 * cellPaddingX + 0.5, tableWidth);
  });
  const deficit = scaled.reduce((sum, width, index) => sum + Math.max(0, needed[index]! - width), 0);
  const slack = scaled.reduce((sum, width, index) => sum + Math.max(0, width - needed[index]!), 0);
  if (deficit <= 0 || slack < deficit) return scaled;
  return scaled.map((width, index) => (width < needed[index]! ? needed[index]! : width - ((width - needed[index]!) / slack) * deficit));
}

/** Label–value pairs in two columns, values wrapped. */
function drawKeyValues(layout: Layout, pairs: readonly (readonly [string, string | TableCell])[], labelWidth = 150): void {
  const size = 9;
  const lineHeight = size * 1.35;
  for (const [label, value] of pairs) {
    const cell = typeof value === 'string' ? { text: value } : value;
    const lines = layout.wrap(cell.text, contentWidth - labelWidth, { size, style: cell.style });
    layout.ensure(lineHeight * Math.min(lines.length, 3));
    layout.text(label, margin.left, layout.y - size * baselineFactor, { size, color: palette.muted });
    for (const line of lines) {
      layout.ensure(lineHeight);
      layout.text(line, margin.left + labelWidth, layout.y - size * baselineFactor, { size, style: cell.style ?? 'regular', color: cell.color ?? palette.text });
      layout.y -= lineHeight;
    }
  }
  layout.y -= 4;
}

type LegendEntry =
  | { readonly kind: 'swatch'; readonly color: RGB; readonly label: string }
  | { readonly kind: 'line'; readonly color: RGB; readonly label: string; readonly dashed?: boolean };

/** A row (wrapping) of legend entries at the cursor. */
function drawLegend(layout: Layout, entries: readonly LegendEntry[]): void {
  const size = 7;
  const lineHeight = 11;
  let x = margin.left;
  layout.ensure(lineHeight);
  for (const entry of entries) {
    const width = 14 + layout.width(entry.label, { size }) + 12;
    if (x + width > contentRight && x > margin.left) {
      x = margin.left;
      layout.y -= lineHeight;
      layout.ensure(lineHeight);
    }
    const middle = layout.y - lineHeight / 2;
    if (entry.kind === 'swatch') layout.rect(x, middle - 3.5, 10, 7, entry.color);
    else layout.line(x, middle, x + 10, middle, entry.color, 1.2, entry.dashed ?? false);
    layout.text(entry.label, x + 14, middle - size * 0.35, { size, color: palette.muted });
    x += width;
  }
  layout.y -= lineHeight + 4;
}

// ---------------------------------------------------------------------------------------------------------------
// Number and date formatting

interface Formats {
  /** '—' for null or not finite. */
  number(value: number | null | undefined, digits: number, signed?: boolean): string;
  percent(value: number | null | undefined): string;
  /** Up to two decimals, no trailing zeros. */
  plain(value: number): string;
  dateTime(ms: number): string;
  date(isoDate: string | null): string;
}

const missing = '—';

function formats(language: Locale): Formats {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const cache = new Map<string, Intl.NumberFormat>();
  const numberFormat = (digits: number, signed: boolean): Intl.NumberFormat => {
    const key = `${digits}:${signed}`;
    let format = cache.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false, signDisplay: signed ? 'exceptZero' : 'auto' });
      cache.set(key, format);
    }
    return format;
  };
  const plainFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const number = (value: number | null | undefined, digits: number, signed = false): string => {
    if (value === null || value === undefined || !Number.isFinite(value)) return missing;
    // Rounded first, so -0.04 at one decimal is 0,0 and not -0,0.
    const rounded = Number(value.toFixed(digits)) || 0;
    return numberFormat(digits, signed).format(rounded);
  };
  return {
    number,
    percent(value) {
      const text = number(value, 0);
      return text === missing ? missing : `${text}%`;
    },
    plain(value) {
      return Number.isFinite(value) ? plainFormat.format(value) : missing;
    },
    dateTime(ms) {
      return Number.isFinite(ms) ? new Date(ms).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' }) : missing;
    },
    date(isoDate) {
      if (isoDate === null || isoDate.trim() === '') return missing;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
      const date = new Date(`${isoDate}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDate : date.toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' });
    },
  };
}

/** A round tick step (1, 2, 2.5 or 5 × 10^k) giving at most `ticks` steps up to `extent`, and the range it makes. */
function niceAxis(extent: number, ticks = 4): { readonly range: number; readonly step: number } {
  const safeExtent = extent > 0 && Number.isFinite(extent) ? extent : 1;
  const exponent = 10 ** Math.floor(Math.log10(safeExtent / ticks));
  for (const factor of [1, 2, 2.5, 5, 10, 20]) {
    const step = factor * exponent;
    const count = Math.ceil(safeExtent / step - 1e-9);
    if (count <= ticks) return { range: count * step, step };
  }
  return { range: safeExtent, step: safeExtent };
}

function decimalsOf(step: number): number {
  for (let digits = 0; digits < 4; digits += 1) if (Math.abs(step * 10 ** digits - Math.round(step * 10 ** digits)) < 1e-9) return digits;
  return 4;
}

// ---------------------------------------------------------------------------------------------------------------
// Charts

const chartRowHeight = 13;
/** The strips above (threshold labels) and below (axis) the rows of a chart. */
const chartTopStrip = 13;
const chartBottomStrip = 26;
const chartStrips = chartTopStrip + chartBottomStrip;

/** How many of the remaining chart rows go on this page: as many as fit, but never leaving one or two for the next. */
function chartRowsHere(layout: Layout, remaining: number): number {
  const fit = Math.max(1, Math.floor((layout.space() - chartStrips) / chartRowHeight));
  const rest = remaining - fit;
  return rest > 0 && rest < 3 && fit > 3 ? fit - Math.min(fit - 3, 3 - rest) : Math.min(fit, remaining);
}

interface BiasRow {
  readonly label: string;
  readonly bias: number | null;
}

/** Horizontal bars of each reviewer's bias around a zero line; dashed lines at ±tolerance. */
function drawBiasChart(layout: Layout, rows: readonly BiasRow[], tolerance: number, labels: SessionReportLabels, format: Formats): void {
  const labelWidth = 132;
  const valueWidth = 44;
  const x0 = margin.left + labelWidth;
  const x1 = contentRight - valueWidth;
  const zeroX = (x0 + x1) / 2;
  const half = (x1 - x0) / 2;
  const biases = rows.map((row) => row.bias).filter((value): value is number => value !== null && Number.isFinite(value));
  const { range, step } = niceAxis(Math.max(Math.abs(tolerance), ...biases.map(Math.abs), 0.5) * 1.08);
  const decimals = decimalsOf(step);
  const xOf = (value: number): number => zeroX + (Math.max(-range, Math.min(range, value)) / range) * half;
  const rowHeight = chartRowHeight;
  const topStrip = chartTopStrip;
  const bottomStrip = chartBottomStrip;
  const size = 7.5;
  const outside = (value: number): boolean => Math.abs(value) > tolerance + 1e-9;

  let index = 0;
  while (index < rows.length) {
    layout.ensure(topStrip + rowHeight * Math.min(3, rows.length - index) + bottomStrip);
    const chunk = rows.slice(index, index + chartRowsHere(layout, rows.length - index));
    const top = layout.y;
    const rowsTop = top - topStrip;
    const rowsBottom = rowsTop - chunk.length * rowHeight;

    // Tolerance labels above their lines.
    if (tolerance > 0 && tolerance < range) {
      layout.text(format.number(-tolerance, decimalsOf(tolerance), true), xOf(-tolerance), top - 9, { size: 6.5, color: palette.tolerance }, 'center');
      layout.text(format.number(tolerance, decimalsOf(tolerance), true), xOf(tolerance), top - 9, { size: 6.5, color: palette.tolerance }, 'center');
    }
    chunk.forEach((row, offset) => {
      const rowTop = rowsTop - offset * rowHeight;
      if ((index + offset) % 2 === 1) layout.rect(margin.left, rowTop - rowHeight, contentWidth, rowHeight, palette.zebra);
    });
    for (let tick = -range; tick <= range + 1e-9; tick += step) {
      if (Math.abs(tick) > 1e-9) layout.line(xOf(tick), rowsTop, xOf(tick), rowsBottom, palette.grid, 0.4);
    }
    chunk.forEach((row, offset) => {
      const rowTop = rowsTop - offset * rowHeight;
      const baseline = rowTop - rowHeight / 2 - size * 0.35;
      layout.text(layout.truncate(row.label, labelWidth - 8, { size }), margin.left + 2, baseline, { size });
      if (row.bias === null || !Number.isFinite(row.bias)) {
        layout.text(missing, x1 + 6, baseline, { size, color: palette.muted });
        layout.text(labels.noBias, x0 + 4, baseline, { size: 6.5, style: 'italic', color: palette.muted });
        return;
      }
      const far = outside(row.bias);
      const color = row.bias >= 0 ? (far ? palette.lenient : palette.lenientLight) : far ? palette.strict : palette.strictLight;
      const from = xOf(Math.min(0, row.bias));
      const to = xOf(Math.max(0, row.bias));
      layout.rect(from, rowTop - rowHeight / 2 - 4, Math.max(to - from, 0.8), 8, color);
      layout.text(format.number(row.bias, 1, true), x1 + 6, baseline, { size, style: far ? 'bold' : 'regular' });
    });
    // Zero line, tolerance band and axis on top of the bars.
    layout.line(zeroX, rowsTop + 2, zeroX, rowsBottom, palette.text, 0.8);
    if (tolerance > 0 && tolerance < range) {
      layout.line(xOf(-tolerance), rowsTop + 2, xOf(-tolerance), rowsBottom, palette.tolerance, 0.8, true);
      layout.line(xOf(tolerance), rowsTop + 2, xOf(tolerance), rowsBottom, palette.tolerance, 0.8, true);
    }
    layout.line(x0, rowsBottom, x1, rowsBottom, palette.muted, 0.5);
    for (let tick = -range; tick <= range + 1e-9; tick += step) {
      layout.line(xOf(tick), rowsBottom, xOf(tick), rowsBottom - 2.5, palette.muted, 0.5);
      layout.text(format.number(Math.abs(tick) < 1e-9 ? 0 : tick, decimals, true), xOf(tick), rowsBottom - 10, { size: 6.5, color: palette.muted }, 'center');
    }
    layout.text(labels.stricter, x0, rowsBottom - 21, { size: 7, style: 'bold', color: palette.strict });
    layout.text(labels.biasAxis, zeroX, rowsBottom - 21, { size: 7, color: palette.muted }, 'center');
    layout.text(labels.milder, x1, rowsBottom - 21, { size: 7, style: 'bold', color: palette.lenient }, 'right');
    layout.y = rowsBottom - bottomStrip;
    index += chunk.length;
    if (index < rows.length) layout.newPage();
  }
  drawLegend(layout, [
    { kind: 'swatch', color: palette.strictLight, label: `${labels.withinTolerance} (-)` },
    { kind: 'swatch', color: palette.lenientLight, label: `${labels.withinTolerance} (+)` },
    { kind: 'swatch', color: palette.strict, label: `${labels.outsideTolerance} (-)` },
    { kind: 'swatch', color: palette.lenient, label: `${labels.outsideTolerance} (+)` },
    { kind: 'line', color: palette.tolerance, label: labels.toleranceLine(format.plain(tolerance)), dashed: true },
  ]);
}

interface AlphaRow {
  readonly label: string;
  readonly alpha: number | null;
  readonly band: ReliabilityBand | null;
  readonly ambiguous: boolean;
}

const tentativeThreshold = 0.667;
const reliableThreshold = 0.8;

/** Horizontal bars of alpha per item with the 0.667 and 0.800 threshold lines; ambiguous items on a red ground. */
function drawAlphaChart(layout: Layout, rows: readonly AlphaRow[], labels: SessionReportLabels, format: Formats): void {
  const labelWidth = 225;
  const valueWidth = 40;
  const x0 = margin.left + labelWidth;
  const x1 = contentRight - valueWidth;
  const alphas = rows.map((row) => row.alpha).filter((value): value is number => value !== null && Number.isFinite(value));
  const lowest = Math.min(0, ...alphas);
  const low = lowest < 0 ? Math.max(-1, Math.floor(lowest * 5 - 1e-9) / 5) : 0;
  const xOf = (value: number): number => x0 + ((Math.max(low, Math.min(1, value)) - low) / (1 - low)) * (x1 - x0);
  const step = low < -0.6 ? 0.4 : 0.2;
  const ticks: number[] = [];
  for (let tick = 1; tick >= low - 1e-9; tick -= step) ticks.push(Math.round(tick * 10) / 10);
  const rowHeight = chartRowHeight;
  const topStrip = chartTopStrip;
  const bottomStrip = chartBottomStrip;
  const size = 7.5;

  let index = 0;
  while (index < rows.length) {
    layout.ensure(topStrip + rowHeight * Math.min(3, rows.length - index) + bottomStrip);
    const chunk = rows.slice(index, index + chartRowsHere(layout, rows.length - index));
    const top = layout.y;
    const rowsTop = top - topStrip;
    const rowsBottom = rowsTop - chunk.length * rowHeight;

    layout.text(labels.thresholdTentative, xOf(tentativeThreshold) - 2, top - 9, { size: 6.5, color: palette.tentative, style: 'bold' }, 'right');
    layout.text(labels.thresholdReliable, xOf(reliableThreshold) + 2, top - 9, { size: 6.5, color: palette.reliable, style: 'bold' });
    chunk.forEach((row, offset) => {
      const rowTop = rowsTop - offset * rowHeight;
      if (row.ambiguous) layout.rect(margin.left, rowTop - rowHeight, contentWidth, rowHeight, palette.ambiguousFill);
      else if ((index + offset) % 2 === 1) layout.rect(margin.left, rowTop - rowHeight, contentWidth, rowHeight, palette.zebra);
    });
    for (const tick of ticks) layout.line(xOf(tick), rowsTop, xOf(tick), rowsBottom, palette.grid, 0.4);
    chunk.forEach((row, offset) => {
      const rowTop = rowsTop - offset * rowHeight;
      const baseline = rowTop - rowHeight / 2 - size * 0.35;
      const labelStyle: TextStyle = row.ambiguous ? { size, style: 'bold', color: palette.unreliable } : { size };
      layout.text(layout.truncate(`${row.ambiguous ? '! ' : ''}${row.label}`, labelWidth - 8, labelStyle), margin.left + 2, baseline, labelStyle);
      if (row.alpha === null || !Number.isFinite(row.alpha)) {
        layout.text(missing, x1 + 6, baseline, { size, color: palette.muted });
        layout.text(labels.noAlpha, xOf(Math.max(0, low)) + 4, baseline, { size: 6.5, style: 'italic', color: palette.muted });
        return;
      }
      const color = row.band ? bandColors[row.band] : palette.muted;
      const from = xOf(Math.min(0, row.alpha));
      const to = xOf(Math.max(0, row.alpha));
      layout.rect(from, rowTop - rowHeight / 2 - 4, Math.max(to - from, 0.8), 8, color);
      layout.text(format.number(row.alpha, 3), x1 + 6, baseline, { size, style: row.ambiguous ? 'bold' : 'regular', color: row.ambiguous ? palette.unreliable : palette.text });
    });
    layout.line(xOf(0), rowsTop + 2, xOf(0), rowsBottom, palette.text, 0.8);
    layout.line(xOf(tentativeThreshold), rowsTop + 2, xOf(tentativeThreshold), rowsBottom, palette.tentative, 1, true);
    layout.line(xOf(reliableThreshold), rowsTop + 2, xOf(reliableThreshold), rowsBottom, palette.reliable, 1, true);
    layout.line(x0, rowsBottom, x1, rowsBottom, palette.muted, 0.5);
    for (const tick of ticks) {
      layout.line(xOf(tick), rowsBottom, xOf(tick), rowsBottom - 2.5, palette.muted, 0.5);
      layout.text(format.number(tick, 1), xOf(tick), rowsBottom - 10, { size: 6.5, color: palette.muted }, 'center');
    }
    layout.text(labels.alpha, (x0 + x1) / 2, rowsBottom - 20, { size: 7, color: palette.muted }, 'center');
    layout.y = rowsBottom - bottomStrip;
    index += chunk.length;
    if (index < rows.length) layout.newPage();
  }
  drawLegend(layout, [
    { kind: 'swatch', color: palette.reliable, label: labels.bands.reliable },
    { kind: 'swatch', color: palette.tentative, label: labels.bands.tentative },
    { kind: 'swatch', color: palette.unreliable, label: labels.bands.unreliable },
    { kind: 'swatch', color: palette.ambiguousFill, label: labels.ambiguousHighlight },
    { kind: 'line', color: palette.tentative, label: labels.thresholdTentative, dashed: true },
    { kind: 'line', color: palette.reliable, label: labels.thresholdReliable, dashed: true },
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// The report

function answerText(answer: ItemAnswer, rubric: Rubric, itemId: string, language: Locale, labels: SessionReportLabels): string {
  if (answer.kind !== 'level') return labels.answers[answer.kind];
  const item = findRubricItem(rubric, itemId);
  const level = item?.scale.kind === 'ordinal' ? item.scale.levels.find((entry) => entry.value === answer.value) : undefined;
  return level ? `${answer.value} · ${level.label[language]}` : String(answer.value);
}

/** The calibration report of a session as an A4 PDF; see the top of this file for what it contains. */
export async function sessionReportPdf(input: SessionReportPdfInput): Promise<Uint8Array> {
  const { session, report, rubric, language } = input;
  const labels = sessionReportLabels[language];
  const format = formats(language);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const generated = new Date(Number.isFinite(input.generatedAtMs) ? input.generatedAtMs : 0);
  doc.setTitle(`${labels.documentTitle} – ${session.name}`);
  doc.setSubject(labels.rubricVersion(session.rubricName, session.rubricVersion));
  doc.setCreator(labels.product);
  doc.setProducer(`${labels.product} (pdf-lib)`);
  doc.setLanguage(language === 'nl' ? 'nl-NL' : 'en-GB');
  doc.setCreationDate(generated);
  doc.setModificationDate(generated);

  const layout = new Layout(doc, fonts);
  const reviewerName = (index: number): string => input.reviewers[index]?.name ?? labels.unknownReviewer(index);
  const callCount = Math.max(input.calls.length, ...report.totals.map((row) => row.length), report.fairTotals.length);
  const callTitle = (index: number): string => input.calls[index]?.title ?? labels.unknownCall;
  const itemLabel = (itemId: string): string => {
    const item = findRubricItem(rubric, itemId);
    return item ? `${itemId} ${item.title[language]}` : itemId;
  };
  const referenceText = labels.references[report.reference];

  // Title block.
  layout.text(labels.product.toUpperCase(), margin.left, layout.y - 9, { style: 'bold', size: 9, color: palette.accent });
  layout.y -= 16;
  layout.text(labels.documentTitle, margin.left, layout.y - 22 * baselineFactor, { style: 'bold', size: 22 });
  layout.y -= 30;
  layout.paragraph(session.name, { size: 15, style: 'bold', color: palette.accent }, { after: 6 });
  layout.line(margin.left, layout.y, contentRight, layout.y, palette.rule, 0.8);
  layout.y -= 10;
  drawKeyValues(layout, [
    [labels.rubric, labels.rubricVersion(session.rubricName, session.rubricVersion)],
    [labels.mode, session.blind ? labels.blind : labels.open],
    [labels.toleranceTotal, labels.toleranceTotalValue(format.plain(session.toleranceTotal))],
    [labels.toleranceItem, labels.toleranceItemValue(format.plain(session.toleranceItem))],
    [labels.reference, referenceText.charAt(0).toUpperCase() + referenceText.slice(1)],
    [labels.reviewers, String(report.reviewers.length)],
    [labels.calls, String(callCount)],
    [labels.deadline, format.date(session.deadline)],
    [labels.created, format.dateTime(session.createdAtMs)],
    [labels.generated, format.dateTime(generated.getTime())],
  ]);

  // Summary.
  layout.heading(labels.summaryTitle);
  const totalBand = report.total.band;
  drawKeyValues(layout, [
    [labels.totalAlpha, {
      text: `${format.number(report.total.alpha, 3)}${totalBand ? ` (${labels.bands[totalBand]})` : ''}`,
      style: 'bold',
      color: totalBand ? bandColors[totalBand] : palette.text,
    }],
    [labels.icc, { text: format.number(report.total.iccAgreement, 3), style: 'bold' }],
  ], 210);
  const ambiguousItems = report.items.filter((item) => item.ambiguous).length;
  layout.paragraph(labels.ambiguousCount(ambiguousItems, report.items.length), { size: 9, style: ambiguousItems > 0 ? 'bold' : 'regular', color: ambiguousItems > 0 ? palette.unreliable : palette.text });
  if (report.sections.length > 0) {
    drawTable(layout, [
      { header: labels.section, width: 5 },
      { header: labels.alpha, width: 1.6, align: 'right' },
      { header: labels.band, width: 1.6 },
    ], [
      ...report.sections.map((section): TableRow => {
        const title = rubric.sections.find((candidate) => candidate.id === section.sectionId)?.title[language];
        return {
          cells: [
            title ? `${section.sectionId} ${title}` : section.sectionId,
            format.number(section.alpha, 3),
            section.band ? { text: labels.bands[section.band], color: bandColors[section.band], style: 'bold' } : missing,
          ],
        };
      }),
      {
        cells: [labels.total, format.number(report.total.alpha, 3), totalBand ? { text: labels.bands[totalBand], color: bandColors[totalBand] } : missing],
        style: 'bold',
        fill: palette.headerFill,
      },
    ]);
  }
  layout.paragraph(labels.thresholds, { size: 7.5, color: palette.muted }, { after: 1 });
  layout.paragraph(labels.iccNote, { size: 7.5, color: palette.muted });

  // Charts: each starts on a new page when it would fit there whole but not in the rest of this one.
  const chartHeight = (rows: number): number => {
    const whole = 36 + chartStrips + rows * chartRowHeight + 30;
    // A chart longer than a page starts where it is when a third of a page is left.
    return whole <= Layout.pageBody - 30 ? whole : Layout.pageBody / 3;
  };
  layout.heading(labels.biasChartTitle, chartHeight(report.reviewers.length));
  layout.paragraph(labels.biasChartIntro(referenceText), { size: 8, color: palette.muted }, { after: 6 });
  if (report.reviewers.length > 0) {
    drawBiasChart(layout, report.reviewers.map((reviewer, index) => ({ label: reviewerName(index), bias: reviewer.bias })), session.toleranceTotal, labels, format);
  } else {
    layout.paragraph(missing);
  }

  layout.heading(labels.itemChartTitle, chartHeight(report.items.length));
  layout.paragraph(labels.itemChartIntro, { size: 8, color: palette.muted }, { after: 6 });
  if (report.items.length > 0) {
    drawAlphaChart(layout, report.items.map((item) => ({ label: itemLabel(item.itemId), alpha: item.alpha, band: item.band, ambiguous: item.ambiguous })), labels, format);
  } else {
    layout.paragraph(missing);
  }

  // Reviewer table.
  layout.heading(labels.reviewerTableTitle);
  drawTable(layout, [
    { header: labels.reviewer, width: 3.2 },
    { header: labels.calls, width: 1.2, align: 'right' },
    { header: labels.bias, width: 1.5, align: 'right' },
    { header: labels.mad, width: 1.5, align: 'right' },
    { header: labels.within, width: 1.5, align: 'right' },
    { header: labels.severity, width: 1.9, align: 'right' },
  ], report.reviewers.map((reviewer, index): TableRow => {
    const bias = reviewer.bias;
    const far = bias !== null && Math.abs(bias) > session.toleranceTotal + 1e-9;
    const severity = reviewer.severity === null
      ? missing
      : `${format.number(reviewer.severity, 1, true)}${reviewer.severityStandardError !== null && Number.isFinite(reviewer.severityStandardError) ? ` ± ${format.number(reviewer.severityStandardError, 1)}` : ''}`;
    return {
      cells: [
        reviewerName(index),
        String(reviewer.calls),
        { text: format.number(reviewer.bias, 1, true), style: far ? 'bold' : 'regular', color: far && bias !== null ? (bias > 0 ? palette.lenient : palette.strict) : palette.text },
        format.number(reviewer.meanAbsoluteDeviation, 1),
        format.percent(reviewer.percentWithinTolerance),
        severity,
      ],
    };
  }));
  layout.paragraph(labels.severityNote, { size: 7.5, color: palette.muted });

  // Item table.
  layout.heading(labels.itemTableTitle);
  drawTable(layout, [
    { header: labels.item, width: 4.4 },
    { header: labels.alpha, width: 1.3, align: 'right' },
    { header: labels.band, width: 1.5 },
    { header: labels.agreement, width: 1.3, align: 'right' },
    { header: labels.ac1, width: 1.1, align: 'right' },
    { header: labels.within, width: 1.3, align: 'right' },
    { header: labels.ambiguous, width: 1.3 },
  ], report.items.map((item): TableRow => ({
    cells: [
      `${itemLabel(item.itemId)} (${labels.levels[item.level]})`,
      format.number(item.alpha, 3),
      item.band ? { text: labels.bands[item.band], color: bandColors[item.band], style: 'bold' } : missing,
      format.percent(item.percentAgreement),
      format.number(item.gwetAc1, 3),
      format.percent(item.percentWithinTolerance),
      item.ambiguous ? { text: labels.ambiguousYes, style: 'bold', color: palette.unreliable } : '',
    ],
    ...(item.ambiguous ? { fill: palette.ambiguousFill } : {}),
  })));
  layout.paragraph(labels.itemTableNote, { size: 7.5, color: palette.muted });

  // Totals matrix: the call legend, then the matrix in groups of calls that fit the page width.
  layout.heading(labels.totalsTitle);
  layout.paragraph(labels.totalsIntro, { size: 8, color: palette.muted }, { after: 1 });
  layout.paragraph(labels.notReviewed, { size: 8, color: palette.muted }, { after: 6 });
  if (callCount > 0) {
    drawTable(layout, [{ header: labels.code, width: 0.8 }, { header: labels.call, width: 8 }], Array.from({ length: callCount }, (_, index) => ({ cells: [labels.callCode(index), callTitle(index)] })), { size: 7.5 });
    const nameWidth = 120;
    const minimumCallWidth = 34;
    const perGroup = Math.max(1, Math.floor((contentWidth - nameWidth) / minimumCallWidth));
    const groups = Math.ceil(callCount / perGroup);
    const groupSize = Math.ceil(callCount / groups);
    for (let first = 0; first < callCount; first += groupSize) {
      const last = Math.min(callCount, first + groupSize) - 1;
      const callWidth = Math.min(60, (contentWidth - nameWidth) / groupSize);
      if (groups > 1) layout.subheading(labels.callsRange(labels.callCode(first), labels.callCode(last)));
      const indices = Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
      drawTable(layout, [
        { header: labels.reviewer, width: nameWidth },
        ...indices.map((call) => ({ header: labels.callCode(call), width: callWidth, align: 'right' as const })),
      ], [
        ...report.totals.map((row, reviewer): TableRow => ({
          cells: [reviewerName(reviewer), ...indices.map((call) => format.number(row[call] ?? null, 1))],
        })),
        {
          cells: [labels.fairTotal, ...indices.map((call) => format.number(report.fairTotals[call] ?? null, 1))],
          style: 'bold',
          fill: palette.headerFill,
        },
      ], { size: 7.5, width: nameWidth + callWidth * indices.length });
    }
  } else {
    layout.paragraph(missing);
  }

  // Consensus scores, in call order and then rubric order.
  layout.heading(labels.consensusTitle);
  layout.paragraph(labels.consensusIntro, { size: 8, color: palette.muted }, { after: 6 });
  if (input.consensus.length === 0) {
    layout.paragraph(labels.noConsensus, { style: 'italic', color: palette.muted });
  } else {
    const callOrder = new Map(input.calls.map((call, index) => [call.id, index]));
    const itemOrder = new Map(rubric.sections.flatMap((section) => section.items).map((item, index) => [item.id, index]));
    const entries = [...input.consensus].sort((a, b) =>
      (callOrder.get(a.callId) ?? Number.MAX_SAFE_INTEGER) - (callOrder.get(b.callId) ?? Number.MAX_SAFE_INTEGER)
      || (itemOrder.get(a.itemId) ?? Number.MAX_SAFE_INTEGER) - (itemOrder.get(b.itemId) ?? Number.MAX_SAFE_INTEGER)
      || a.itemId.localeCompare(b.itemId));
    drawTable(layout, [
      { header: labels.call, width: 2.2 },
      { header: labels.item, width: 2.8 },
      { header: labels.consensus, width: 2.3, noWrap: true },
      { header: labels.reason, width: 4 },
    ], entries.map((entry): TableRow => {
      const callIndex = callOrder.get(entry.callId);
      return {
        cells: [
          callIndex !== undefined ? `${labels.callCode(callIndex)} ${callTitle(callIndex)}` : `${labels.unknownCall} (${entry.callId})`,
          itemLabel(entry.itemId),
          { text: answerText(entry.answer, rubric, entry.itemId, language, labels), style: 'bold' },
          entry.reason.trim() === '' ? missing : entry.reason,
        ],
      };
    }));
  }

  // Running header and footer, now that the page count is known.
  const footer = `${labels.product} · ${labels.generated} ${format.dateTime(generated.getTime())}`;
  layout.pages.forEach((page, index) => {
    const draw = (text: string, x: number, y: number, style: TextStyle, align: 'left' | 'right' = 'left'): void => {
      const safe = winAnsiSafe(text);
      const font = fonts[style.style ?? 'regular'];
      const size = style.size ?? 7;
      page.drawText(safe, { x: align === 'right' ? x - font.widthOfTextAtSize(safe, size) : x, y, size, font, color: style.color ?? palette.muted });
    };
    if (index > 0) {
      const title = `${labels.documentTitle} · ${session.name}`;
      const size = 7;
      const available = contentWidth;
      let shown = winAnsiSafe(title);
      if (fonts.regular.widthOfTextAtSize(shown, size) > available) {
        while (shown.length > 1 && fonts.regular.widthOfTextAtSize(`${shown}…`, size) > available) shown = shown.slice(0, -1);
        shown = `${shown.trimEnd()}…`;
      }
      draw(shown, margin.left, pageHeight - 34, { size });
      page.drawLine({ start: { x: margin.left, y: pageHeight - 39 }, end: { x: contentRight, y: pageHeight - 39 }, thickness: 0.4, color: palette.rule });
    }
    page.drawLine({ start: { x: margin.left, y: 40 }, end: { x: contentRight, y: 40 }, thickness: 0.4, color: palette.rule });
    draw(footer, margin.left, 30, { size: 7 });
    draw(labels.page(index + 1, layout.pages.length), contentRight, 30, { size: 7 }, 'right');
  });

  return doc.save({ useObjectStreams: false });
}

/** Writes the report PDF to `filePath` atomically (the old file or the complete new one, never half of one). */
export async function writeSessionReportPdf(filePath: string, input: SessionReportPdfInput): Promise<void> {
  const bytes = await sessionReportPdf(input);
  await writeTextFileAtomic(filePath, bytes);
}
