import { useTranslation } from 'react-i18next';
import type { CustomerRequestLogEntry } from '../../../contract/requests';
import { formatDateTime } from '../ui/format';
import { useLocale } from '../ui/use-locale';

/** The request log: date, kind, reference, number of calls, who; never the customer. */
export function RequestLog({ entries }: { entries: readonly CustomerRequestLogEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <h3 id="request-log-title">{t('requests.log')}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t('requests.logEmpty')}</p>
      ) : (
        <table className="request-log" aria-labelledby="request-log-title" data-testid="request-log">
          <thead>
            <tr>
              <th scope="col">{t('requests.logColumns.date')}</th>
              <th scope="col">{t('requests.logColumns.kind')}</th>
              <th scope="col">{t('requests.logColumns.reference')}</th>
              <th scope="col">{t('requests.logColumns.calls')}</th>
              <th scope="col">{t('requests.logColumns.operator')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-kind={entry.kind}>
                <td>{formatDateTime(entry.atMs, locale)}</td>
                <td>{t(`requests.logKinds.${entry.kind}`)}</td>
                <td>{entry.reference}</td>
                <td>{entry.callCount}</td>
                <td>{entry.operatorName || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
