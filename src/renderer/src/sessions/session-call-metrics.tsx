import { useTranslation } from 'react-i18next';
import type { CallMetrics } from '../../../domain/assist/call-metrics';
import { callMetricFigures } from '../../../domain/assist/call-metrics-text';
import type { SessionSummary } from '../../../contract/sessions';
import { useLocale } from '../ui/use-locale';

const columns = ['talkRatio', 'overtalk', 'longestSilence', 'agentRate', 'acknowledgement'] as const;
const figureOf = {
  talkRatio: 'talk',
  overtalk: 'overtalk',
  longestSilence: 'silence',
  agentRate: 'rate',
  acknowledgement: 'ack',
} as const;

/**
 * The session's calls with their metrics (from each call's signals, as the domain computed them): what the calls
 * were like, next to how the reviewers agreed on them. Nothing when no call has signals.
 */
export function SessionCallMetrics({
  session,
  metrics,
}: {
  session: SessionSummary;
  metrics: readonly (CallMetrics | null)[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!metrics.some((entry) => entry !== null)) return null;
  return (
    <div className="table-wrap">
      <table className="review-table" data-testid="report-call-metrics">
        <caption>{t('assist.report.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.call')}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`assist.metrics.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {session.calls.map((call, index) => {
            const entry = metrics[index];
            const figures = entry ? callMetricFigures(entry, locale) : null;
            return (
              <tr key={call.id} data-call-id={call.id}>
                <th scope="row">{call.title}</th>
                {columns.map((column) => (
                  <td key={column} className="number">
                    {figures ? figures[figureOf[column]] : t('assist.metrics.none')}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
