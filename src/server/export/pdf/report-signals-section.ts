import { callMetricsLine } from '../../../domain/assist/call-metrics-text';
import { drawTable, type TableRow } from './pdf-tables';
import type { ReportContext } from './report-context';

/**
 * The calls' metrics (talk ratio, overtalk, longest silence, agent rate, acknowledgement), one line per call with
 * signals: what the calls were like next to how the reviewers agreed on them. Left out when no call has signals.
 */
export function drawCallSignals({ input, layout, t, callTitle }: ReportContext): void {
  const rows = input.report.callMetrics.flatMap((metrics, index): TableRow[] =>
    metrics
      ? [
          {
            cells: [
              `${t('report.callCode', { number: index + 1 })} ${callTitle(index)}`,
              callMetricsLine(metrics, input.language),
            ],
          },
        ]
      : [],
  );
  if (rows.length === 0) return;
  layout.heading(t('assist.report.title'));
  drawTable(
    layout,
    [
      { header: t('report.call'), width: 2.2 },
      { header: t('assist.report.title'), width: 6 },
    ],
    rows,
    { size: 7.5 },
  );
}
