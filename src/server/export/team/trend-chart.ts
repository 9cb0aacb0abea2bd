import { rgb } from 'pdf-lib';
import type { Translate } from '../../../i18n/translate';
import type { Layout } from '../pdf/pdf-layout';
import { contentRight, contentWidth, margin, palette } from '../pdf/pdf-style';
import { drawLegend } from '../pdf/pdf-tables';

export interface TrendLine {
  readonly label: string;
  /** Mean in [0, 1] per period; periods without reviews are left out (the line joins the ones it has). */
  readonly points: readonly { readonly period: string; readonly mean: number }[];
}

const lineColors = [
  rgb(0.13, 0.33, 0.55),
  rgb(0.86, 0.43, 0.12),
  rgb(0.2, 0.56, 0.32),
  rgb(0.55, 0.25, 0.6),
  rgb(0.78, 0.2, 0.16),
  rgb(0.4, 0.43, 0.48),
];

/** A line chart of each skill's mean per period on the 0-100 scale, with gridlines, period labels and a legend. */
export function drawTrendChart(layout: Layout, lines: readonly TrendLine[], t: Translate): void {
  const periods = [...new Set(lines.flatMap((line) => line.points.map((point) => point.period)))].sort();
  if (periods.length < 2) {
    layout.paragraph(t('teamTools.noTrend'), { color: palette.muted });
    return;
  }
  const height = 150;
  const axisWidth = 26;
  layout.ensure(height + 50);
  const top = layout.y - 16;
  const bottom = top - height;
  const left = margin.left + axisWidth;
  const right = contentRight - 8;
  const xOf = (index: number) => left + ((right - left) * index) / (periods.length - 1);
  const yOf = (mean: number) => bottom + Math.max(0, Math.min(1, mean)) * height;
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    layout.line(left, yOf(tick), right, yOf(tick), palette.grid, 0.5);
    layout.text(String(tick * 100), left - 4, yOf(tick) - 2.5, { size: 7, color: palette.muted }, 'right');
  }
  const labelEvery = Math.ceil(periods.length / Math.max(1, Math.floor(contentWidth / 48)));
  periods.forEach((period, index) => {
    if (index % labelEvery === 0)
      layout.text(period, xOf(index), bottom - 10, { size: 6.5, color: palette.muted }, 'center');
  });
  lines.forEach((line, lineIndex) => {
    const color = lineColors[lineIndex % lineColors.length]!;
    const placed = line.points.map((point) => ({ x: xOf(periods.indexOf(point.period)), y: yOf(point.mean) }));
    placed
      .slice(1)
      .forEach((point, index) => layout.line(placed[index]!.x, placed[index]!.y, point.x, point.y, color, 1.4));
    for (const point of placed) layout.rect(point.x - 1.8, point.y - 1.8, 3.6, 3.6, color);
  });
  layout.text(t('teamTools.trendAxis'), margin.left, top + 8, { size: 7, color: palette.muted });
  layout.y = bottom - 18;
  drawLegend(
    layout,
    lines.map((line, index) => ({
      kind: 'line' as const,
      color: lineColors[index % lineColors.length]!,
      label: line.label,
    })),
  );
}
