import { useTranslation } from 'react-i18next';
import type { RetentionLog } from '../../../contract/retention';
import { formatDateTime } from '../ui/calendar-date';
import { formatBytes } from '../ui/format-bytes';
import { useLocale } from '../ui/use-locale';

/** What the rules removed, newest first: when, which call, which rule, which run, how much. */
export function RetentionLogView({ log }: { log: RetentionLog }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (log.entries.length === 0) return <p className="muted">{t('retention.logEmpty')}</p>;
  return (
    <table className="review-table retention-log" data-testid="retention-log">
      <thead>
        <tr>
          <th scope="col">{t('retention.logRemovedOn')}</th>
          <th scope="col">{t('retention.logCall')}</th>
          <th scope="col">{t('retention.logRule')}</th>
          <th scope="col">{t('retention.logTrigger')}</th>
          <th scope="col" className="numeric">
            {t('retention.logFreed')}
          </th>
        </tr>
      </thead>
      <tbody>
        {log.entries.map((entry) => (
          <tr key={`${entry.callId}-${entry.removedAtMs}`}>
            <td>{formatDateTime(entry.removedAtMs, locale)}</td>
            <td>{entry.callTitle ?? <span className="muted">{t('retention.callGone')}</span>}</td>
            <td>
              {t('retention.logRuleText', {
                kind: t(`retention.ruleKinds.${entry.rule}`),
                days: entry.days,
                basis: t(`retention.logBasis.${entry.basis}`),
              })}
            </td>
            <td>{t(`retention.triggers.${entry.trigger}`)}</td>
            <td className="numeric">
              {t('retention.logSize', {
                size: formatBytes(entry.audioBytes + entry.peaksBytes, locale),
                segments: entry.transcriptSegments,
              })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
