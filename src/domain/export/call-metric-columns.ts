import { inBothLanguages } from '../../i18n/translate';
import type { CallMetrics } from '../assist/call-metrics';
import { roundTo, type ExportCell, type ExportColumn } from './table-model';

/*
 * The call's metrics (src/domain/assist/call-metrics.ts) as columns of the reviews table, after `momentCount`: facts
 * about the call next to its score, never part of it. Empty when the call has no signals (no recording, or signals
 * not computed yet). Headers are in src/i18n under assist.columns.
 */

type MetricKey = keyof typeof metricDecimals;

const metricDecimals = {
  agentTalkRatio: 4,
  overtalkCount: 0,
  overtalkSec: 3,
  longestSilenceSec: 3,
  agentWordsPerMinute: 1,
  medianAcknowledgementLatencySec: 3,
} as const;

export const callMetricColumns: readonly ExportColumn[] = (Object.keys(metricDecimals) as MetricKey[]).map((key) => ({
  key,
  header: inBothLanguages(`assist.columns.${key}`),
  type: 'number',
  decimals: metricDecimals[key],
}));

const rounded = (value: number | null, key: MetricKey): number | null =>
  value === null ? null : roundTo(value, metricDecimals[key]);

/** The cells of the metric columns, in their order. */
export function callMetricCells(metrics: CallMetrics | null | undefined): ExportCell[] {
  if (!metrics) return callMetricColumns.map(() => null);
  return [
    rounded(metrics.agentTalkRatio, 'agentTalkRatio'),
    metrics.overtalkCount,
    rounded(metrics.overtalkMs / 1000, 'overtalkSec'),
    rounded(metrics.longestSilenceMs / 1000, 'longestSilenceSec'),
    rounded(metrics.agentWordsPerMinute, 'agentWordsPerMinute'),
    rounded(
      metrics.medianAcknowledgementLatencyMs === null ? null : metrics.medianAcknowledgementLatencyMs / 1000,
      'medianAcknowledgementLatencySec',
    ),
  ];
}
