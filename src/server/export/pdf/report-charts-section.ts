import { drawAlphaChart, drawBiasChart, chartRowHeight, chartStrips } from './pdf-charts';
import { missing } from './pdf-formats';
import { Layout } from './pdf-layout';
import { palette } from './pdf-style';
import type { ReportContext } from './report-context';

/** Room a chart of `rows` rows asks for before it starts: all of it when it fits a page, else a third of a page. */
function chartHeight(rows: number): number {
  const whole = 36 + chartStrips + rows * chartRowHeight + 30;
  return whole <= Layout.pageBody - 30 ? whole : Layout.pageBody / 3;
}

/** The reviewer bias chart and the item alpha chart, each on a new page when it would fit there whole. */
export function drawCharts({ input, layout, t, format, reviewerName, itemLabel, referenceText }: ReportContext): void {
  const { report, session } = input;
  layout.heading(t('report.biasChartTitle'), chartHeight(report.reviewers.length));
  layout.paragraph(
    t('report.biasChartIntro', { reference: referenceText }),
    { size: 8, color: palette.muted },
    { after: 6 },
  );
  if (report.reviewers.length > 0) {
    const rows = report.reviewers.map((reviewer, index) => ({ label: reviewerName(index), bias: reviewer.bias }));
    drawBiasChart(layout, rows, session.toleranceTotal, t, format);
  } else {
    layout.paragraph(missing);
  }

  layout.heading(t('report.itemChartTitle'), chartHeight(report.items.length));
  layout.paragraph(t('report.itemChartIntro'), { size: 8, color: palette.muted }, { after: 6 });
  if (report.items.length > 0) {
    const rows = report.items.map((item) => ({
      label: itemLabel(item.itemId),
      alpha: item.alpha,
      band: item.band,
      ambiguous: item.ambiguous,
    }));
    drawAlphaChart(layout, rows, t, format);
  } else {
    layout.paragraph(missing);
  }
}
