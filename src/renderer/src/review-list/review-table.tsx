import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSummary } from '../../../contract/reviews';
import type { Locale } from '../../../domain/rubric/localized-text';
import { formatDateTime, formatScore } from '../ui/format';

const columns = ['call', 'agent', 'reviewer', 'session', 'rubric', 'status', 'total', 'changed'] as const;

/** One review: its call (opens it), agent, reviewer, session, rubric, status, total and last change. */
function ReviewRow({ row, locale, onOpen }: { row: ReviewSummary; locale: Locale; onOpen: (callId: string) => void }) {
  const { t } = useTranslation();
  return (
    <tr data-review-id={row.id}>
      <td>
        <button
          type="button"
          className="link-button"
          onClick={() => onOpen(row.callId)}
          aria-label={t('reviewList.open', { call: row.callTitle })}
        >
          {row.callTitle}
        </button>
      </td>
      <td>{row.agentName || '—'}</td>
      <td>{row.reviewerName ?? row.reviewerId}</td>
      <td>{row.sessionName ?? '—'}</td>
      <td>
        {row.rubricName} v{row.rubricVersion}
      </td>
      <td>
        <span className={`status-pill status-${row.status}`}>{t(`review.status.${row.status}`)}</span>
      </td>
      <td className="number">
        {formatScore(row.total, locale)}
        {row.criticalFailed && <span className="critical-failed"> ⚠ {t('reviewList.critical')}</span>}
      </td>
      <td>{formatDateTime(row.updatedAtMs, locale)}</td>
    </tr>
  );
}

/** The reviews loaded so far; the next window loads as the end of the list scrolls into view (or on the button). */
export function ReviewTable({
  rows,
  total,
  hasMore,
  loadMore,
  locale,
  onOpen,
}: {
  rows: readonly ReviewSummary[];
  total: number;
  hasMore: boolean;
  loadMore: () => void;
  locale: Locale;
  onOpen: (callId: string) => void;
}) {
  const { t } = useTranslation();
  const endRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const end = endRef.current;
    if (!end || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && loadMore());
    observer.observe(end);
    return () => observer.disconnect();
  }, [hasMore, loadMore]);
  return (
    <div className="table-wrap">
      <table className="review-table" data-testid="review-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`reviewList.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ReviewRow key={row.id} row={row} locale={locale} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
      {hasMore && (
        <div ref={endRef} className="review-list-end">
          <button type="button" className="button" onClick={loadMore}>
            {t('reviewWindow.more', { shown: rows.length, total })}
          </button>
        </div>
      )}
    </div>
  );
}
