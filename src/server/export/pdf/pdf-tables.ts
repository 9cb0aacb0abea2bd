import type { RGB } from 'pdf-lib';
import { Layout } from './pdf-layout';
import {
  baselineFactor,
  contentRight,
  contentWidth,
  margin,
  palette,
  type FontStyle,
  type TextStyle,
} from './pdf-style';
import { winAnsiSafe } from './win-ansi';
import { maxOf } from '../../../domain/extremes';

// Tables, label-value lists and legends drawn at the layout's cursor.

export interface TableColumn {
  readonly header: string;
  /** Relative width: the widths are scaled to the table width (and then widened where a word would not fit). */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
  /** Keep each cell on one line where the table width allows it; default for right-aligned (number) columns. */
  readonly noWrap?: boolean;
}

export interface TableCell {
  readonly text: string;
  readonly style?: FontStyle;
  readonly color?: RGB;
}

export interface TableRow {
  readonly cells: readonly (string | TableCell)[];
  readonly fill?: RGB;
  readonly style?: FontStyle;
}

const cellPaddingX = 3.5;
const cellPaddingY = 2.6;

/** What every row of one table shares: its columns' widths and left edges, text size and header. */
interface TableGeometry {
  readonly columns: readonly TableColumn[];
  readonly widths: readonly number[];
  readonly lefts: readonly number[];
  readonly size: number;
  readonly lineHeight: number;
  readonly tableWidth: number;
  readonly headerLines: readonly (readonly string[])[];
  readonly headerStyle: TextStyle;
  readonly headerHeight: number;
}

const cellText = (cell: string | TableCell): TableCell => (typeof cell === 'string' ? { text: cell } : cell);

/**
 * A table at the cursor: header repeated on each page, cells wrapped, zebra rows; a row that does not fit on the
 * rest of the page goes to the next one, and a row taller than a whole page is split between its lines.
 */
export function drawTable(
  layout: Layout,
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  options: { readonly size?: number; readonly width?: number } = {},
): void {
  const table = tableGeometry(layout, columns, rows, options);
  const { size, lineHeight, tableWidth, headerHeight } = table;
  layout.ensure(headerHeight + lineHeight + 2 * cellPaddingY);
  drawTableHeader(layout, table);
  const capacity = Math.max(1, Math.floor((Layout.pageBody - headerHeight - 2 * cellPaddingY) / lineHeight));

  rows.forEach((row, rowIndex) => {
    const cells = columns.map((_, index) => cellText(row.cells[index] ?? ''));
    const styles = cells.map((cell): TextStyle => ({
      style: cell.style ?? row.style ?? 'regular',
      size,
      color: cell.color ?? palette.text,
    }));
    const lines = cells.map((cell, index) =>
      layout.wrap(cell.text, table.widths[index]! - 2 * cellPaddingX, styles[index]),
    );
    const total = Math.max(1, maxOf(lines.map((cellLines) => cellLines.length)));
    const fill = row.fill ?? (rowIndex % 2 === 1 ? palette.zebra : undefined);
    let start = 0;
    while (start < total) {
      const take = linesToTake(layout, lineHeight, total - start, start === 0, capacity);
      if (take === 0) {
        layout.newPage();
        drawTableHeader(layout, table);
        continue;
      }
      const height = take * lineHeight + 2 * cellPaddingY;
      if (fill) layout.rect(margin.left, layout.y - height, tableWidth, height, fill);
      drawCellLines(
        layout,
        table,
        lines.map((cellLines) => cellLines.slice(start, start + take)),
        styles,
        height,
      );
      layout.line(margin.left, layout.y, margin.left + tableWidth, layout.y, palette.rule, 0.4);
      start += take;
      if (start < total) {
        layout.newPage();
        drawTableHeader(layout, table);
      }
    }
  });
  layout.y -= 6;
}

function tableGeometry(
  layout: Layout,
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  options: { readonly size?: number; readonly width?: number },
): TableGeometry {
  const size = options.size ?? 8;
  const lineHeight = size * 1.25;
  const tableWidth = options.width ?? contentWidth;
  const widths = columnWidths(
    layout,
    columns,
    rows.map((row) =>
      columns.map((_, index) => {
        const cell = cellText(row.cells[index] ?? '');
        return { ...cell, style: cell.style ?? row.style ?? 'regular' };
      }),
    ),
    size,
    tableWidth,
  );
  const lefts = widths.map((_, index) => margin.left + widths.slice(0, index).reduce((sum, width) => sum + width, 0));
  const headerStyle: TextStyle = { style: 'bold', size };
  const headerLines = columns.map((column, index) =>
    layout.wrap(column.header, widths[index]! - 2 * cellPaddingX, headerStyle),
  );
  const headerHeight = Math.max(1, maxOf(headerLines.map((lines) => lines.length))) * lineHeight + 2 * cellPaddingY;
  return { columns, widths, lefts, size, lineHeight, tableWidth, headerLines, headerStyle, headerHeight };
}

/**
 * How many of a row's remaining lines go on this page: all that remain when they fit; none (a new page first) when
 * not even two fit or a whole row that fits on a page would be split; otherwise as many as fit.
 */
