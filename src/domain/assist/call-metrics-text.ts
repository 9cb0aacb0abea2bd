import { translatorFor, type Language } from '../../i18n/translate';
import type { CallMetrics } from './call-metrics';

/** A call's metrics as the reviewer reads them, one text per figure, in one language. */
export interface CallMetricFigures {
  /** The agent's share of the speech, "57%"; a dash when nobody spoke. */
  readonly talk: string;
  /** "1× · 1,0 s". */
  readonly overtalk: string;
  readonly silence: string;
  /** "142 w/min"; a dash without timed agent words. */
  readonly rate: string;
  /** The median acknowledgement latency; a dash when there was none. */
  readonly ack: string;
}

/**
 * The texts of the call's metrics, the same in the workspace header, the session report on screen and its PDF: one
 * place decides the units and decimals (seconds to one, rates to none), so the three never disagree.
 */
export function callMetricFigures(metrics: CallMetrics, language: Language): CallMetricFigures {
  const t = translatorFor(language);
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const fixed = (value: number, decimals: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  const seconds = (ms: number) => t('assist.metrics.seconds', { seconds: fixed(ms / 1000, 1) });
  const none = t('assist.metrics.none');
  return {
    talk:
      metrics.agentTalkRatio === null
        ? none
        : new Intl.NumberFormat(locale, { style: 'percent' }).format(metrics.agentTalkRatio),
    overtalk: t('assist.metrics.overtalkValue', {
      count: metrics.overtalkCount,
      seconds: fixed(metrics.overtalkMs / 1000, 1),
    }),
    silence: seconds(metrics.longestSilenceMs),
    rate:
      metrics.agentWordsPerMinute === null
        ? none
        : t('assist.metrics.wordsPerMinute', { value: fixed(metrics.agentWordsPerMinute, 0) }),
    ack: metrics.medianAcknowledgementLatencyMs === null ? none : seconds(metrics.medianAcknowledgementLatencyMs),
  };
}

/** The metrics on one line, as the session report lists them per call. */
export function callMetricsLine(metrics: CallMetrics, language: Language): string {
  return translatorFor(language)('assist.report.line', callMetricFigures(metrics, language));
}
