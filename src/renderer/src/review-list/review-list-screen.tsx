import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewListFilter } from '../../../contract/reviews';
import { useLocale } from '../ui/use-locale';
import { ErrorPanel } from '../shell/error-panel';
import { ScoreExportControls } from '../sessions/score-export-controls';
import { useExportDownload } from '../sessions/use-export-download';
import { useTransport } from '../transport/transport-context';
import { ReviewFilters, useReviewFilter } from './review-filters';
import { ReviewTable } from './review-table';
import { useReviewWindows } from './use-review-windows';
import { ExportMyReviews } from '../team/export-my-reviews';

/** The score export of the listed reviews, optionally with severity-adjusted totals. */
function ReviewExportBar({ filter }: { filter: ReviewListFilter }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const { run, error: exportError } = useExportDownload();
  const [applySeverity, setApplySeverity] = useState(false);
  // The score export takes one session (its calibrated export) or none; "routine only" is a list filter.
  const { sessionId, ...withoutSession } = filter;
  const exportFilter = sessionId ? { ...withoutSession, sessionId } : withoutSession;
  return (
    <>
      <div className="screen-header">
        <label className="check">
          <input
            type="checkbox"
            checked={applySeverity}
            aria-describedby="apply-severity-hint"
            onChange={(event) => setApplySeverity(event.target.checked)}
          />
          {t('reviewList.applySeverity')}
        </label>
        <p id="apply-severity-hint" className="muted">
          {t('reviewList.applySeverityHint')}
        </p>
        <ScoreExportControls
          onExport={(format) =>
            void run(transport.invoke('exports.scores', { ...exportFilter, format, language: locale, applySeverity }))
          }
        />
      </div>
      {exportError && <ErrorPanel error={exportError} />}
    </>
  );
}

/** Every review on this machine, filtered by call, agent, reviewer, status and date. */
export function ReviewListScreen({ onOpen }: { onOpen: (callId: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { filter, fields, setters } = useReviewFilter();
  const filtered = useReviewWindows(filter);

  return (
    <section className="screen" aria-labelledby="reviews-title">
      <h1 id="reviews-title">{t('reviewList.title')}</h1>
      <ReviewFilters fields={fields} setters={setters} />
      <ReviewExportBar filter={filter} />
      {filtered.status === 'error' && <ErrorPanel error={filtered.error} onRetry={filtered.reload} />}
      {filtered.status === 'ok' && (
        <>
          <p className="muted" aria-live="polite">
            {t('reviewList.count', { count: filtered.total })}
          </p>
          {filtered.rows.length === 0 ? (
            <p className="muted">{t('reviewList.empty')}</p>
          ) : (
            <ReviewTable
              rows={filtered.rows}
              total={filtered.total}
              hasMore={filtered.hasMore}
              loadMore={filtered.loadMore}
              locale={locale}
              onOpen={onOpen}
            />
          )}
        </>
      )}
      <ExportMyReviews />
    </section>
  );
}
