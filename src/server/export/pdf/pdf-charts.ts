import type { ReliabilityBand } from '../../../domain/agreement/reliability-band';
import type { Translate } from '../../../i18n/translate';
import { decimalsOf, missing, niceAxis, type Formats } from './pdf-formats';
import type { Layout } from './pdf-layout';
import { bandColors, contentRight, contentWidth, margin, palette, type TextStyle } from './pdf-style';
import { drawLegend } from './pdf-tables';
import { maxOf, minOf } from '../../../domain/extremes';

// The report's two bar charts: reviewer bias around zero, and alpha per item against the reliability thresholds.

export const chartRowHeight = 13;
/** The strips above (threshold labels) and below (axis) the rows of a chart. */
const chartTopStrip = 13;
const chartBottomStrip = 26;
export const chartStrips = chartTopStrip + chartBottomStrip;

/** How many of the remaining chart rows go on this page: as many as fit, but never leaving one or two for the next. */
function chartRowsHere(layout: Layout, remaining: number): number {
  const fit = Math.max(1, Math.floor((layout.space() - chartStrips) / chartRowHeight));
  const rest = remaining - fit;
  return rest > 0 && rest < 3 && fit > 3 ? fit - Math.min(fit - 3, 3 - rest) : Math.min(fit, remaining);
}

/**
 * The rows from `index` that go on this page (a new page first when not even three fit), and where they go: the
 * chart's top, the top of its first row and the bottom of its last.
 */
function nextChartChunk<Row>(
  layout: Layout,
  rows: readonly Row[],
  index: number,
): { chunk: readonly Row[]; top: number; rowsTop: number; rowsBottom: number } {
  layout.ensure(chartTopStrip + chartRowHeight * Math.min(3, rows.length - index) + chartBottomStrip);
  const chunk = rows.slice(index, index + chartRowsHere(layout, rows.length - index));
  const top = layout.y;
  const rowsTop = top - chartTopStrip;
  return { chunk, top, rowsTop, rowsBottom: rowsTop - chunk.length * chartRowHeight };
}

export interface BiasRow {
  readonly label: string;
  readonly bias: number | null;
}

/** Where a bias chart's bars go: the axis from x0 to x1 around zeroX, spanning ±range in ticks of step. */
interface BiasAxis {
  readonly x0: number;
  readonly x1: number;
  readonly zeroX: number;
  readonly range: number;
  readonly step: number;
  readonly tolerance: number;
  readonly xOf: (value: number) => number;
}

const biasLabelWidth = 132;
const biasValueWidth = 44;
const chartTextSize = 7.5;

/** Horizontal bars of each reviewer's bias around a zero line; dashed lines at ±tolerance. */
export function drawBiasChart(
  layout: Layout,
  rows: readonly BiasRow[],
  tolerance: number,
  t: Translate,
  format: Formats,
): void {
  const x0 = margin.left + biasLabelWidth;
  const x1 = contentRight - biasValueWidth;
  const zeroX = (x0 + x1) / 2;
  const half = (x1 - x0) / 2;
  const biases = rows
    .map((row) => row.bias)
    .filter((value): value is number => value !== null && Number.isFinite(value));
  const { range, step } = niceAxis(Math.max(Math.abs(tolerance), maxOf(biases.map(Math.abs)), 0.5) * 1.08);
  const xOf = (value: number): number => zeroX + (Math.max(-range, Math.min(range, value)) / range) * half;
  const axis: BiasAxis = { x0, x1, zeroX, range, step, tolerance, xOf };
  const rowHeight = chartRowHeight;

  let index = 0;
  while (index < rows.length) {
    const { chunk, top, rowsTop, rowsBottom } = nextChartChunk(layout, rows, index);

    // Tolerance labels above their lines.
    if (tolerance > 0 && tolerance < range) {
      layout.text(
        format.number(-tolerance, decimalsOf(tolerance), true),
        xOf(-tolerance),
        top - 9,
        { size: 6.5, color: palette.tolerance },
        'center',
      );
      layout.text(
        format.number(tolerance, decimalsOf(tolerance), true),
        xOf(tolerance),
        top - 9,
        { size: 6.5, color: palette.tolerance },
        'center',
      );
    }
    chunk.forEach((row, offset) => {
      const rowTop = rowsTop - offset * rowHeight;
      if ((index + offset) % 2 === 1)
        layout.rect(margin.left, rowTop - rowHeight, contentWidth, rowHeight, palette.zebra);
    });
    for (let tick = -range; tick <= range + 1e-9; tick += step) {
      if (Math.abs(tick) > 1e-9) layout.line(xOf(tick), rowsTop, xOf(tick), rowsBottom, palette.grid, 0.4);
    }
    chunk.forEach((row, offset) => drawBiasBar(layout, row, rowsTop - offset * rowHeight, axis, t, format));
    drawBiasAxis(layout, rowsTop, rowsBottom, axis, t, format);
    layout.y = rowsBottom - chartBottomStrip;
    index += chunk.length;
    if (index < rows.length) layout.newPage();
  }
  drawLegend(layout, [
    { kind: 'swatch', color: palette.strictLight, label: `${t('report.withinTolerance')} (-)` },
    { kind: 'swatch', color: palette.lenientLight, label: `${t('report.withinTolerance')} (+)` },
    { kind: 'swatch', color: palette.strict, label: `${t('report.outsideTolerance')} (-)` },
    { kind: 'swatch', color: palette.lenient, label: `${t('report.outsideTolerance')} (+)` },
    {
      kind: 'line',
      color: palette.tolerance,
      label: t('report.toleranceLine', { points: format.plain(tolerance) }),
      dashed: true,
    },
  ]);
}