function linesToTake(
  layout: Layout,
  lineHeight: number,
  remaining: number,
  atRowStart: boolean,
  capacity: number,
): number {
  const available = Math.floor((layout.space() - 2 * cellPaddingY) / lineHeight);
  if (available >= remaining) return remaining;
  if (available < 1 || (atRowStart && remaining <= capacity) || available < 2) return 0;
  return available;
}

/** The lines of each column's cell, from the cursor down; then the cursor moves down by `height`. */
function drawCellLines(
  layout: Layout,
  { columns, lefts, widths, size, lineHeight }: TableGeometry,
  linesPerColumn: readonly (readonly string[])[],
  styles: readonly TextStyle[],
  height: number,
): void {
  columns.forEach((column, index) => {
    const lines = linesPerColumn[index] ?? [];
    const align = column.align ?? 'left';
    const x =
      align === 'left'
        ? lefts[index]! + cellPaddingX
        : align === 'right'
          ? lefts[index]! + widths[index]! - cellPaddingX
          : lefts[index]! + widths[index]! / 2;
    lines.forEach((line, lineIndex) => {
      layout.text(
        line,
        x,
        layout.y - cellPaddingY - lineIndex * lineHeight - size * baselineFactor,
        styles[index] ?? { size },
        align,
      );
    });
  });
  layout.y -= height;
}

function drawTableHeader(layout: Layout, table: TableGeometry): void {
  const { columns, tableWidth, headerHeight, headerStyle } = table;
  layout.rect(margin.left, layout.y - headerHeight, tableWidth, headerHeight, palette.headerFill);
  drawCellLines(
    layout,
    table,
    table.headerLines,
    columns.map(() => headerStyle),
    headerHeight,
  );
  layout.line(margin.left, layout.y, margin.left + tableWidth, layout.y, palette.muted, 0.6);
}

/**
 * The column widths in points: the relative widths scaled to the table width, then every column widened to its
 * longest word (its longest cell for no-wrap columns) and its header's longest word, taking the room from columns
 * that have more than they need. Where the table cannot give that room, the widths stay as scaled (and long words
 * are broken).
 */
function columnWidths(
  layout: Layout,
  columns: readonly TableColumn[],
  cells: readonly (readonly TableCell[])[],
  size: number,
  tableWidth: number,
): number[] {
  const weight = columns.reduce((sum, column) => sum + column.width, 0);
  const scaled = columns.map((column) => (column.width / weight) * tableWidth);
  const needed = columns.map((column, index) => {
    const longestWord = (text: string, style: FontStyle): number =>
      Math.max(
        0,
        maxOf(
          winAnsiSafe(text)
            .split(/ +/)
            .map((word) => layout.width(word, { style, size })),
        ),
      );
    const noWrap = column.noWrap ?? column.align === 'right';
    let widest = longestWord(column.header, 'bold');
    for (const row of cells) {
      const cell = row[index];
      if (!cell || cell.text === '') continue;
      widest = Math.max(
        widest,
        noWrap ? layout.width(cell.text, { style: cell.style, size }) : longestWord(cell.text, cell.style ?? 'regular'),
      );
    }
    return Math.min(widest + 2 * cellPaddingX + 0.5, tableWidth);
  });
  const deficit = scaled.reduce((sum, width, index) => sum + Math.max(0, needed[index]! - width), 0);
  const slack = scaled.reduce((sum, width, index) => sum + Math.max(0, width - needed[index]!), 0);
  if (deficit <= 0 || slack < deficit) return scaled;
  return scaled.map((width, index) =>
    width < needed[index]! ? needed[index]! : width - ((width - needed[index]!) / slack) * deficit,
  );
}

/** Label–value pairs in two columns, values wrapped. */
export function drawKeyValues(
  layout: Layout,
  pairs: readonly (readonly [string, string | TableCell])[],
  labelWidth = 150,
): void {
  const size = 9;
  const lineHeight = size * 1.35;
  for (const [label, value] of pairs) {
    const cell = typeof value === 'string' ? { text: value } : value;
    const lines = layout.wrap(cell.text, contentWidth - labelWidth, { size, style: cell.style });
    layout.ensure(lineHeight * Math.min(lines.length, 3));
    layout.text(label, margin.left, layout.y - size * baselineFactor, { size, color: palette.muted });
    for (const line of lines) {
      layout.ensure(lineHeight);
      layout.text(line, margin.left + labelWidth, layout.y - size * baselineFactor, {
        size,
        style: cell.style ?? 'regular',
        color: cell.color ?? palette.text,
      });
      layout.y -= lineHeight;
    }
  }
  layout.y -= 4;
}

export type LegendEntry =
  | { readonly kind: 'swatch'; readonly color: RGB; readonly label: string }
  | { readonly kind: 'line'; readonly color: RGB; readonly label: string; readonly dashed?: boolean };

/** A row (wrapping) of legend entries at the cursor. */
export function drawLegend(layout: Layout, entries: readonly LegendEntry[]): void {
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
