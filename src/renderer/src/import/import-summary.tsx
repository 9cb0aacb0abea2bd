import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../contract/imports';
import { summaryEntries, type SummaryEntry } from './summary-entries';

function EntryList({ entries, className }: { entries: readonly SummaryEntry[]; className: string }) {
  const { t } = useTranslation();
  return (
    <ul className={className}>
      {entries.map((entry) => (
        <li key={entry.fileName} data-testid="import-issue">
          <span className="issue-file">{entry.fileName}</span>:{' '}
          {entry.codes.map((code) => t(`importIssues.${code}`)).join(' ')}
          {entry.importedWithout && <> {t('import.importedWithout', { audio: entry.importedWithout })}</>}
        </li>
      ))}
    </ul>
  );
}

/** What an import did: calls added, each refused file once with its reasons, and notes on other files (a duplicate). */
export function ImportSummaryPanel({ summary, onClose }: { summary: ImportSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { refused, notes } = summaryEntries(summary);
  return (
    <div className="import-panel import-summary" role="alert" aria-label={t('import.summary')}>
      <strong>
        {summary.cancelled
          ? t('import.cancelledSummary', { count: summary.importedCallIds.length })
          : t('import.doneSummary', { count: summary.importedCallIds.length })}
      </strong>
      {summary.transcriptCallIds.length > 0 && (
        <p data-testid="transcripts-added">
          {t('import.transcriptsAdded', { count: summary.transcriptCallIds.length })}
        </p>
      )}
      {refused.length > 0 && (
        <>
          <p>{t('import.refused', { count: refused.length })}</p>
          <EntryList entries={refused} className="issue-list" />
        </>
      )}
      {notes.length > 0 && (
        <>
          <p>{t('import.noted', { count: notes.length })}</p>
          <EntryList entries={notes} className="issue-list muted" />
        </>
      )}
      <button type="button" className="button" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}
