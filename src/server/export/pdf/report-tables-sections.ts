import { missing } from './pdf-formats';
import { bandColors, palette } from './pdf-style';
import { drawTable, type TableRow } from './pdf-tables';
import type { ReportContext } from './report-context';

/** Per reviewer: calls, bias, mean absolute deviation, share within tolerance and severity ± its standard error. */
export function drawReviewerTable({ input, layout, t, format, reviewerName }: ReportContext): void {
  const { report, session } = input;
  layout.heading(t('report.reviewerTableTitle'));
  drawTable(
    layout,
    [
      { header: t('report.reviewer'), width: 3.2 },
      { header: t('report.calls'), width: 1.2, align: 'right' },
      { header: t('report.bias'), width: 1.5, align: 'right' },
      { header: t('report.mad'), width: 1.5, align: 'right' },
      { header: t('report.within'), width: 1.5, align: 'right' },
      { header: t('report.severity'), width: 1.9, align: 'right' },
    ],
    report.reviewers.map((reviewer, index): TableRow => {
      const bias = reviewer.bias;
      const far = bias !== null && Math.abs(bias) > session.toleranceTotal + 1e-9;
      const standardError = reviewer.severityStandardError;
      const severity =
        reviewer.severity === null
          ? missing
          : `${format.number(reviewer.severity, 1, true)}${standardError !== null && Number.isFinite(standardError) ? ` ± ${format.number(standardError, 1)}` : ''}`;
      const biasColor = far && bias !== null ? (bias > 0 ? palette.lenient : palette.strict) : palette.text;
      return {
        cells: [
          reviewerName(index),
          reviewer.calls === null ? missing : String(reviewer.calls),
          { text: format.number(reviewer.bias, 1, true), style: far ? 'bold' : 'regular', color: biasColor },
          format.number(reviewer.meanAbsoluteDeviation, 1),
          format.percent(reviewer.percentWithinTolerance),
          severity,
        ],
      };
    }),
  );
  layout.paragraph(t('report.severityNote'), { size: 7.5, color: palette.muted });
}

/** Per item: alpha with its band, agreement, AC1, share within tolerance; ambiguous items highlighted. */
export function drawItemTable({ input, layout, t, format, itemLabel }: ReportContext): void {
  layout.heading(t('report.itemTableTitle'));
  drawTable(
    layout,
    [
      { header: t('report.item'), width: 4.4 },
      { header: t('report.alpha'), width: 1.3, align: 'right' },
      { header: t('report.band'), width: 1.5 },
      { header: t('report.agreement'), width: 1.3, align: 'right' },
      { header: t('report.ac1'), width: 1.1, align: 'right' },
      { header: t('report.within'), width: 1.3, align: 'right' },
      { header: t('report.ambiguous'), width: 1.3 },
    ],
    input.report.items.map((item): TableRow => ({
      cells: [
        `${itemLabel(item.itemId)} (${t(`report.levels.${item.level}`)})`,
        format.number(item.alpha, 3),
        item.band ? { text: t(`report.bands.${item.band}`), color: bandColors[item.band], style: 'bold' } : missing,
        format.percent(item.percentAgreement),
        format.number(item.gwetAc1, 3),
        format.percent(item.percentWithinTolerance),
        item.ambiguous ? { text: t('report.ambiguousYes'), style: 'bold', color: palette.unreliable } : '',
      ],
      ...(item.ambiguous ? { fill: palette.ambiguousFill } : {}),
    })),
  );
  layout.paragraph(t('report.itemTableNote'), { size: 7.5, color: palette.muted });
}
