import { useTranslation } from 'react-i18next';
import { callMetrics } from '../../../domain/assist/call-metrics';
import type { Locale } from '../../../domain/rubric/localized-text';
import { useLocale } from '../ui/use-locale';
import type { CallSignalsState } from './use-call-signals';

function number(value: number, locale: Locale, decimals: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: decimals, minimumFractionDigits: decimals }).format(
    value,
  );
}

/** The call's metrics in its header: facts about the conversation, next to (never inside) the score. */
export function CallMetricsBar({ state }: { state: CallSignalsState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (state.status === 'none') return null;
  if (state.status === 'loading')
    return (
      <p className="call-metrics muted" aria-live="polite">
        {t('assist.metrics.loading')}
      </p>
    );
  const metrics = callMetrics(state.signals);
  const seconds = (ms: number) => t('assist.metrics.seconds', { seconds: number(ms / 1000, locale, 1) });
  const none = t('assist.metrics.none');
  const entries: readonly [string, string, string, string?][] = [
    [
      'talk-ratio',
      t('assist.metrics.talkRatio'),
      metrics.agentTalkRatio === null
        ? none
        : new Intl.NumberFormat(locale, { style: 'percent' }).format(metrics.agentTalkRatio),
    ],
    [
      'overtalk',
      t('assist.metrics.overtalk'),
      t('assist.metrics.overtalkValue', {
        count: metrics.overtalkCount,
        seconds: number(metrics.overtalkMs / 1000, locale, 1),
      }),
    ],
    ['longest-silence', t('assist.metrics.longestSilence'), seconds(metrics.longestSilenceMs)],
    [
      'agent-rate',
      t('assist.metrics.agentRate'),
      metrics.agentWordsPerMinute === null
        ? none
        : t('assist.metrics.wordsPerMinute', { value: number(metrics.agentWordsPerMinute, locale, 0) }),
    ],
    [
      'acknowledgement',
      t('assist.metrics.acknowledgement'),
      metrics.medianAcknowledgementLatencyMs === null ? none : seconds(metrics.medianAcknowledgementLatencyMs),
      t('assist.metrics.acknowledgementHint'),
    ],
  ];
  return (
    <dl className="call-metrics" aria-label={t('assist.metrics.label')} data-testid="call-metrics">
      {entries.map(([key, label, value, hint]) => (
        <div key={key} data-metric={key} title={hint}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
