import { missing } from './pdf-formats';
import { bandColors, palette } from './pdf-style';
import { drawTable, type TableRow } from './pdf-tables';
import type { ReportContext } from './report-context';

/** Per reviewer: calls, bias, mean absolute deviation, share within tolerance and severity ± its standard error. */
export function drawReviewerTable({ input, layout, labels, format, reviewerName }: ReportContext): void {
  const { report, session } = input;
  layout.heading(labels.reviewerTableTitle);
  drawTable(
    layout,
    [
      { header: labels.reviewer, width: 3.2 },
      { header: labels.calls, width: 1.2, align: 'right' },
      { header: labels.bias, width: 1.5, align: 'right' },
      { header: labels.mad, width: 1.5, align: 'right' },
      { header: labels.within, width: 1.5, align: 'right' },
      { header: labels.severity, width: 1.9, align: 'right' },
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
  layout.paragraph(labels.severityNote, { size: 7.5, color: palette.muted });
}

/** Per item: alpha with its band, agreement, AC1, share within tolerance; ambiguous items highlighted. */
export function drawItemTable({ input, layout, labels, format, itemLabel }: ReportContext): void {
  layout.heading(labels.itemTableTitle);
  drawTable(
    layout,
    [
      { header: labels.item, width: 4.4 },
      { header: labels.alpha, width: 1.3, align: 'right' },
      { header: labels.band, width: 1.5 },
      { header: labels.agreement, width: 1.3, align: 'right' },
      { header: labels.ac1, width: 1.1, align: 'right' },
      { header: labels.within, width: 1.3, align: 'right' },
      { header: labels.ambiguous, width: 1.3 },
    ],
    input.report.items.map((item): TableRow => ({
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
    })),
  );
  layout.paragraph(labels.itemTableNote, { size: 7.5, color: palette.muted });
}
