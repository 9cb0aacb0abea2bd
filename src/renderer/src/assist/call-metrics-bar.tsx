import { useTranslation } from 'react-i18next';
import { callMetrics } from '../../../domain/assist/call-metrics';
import { callMetricFigures } from '../../../domain/assist/call-metrics-text';
import { useLocale } from '../ui/use-locale';
import type { CallSignalsState } from './use-call-signals';

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
  const figures = callMetricFigures(callMetrics(state.signals), locale);
  const entries: readonly [string, string, string, string?][] = [
    ['talk-ratio', t('assist.metrics.talkRatio'), figures.talk],
    ['overtalk', t('assist.metrics.overtalk'), figures.overtalk],
    ['longest-silence', t('assist.metrics.longestSilence'), figures.silence],
    ['agent-rate', t('assist.metrics.agentRate'), figures.rate],
    ['acknowledgement', t('assist.metrics.acknowledgement'), figures.ack, t('assist.metrics.acknowledgementHint')],
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