/** One reviewer's label and bar (darker outside the tolerance), or a note that they have no bias. */
function drawBiasBar(layout: Layout, row: BiasRow, rowTop: number, axis: BiasAxis, t: Translate, format: Formats) {
  const { x0, x1, xOf } = axis;
  const rowHeight = chartRowHeight;
  const size = chartTextSize;
  const baseline = rowTop - rowHeight / 2 - size * 0.35;
  layout.text(layout.truncate(row.label, biasLabelWidth - 8, { size }), margin.left + 2, baseline, { size });
  if (row.bias === null || !Number.isFinite(row.bias)) {
    layout.text(missing, x1 + 6, baseline, { size, color: palette.muted });
    layout.text(t('report.noBias'), x0 + 4, baseline, { size: 6.5, style: 'italic', color: palette.muted });
    return;
  }
  const far = Math.abs(row.bias) > axis.tolerance + 1e-9;
  const color =
    row.bias >= 0 ? (far ? palette.lenient : palette.lenientLight) : far ? palette.strict : palette.strictLight;
  const from = xOf(Math.min(0, row.bias));
  const to = xOf(Math.max(0, row.bias));
  layout.rect(from, rowTop - rowHeight / 2 - 4, Math.max(to - from, 0.8), 8, color);
  layout.text(format.number(row.bias, 1, true), x1 + 6, baseline, { size, style: far ? 'bold' : 'regular' });
}

/** Zero line, tolerance band and axis on top of the bars. */
function drawBiasAxis(
  layout: Layout,
  rowsTop: number,
  rowsBottom: number,
  { x0, x1, zeroX, range, step, tolerance, xOf }: BiasAxis,
  t: Translate,
  format: Formats,
): void {
  const decimals = decimalsOf(step);
  layout.line(zeroX, rowsTop + 2, zeroX, rowsBottom, palette.text, 0.8);
  if (tolerance > 0 && tolerance < range) {
    layout.line(xOf(-tolerance), rowsTop + 2, xOf(-tolerance), rowsBottom, palette.tolerance, 0.8, true);
    layout.line(xOf(tolerance), rowsTop + 2, xOf(tolerance), rowsBottom, palette.tolerance, 0.8, true);
  }
  layout.line(x0, rowsBottom, x1, rowsBottom, palette.muted, 0.5);
  for (let tick = -range; tick <= range + 1e-9; tick += step) {
    layout.line(xOf(tick), rowsBottom, xOf(tick), rowsBottom - 2.5, palette.muted, 0.5);
    layout.text(
      format.number(Math.abs(tick) < 1e-9 ? 0 : tick, decimals, true),
      xOf(tick),
      rowsBottom - 10,
      { size: 6.5, color: palette.muted },
      'center',
    );
  }
  layout.text(t('report.stricter'), x0, rowsBottom - 21, { size: 7, style: 'bold', color: palette.strict });
  layout.text(t('report.biasAxis'), zeroX, rowsBottom - 21, { size: 7, color: palette.muted }, 'center');
  layout.text(t('report.milder'), x1, rowsBottom - 21, { size: 7, style: 'bold', color: palette.lenient }, 'right');
}

export interface AlphaRow {
  readonly label: string;
  readonly alpha: number | null;
  readonly band: ReliabilityBand | null;
  readonly ambiguous: boolean;
}

const tentativeThreshold = 0.667;
const reliableThreshold = 0.8;

/** Where an alpha chart's bars go: the axis from x0 (alpha `low`, 0 or below) to x1 (alpha 1). */
interface AlphaAxis {
  readonly x0: number;
  readonly x1: number;
  readonly low: number;
  readonly xOf: (value: number) => number;
}

const alphaLabelWidth = 225;
const alphaValueWidth = 40;

/** Horizontal bars of alpha per item with the 0.667 and 0.800 threshold lines; ambiguous items on a red ground. */
export function drawAlphaChart(layout: Layout, rows: readonly AlphaRow[], t: Translate, format: Formats): void {
  const x0 = margin.left + alphaLabelWidth;
  const x1 = contentRight - alphaValueWidth;
  const alphas = rows
    .map((row) => row.alpha)
    .filter((value): value is number => value !== null && Number.isFinite(value));
  const lowest = Math.min(0, minOf(alphas));
  const low = lowest < 0 ? Math.max(-1, Math.floor(lowest * 5 - 1e-9) / 5) : 0;
  const xOf = (value: number): number => x0 + ((Math.max(low, Math.min(1, value)) - low) / (1 - low)) * (x1 - x0);
  const step = low < -0.6 ? 0.4 : 0.2;
  const ticks: number[] = [];
  for (let tick = 1; tick >= low - 1e-9; tick -= step) ticks.push(Math.round(tick * 10) / 10);
  const axis: AlphaAxis = { x0, x1, low, xOf };
  const rowHeight = chartRowHeight;

  let index = 0;
  while (index < rows.length) {
    const { chunk, top, rowsTop, rowsBottom } = nextChartChunk(layout, rows, index);

    layout.text(
      t('report.thresholdTentative'),
      xOf(tentativeThreshold) - 2,
      top - 9,
      { size: 6.5, color: palette.tentative, style: 'bold' },
      'right',
    );
    layout.text(t('report.thresholdReliable'), xOf(reliableThreshold) + 2, top - 9, {
      size: 6.5,
      color: palette.reliable,
      style: 'bold',
    });
    chunk.forEach((row, offset) => {
      const rowTop = rowsTop - offset * rowHeight;
      if (row.ambiguous) layout.rect(margin.left, rowTop - rowHeight, contentWidth, rowHeight, palette.ambiguousFill);
      else if ((index + offset) % 2 === 1)
        layout.rect(margin.left, rowTop - rowHeight, contentWidth, rowHeight, palette.zebra);
    });
    for (const tick of ticks) layout.line(xOf(tick), rowsTop, xOf(tick), rowsBottom, palette.grid, 0.4);
    chunk.forEach((row, offset) => drawAlphaBar(layout, row, rowsTop - offset * rowHeight, axis, t, format));
    layout.line(xOf(0), rowsTop + 2, xOf(0), rowsBottom, palette.text, 0.8);
    layout.line(xOf(tentativeThreshold), rowsTop + 2, xOf(tentativeThreshold), rowsBottom, palette.tentative, 1, true);
    layout.line(xOf(reliableThreshold), rowsTop + 2, xOf(reliableThreshold), rowsBottom, palette.reliable, 1, true);
    layout.line(x0, rowsBottom, x1, rowsBottom, palette.muted, 0.5);
    for (const tick of ticks) {
      layout.line(xOf(tick), rowsBottom, xOf(tick), rowsBottom - 2.5, palette.muted, 0.5);
      layout.text(format.number(tick, 1), xOf(tick), rowsBottom - 10, { size: 6.5, color: palette.muted }, 'center');
    }
    layout.text(t('report.alpha'), (x0 + x1) / 2, rowsBottom - 20, { size: 7, color: palette.muted }, 'center');
    layout.y = rowsBottom - chartBottomStrip;
    index += chunk.length;
    if (index < rows.length) layout.newPage();
  }
  drawLegend(layout, [
    { kind: 'swatch', color: palette.reliable, label: t('report.bands.reliable') },
    { kind: 'swatch', color: palette.tentative, label: t('report.bands.tentative') },
    { kind: 'swatch', color: palette.unreliable, label: t('report.bands.unreliable') },
    { kind: 'swatch', color: palette.ambiguousFill, label: t('report.ambiguousHighlight') },
    { kind: 'line', color: palette.tentative, label: t('report.thresholdTentative'), dashed: true },
    { kind: 'line', color: palette.reliable, label: t('report.thresholdReliable'), dashed: true },
  ]);
}

/** One item's label and bar in its band's colour (in red and marked when ambiguous), or a note that it has no alpha. */
function drawAlphaBar(layout: Layout, row: AlphaRow, rowTop: number, axis: AlphaAxis, t: Translate, format: Formats) {
  const { x1, low, xOf } = axis;
  const rowHeight = chartRowHeight;
  const size = chartTextSize;
  const baseline = rowTop - rowHeight / 2 - size * 0.35;
  const labelStyle: TextStyle = row.ambiguous ? { size, style: 'bold', color: palette.unreliable } : { size };
  layout.text(
    layout.truncate(`${row.ambiguous ? '! ' : ''}${row.label}`, alphaLabelWidth - 8, labelStyle),
    margin.left + 2,
    baseline,
    labelStyle,
  );
  if (row.alpha === null || !Number.isFinite(row.alpha)) {
    layout.text(missing, x1 + 6, baseline, { size, color: palette.muted });
    layout.text(t('report.noAlpha'), xOf(Math.max(0, low)) + 4, baseline, {
      size: 6.5,
      style: 'italic',
      color: palette.muted,
    });
    return;
  }
  const color = row.band ? bandColors[row.band] : palette.muted;
  const from = xOf(Math.min(0, row.alpha));
  const to = xOf(Math.max(0, row.alpha));
  layout.rect(from, rowTop - rowHeight / 2 - 4, Math.max(to - from, 0.8), 8, color);
  layout.text(format.number(row.alpha, 3), x1 + 6, baseline, {
    size,
    style: row.ambiguous ? 'bold' : 'regular',
    color: row.ambiguous ? palette.unreliable : palette.text,
  });
}
